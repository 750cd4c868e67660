// `nadir import sr|sdtm`: measurements from imaging (DICOM SR, TID 1500) and trial tables (CDISC
// SDTM TU/TR/RS) into case files. The reading and the case-file text are the core's
// (core/import); this file handles arguments, files and the summary.
import * as fs from "fs";
import * as path from "path";
import type { Command, CliIO } from "../command";
import { CliError } from "../command";
import { parseCommandArgs } from "../cohort";
import { decodeCaseText, describeIoError, writeOutputFile } from "../files";
import { loadSettingsFor } from "../config";
import { readSr } from "../../core/import/srRead";
import { ImportError, ImportedScan } from "../../core/import/types";
import { describeReports, ImportOutcome, importScansInto, newCaseFromScans } from "../../core/import/importScans";
import { runSdtmImport } from "./importSdtm";

const USAGE = `Usage: nadir import sr <files | directories> [--into CASE.nadir [--patient ID]] [--out FILE]
       nadir import sdtm --tu TU.csv --tr TR.csv [--rs RS.csv] [--evaluator NAME] [--out DIR]
                         [--agreement text|csv|json]

Brings measurements into case files.

nadir import sr: DICOM Structured Reports (TID 1500 Measurement Report, as written by OHIF,
3D Slicer and PACS tools). Each measurement group becomes a lesion (its Tracking Identifier,
Tracking UID, Finding Site and Long Axis / Short Axis / Diameter / Length in mm or cm).
  (no --into)      print a new case file: the first report of each patient is the baseline,
                   targets chosen by RECIST 1.1 measurability (R1), later reports are scans
  --into FILE      append a scan block to a patient of FILE (rewritten in place, atomically)
  --patient ID     the patient of FILE to append to (default: the report's patient id)
  -o, --out FILE   write the result to FILE instead (FILE must not exist)
Directories are searched recursively; files in them that are not SR are listed and ignored.
Groups that cannot be imported (areas, volumes, pixel units, ...) are listed with the reason.

nadir import sdtm: CDISC SDTM tumour tables (CSV) into one case file per subject (USUBJID).
  --tu FILE        TU (tumour identification): TULNKID, TULOC, TUORRES target/non-target/new
  --tr FILE        TR (tumour results): LDIAM, LPERP, TUMSTATE per lesion and visit
  --rs FILE        RS (disease response): compare Nadir's overall response with RSORRES
  --evaluator NAME the reader (TREVALID or TREVAL) whose records are used
                   (default: the accepted records, TRACPTFL = Y)
  --agreement FMT  text (default), csv or json: the agreement report (needs --rs)
  -o, --out DIR    write <USUBJID>.nadir files into DIR (default: print them, or only the
                   agreement report when --rs is given)

Options:
  -h, --help       show this help

Exit status: 0 imported (skipped groups are listed), 2 unreadable input or nothing written.
`;

export const importCommand: Command = {
  name: "import",
  summary: "import measurements from DICOM SR (TID 1500) or CDISC SDTM TU/TR/RS tables",
  usage: USAGE,
  async run(args: string[], io: CliIO): Promise<number> {
    const [kind, ...rest] = args;
    if (kind === "sr") return importSr(rest, io);
    if (kind === "sdtm") return runSdtmImport(rest, io);
    if (kind === undefined) throw new CliError("say what to import: 'nadir import sr FILES' or 'nadir import sdtm --tu TU.csv --tr TR.csv'");
    throw new CliError(`unknown import '${kind}' (use 'nadir import sr' or 'nadir import sdtm')`);
  },
};

