// The machine-readable assessment of the spec ("What the tools report"): field names, rounding to
// one decimal and nulls exactly as documented. `iResponse` and `iBestResponse` appear only under
// iRECIST. Positions are zero-based lines and UTF-16 characters, as in LSP.
import type { Analysis } from "../analyze";
import type { CoreDiagnostic } from "../diagnostics";
import type { Tenths } from "../model/types";
import type { CaseAssessment, EpisodeAssessment, NewLesionsCategory, TimepointAssessment } from "./types";
import { LineIndex, Position } from "../text/lineIndex";
import { round1 } from "../util/numbers";

export interface JsonTimepoint {
  date: string;
  sum: number | null;
  nadir: number | null;
  changeFromBaselinePct: number | null;
  changeFromNadirPct: number | null;
  changeFromNadirMm: number | null;
  target: string | null;
  nonTarget: string | null;
  newLesions: NewLesionsCategory;
  newLesionTargetSum: number | null;
  response: string;
  iResponse?: string;
}

export interface JsonEpisode {
  therapy: string | null;
  start: string | null;
  baseline: { date: string; sum: number | null } | null;
  timepoints: JsonTimepoint[];
  bestResponse: string | null;
  iBestResponse?: string | null;
  progressionDate: string | null;
}

export interface JsonPatient {
  id: string;
  criteria: string;
  episodes: JsonEpisode[];
}

export interface JsonDiagnostic {
  code: string;
  severity: string;
  message: string;
  range: { start: Position; end: Position };
}

export interface JsonFileAssessment {
  file: string;
  patients: JsonPatient[];
  diagnostics: JsonDiagnostic[];
}

const mmOrNull = (t: Tenths | null): number | null => (t === null ? null : round1(t / 10));
const pctOrNull = (p: number | null): number | null => (p === null ? null : round1(p));

export function timepointJson(tp: TimepointAssessment, iRecist: boolean): JsonTimepoint {
  const json: JsonTimepoint = {
    date: tp.date,
    sum: mmOrNull(tp.sum),
    nadir: mmOrNull(tp.nadir),
    changeFromBaselinePct: pctOrNull(tp.changeFromBaselinePct),
    changeFromNadirPct: pctOrNull(tp.changeFromNadirPct),
    changeFromNadirMm: mmOrNull(tp.changeFromNadirTenths),
    target: tp.target,
    nonTarget: tp.nonTarget,
    newLesions: tp.newLesions,
    newLesionTargetSum: mmOrNull(tp.newLesionTargetSum),
    response: tp.response,
  };
  if (iRecist) json.iResponse = tp.iResponse ?? "NE";
  return json;
}

export function episodeJson(e: EpisodeAssessment, iRecist: boolean): JsonEpisode {
  const json: JsonEpisode = {
    therapy: e.therapy,
    start: e.start,
    baseline: e.baseline ? { date: e.baseline.date, sum: mmOrNull(e.baseline.sum) } : null,
    timepoints: e.timepoints.map((tp) => timepointJson(tp, iRecist)),
    bestResponse: e.bestResponse,
    progressionDate: e.progressionDate,
  };
  if (iRecist) {
    // Keep the spec's key order: iBestResponse right after bestResponse.
    return { therapy: json.therapy, start: json.start, baseline: json.baseline, timepoints: json.timepoints, bestResponse: json.bestResponse, iBestResponse: e.iBestResponse ?? null, progressionDate: json.progressionDate };
  }
  return json;
}

export function patientsJson(assessment: CaseAssessment): JsonPatient[] {
  return assessment.patients.map((p) => ({
    id: p.id,
    criteria: p.criteria,
    episodes: p.episodes.map((e) => episodeJson(e, p.criteria === "iRECIST")),
  }));
}

export function diagnosticJson(index: LineIndex, d: CoreDiagnostic): JsonDiagnostic {
  return { code: d.code, severity: d.severity, message: d.message, range: { start: index.positionAt(d.start), end: index.positionAt(d.end) } };
}

/** One entry of the spec's `files` array: the file label, its patients and every diagnostic. */
export function assessmentJson(analysis: Analysis, fileLabel: string): JsonFileAssessment {
  const index = new LineIndex(analysis.text);
  return {
    file: fileLabel,
    patients: patientsJson(analysis.assessment),
    diagnostics: analysis.diagnostics.map((d) => diagnosticJson(index, d)),
  };
}
