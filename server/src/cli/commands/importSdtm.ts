// `nadir import sdtm`: CDISC SDTM TU/TR(/RS) CSV tables -> one case file per subject, and the
// agreement report against the recorded responses (core/import/sdtm.ts, core/import/agreement.ts).
import * as fs from "fs";
import * as path from "path";
import type { CliIO } from "../command";
import { CliError } from "../command";
import { parseCommandArgs } from "../cohort";
import { describeIoError, writeFileAtomic } from "../files";
import { loadSettingsFor } from "../config";
import { safeFileName, UniqueNames } from "../outputNames";
import { CsvTable, parseCsvTable, sdtmToCases, SdtmError } from "../../core/import/sdtm";
import { agreementJson, agreementReport, agreementTable, agreementText } from "../../core/import/agreement";
import { tableToCsv } from "../../core/export/table";

const AGREEMENT_FORMATS = ["text", "csv", "json"] as const;

export async function runSdtmImport(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseCommandArgs("import", args, {
    tu: { type: "string" },
    tr: { type: "string" },
    rs: { type: "string" },
    evaluator: { type: "string" },
    agreement: { type: "string" },
    out: { type: "string", short: "o" },
  });
  if (positionals.length > 0) throw new CliError(`unexpected argument '${positionals[0]}' (name the tables with --tu, --tr and --rs)`);
  if (values.tu === undefined || values.tr === undefined) throw new CliError("give the tables with --tu TU.csv --tr TR.csv");
  const format = values.agreement ?? "text";
  if (!(AGREEMENT_FORMATS as readonly string[]).includes(format)) throw new CliError(`unknown agreement format '${format}' (use --agreement ${AGREEMENT_FORMATS.join("|")})`);
  if (values.agreement !== undefined && values.rs === undefined) throw new CliError("--agreement compares with the recorded responses: give --rs RS.csv");
  if (values.evaluator !== undefined && values.evaluator.trim() === "") throw new CliError("--evaluator needs a reader's name");

  const settings = loadSettingsFor(null, {}, io.cwd);
  try {
    const tu = readTable(values.tu, io);
    const tr = readTable(values.tr, io);
    const rs = values.rs !== undefined ? readTable(values.rs, io) : null;
    const cases = sdtmToCases(tu, tr, { evaluator: values.evaluator, settings, rs });
    const report = rs ? agreementReport(cases, rs, { evaluator: values.evaluator, settings }) : null;

    if (values.out !== undefined) {
      const dir = path.resolve(io.cwd, values.out);
      const names = new UniqueNames();
      const written: string[] = [];
      try {
        fs.mkdirSync(dir, { recursive: true });
        for (const c of cases) {
          const name = names.take(`${safeFileName(c.patientId)}.nadir`);
          writeFileAtomic(path.join(dir, name), c.text);
          written.push(name);
        }
      } catch (e) {
        throw new CliError(`cannot write into '${values.out}': ${describeIoError(e)}`);
      }
      io.stderr.write(`nadir import: wrote ${written.length} case file${written.length === 1 ? "" : "s"} into ${values.out} (${cases[0]?.reader ?? ""})\n`);
    } else if (!report) {
      io.stdout.write(cases.map((c) => c.text).join("\n"));
    } else {
      io.stderr.write(`nadir import: ${cases.length} subject${cases.length === 1 ? "" : "s"} read; give --out DIR to write their case files\n`);
    }
    if (report) {
      if (format === "json") io.stdout.write(`${JSON.stringify(agreementJson(report), null, 2)}\n`);
      else if (format === "csv") io.stdout.write(tableToCsv(agreementTable(report)));
      else io.stdout.write(agreementText(report));
    }
    return 0;
  } catch (e) {
    if (!(e instanceof SdtmError)) throw e;
    for (const line of e.message.split("\n")) io.stderr.write(`nadir import: ${line}\n`);
    io.stderr.write("nadir import: nothing written\n");
    return 2;
  }
}

function readTable(file: string, io: CliIO): CsvTable {
  const absolute = path.resolve(io.cwd, file);
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(absolute);
  } catch (e) {
    throw new SdtmError(`${file}: cannot read: ${describeIoError(e)}`);
  }
  if (/\.xpt$/i.test(file) || bytes.subarray(0, 80).toString("latin1").startsWith("HEADER RECORD*******LIBRARY HEADER RECORD")) {
    throw new SdtmError(`${file}: a SAS transport (XPT) file; Nadir reads SDTM as CSV (export the dataset to CSV first)`);
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new SdtmError(`${file}: not UTF-8 text (save the table as UTF-8 CSV)`);
  }
  return parseCsvTable(text, file);
}
