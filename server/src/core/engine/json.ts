// The machine-readable assessment of the spec ("What the tools report"): field names, rounding to
// one decimal and nulls exactly as documented. `iResponse` and `iBestResponse` appear when iRECIST
// is read (Decision 14), `recistProgressionDate` when the primary criteria are not RECIST 1.1.
// A patient who reads more than RECIST 1.1 or iRECIST alone also gets `criteriaRead` and, per time
// point and per episode, `readings` (P5): one entry per criterion read, fields in a fixed order.
// Positions are zero-based lines and UTF-16 characters, as in LSP.
import type { Analysis } from "../analyze";
import type { CoreDiagnostic } from "../diagnostics";
import type { Tenths } from "../model/types";
import type { BiomarkerEntry, CaseAssessment, EpisodeAssessment, NewLesionsCategory, ResistanceResult, TimepointAssessment } from "./types";
import type { CriteriaId, EpisodeReading, TimepointReading } from "../criteria/types";
import { LineIndex, Position } from "../text/lineIndex";
import { round1, roundPct, tenthsToMm } from "../util/numbers";
import { criterion, DEFAULT_CRITERIA } from "../criteria/registry";

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
  /** P5: the time point under each criterion read (only when `criteriaRead` is given). */
  readings?: Record<string, JsonTimepointReading>;
}

/** One time point under one criterion (P5, Decision 16). */
export interface JsonTimepointReading {
  /** mm (one decimal), or mm² for irRC. */
  burden: number | null;
  unit: "mm" | "mm2";
  nadir: number | null;
  changeFromBaselinePct: number | null;
  /** Null against a nadir of 0. */
  changeFromNadirPct: number | null;
  response: string;
  confirmation: "pending" | "confirmed" | "negated" | null;
  neReason: string | null;
}

/** One episode under one criterion (P5). */
export interface JsonEpisodeReading {
  bestResponse: string | null;
  progressionDate: string | null;
}

export interface JsonEpisode {
  therapy: string | null;
  start: string | null;
  baseline: { date: string; sum: number | null } | null;
  timepoints: JsonTimepoint[];
  bestResponse: string | null;
  iBestResponse?: string | null;
  progressionDate: string | null;
  /** When the primary criteria are not RECIST 1.1: the RECIST 1.1 date of progression (first PD of the episode, R7, R6). */
  recistProgressionDate?: string | null;
  /** P5: the episode under each criterion read (only when `criteriaRead` is given). */
  readings?: Record<string, JsonEpisodeReading>;
  /** R17-R24 (P5): the resistance classification of the line; null when the episode's assessment failed. */
  resistance: JsonResistance | null;
  /** False when an error touches this episode's data; `incompleteBecause` then names the errors. */
  complete: boolean;
  incompleteBecause?: JsonReason[];
}

/** P5 and Decision 16: field names, order and nulls as documented. */
export interface JsonResistance {
  class: string;
  text: string;
  reason: string;
  exposureDays: number | null;
  controlDays: number | null;
  daysSinceLastDose: number | null;
  bestResponse: string | null;
  progressionDate: string | null;
  confirmedBy: string | null;
  reading: string;
  definition: string | null;
  /** Only while pending: the window of the confirmation scan (R19). */
  confirmationDue?: { from: string; to: string };
}

/** P5 and Decision 16: one biomarker of one biopsy. */
export interface JsonBiomarker {
  date: string;
  organ: string;
  kind: string;
  value: number | string;
  category: string | null;
  change: string | null;
  assay: string | null;
  tier: string | null;
}

