// Shared by the research commands (export, plot): argument parsing with clear messages, and
// reading case files into an analysed cohort with the same settings as `nadir check`.
import { CliError, CliIO } from "./command";
import { expandInputs, readCaseInput } from "./files";
import { loadSettingsFor } from "./config";
import { analyze } from "../core/analyze";
import { dateFlag } from "./args";
import type { CohortFile } from "../core/export/cohort";

export { parseCommandArgs } from "./args";

/** `--as-of YYYY-MM-DD` as a day number, or undefined. */
export function parseAsOf(value: string | undefined): { asOfDate?: string; today?: number } {
  if (value === undefined) return {};
  const { text, day } = dateFlag("--as-of", value);
  return { asOfDate: text, today: day };
}

export function requireInputs(command: string, positionals: string[]): void {
  if (positionals.length === 0) throw new CliError(`no case files given (try 'nadir ${command} examples')`);
}

export interface LoadedCohort {
  files: CohortFile[];
  /** Number of error diagnostics over all files (their results may be incomplete). */
  errors: number;
}

export async function loadCohort(inputs: string[], io: CliIO, asOf: { asOfDate?: string; today?: number }): Promise<LoadedCohort> {
  const files: CohortFile[] = [];
  let errors = 0;
  for (const input of expandInputs(inputs, io.cwd)) {
    const text = await readCaseInput(input, io.stdin);
    const settings = loadSettingsFor(input.absolute, asOf.asOfDate ? { asOfDate: asOf.asOfDate } : {}, io.cwd);
    const analysis = analyze(text, { settings, today: asOf.today });
    errors += analysis.diagnostics.filter((d) => d.severity === "error").length;
    files.push({ path: input.display, analysis });
  }
  return { files, errors };
}

/** Results are still written, but the user learns that some input could not be read fully. */
export function warnAboutErrors(command: string, cohort: LoadedCohort, io: CliIO): void {
  if (cohort.errors > 0) {
    io.stderr.write(`nadir ${command}: the case files have ${cohort.errors} error${cohort.errors === 1 ? "" : "s"}; their results may be incomplete (see 'nadir check')\n`);
  }
}
