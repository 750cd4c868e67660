// Shared by the research commands (export, plot): argument parsing with clear messages, reading
// case files into an analysed cohort with the same settings as `nadir check`, and the choice of
// the patients whose results may be handed on (complete ones unless --include-incomplete).
import { CliError, CliIO } from "./command";
import { expandInputs, readCaseInput } from "./files";
import { loadSettingsFor } from "./config";
import { analyze } from "../core/analyze";
import { LineIndex } from "../core/text/lineIndex";
import type { CoreDiagnostic } from "../core/diagnostics";
import type { AssessOptionValues } from "./assessOptions";
import type { CohortFile } from "../core/export/cohort";

export { parseCommandArgs } from "./args";

export function requireInputs(command: string, positionals: string[]): void {
  if (positionals.length === 0) throw new CliError(`no case files given (try 'nadir ${command} examples')`);
}

export interface LoadedCohort {
  files: CohortFile[];
}

export async function loadCohort(inputs: string[], io: CliIO, options: Pick<AssessOptionValues, "flags" | "today">): Promise<LoadedCohort> {
  const files: CohortFile[] = [];
  for (const input of expandInputs(inputs, io.cwd)) {
    const text = await readCaseInput(input, io.stdin);
    const settings = loadSettingsFor(input.absolute, options.flags, io.cwd);
    files.push({ path: input.display, analysis: analyze(text, { settings, today: options.today }) });
  }
  return { files };
}

/**
 * The patients a research output may use: complete ones, or every one with `--include-incomplete`.
 * Reads the `complete` / `incompleteBecause` flags (core/completeness.ts) and says on standard
 * error which patients were left out (or kept although incomplete) and why, with codes and lines,
 * and which files have errors outside every patient block (a patient may be missing there).
 */
export function selectComplete(cohort: LoadedCohort, includeIncomplete: boolean, io: CliIO, command: string): LoadedCohort {
  const files: CohortFile[] = [];
  for (const file of cohort.files) {
    const { assessment, text } = file.analysis;
    const index = new LineIndex(text);
    const why = (errors: CoreDiagnostic[]) => errors.map((d) => `${d.code} line ${index.positionAt(d.start).line + 1}`).join(", ");
    if (assessment.errorsOutsidePatients.length > 0) {
      io.stderr.write(`nadir ${command}: ${file.path} has errors outside every patient block (${why(assessment.errorsOutsidePatients)}): a patient may be missing\n`);
    }
    const kept = assessment.patients.filter((p) => p.complete || includeIncomplete);
    for (const p of assessment.patients) {
      if (p.complete) continue;
      const which = `${p.id || "(no id)"} of ${file.path}`;
      if (includeIncomplete) io.stderr.write(`nadir ${command}: included ${which} although incomplete (${why(p.incompleteBecause)})\n`);
      else io.stderr.write(`nadir ${command}: left out ${which} (incomplete: ${why(p.incompleteBecause)}); --include-incomplete keeps it\n`);
    }
    files.push(kept.length === assessment.patients.length ? file : { ...file, analysis: { ...file.analysis, assessment: { ...assessment, patients: kept } } });
  }
  return { files };
}
