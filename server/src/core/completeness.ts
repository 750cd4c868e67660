// Which results rest on complete data (spec, "What the tools report": `complete`). An error
// diagnostic inside a patient's block makes that patient incomplete; inside one of an episode's
// assessments it makes that episode incomplete; on a patient-level line outside every assessment
// (a broken therapy, criteria or ctDNA line, an assessment without a valid date) it makes every
// episode of the patient incomplete, because what the line meant is unknown. An error outside
// every patient block makes the file incomplete: a patient may be missing from the results.
// Every output (JSON, table, CSV, exports, plots, reports) reads these flags; none recomputes them.
import type { CoreDiagnostic } from "./diagnostics";
import type { CaseAssessment, EpisodeAssessment, PatientAssessment } from "./engine/types";
import type { Span } from "./syntax/ast";

/** A diagnostic lies in a span when it starts there; an empty one at the span's very end (the end of the text) too. */
const inside = (d: CoreDiagnostic, s: Span) => d.start >= s.start && (d.start < s.end || (d.start === s.end && d.end === s.end));

/** Errors among `diagnostics` (sorted by start or not) that fall outside every patient block. */
export function errorsOutsidePatients(assessment: CaseAssessment, diagnostics: CoreDiagnostic[]): CoreDiagnostic[] {
  return diagnostics.filter((d) => d.severity === "error" && !assessment.patients.some((p) => inside(d, p.patient.node)));
}

/** Sets `complete` and `incompleteBecause` on one patient and its episodes from the errors in its block. */
export function markPatientCompleteness(p: PatientAssessment, diagnostics: CoreDiagnostic[]): void {
  const errors = diagnostics.filter((d) => d.severity === "error" && inside(d, p.patient.node));
  p.complete = errors.length === 0;
  p.incompleteBecause = errors;
  // The nodes each episode rests on; a node may belong to several (a baseline shared by two lines).
  const owners = new Map<Span, EpisodeAssessment[]>();
  for (const e of p.episodes) {
    const ep = e.episode;
    const nodes: Span[] = [...ep.preTreatment, ...ep.followUps].map((a) => a.node);
    if (ep.therapy) nodes.push(ep.therapy.node);
    if (ep.baseline) nodes.push(ep.baseline.node);
    for (const n of nodes) owners.set(n, [...(owners.get(n) ?? []), e]);
    e.incompleteBecause = [];
  }
  for (const d of errors) {
    let marked = false;
    for (const [node, episodes] of owners) {
      if (!inside(d, node)) continue;
      for (const e of episodes) e.incompleteBecause.push(d);
      marked = true;
    }
    if (!marked) for (const e of p.episodes) e.incompleteBecause.push(d);
  }
  for (const e of p.episodes) e.complete = e.incompleteBecause.length === 0;
}

/** Marks every patient and episode of a case assessment, and records the errors outside all patients. */
export function markCompleteness(assessment: CaseAssessment, diagnostics: CoreDiagnostic[]): void {
  for (const p of assessment.patients) markPatientCompleteness(p, diagnostics);
  assessment.errorsOutsidePatients = errorsOutsidePatients(assessment, diagnostics);
}

/** Anything that turns an offset into a zero-based line: core/text/lineIndex, an LSP TextDocument. */
export interface LinePositions {
  positionAt(offset: number): { line: number };
}

/**
 * The reasons of an incomplete result in words, for tables and hovers: "syntax-error lines 4, 12;
 * unknown-lesion line 9" (1-based lines, grouped by code in order of appearance), at most `max`
 * lines named, then "and N more".
 */
export function incompleteReasonsText(reasons: CoreDiagnostic[], lines: LinePositions, max = 6): string {
  const groups = new Map<string, number[]>();
  for (const d of reasons.slice(0, max)) {
    const line = lines.positionAt(d.start).line + 1;
    const group = groups.get(d.code) ?? [];
    if (!group.includes(line)) group.push(line);
    groups.set(d.code, group);
  }
  const text = [...groups].map(([code, numbers]) => `${code} line${numbers.length > 1 ? "s" : ""} ${numbers.join(", ")}`).join("; ");
  return reasons.length > max ? `${text} and ${reasons.length - max} more` : text;
}
