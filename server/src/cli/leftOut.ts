// Tells the user, on standard error, which patients a research output left out because errors
// touch them (code and line of each error), and which files have errors outside every patient
// (a patient may be missing). The flags come from core/completeness.ts; nothing is recomputed.
import type { CliIO } from "./command";
import type { CohortFile } from "../core/export/cohort";
import type { LeftOutEpisode } from "../core/plot/data";
import { LineIndex } from "../core/text/lineIndex";

export function reportLeftOut(command: string, files: CohortFile[], leftOut: LeftOutEpisode[], io: CliIO): void {
  for (const e of leftOut) {
    const why = e.reasons.map((r) => `${r.code} at line ${r.line}`).join(", ");
    io.stderr.write(`nadir ${command}: left out ${e.label} (${e.file}): incomplete because of ${why}; --include-incomplete draws it, marked\n`);
  }
  for (const file of files) {
    const outside = file.analysis.assessment.errorsOutsidePatients;
    if (outside.length === 0) continue;
    const index = new LineIndex(file.analysis.text);
    const where = outside.map((d) => `${d.code} at line ${index.positionAt(d.start).line + 1}`).join(", ");
    io.stderr.write(`nadir ${command}: ${file.path} has errors outside every patient (${where}): a patient may be missing\n`);
  }
}
