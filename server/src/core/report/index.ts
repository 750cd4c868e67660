// `nadir report`, the `nadir/report` request and the editor's preview: which scans are reported
// (select), and the report of each in text, Markdown, HTML or FHIR. One model per scan
// (model.ts), one document (document.ts), four renderers.
import type { Analysis } from "../analyze";
import type { PatientAssessment } from "../engine/types";
import { buildScanReport, ReportTarget, ScanReport } from "./model";
import { reportDocument, ReportDocument } from "./document";
import { renderText } from "./text";
import { renderMarkdown } from "./markdown";
import { renderHtmlPage, reportArticle } from "./html";
import { reportBundle } from "./fhir";
import { LineIndex } from "../text/lineIndex";

export const REPORT_FORMATS = ["text", "md", "html", "fhir"] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export interface ReportFile {
  path: string;
  analysis: Analysis;
}

export interface ReportSelection {
  patient?: string;
  /** A scan date (YYYY-MM-DD): the baseline or a follow-up of some episode. */
  scan?: string;
  allScans?: boolean;
}

/** A selection that names something the input does not have: one line for the user. */
export class ReportSelectionError extends Error {}

export interface SelectedReports {
  targets: ReportTarget[];
  /** Patients that cannot have a report (no baseline), with the reason. */
  skipped: Array<{ patientId: string; file: string; why: string }>;
}

const scanDates = (p: PatientAssessment) => p.episodes.flatMap((e) => [e.baseline?.date, ...e.timepoints.map((t) => t.date)]).filter((d): d is string => !!d);

export function selectReports(files: ReportFile[], selection: ReportSelection): SelectedReports {
  const patients = files.flatMap((f) => f.analysis.assessment.patients.map((p) => ({ file: f, patient: p })));
  let chosen = patients;
  if (selection.patient !== undefined) {
    chosen = patients.filter((p) => p.patient.id === selection.patient);
    if (chosen.length === 0) {
      const known = [...new Set(patients.map((p) => p.patient.id))];
      throw new ReportSelectionError(`no patient '${selection.patient}' in the input${known.length > 0 ? ` (patients: ${known.slice(0, 12).join(", ")}${known.length > 12 ? ", ..." : ""})` : ""}`);
    }
  }
  const targets: ReportTarget[] = [];
  const skipped: SelectedReports["skipped"] = [];
  for (const { file, patient } of chosen) {
    const base = { file: file.path, analysis: file.analysis, patient };
    if (patient.episodes.length === 0) {
      const index = new LineIndex(file.analysis.text);
      const why = patient.incompleteBecause.length > 0
        ? `no baseline to report against (${patient.incompleteBecause.map((d) => `${d.code} at line ${index.positionAt(d.start).line + 1}`).join(", ")})`
        : "no baseline to report against";
      skipped.push({ patientId: patient.id, file: file.path, why });
      continue;
    }
    if (selection.scan !== undefined) {
      const found = findScan(patient, selection.scan);
      if (found) targets.push({ ...base, ...found });
      continue;
    }
    if (selection.allScans) {
      patient.episodes.forEach((e, episodeIndex) => {
        targets.push({ ...base, episodeIndex, scan: "baseline" });
        e.timepoints.forEach((_, i) => targets.push({ ...base, episodeIndex, scan: i }));
      });
      continue;
    }
    const episodeIndex = patient.episodes.length - 1;
    const last = patient.episodes[episodeIndex].timepoints.length - 1;
    targets.push({ ...base, episodeIndex, scan: last >= 0 ? last : "baseline" });
  }
  if (selection.scan !== undefined && targets.length === 0) {
    const pre = chosen.find(({ patient }) => patient.patient.assessments.some((a) => a.date === selection.scan));
    if (pre) throw new ReportSelectionError(`the scan of ${selection.scan} (${pre.patient.id}) is before its baseline: no response is assessed there`);
    const dates = [...new Set(chosen.flatMap(({ patient }) => scanDates(patient)))].sort();
    const who = chosen.length === 1 ? chosen[0].patient.id : "no patient";
    throw new ReportSelectionError(`${who} has no scan on ${selection.scan}${dates.length > 0 ? ` (scans: ${dates.slice(0, 12).join(", ")}${dates.length > 12 ? ", ..." : ""})` : ""}`);
  }
  return { targets, skipped };
}

function findScan(patient: PatientAssessment, date: string): { episodeIndex: number; scan: number | "baseline" } | null {
  // A follow-up first: a baseline shared by two lines of therapy is also the last scan of the first.
  for (let e = patient.episodes.length - 1; e >= 0; e--) {
    const i = patient.episodes[e].timepoints.findIndex((t) => t.date === date);
    if (i >= 0) return { episodeIndex: e, scan: i };
  }
  for (let e = patient.episodes.length - 1; e >= 0; e--) {
    if (patient.episodes[e].baseline?.date === date) return { episodeIndex: e, scan: "baseline" };
  }
  return null;
}

export interface BuiltReport {
  target: ReportTarget;
  report: ScanReport;
  doc: ReportDocument;
}

export function buildReports(targets: ReportTarget[]): BuiltReport[] {
  return targets.map((target) => {
    const report = buildScanReport(target);
    return { target, report, doc: reportDocument(report) };
  });
}

/** The reports in one format; several reports go one after another (text, Markdown), on one page (HTML) or in one Bundle (FHIR). */
export function renderReports(reports: BuiltReport[], format: ReportFormat): string {
  switch (format) {
    case "text":
      return reports.map((r) => renderText(r.doc)).join("\n\n");
    case "md":
      return reports.map((r) => renderMarkdown(r.doc)).join("\n---\n\n");
    case "html":
      return renderHtmlPage(reports);
    case "fhir":
      return `${JSON.stringify(reportBundle(reports.map((r) => ({ report: r.report, target: r.target, text: renderText(r.doc) }))), null, 2)}\n`;
  }
}

/** One report's HTML <article> alone, for a page that supplies REPORT_CSS (the editor's preview). */
export function renderHtmlArticle(report: BuiltReport): string {
  return reportArticle(report.doc, report.report, report.target, 0, 1);
}

export { REPORT_CSS } from "./html";
export type { ScanReport, ReportTarget } from "./model";
