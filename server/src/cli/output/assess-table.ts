// `nadir assess --format table`: a readable per-patient timeline for the terminal; with
// --explain, each response is followed by the trace that decided it (rule, table row, numbers).
// Results that rest on partial data say so (issue 10): an INCOMPLETE line names the errors under
// the file or patient they touch, and every response of an incomplete episode carries a `*`. The
// flags come from core/completeness.ts; nothing here recomputes them.
import type { Analysis } from "../../core/analyze";
import type { EpisodeAssessment, Explanation, PatientAssessment, TimepointAssessment } from "../../core/engine/types";
import { incompleteReasonsText, LinePositions } from "../../core/completeness";
import { LineIndex } from "../../core/text/lineIndex";
import { formatMm, round1 } from "../../core/util/numbers";
import { resistanceBasis, resistanceNumbers } from "../../core/engine/resistance/diagnostics";
import { therapyEndText } from "../../core/model/therapies";
import type { CriteriaId } from "../../core/criteria/types";
import { criterion, DEFAULT_CRITERIA } from "../../core/criteria/registry";
import { displayBest, displayResponse } from "../../core/criteria/shared";
import { showsReadings } from "../../core/engine/json";

/** Marks a response that rests on partial data. */
const PARTIAL = "*";

const mm = (t: number | null) => (t === null ? "-" : `${formatMm(t)}`);
const pct = (p: number | null) => (p === null ? "-" : `${p >= 0 ? "+" : ""}${round1(p).toFixed(1)}%`);

export function assessTable(files: Array<{ path: string; analysis: Analysis }>, explain: boolean): string {
  const out: string[] = [];
  for (const { path, analysis } of files) {
    out.push(path);
    let index: LineIndex | null = null;
    const lines = { positionAt: (offset: number) => (index ??= new LineIndex(analysis.text)).positionAt(offset) };
    const outside = analysis.assessment.errorsOutsidePatients;
    if (outside.length > 0) out.push(`  INCOMPLETE: ${incompleteReasonsText(outside, lines)} outside every patient block: a patient may be missing`);
    if (analysis.assessment.patients.length === 0) out.push("  (no patients)");
    for (const patient of analysis.assessment.patients) out.push(...patientLines(patient, explain, lines));
    out.push("");
  }
  return `${out.join("\n")}\n`;
}

function patientLines(patient: PatientAssessment, explain: boolean, positions: LinePositions): string[] {
  const lines = [`  ${patient.id || "(no id)"}  ${showsReadings(patient.criteriaRead) ? patient.criteriaRead.join(" ") : patient.criteria}`];
  if (!patient.complete) {
    lines.push(`    INCOMPLETE: ${incompleteReasonsText(patient.incompleteBecause, positions)}; results marked ${PARTIAL} rest on partial data (see 'nadir check')`);
  }
  if (patient.episodes.length === 0) lines.push(patient.complete ? "    no episode with a baseline" : "    no episode assessed");
  patient.episodes.forEach((episode, i) => lines.push(...episodeLines(episode, i + 1, patient.criteriaRead, explain, positions)));
  return lines;
}

/**
 * The columns of the criteria beside RECIST 1.1's `response`: one per criterion read (P3). A
 * patient reading RECIST 1.1 or iRECIST alone keeps the version-1 columns (iRECIST: its label).
 */
function criteriaColumns(criteria: readonly CriteriaId[]): Array<{ id: CriteriaId; header: string }> {
  return criteria.filter((id) => id !== DEFAULT_CRITERIA).map((id) => ({ id, header: criterion(id).label }));
}

