// `nadir check <files | directories | ->`: parse, model, check and assess case files and print
// every diagnostic. Exit 0 when clean (warnings allowed up to --max-warnings), 1 with errors or too
// many warnings, 2 for usage and I/O problems.
import { parseArgs } from "util";
import type { Command, CliIO } from "../command";
import { CliError } from "../command";
import { parseDay } from "../../core/util/dates";
import type { Criteria } from "../../core/model/types";
import { expandInputs } from "../files";
import type { SettingsFlags } from "../config";
import { countBySeverity, formatSummary, formatText, FileDiagnostics } from "../output/text";
import { formatJson, JsonFile } from "../output/json";
import { formatCheckResults, isCiFormat, CI_FORMATS } from "../output/checkFormats";
import { packageVersion } from "../version";
import { checkAll } from "../checkRunner";
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
  --criteria RECIST1.1|iRECIST           criteria for patients whose file names none
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
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: "string" },
        "max-warnings": { type: "string" },
        quiet: { type: "boolean" },
        jobs: { type: "string" },
        "as-of": { type: "string" },
        criteria: { type: "string" },
      },
    });
  } catch (e) {
    throw new CliError(`${describeArgError(e as Error & { code?: string })} (see 'nadir check --help')`);
  }
  const { values, positionals } = parsed;
  const format = values.format ?? "text";
  if (!(FORMATS as readonly string[]).includes(format)) throw new CliError(`unknown format '${format}' (formats: ${FORMATS.join(", ")})`);
  let maxWarnings: number | null = null;
  if (values["max-warnings"] !== undefined) {
    if (!/^\d+$/.test(values["max-warnings"])) throw new CliError(`--max-warnings expects a whole number, got '${values["max-warnings"]}'`);
    maxWarnings = Number(values["max-warnings"]);
  }
  let jobs: number | null = null;
  if (values.jobs !== undefined) {
    if (!/^[1-9]\d*$/.test(values.jobs)) throw new CliError(`--jobs expects a whole number of at least 1, got '${values.jobs}'`);
    jobs = Number(values.jobs);
  }
  const flags: SettingsFlags = {};
  let today: number | undefined;
  if (values["as-of"] !== undefined) {
    const day = parseDay(values["as-of"]);
    if (day === null) throw new CliError(`--as-of expects a real date YYYY-MM-DD, got '${values["as-of"]}'`);
    flags.asOfDate = values["as-of"];
    today = day;
  }
  if (values.criteria !== undefined) flags.criteria = parseCriteria(values.criteria);
  if (positionals.length === 0) throw new CliError("no case files given (try 'nadir check examples', or '-' for standard input)");
  return { format: format as CheckOptions["format"], maxWarnings, quiet: values.quiet === true, jobs, flags, today, inputs: positionals };
}

export function describeArgError(e: Error & { code?: string }): string {
  const option = /'([^']+)'/.exec(e.message)?.[1] ?? "";
  if (e.code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") return `unknown option '${option}'`;
  if (e.code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE") return `option '${option.split(" ")[0]}' needs a value`;
  return e.message.split("\n")[0];
}

function parseCriteria(text: string): Criteria {
  const compact = text.replace(/\s+/g, "").toLowerCase();
  if (compact === "recist1.1" || compact === "recist") return "RECIST1.1";
  if (compact === "irecist") return "iRECIST";
  throw new CliError(`unknown criteria '${text}' (use RECIST1.1 or iRECIST)`);
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
