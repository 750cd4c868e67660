// The machine-readable assessment of the spec ("What the tools report"): field names, rounding to
// one decimal and nulls exactly as documented. `iResponse`, `iBestResponse` and
// `recistProgressionDate` appear only under iRECIST. Positions are zero-based lines and UTF-16 characters, as in LSP.
import type { Analysis } from "../analyze";
import type { CoreDiagnostic } from "../diagnostics";
import type { Tenths } from "../model/types";
import type { CaseAssessment, EpisodeAssessment, NewLesionsCategory, TimepointAssessment } from "./types";
import { LineIndex, Position } from "../text/lineIndex";
import { roundPct, tenthsToMm } from "../util/numbers";

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
  /** iRECIST only: the RECIST 1.1 date of progression (first PD of the episode, R7, R6). */
  recistProgressionDate?: string | null;
  /** False when an error touches this episode's data; `incompleteBecause` then names the errors. */
  complete: boolean;
  incompleteBecause?: JsonReason[];
}

export interface JsonPatient {
  id: string;
  criteria: string;
  complete: boolean;
  incompleteBecause?: JsonReason[];
  episodes: JsonEpisode[];
}

/** An error that makes a result incomplete: its code and where it is. */
export interface JsonReason {
  code: string;
  range: { start: Position; end: Position };
}

export interface JsonDiagnostic {
  code: string;
  severity: string;
  message: string;
  range: { start: Position; end: Position };
}

export interface JsonFileAssessment {
  file: string;
  /** False when an error lies outside every patient block (a patient may be missing). */
  complete: boolean;
  patients: JsonPatient[];
  diagnostics: JsonDiagnostic[];
}

const mmOrNull = tenthsToMm;
const pctOrNull = roundPct;

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

/** Positions for the reasons of incomplete results, made only when some result is incomplete. */
type Positions = () => LineIndex;

function reasons(list: CoreDiagnostic[], positions: Positions): JsonReason[] {
  const index = positions();
  return list.map((d) => ({ code: d.code, range: { start: index.positionAt(d.start), end: index.positionAt(d.end) } }));
}

function withCompleteness<T extends JsonEpisode | JsonPatient>(json: T, complete: boolean, because: CoreDiagnostic[], positions: Positions): T {
  json.complete = complete;
  if (!complete) json.incompleteBecause = reasons(because, positions);
  return json;
}

export function episodeJson(e: EpisodeAssessment, iRecist: boolean, positions: Positions): JsonEpisode {
  const json: JsonEpisode = {
    therapy: e.therapy,
    start: e.start,
    baseline: e.baseline ? { date: e.baseline.date, sum: mmOrNull(e.baseline.sum) } : null,
    timepoints: e.timepoints.map((tp) => timepointJson(tp, iRecist)),
    bestResponse: e.bestResponse,
    progressionDate: e.progressionDate,
    complete: true,
  };
  if (iRecist) {
    // Keep the spec's key order: iBestResponse right after bestResponse, recistProgressionDate after progressionDate.
    const i: JsonEpisode = {
      therapy: json.therapy, start: json.start, baseline: json.baseline, timepoints: json.timepoints, bestResponse: json.bestResponse, iBestResponse: e.iBestResponse ?? null,
      progressionDate: json.progressionDate, recistProgressionDate: e.recistProgressionDate ?? null, complete: true,
    };
    return withCompleteness(i, e.complete, e.incompleteBecause, positions);
  }
  return withCompleteness(json, e.complete, e.incompleteBecause, positions);
}

/** The patients of one file; `text` is the file's text (for the positions of incompleteness reasons). */
export function patientsJson(assessment: CaseAssessment, text: string): JsonPatient[] {
  let index: LineIndex | null = null;
  const positions: Positions = () => (index ??= new LineIndex(text));
  return assessment.patients.map((p) => {
    const json = withCompleteness({ id: p.id, criteria: p.criteria, complete: true } as JsonPatient, p.complete, p.incompleteBecause, positions);
    json.episodes = p.episodes.map((e) => episodeJson(e, p.criteria === "iRECIST", positions));
    return json;
  });
}

export function diagnosticJson(index: LineIndex, d: CoreDiagnostic): JsonDiagnostic {
  return { code: d.code, severity: d.severity, message: d.message, range: { start: index.positionAt(d.start), end: index.positionAt(d.end) } };
}

/** One entry of the spec's `files` array: the file label, its patients and every diagnostic. */
export function assessmentJson(analysis: Analysis, fileLabel: string): JsonFileAssessment {
  const index = new LineIndex(analysis.text);
  return {
    file: fileLabel,
    complete: analysis.assessment.errorsOutsidePatients.length === 0,
    patients: patientsJson(analysis.assessment, analysis.text),
    diagnostics: analysis.diagnostics.map((d) => diagnosticJson(index, d)),
  };
}
