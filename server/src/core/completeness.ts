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

/**
 * The error diagnostics of a list, looked up by span in logarithmic time (a file holds thousands
 * of patients and diagnostics: a scan of the whole list per patient was a sixth of `nadir check`).
 * Lookups return the errors in the list's own order, whether or not it is sorted by start.
 */
class ErrorsBySpan {
  private readonly errors: CoreDiagnostic[];
  /** Indexes into `errors`, by start (then by index). */
  private readonly byStart: number[];

  constructor(diagnostics: CoreDiagnostic[]) {
    this.errors = diagnostics.filter((d) => d.severity === "error");
    this.byStart = this.errors.map((_, i) => i);
    let sorted = true;
    for (let i = 1; i < this.errors.length && sorted; i++) sorted = this.errors[i - 1].start <= this.errors[i].start;
    if (!sorted) this.byStart.sort((a, b) => this.errors[a].start - this.errors[b].start || a - b);
  }

  /** The errors that lie in `span`, in the list's order. */
  within(span: Span): CoreDiagnostic[] {
    const { errors, byStart } = this;
    let lo = 0;
    let hi = byStart.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (errors[byStart[mid]].start < span.start) lo = mid + 1;
      else hi = mid;
    }
    const found: number[] = [];
    for (let k = lo; k < byStart.length && errors[byStart[k]].start <= span.end; k++) {
      if (inside(errors[byStart[k]], span)) found.push(byStart[k]);
    }
    found.sort((a, b) => a - b);
    return found.map((i) => errors[i]);
  }

  /** Every error (in the list's order). */
  all(): readonly CoreDiagnostic[] {
    return this.errors;
  }
}

/** Errors among `diagnostics` (sorted by start or not) that fall outside every patient block. */
export function errorsOutsidePatients(assessment: CaseAssessment, diagnostics: CoreDiagnostic[]): CoreDiagnostic[] {
  return outsidePatients(assessment, new ErrorsBySpan(diagnostics));
}

function outsidePatients(assessment: CaseAssessment, errors: ErrorsBySpan): CoreDiagnostic[] {
  // Patient blocks never overlap: an error can only lie in the last block starting at or before
  // it, or (an empty error at a block's very end) in the one before that.
  const spans: Span[] = assessment.patients.map((p) => p.patient.node).sort((a, b) => a.start - b.start);
  return errors.all().filter((d) => {
    let lo = 0;
    let hi = spans.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (spans[mid].start <= d.start) lo = mid + 1;
      else hi = mid;
    }
    for (let k = lo - 1; k >= 0 && k >= lo - 2; k--) if (inside(d, spans[k])) return false;
    return true;
  });
}

/** Sets `complete` and `incompleteBecause` on one patient and its episodes from the errors in its block. */
export function markPatientCompleteness(p: PatientAssessment, diagnostics: CoreDiagnostic[]): void {
  markPatient(p, new ErrorsBySpan(diagnostics));
}

function markPatient(p: PatientAssessment, all: ErrorsBySpan): void {
  const errors = all.within(p.patient.node);
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
  const errors = new ErrorsBySpan(diagnostics);
  for (const p of assessment.patients) markPatient(p, errors);
  assessment.errorsOutsidePatients = outsidePatients(assessment, errors);
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
