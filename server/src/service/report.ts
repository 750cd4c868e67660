// The body of the `nadir/report` request: the structured report (core/report) of the patient and
// scan under the cursor, or of a named patient and scan. The cursor's scan is the baseline or
// follow-up block holding it; elsewhere in the patient (or on a scan before the baseline) the
// report is of the patient's latest scan.
import type { CaseDocument } from "./document";
import { locate } from "./caseIndex";
import { buildReports, renderHtmlArticle, renderReports, ReportSelectionError, selectReports } from "../core/report";
import type { ReportParams, ReportResult } from "../protocol";
import { REPORT_REQUEST_FORMATS } from "../protocol";
import { InvalidParamsError } from "./errors";

/** A report request with a format Nadir does not write. */
export class ReportParamsError extends InvalidParamsError {}

export function reportOf(doc: CaseDocument, fileLabel: string, params: ReportParams): ReportResult {
  if (!REPORT_REQUEST_FORMATS.includes(params.format)) throw new ReportParamsError(`format must be one of ${REPORT_REQUEST_FORMATS.join(", ")}`);
  const { analysis } = doc;
  let patientId = params.patient;
  let scan = params.scan;
  if (params.position) {
    const loc = locate(analysis, doc.document.offsetAt(params.position));
    const patient = loc.patient ?? (analysis.model.patients.length === 1 ? analysis.model.patients[0] : null);
    if (!patient) return { content: null, message: "Place the cursor inside a patient to see its report." };
    patientId = patient.id;
    const assessed = loc.assessment && loc.patient === patient ? loc.assessment : null;
    const reported = assessed && patient.episodes.some((e) => e.baseline === assessed || e.followUps.includes(assessed));
    scan = reported ? assessed.date : undefined;
  }
  if (patientId === undefined) return { content: null, message: "Name a patient or give a position inside one." };
  let selected;
  try {
    selected = selectReports([{ path: fileLabel, analysis }], { patient: patientId, scan });
  } catch (e) {
    if (e instanceof ReportSelectionError) return { content: null, message: capitalise(e.message) };
    throw e;
  }
  const skipped = selected.skipped[0];
  if (selected.targets.length === 0) return { content: null, message: skipped ? `${skipped.patientId}: ${skipped.why}.` : `No report for ${patientId}.` };
  // Two patients may share an id (an error the checks report): the report is of the first.
  const [built] = buildReports(selected.targets.slice(0, 1));
  const content = params.format === "html-article" ? renderHtmlArticle(built) : renderReports([built], params.format);
  return { content, patientId: built.report.patientId, scanDate: built.report.scan.date, complete: built.report.completeness.complete };
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
