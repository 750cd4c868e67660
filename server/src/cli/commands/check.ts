// `nadir check <files | directories | ->`: parse, model, check and assess case files and print
// every diagnostic. Exit 0 when clean (warnings allowed up to --max-warnings), 1 with errors or too
// many warnings, 2 for usage and I/O problems.
import type { Command, CliIO } from "../command";
import { CliError } from "../command";
import { criteriaFlag, dateFlag, oneOfFlag, parseCommandArgs, wholeNumberFlag } from "../args";
import { criteriaHelp } from "../assessOptions";
import { expandInputs } from "../files";
import type { SettingsFlags } from "../config";
import { countBySeverity, formatSummary, formatText, FileDiagnostics } from "../output/text";
import { formatJson, JsonFile } from "../output/json";
import { formatCheckResults, isCiFormat, CI_FORMATS } from "../output/checkFormats";
import { packageVersion } from "../version";
import { checkAll, CheckedInput } from "../checkRunner";
import { crossFileDuplicatePatients } from "../../core/check/families/patientIds";
import { diagnosticJson } from "../../core/engine/json";
import { LineIndex } from "../../core/text/lineIndex";
import { colourText, ProgressBar, useColour } from "../output/terminal";

const FORMATS = ["text", "json", ...CI_FORMATS] as const;

const USAGE = `Usage: nadir check [options] <files | directories | ->

Checks Nadir case files (*.nadir) and prints every problem as
  path:line:col severity code message
Directories are searched recursively for *.nadir files; '-' reads standard input.

Options:
  --format ${FORMATS.join("|").padEnd(30)} output format (default: text)
  --max-warnings N                       exit 1 when there are more than N warnings
  --quiet                                print errors only (warnings still count for --max-warnings)
  --jobs N                               worker threads (default: one per core for 32 files or more)
  --as-of YYYY-MM-DD                     judge due and overdue scans against this date
${criteriaHelp(41).join("\n")}
  -h, --help                             show this help

Settings also come from the nearest nadir.config.json above each file; flags win over it,
and the case file's own statements win over both.
Colour is used on a terminal unless NO_COLOR is set; a progress bar shows on a terminal for 10+ files.
Exit status: 0 clean, 1 errors (or too many warnings), 2 usage or I/O problem.
`;

interface CheckOptions {
  format: (typeof FORMATS)[number];
  maxWarnings: number | null;
  quiet: boolean;
  jobs: number | null;
  flags: SettingsFlags;
  today: number | undefined;
  inputs: string[];
}

export function parseCheckArgs(args: string[]): CheckOptions {
  const { values, positionals } = parseCommandArgs("check", args, {
    format: { type: "string" },
    "max-warnings": { type: "string" },
    quiet: { type: "boolean" },
    jobs: { type: "string" },
    "as-of": { type: "string" },
    criteria: { type: "string" },
  });
  const format = oneOfFlag("--format", values.format ?? "text", FORMATS);
  const maxWarnings = values["max-warnings"] === undefined ? null : wholeNumberFlag("--max-warnings", values["max-warnings"], 0);
  const jobs = values.jobs === undefined ? null : wholeNumberFlag("--jobs", values.jobs, 1);
  const flags: SettingsFlags = {};
  let today: number | undefined;
  if (values["as-of"] !== undefined) {
    const asOf = dateFlag("--as-of", values["as-of"]);
    flags.asOfDate = asOf.text;
    today = asOf.day;
  }
  if (values.criteria !== undefined) flags.criteria = criteriaFlag("--criteria", values.criteria);
  if (positionals.length === 0) throw new CliError("no case files given (try 'nadir check examples', or '-' for standard input)");
  return { format, maxWarnings, quiet: values.quiet === true, jobs, flags, today, inputs: positionals };
}

export const checkCommand: Command = {
  name: "check",
  summary: "check case files and print their problems (path:line:col severity code message)",
  usage: USAGE,
  async run(args: string[], io: CliIO): Promise<number> {
    const options = parseCheckArgs(args);
    const inputs = expandInputs(options.inputs, io.cwd);
    const progress = ProgressBar.maybe(io.stderr, inputs.length);
    const results = await checkAll(inputs, { flags: options.flags, today: options.today, cwd: io.cwd, json: options.format === "json" }, io.stdin, {
      jobs: options.jobs,
      onProgress: (done) => progress?.update(done),
    });
    progress?.clear();
    addCrossFileFindings(results);
    for (const r of results) if (r.patients.length === 0) io.stderr.write(`nadir check: ${r.path} holds no patient${whyNoPatient(r.text)}\n`);
    const checked: FileDiagnostics[] = results.map((r) => ({ path: r.path, text: r.text, diagnostics: r.diagnostics }));
    const shown = options.quiet ? checked.map((f) => ({ ...f, diagnostics: f.diagnostics.filter((d) => d.severity === "error") })) : checked;
    const json: JsonFile[] = results.map((r) => r.json as JsonFile);
    if (options.format === "json") io.stdout.write(formatJson(options.quiet ? json.map((f) => ({ ...f, diagnostics: f.diagnostics.filter((d) => d.severity === "error") })) : json));
    else if (isCiFormat(options.format)) io.stdout.write(formatCheckResults(options.format, shown, { version: packageVersion() }));
    else io.stdout.write(useColour(io.stdout, io.env) ? colourText(formatText(shown)) : formatText(shown));
    const counts = countBySeverity(checked);
    if (options.format === "text") io.stderr.write(formatSummary(checked.length, counts));
    const tooManyWarnings = options.maxWarnings !== null && counts.warning > options.maxWarnings;
    if (tooManyWarnings) io.stderr.write(`nadir check: ${counts.warning} warnings, more than --max-warnings ${options.maxWarnings}\n`);
    return counts.error > 0 || tooManyWarnings ? 1 : 0;
  },
};

/** duplicate-patient across the files of this run (warnings), merged into each file's findings. */
function addCrossFileFindings(results: CheckedInput[]): void {
  for (const [i, found] of crossFileDuplicatePatients(results)) {
    const r = results[i];
    r.diagnostics = [...r.diagnostics, ...found].sort((a, b) => a.start - b.start || a.end - b.end);
    if (r.json) {
      const index = new LineIndex(r.text);
      r.json.diagnostics = r.diagnostics.map((d) => diagnosticJson(index, d));
    }
  }
}

/** Why a file holds no patient block, when that is all there is to say (else its errors say it). */
function whyNoPatient(text: string): string {
  if (text.trim() === "") return " (the file is empty)";
  if (text.split(/\r\n|\r|\n/).every((line) => /^\s*(#.*)?$/.test(line))) return " (only comments)";
  return "";
}
