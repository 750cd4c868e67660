// Every `nadir` subcommand, in the order `nadir --help` lists them.
import type { Command } from "../command";

export const COMMANDS: Command[] = [];