async function importSr(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseCommandArgs("import", args, {
    into: { type: "string" },
    patient: { type: "string" },
    out: { type: "string", short: "o" },
  });
  if (positionals.length === 0) throw new CliError("no DICOM SR files given (try 'nadir import sr report.dcm')");
  if (values.patient !== undefined && values.patient.trim() === "") throw new CliError("--patient needs a patient id");
  if (values.patient !== undefined && values.into === undefined) throw new CliError("--patient names the patient of --into CASE.nadir to add the scan to: give --into too");
  const outPath = values.out === undefined ? null : path.resolve(io.cwd, values.out);
  if (outPath && fs.existsSync(outPath)) throw new CliError(`--out '${values.out}' already exists; choose a new file (or use --into to add to it)`);

  const scans: ImportedScan[] = [];
  const problems: string[] = [];
  for (const input of expandSrInputs(positionals, io.cwd)) {
    let bytes: Buffer;
    try {
      bytes = fs.readFileSync(input.absolute);
    } catch (e) {
      problems.push(`${input.display}: cannot read: ${describeIoError(e)}`);
      continue;
    }
    try {
      scans.push(readSr(bytes, input.display));
    } catch (e) {
      if (!(e instanceof ImportError)) throw e;
      if (input.fromDirectory) io.stderr.write(`nadir import: ignored ${e.message}\n`);
      else problems.push(e.message);
    }
  }
  for (const scan of scans) {
    if (scan.lesions.length === 0) problems.push(`${scan.sources.join(", ")}: no measurement group with a linear measurement in mm or cm: nothing to import${scan.skipped.length ? ` (${scan.skipped.map((s) => s.reason).join("; ")})` : ""}`);
  }
  if (problems.length === 0 && scans.length === 0) problems.push("no DICOM SR measurement report found in the inputs");
  if (problems.length > 0) return fail(problems, io);

  const settings = loadSettingsFor(values.into ? path.resolve(io.cwd, values.into) : null, {}, io.cwd);
  const options = { patient: values.patient, settings, origin: "DICOM SR" };
  let outcome: ImportOutcome;
  let target: string | null = outPath;
  let targetName = values.out ?? null;
  if (values.into !== undefined) {
    const intoPath = path.resolve(io.cwd, values.into);
    let text: string;
    try {
      text = decodeCaseText(fs.readFileSync(intoPath), values.into);
    } catch (e) {
      if (e instanceof CliError) throw e;
      throw new CliError(`cannot read '${values.into}': ${describeIoError(e)}`);
    }
    outcome = importScansInto(text, scans, options);
    if (target === null) {
      target = intoPath;
      targetName = values.into;
    }
  } else {
    outcome = newCaseFromScans(scans, options);
  }
  if (!outcome.ok) return fail(outcome.problems, io);
  for (const line of describeReports(outcome.reports)) io.stderr.write(`nadir import: ${line}\n`);
  if (target === null) {
    io.stdout.write(outcome.text);
    return 0;
  }
  writeOutputFile(target, outcome.text, target);
  io.stderr.write(`nadir import: wrote ${targetName}\n`);
  return 0;
}

function fail(problems: string[], io: CliIO): number {
  for (const p of problems) io.stderr.write(`nadir import: ${p}\n`);
  io.stderr.write("nadir import: nothing written\n");
  return 2;
}

interface SrInput {
  display: string;
  absolute: string;
  fromDirectory: boolean;
}

function expandSrInputs(args: string[], cwd: string): SrInput[] {
  const out: SrInput[] = [];
  for (const arg of args) {
    const absolute = path.resolve(cwd, arg);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(absolute);
    } catch (e) {
      throw new CliError(`cannot read '${arg}': ${describeIoError(e)}`);
    }
    if (stat.isDirectory()) {
      const found = filesBelow(absolute);
      if (found.length === 0) throw new CliError(`no files in directory '${arg}'`);
      for (const file of found) out.push({ display: path.join(arg, path.relative(absolute, file)).split(path.sep).join("/"), absolute: file, fromDirectory: true });
    } else if (stat.isFile()) {
      out.push({ display: arg, absolute, fromDirectory: false });
    } else {
      throw new CliError(`cannot read '${arg}': not a regular file`);
    }
  }
  return out;
}

function filesBelow(dir: string): string[] {
  const out: string[] = [];
  const walk = (current: string) => {
    for (const entry of fs.readdirSync(current, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      if (entry.name.startsWith(".")) continue;
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) out.push(full);
    }
  };
  walk(dir);
  return out;
}