function episodeLines(e: EpisodeAssessment, number: number, criteria: readonly CriteriaId[], explain: boolean, positions: LinePositions): string[] {
  const extended = showsReadings(criteria);
  const columns = criteriaColumns(criteria);
  const end = e.episode.therapy ? therapyEndText(e.episode.therapy) : null;
  const therapy = `${e.therapy ? `${e.therapy} from ${e.start}` : `from ${e.start ?? "?"}`}${end ? ` (${end})` : ""}`;
  const baselineSum = e.baseline?.sum ?? null;
  const incomplete = e.complete ? "" : `  (incomplete: ${incompleteReasonsText(e.incompleteBecause, positions, 2)})`;
  const lines = [`    Episode ${number}: ${therapy}; baseline ${e.baseline?.date ?? "-"}, sum ${baselineSum === null ? "-" : `${mm(baselineSum)} mm`}${incomplete}`];
  const flag = (response: string) => (e.complete ? response : `${response}${PARTIAL}`);
  const header = ["date", "sum", "nadir", "vs base", "vs nadir", "target", "non-target", "new", "response", ...columns.map((c) => c.header)];
  const rows = e.timepoints.map((tp, i) => row(tp, columns.map((c) => {
    const reading = e.readings?.[c.id]?.timepoints[i];
    if (!extended) return tp.iResponse ?? reading?.response ?? "-";
    return reading ? displayResponse(reading) : "-";
  }), flag));
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c].length)));
  const format = (cells: string[]) => `      ${cells.map((cell, c) => cell.padEnd(widths[c])).join("  ")}`.trimEnd();
  lines.push(format(header));
  e.timepoints.forEach((tp, i) => {
    lines.push(format(rows[i]));
    if (explain) {
      lines.push(...trace(tp.explanation, "          "));
      if (extended) {
        for (const c of columns) {
          const reading = e.readings?.[c.id]?.timepoints[i];
          if (!reading || c.id === "iRECIST") continue;
          lines.push(`          ${c.header}: ${reading.saw}`);
          lines.push(...trace(reading.explanation, "            "));
        }
      }
    }
  });
  if (e.timepoints.length === 0) lines.push("      (no follow-up scans yet)");
  const summary = [`best response ${flag(e.bestResponse ?? "-")}`];
  if (e.iBestResponse !== undefined && !extended) summary.push(`iBOR ${flag(e.iBestResponse ?? "-")}`);
  summary.push(`progression ${flag(e.progressionDate ?? "-")}`);
  if (e.recistProgressionDate !== undefined && criteria[0] !== DEFAULT_CRITERIA) summary.push(`RECIST 1.1 progression ${flag(e.recistProgressionDate ?? "-")}`);
  if (e.pendingConfirmation) summary.push(`iUPD of ${e.pendingConfirmation.iupdDate} awaits confirmation, window ${e.pendingConfirmation.from} to ${e.pendingConfirmation.to}`);
  if (e.nextDue) summary.push(`next scan due ${e.nextDue}`);
  lines.push(`      ${summary.join("; ")}`);
  if (extended) {
    // One line per criterion read beside RECIST 1.1 (P3): its best response and date of progression (R25).
    for (const c of columns) {
      const reading = e.readings?.[c.id];
      if (!reading) continue;
      lines.push(`      ${c.header}: best response ${flag(displayBest(reading))}; progression ${flag(reading.progressionDate ?? "-")}${reading.confirmedBy ? ` (confirmed ${reading.confirmedBy})` : ""}`);
    }
  }
  // R17-R24: one line for an immunotherapy line (flagged like every result of an incomplete episode).
  const r = e.resistance;
  if (r && r.class !== "not-applicable") {
    const numbers = resistanceNumbers(r);
    const due = r.confirmationDue ? `; confirmation scan due ${r.confirmationDue.from} to ${r.confirmationDue.to}` : "";
    lines.push(`      resistance: ${flag(r.text)} (${resistanceBasis(r)})${numbers ? `: ${numbers}` : ""}${due}`);
    if (explain) lines.push(...trace(r.explanation, "          "));
  }
  if (explain) {
    lines.push(...trace(e.explanation, "          "));
    for (const h of e.hyperprogression) lines.push(`          R12 ${h.definition}: ${h.detail}`);
    if (e.ctdna) lines.push(`          R11 ctDNA: ${e.ctdna.detail}`);
  }
  return lines;
}

function row(tp: TimepointAssessment, criteriaCells: string[], flag: (response: string) => string): string[] {
  return [
    tp.date, mm(tp.sum), mm(tp.nadir), pct(tp.changeFromBaselinePct), pct(tp.changeFromNadirPct),
    tp.target ?? "-", tp.nonTarget ?? "-", tp.newLesions, flag(tp.response), ...criteriaCells.map(flag),
  ];
}

function trace(explanation: Explanation[], indent: string): string[] {
  return explanation.map((x) => `${indent}${x.rule}: ${x.text}`);
}
