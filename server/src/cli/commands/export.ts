// `nadir export --to csv|cdisc|fhir`: cohort tables and FHIR bundles for research tools.
import * as fs from "fs";
import * as path from "path";
import type { Command, CliIO } from "../command";
import { CliError } from "../command";
import { loadCohort, parseCommandArgs, requireInputs, selectComplete } from "../cohort";
import { ASSESS_OPTIONS, assessOptionsHelp, INCLUDE_INCOMPLETE_OPTION, readAssessOptions } from "../assessOptions";
import { timepointTable } from "../../core/export/csv";
import { cdiscTables, CdiscLeftOut } from "../../core/export/cdisc";
import type { CohortFile } from "../../core/export/cohort";
import { LineIndex } from "../../core/text/lineIndex";
import { fhirBundles } from "../../core/export/fhir";
import { tableToCsv } from "../../core/export/table";
import { describeIoError, writeFileAtomic } from "../files";
import { safeFileName, UniqueNames } from "../outputNames";
import { writeDicomSr } from "./exportDicomSr";

const TARGETS = ["csv", "cdisc", "fhir", "dicom-sr"] as const;
const CDISC_TABLES = ["tu", "tr", "rs"] as const;
const DEFAULT_STUDY = "NADIR";

const USAGE = `Usage: nadir export --to csv|cdisc|fhir|dicom-sr [options] <files | directories | ->

Exports the assessments of case files for research tools.
  --to csv     one row per time point (sums, changes, responses), timepoints.csv
  --to cdisc   SDTM tumour tables: tu.csv (TU), tr.csv (TR), rs.csv (RS); a patient with an
               organ outside the known list is left out (it has no CDISC location term; exit 1)
  --to fhir    one FHIR R4 Bundle per patient (mCODE-aligned), <patient>.json;
               on standard output, one Bundle per line (NDJSON)
  --to dicom-sr one DICOM SR Measurement Report (TID 1500) per scan, <patient>_<date>.dcm
               (needs --out DIR)

Patients whose data an error touches (see 'nadir check') are left out unless
--include-incomplete is given; standard error names them with the codes and lines.

Options:
  -o, --out DIR                    write the files into DIR (created if needed); default:
                                   standard output
  --table tu|tr|rs                 with --to cdisc and no --out: the one table to print
  --study ID                       STUDYID of the CDISC tables (default: ${DEFAULT_STUDY})
${assessOptionsHelp(true)}  -h, --help                       show this help
`;

export const exportCommand: Command = {
  name: "export",
  summary: "export assessments as CSV, CDISC SDTM tables (TU/TR/RS), FHIR R4 bundles or DICOM SR",
  usage: USAGE,
  async run(args: string[], io: CliIO): Promise<number> {
    const { values, positionals } = parseCommandArgs("export", args, {
      to: { type: "string" },
      out: { type: "string", short: "o" },
      table: { type: "string" },
      study: { type: "string" },
      ...ASSESS_OPTIONS,
      ...INCLUDE_INCOMPLETE_OPTION,
    });
    const target = values.to;
    if (target === undefined) throw new CliError(`say what to export with --to ${TARGETS.join("|")}`);
    if (!(TARGETS as readonly string[]).includes(target)) throw new CliError(`unknown export '${target}' (use --to ${TARGETS.join("|")})`);
    const table = values.table;
    if (table !== undefined && !(CDISC_TABLES as readonly string[]).includes(table)) throw new CliError(`unknown table '${table}' (use --table ${CDISC_TABLES.join("|")})`);
    if (table !== undefined && target !== "cdisc") throw new CliError("--table is for --to cdisc");
    if (target === "cdisc" && values.out === undefined && table === undefined) {
      throw new CliError("--to cdisc writes three tables: give --out DIR, or --table tu|tr|rs to print one");
    }
    const studyId = values.study ?? DEFAULT_STUDY;
    if (!/^[A-Za-z0-9_-]+$/.test(studyId)) throw new CliError(`--study expects letters, digits, '-' or '_', got '${studyId}'`);
    const options = readAssessOptions(values);
    requireInputs("export", positionals);
    const loaded = await loadCohort(positionals, io, options);
    const cohort = selectComplete(loaded, options.includeIncomplete, io, "export");
    if (!cohort.files.some((f) => f.analysis.assessment.patients.length > 0)) {
      const leftOut = loaded.files.some((f) => f.analysis.assessment.patients.length > 0);
      throw new CliError(`nothing to export: ${leftOut ? "every patient was left out as incomplete (--include-incomplete exports them, marked)" : "the input holds no patient"}`);
    }

    if (target === "dicom-sr") return writeDicomSr(cohort, values.out, io);
    const outputs: Array<{ name: string; text: string }> = [];
    let status = 0;
    if (target === "csv") {
      outputs.push({ name: "timepoints.csv", text: tableToCsv(timepointTable(cohort.files)) });
    } else if (target === "cdisc") {
      const tables = cdiscTables(cohort.files, { studyId });
      status = reportLeftOut(tables.leftOut, cohort.files, io);
      for (const name of CDISC_TABLES) if (table === undefined || table === name) outputs.push({ name: `${name}.csv`, text: tableToCsv(tables[name]) });
    } else {
      const names = new UniqueNames();
      for (const { patientId, bundle } of fhirBundles(cohort.files)) {
        outputs.push({ name: names.take(`${safeFileName(patientId)}.json`), text: values.out === undefined ? `${JSON.stringify(bundle)}\n` : `${JSON.stringify(bundle, null, 2)}\n` });
      }
    }

    if (values.out === undefined) {
      for (const output of outputs) io.stdout.write(output.text);
      return status;
    }
    const dir = path.resolve(io.cwd, values.out);
    try {
      fs.mkdirSync(dir, { recursive: true });
      for (const output of outputs) writeFileAtomic(path.join(dir, output.name), output.text);
    } catch (e) {
      throw new CliError(`cannot write into '${values.out}': ${describeIoError(e)}`);
    }
    io.stderr.write(`nadir export: wrote ${outputs.map((o) => o.name).join(", ")} into ${values.out}\n`);
    return status;
  },
};

/**
 * Says what the CDISC tables leave out: a patient with an organ that has no CDISC location term
 * (exit 1: the tables lack a patient the user asked for), and the responses of incomplete episodes
 * (kept out of RS even with --include-incomplete; their TU and TR rows are there).
 */
function reportLeftOut(leftOut: CdiscLeftOut[], files: CohortFile[], io: CliIO): number {
  let status = 0;
  for (const item of leftOut) {
    if (item.what === "patient") {
      const file = files.find((f) => f.path === item.file);
      const line = file ? `:${new LineIndex(file.analysis.text).positionAt(item.offset).line + 1}` : "";
      io.stderr.write(`nadir export: ${item.file}${line}: left out ${item.patientId} from the CDISC tables: organ '${item.organ}' ` +
        "has no CDISC anatomical location (LOC) term; write a known organ, or 'other'\n");
      status = 1;
    } else {
      io.stderr.write(`nadir export: ${item.file}: rs.csv has no responses for ${item.patientId} line ${item.line}: its data are incomplete\n`);
    }
  }
  return status;
}
