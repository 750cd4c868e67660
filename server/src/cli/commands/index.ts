// Every `nadir` subcommand, in the order `nadir --help` lists them.
import type { Command } from "../command";
import { checkCommand } from "./check";
import { assessCommand } from "./assess";
import { formatCommand } from "./format";
import { exportCommand } from "./export";
import { plotCommand } from "./plot";
import { reportCommand } from "./report";
import { deidentifyCommand } from "./deidentify";
import { importCommand } from "./import";
import { lspCommand } from "./lsp";

export const COMMANDS: Command[] = [checkCommand, assessCommand, formatCommand, exportCommand, plotCommand, reportCommand, deidentifyCommand, importCommand, lspCommand];