export interface JsonPatient {
  id: string;
  /** The primary criteria (P3). */
  criteria: string;
  /** Every criterion read, primary first (Decision 14); only when more than RECIST 1.1 or iRECIST alone is read. */
  criteriaRead?: string[];
  complete: boolean;
  incompleteBecause?: JsonReason[];
  episodes: JsonEpisode[];
  /** R31-R34 (P5): every structured biopsy finding, in date order. */
  biomarkers: JsonBiomarker[];
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

/**
 * Whether a patient reading these criteria gets `criteriaRead` and `readings`: when it reads more
 * than one, or one whose results the version-1 fields (`response`, `iResponse`) do not hold.
 */
export function showsReadings(criteria: readonly CriteriaId[]): boolean {
  return criteria.length > 1 || !criterion(criteria[0]).fieldsOfVersion1;
}

/** A burden in its unit, one decimal, half away from zero: tenths of a mm -> mm, hundredths of a mm² -> mm². */
export function burdenValue(value: number | null, unit: "mm" | "mm2"): number | null {
  if (value === null) return null;
  return unit === "mm" ? tenthsToMm(value) : roundPct(value / 100);
}

export function timepointReadingJson(tp: TimepointReading, unit: "mm" | "mm2"): JsonTimepointReading {
  return {
    burden: burdenValue(tp.burden, unit),
    unit,
    nadir: burdenValue(tp.nadir, unit),
    changeFromBaselinePct: pctOrNull(tp.changeFromBaselinePct),
    changeFromNadirPct: pctOrNull(tp.changeFromNadirPct),
    response: tp.response,
    confirmation: tp.confirmation,
    neReason: tp.neReason,
  };
}

/**
 * One time point; `criteria` are the patient's criteria read (primary first). `index` is the time
 * point's place in its episode, for the episode's readings (`readings` given only with it).
 */
export function timepointJson(tp: TimepointAssessment, criteria: readonly CriteriaId[], readings?: { episode: EpisodeAssessment; index: number }): JsonTimepoint {
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
  for (const id of criteria) {
    const legacy = criterion(id).legacyJson;
    if (legacy) Object.assign(json, legacy.timepoint(tp));
  }
  if (readings && showsReadings(criteria)) {
    const out: Record<string, JsonTimepointReading> = {};
    for (const id of criteria) {
      const reading = readings.episode.readings?.[id]?.timepoints[readings.index];
      if (reading) out[id] = timepointReadingJson(reading, criterion(id).unit);
    }
    json.readings = out;
  }
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

/** P5: the resistance object; `confirmationDue` only while pending. */
export function resistanceJson(r: ResistanceResult | undefined): JsonResistance | null {
  if (!r) return null;
  const json: JsonResistance = {
    class: r.class,
    text: r.text,
    reason: r.reason,
    exposureDays: r.exposureDays,
    controlDays: r.controlDays,
    daysSinceLastDose: r.daysSinceLastDose,
    bestResponse: r.bestResponse,
    progressionDate: r.progressionDate,
    confirmedBy: r.confirmedBy,
    reading: r.reading,
    definition: r.definition,
  };
  if (r.class === "pending" && r.confirmationDue) json.confirmationDue = { from: r.confirmationDue.from, to: r.confirmationDue.to };
  return json;
}

/** P5: one biomarker; numbers rounded to one decimal, half away from zero (Decision 16). */
export function biomarkerJson(b: BiomarkerEntry): JsonBiomarker {
  return {
    date: b.date, organ: b.organ, kind: b.kind, value: typeof b.value === "number" ? round1(b.value) : b.value,
    category: b.category, change: b.change, assay: b.assay, tier: b.tier,
  };
}

export function episodeReadingJson(e: EpisodeReading): JsonEpisodeReading {
  return { bestResponse: e.bestResponse, progressionDate: e.progressionDate };
}

export function episodeJson(e: EpisodeAssessment, criteria: readonly CriteriaId[], positions: Positions): JsonEpisode {
  // Keep the spec's key order: a criterion's version-1 fields right after bestResponse, recistProgressionDate after progressionDate.
  const json = {
    therapy: e.therapy,
    start: e.start,
    baseline: e.baseline ? { date: e.baseline.date, sum: mmOrNull(e.baseline.sum) } : null,
    timepoints: e.timepoints.map((tp, index) => timepointJson(tp, criteria, { episode: e, index })),
    bestResponse: e.bestResponse,
  } as JsonEpisode;
  for (const id of criteria) {
    const legacy = criterion(id).legacyJson;
    if (legacy) Object.assign(json, legacy.afterBestResponse(e));
  }
  json.progressionDate = e.progressionDate;
  if (criteria[0] !== DEFAULT_CRITERIA) json.recistProgressionDate = e.recistProgressionDate ?? null;
  if (showsReadings(criteria)) {
    const out: Record<string, JsonEpisodeReading> = {};
    for (const id of criteria) {
      const reading = e.readings?.[id];
      out[id] = reading ? episodeReadingJson(reading) : { bestResponse: null, progressionDate: null };
    }
    json.readings = out;
  }
  json.resistance = resistanceJson(e.resistance);
  json.complete = true;
  return withCompleteness(json, e.complete, e.incompleteBecause, positions);
}

/** The patients of one file; `text` is the file's text (for the positions of incompleteness reasons). */
export function patientsJson(assessment: CaseAssessment, text: string): JsonPatient[] {
  let index: LineIndex | null = null;
  const positions: Positions = () => (index ??= new LineIndex(text));
  return assessment.patients.map((p) => {
    const head = { id: p.id, criteria: p.criteria } as JsonPatient;
    if (showsReadings(p.criteriaRead)) head.criteriaRead = [...p.criteriaRead];
    head.complete = true;
    const json = withCompleteness(head, p.complete, p.incompleteBecause, positions);
    json.episodes = p.episodes.map((e) => episodeJson(e, p.criteriaRead, positions));
    json.biomarkers = (p.biomarkers ?? []).map(biomarkerJson);
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
