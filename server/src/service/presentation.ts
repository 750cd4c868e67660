// Inlay hints after each scan header (sum, % from baseline or nadir, response) and code lenses per
// patient (best response, next due date) and per pending iUPD (its confirmation window, R10).
import type { CodeLens, InlayHint, Range } from "vscode-languageserver-types";
import { InlayHintKind } from "vscode-languageserver-types";
import type { CaseDocument } from "./document";
import { rangeOf } from "./document";
import { bestResponseLabel, timepointInline } from "./describe";
import { headerSpan, patientAssessmentOf, timepointOf } from "./caseIndex";
import { currentEpisode, nextDue } from "./schedule";

export function inlayHints(doc: CaseDocument, range: Range): InlayHint[] {
  const from = doc.document.offsetAt(range.start);
  const to = doc.document.offsetAt(range.end);
  const hints: InlayHint[] = [];
  for (const pa of doc.analysis.assessment.patients) {
    for (const ea of pa.episodes) {
      for (const tp of ea.timepoints) {
        const header = tp.scan.node.header;
        if (header.brace === null || header.brace < from || header.brace > to) continue;
        hints.push({
          position: doc.document.positionAt(header.brace + 1),
          label: ea.complete ? timepointInline(tp) : `${timepointInline(tp)} · incomplete`,
          kind: InlayHintKind.Type,
          paddingLeft: true,
          tooltip: `Hover the scan date for the arithmetic (R3, R7${tp.iResponse ? ", R10" : ""})${ea.complete ? "" : "; errors in this episode leave it incomplete"}.`,
        });
      }
    }
  }
  return hints.sort((a, b) => a.position.line - b.position.line);
}

/** Code lenses carry their text as a command title; the empty command makes them plain labels. */
export function codeLenses(doc: CaseDocument): CodeLens[] {
  const lenses: CodeLens[] = [];
  for (const patient of doc.analysis.model.patients) {
    const pa = patientAssessmentOf(doc.analysis, patient);
    const range = rangeOf(doc.document, patient.node.header);
    const header: Range = { start: range.start, end: range.start };
    const parts: string[] = [];
    // Issue 10: results that rest on partial data say so first.
    if (pa && !pa.complete) parts.push(`incomplete: ${pa.incompleteBecause.length} error${pa.incompleteBecause.length === 1 ? "" : "s"}`);
    const lastEpisode = pa?.episodes[pa.episodes.length - 1];
    if (lastEpisode) parts.push(bestResponseLabel(lastEpisode));
    const episode = currentEpisode(patient);
    const due = episode ? nextDue(doc.analysis, patient, episode) : null;
    if (due) parts.push(`next scan due ${due.date}`);
    if (parts.length > 0) lenses.push({ range: header, command: { title: parts.join(" · "), command: "" } });
    for (const ea of pa?.episodes ?? []) {
      const pending = ea.pendingConfirmation;
      if (!pending) continue;
      const tp = ea.timepoints.find((t) => t.date === pending.iupdDate);
      if (!tp) continue;
      const found = timepointOf(doc.analysis, tp.scan.node);
      if (!found) continue;
      const at = rangeOf(doc.document, headerSpan(tp.scan.node)).start;
      lenses.push({ range: { start: at, end: at }, command: { title: `iUPD: confirmation scan due ${pending.from} to ${pending.to} (R10)`, command: "" } });
    }
  }
  return lenses;
}
