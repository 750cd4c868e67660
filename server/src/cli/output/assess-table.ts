// `nadir assess --format table`: a readable per-patient timeline for the terminal; with
// --explain, each response is followed by the trace that decided it (rule, table row, numbers).
import type { Analysis } from "../../core/analyze";
import type { EpisodeAssessment, Explanation, PatientAssessment, TimepointAssessment } from "../../core/engine/types";
import { formatMm, round1 } from "../../core/util/numbers";

const mm = (t: number | null) => (t === null ? "-" : `${formatMm(t)}`);
const pct = (p: number | null) => (p === null ? "-" : `${p >= 0 ? "+" : ""}${round1(p).toFixed(1)}%`);

export function assessTable(files: Array<{ path: string; analysis: Analysis }>, explain: boolean): string {
  const out: string[] = [];
  for (const { path, analysis } of files) {
    out.push(path);
    if (analysis.assessment.patients.length === 0) out.push("  (no patients)");
    for (const patient of analysis.assessment.patients) out.push(...patientLines(patient, explain));
    out.push("");
  }
  return `${out.join("\n")}\n`;
}

function patientLines(patient: PatientAssessment, explain: boolean): string[] {
  const lines = [`  ${patient.id || "(no id)"}  ${patient.criteria}`];
  if (patient.episodes.length === 0) lines.push("    no episode with a baseline");
  patient.episodes.forEach((episode, i) => lines.push(...episodeLines(episode, i + 1, patient.criteria === "iRECIST", explain)));
  return lines;
}

function episodeLines(e: EpisodeAssessment, number: number, iRecist: boolean, explain: boolean): string[] {
  const therapy = e.therapy ? `${e.therapy} from ${e.start}` : `from ${e.start ?? "?"}`;
  const lines = [`    Episode ${number}: ${therapy}; baseline ${e.baseline?.date ?? "-"}, sum ${mm(e.baseline?.sum ?? null)} mm`];
  const header = ["date", "sum", "nadir", "vs base", "vs nadir", "target", "non-target", "new", "response", ...(iRecist ? ["iRECIST"] : [])];
  const rows = e.timepoints.map((tp) => row(tp, iRecist));
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c].length)));
  const format = (cells: string[]) => `      ${cells.map((cell, c) => cell.padEnd(widths[c])).join("  ")}`.trimEnd();
  lines.push(format(header));
  e.timepoints.forEach((tp, i) => {
    lines.push(format(rows[i]));
    if (explain) lines.push(...trace(tp.explanation, "          "));
  });
  if (e.timepoints.length === 0) lines.push("      (no follow-up scans yet)");
  const summary = [`best response ${e.bestResponse ?? "-"}`];
  if (iRecist) summary.push(`iBOR ${e.iBestResponse ?? "-"}`);
  summary.push(`progression ${e.progressionDate ?? "-"}`);
  if (iRecist) summary.push(`RECIST 1.1 progression ${e.recistProgressionDate ?? "-"}`);
  if (e.pendingConfirmation) summary.push(`iUPD of ${e.pendingConfirmation.iupdDate} awaits confirmation, window ${e.pendingConfirmation.from} to ${e.pendingConfirmation.to}`);
  if (e.nextDue) summary.push(`next scan due ${e.nextDue}`);
  lines.push(`      ${summary.join("; ")}`);
  if (explain) {
    lines.push(...trace(e.explanation, "          "));
    for (const h of e.hyperprogression) lines.push(`          R12 ${h.definition}: ${h.detail}`);
    if (e.ctdna) lines.push(`          R11 ctDNA: ${e.ctdna.detail}`);
  }
  return lines;
}

function row(tp: TimepointAssessment, iRecist: boolean): string[] {
  const cells = [
    tp.date, mm(tp.sum), mm(tp.nadir), pct(tp.changeFromBaselinePct), pct(tp.changeFromNadirPct),
    tp.target ?? "-", tp.nonTarget ?? "-", tp.newLesions, tp.response,
  ];
  if (iRecist) cells.push(tp.iResponse ?? "-");
  return cells;
}

function trace(explanation: Explanation[], indent: string): string[] {
  return explanation.map((x) => `${indent}${x.rule}: ${x.text}`);
}
