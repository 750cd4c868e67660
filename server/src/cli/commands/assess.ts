// `nadir assess <files | directories | ->`: the response assessment of every patient, as the
// spec's JSON, a terminal timeline or one CSV row per time point. Exit 0 when every file was
// assessed, even when a file has errors (they are named on standard error; `nadir check` is the
// CI gate), 1 with --strict when a file has errors, 2 for usage and I/O problems.
import type { Command, CliIO } from "../command";
import { CliError } from "../command";
import { analyze, Analysis } from "../../core/analyze";
import { assessmentJson } from "../../core/engine/json";
import { expandInputs, readCaseInput } from "../files";
import { loadSettingsFor, SettingsFlags } from "../config";
import { parseCommandArgs } from "../cohort";
import { ASSESS_OPTIONS, assessOptionsHelp, readAssessOptions } from "../assessOptions";
import { assessTable } from "../output/assess-table";
import { assessCsv } from "../output/assess-csv";

const FORMATS = ["table", "json", "csv"] as const;
type Format = (typeof FORMATS)[number];

const USAGE = `Usage: nadir assess [options] <files | directories | ->

Assesses tumour response (RECIST 1.1 / iRECIST) at every scan of every patient.
Directories are searched recursively for *.nadir files; '-' reads standard input.

Options:
  --format table|json|csv          output (default: table). json follows the spec; csv has
                                   one row per time point (columns of the time-point table of 'nadir export')
  --explain                        (table) print under each response the trace that decided it
${assessOptionsHelp(false)}  --strict                         exit 1 when a file has errors
  -h, --help                       show this help

Settings also come from the nearest nadir.config.json above each file; flags win over it,
and the case file's own statements win over both.
Exit status: 0 assessed (even with clinical findings such as progression; files with errors
are named on standard error, their results may be incomplete: see 'nadir check'), 1 with
--strict when a file has errors, 2 usage or I/O problem.
`;

interface AssessOptions {
  format: Format;
  strict: boolean;
  explain: boolean;
  flags: SettingsFlags;
  today: number | undefined;
  inputs: string[];
}

export function parseAssessArgs(args: string[]): AssessOptions {
  const { values, positionals } = parseCommandArgs("assess", args, {
    format: { type: "string" },
    explain: { type: "boolean" },
    ...ASSESS_OPTIONS,
    strict: { type: "boolean" },
  });
  const format = (values.format as string | undefined) ?? "table";
  if (!(FORMATS as readonly string[]).includes(format)) throw new CliError(`--format expects one of ${FORMATS.join(", ")}, got '${format}'`);
  if (values.explain && format !== "table") throw new CliError(`--explain prints the trace under each response of the table: use it with --format table, not --format ${format}`);
  const { flags, today } = readAssessOptions(values);
  if (positionals.length === 0) throw new CliError("no case files given (try 'nadir assess examples', or '-' for standard input)");
  return { format: format as Format, strict: Boolean(values.strict), explain: Boolean(values.explain), flags, today, inputs: positionals };
}

export const assessCommand: Command = {
  name: "assess",
  summary: "assess tumour response at every scan (RECIST 1.1 / iRECIST) as a table, JSON or CSV",
  usage: USAGE,
  async run(args: string[], io: CliIO): Promise<number> {
    const options = parseAssessArgs(args);
    const files: Array<{ path: string; analysis: Analysis }> = [];
    for (const input of expandInputs(options.inputs, io.cwd)) {
      const text = await readCaseInput(input, io.stdin);
      const settings = loadSettingsFor(input.absolute, options.flags, io.cwd);
      files.push({ path: input.display, analysis: analyze(text, { settings, today: options.today }) });
    }
    if (options.format === "json") {
      io.stdout.write(`${JSON.stringify({ version: 1, files: files.map((f) => assessmentJson(f.analysis, f.path)) }, null, 2)}\n`);
    } else if (options.format === "csv") {
      io.stdout.write(assessCsv(files));
    } else {
      io.stdout.write(assessTable(files, options.explain));
    }
    const broken = files.filter((f) => f.analysis.diagnostics.some((d) => d.severity === "error"));
    if (broken.length > 0) {
      io.stderr.write(`nadir assess: ${broken.map((f) => f.path).join(", ")} ${broken.length === 1 ? "has" : "have"} errors; results may be incomplete (see 'nadir check')\n`);
      return options.strict ? 1 : 0;
    }
    return 0;
  },
};
