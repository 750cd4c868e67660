// Bodies of the custom requests the VS Code client uses: `nadir/assessment` (the spec's JSON
// document for one file, each baseline and time point with the LSP range of its scan header) and
// `nadir/export` (CSV or JSON text of that file's assessment).
import type { AssessedFile, AssessmentDocument } from "../protocol";
import type { CaseDocument } from "./document";
import { rangeOf } from "./document";
import { headerSpan } from "./caseIndex";
import { assessmentJson } from "../core/engine/json";
import { tableToCsv } from "../core/export/table";
import { timepointTable } from "../core/export/csv";
import { chartViewsOf } from "../core/chart/views";

/**
 * The spec's JSON for one file, plus the LSP `range` of every baseline and time point header and,
 * for a patient read under several criteria (P3), the timeline chart's view of each criterion.
 */
export function assessmentDocument(doc: CaseDocument, fileLabel: string): AssessmentDocument {
  const file: AssessedFile = assessmentJson(doc.analysis, fileLabel);
  doc.analysis.assessment.patients.forEach((pa, p) => {
    const patient = file.patients[p];
    if (!patient) return;
    const views = chartViewsOf(pa);
    if (views) patient.chartViews = views;
    pa.episodes.forEach((ea, e) => {
      const episode = patient.episodes[e];
      if (!episode) return;
      const baseline = ea.episode.baseline;
      if (episode.baseline && baseline) episode.baseline.range = rangeOf(doc.document, headerSpan(baseline.node));
      ea.timepoints.forEach((tp, t) => {
        const json = episode.timepoints[t];
        if (json) json.range = rangeOf(doc.document, headerSpan(tp.scan.node));
      });
    });
  });
  return { version: 1, files: [file] };
}

export function exportText(doc: CaseDocument, fileLabel: string, format: "csv" | "json"): string {
  if (format === "csv") return tableToCsv(timepointTable([{ path: fileLabel, analysis: doc.analysis }]));
  return `${JSON.stringify({ version: 1, files: [assessmentJson(doc.analysis, fileLabel)] }, null, 2)}\n`;
}
