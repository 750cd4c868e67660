// What the figures show, derived once from the engine's assessment: per episode (one patient,
// one line of therapy, R15) the % change of the target sum from baseline at each time point,
// the best change and response under the patient's own criteria (iBOR under iRECIST, R9), and
// the events on the time line. Episodes that errors touch (core/completeness.ts) are left out
// unless asked for; then they are drawn marked as incomplete.
import { CohortEpisode, CohortFile, cohortEpisodes, episodeLabel, pct } from "../export/cohort";
import type { Criteria } from "../model/types";
import type { CoreDiagnostic } from "../diagnostics";
import { LineIndex } from "../text/lineIndex";

const DAYS_PER_WEEK = 7;

export interface PlotPoint {
  date: string;
  /** Weeks from the episode's start of treatment. */
  weeks: number;
  /** % change of the target sum from baseline (R3); 0 at the baseline itself. */
  pct: number;
}

export type PlotEventKind = "response" | "iUPD" | "iCPD" | "PD";

export interface PlotEvent {
  kind: PlotEventKind;
  date: string;
  weeks: number;
  /** The category behind the event (CR, PR, iCR, iPR, ...). */
  category: string;
}

export interface PlotEpisode {
  label: string;
  criteria: Criteria;
  points: PlotPoint[];
  /** Smallest % change over the follow-ups, null when no sum could be compared. */
  bestPct: number | null;
  /** Best overall response under the patient's criteria: R8 under RECIST 1.1, the iBOR (R9) under iRECIST. */
  bestResponse: string | null;
  /** Weeks from the start to the last assessment. */
  endWeeks: number;
  events: PlotEvent[];
  /** True when the episode has not progressed (the bar continues). */
  ongoing: boolean;
  /** False when errors touch the episode (drawn only with --include-incomplete, and marked). */
  complete: boolean;
  /** The assessed episode it comes from (for the timeline chart). */
  source: CohortEpisode;
}

/** An episode left out of a figure because errors touch it: where and which. */
export interface LeftOutEpisode {
  label: string;
  file: string;
  /** The errors, as code and 1-based line. */
  reasons: Array<{ code: string; line: number }>;
}

export interface PlotData {
  episodes: PlotEpisode[];
  leftOut: LeftOutEpisode[];
}

export interface PlotDataOptions {
  /** Draw episodes that errors touch (marked as incomplete) instead of leaving them out. */
  includeIncomplete?: boolean;
}

export function plotData(files: CohortFile[], options: PlotDataOptions = {}): PlotData {
  const episodes: PlotEpisode[] = [];
  const leftOut: LeftOutEpisode[] = [];
  const indexes = new Map<CohortFile, LineIndex>();
  const lineOf = (file: CohortFile, d: CoreDiagnostic) => {
    let index = indexes.get(file);
    if (!index) indexes.set(file, (index = new LineIndex(file.analysis.text)));
    return index.positionAt(d.start).line + 1;
  };
  for (const e of cohortEpisodes(files)) {
    if (!e.episode.complete && !options.includeIncomplete) {
      leftOut.push({ label: episodeLabel(e), file: e.file.path, reasons: e.episode.incompleteBecause.map((d) => ({ code: d.code, line: lineOf(e.file, d) })) });
      continue;
    }
    if (e.episode.episode.start === null || e.episode.baseline === null) continue;
    const start = e.episode.episode.start;
    const weeks = (day: number) => (day - start) / DAYS_PER_WEEK;
    const iRecist = e.patient.criteria === "iRECIST";
    const baseline = e.episode.episode.baseline!;
    const points: PlotPoint[] = [{ date: baseline.date, weeks: weeks(baseline.day), pct: 0 }];
    const events: PlotEvent[] = [];
    for (const tp of e.episode.timepoints) {
      const change = pct(tp.changeFromBaselinePct);
      if (change !== null) points.push({ date: tp.date, weeks: weeks(tp.day), pct: change });
      const category = iRecist ? tp.iResponse ?? "NE" : tp.response;
      const kind = eventKind(category);
      // PD and iCPD are events, and stay so for the rest of the episode (R10): mark the first only.
      const repeated = (kind === "PD" || kind === "iCPD") && events.some((ev) => ev.kind === kind);
      if (kind && !repeated) events.push({ kind, date: tp.date, weeks: weeks(tp.day), category });
    }
    const changes = points.slice(1).map((p) => p.pct);
    const last = e.episode.timepoints[e.episode.timepoints.length - 1];
    episodes.push({
      label: episodeLabel(e),
      criteria: e.patient.criteria,
      points,
      bestPct: changes.length > 0 ? Math.min(...changes) : null,
      bestResponse: (iRecist ? e.episode.iBestResponse : e.episode.bestResponse) ?? null,
      endWeeks: Math.max(0, last ? weeks(last.day) : weeks(baseline.day)),
      events,
      ongoing: e.episode.progressionDate === null,
      complete: e.episode.complete,
      source: e,
    });
  }
  return { episodes, leftOut };
}

/** The episodes a figure draws (incomplete ones included), for tests and callers that filter themselves. */
export function plotEpisodes(files: CohortFile[]): PlotEpisode[] {
  return plotData(files, { includeIncomplete: true }).episodes;
}

function eventKind(category: string): PlotEventKind | null {
  if (category === "CR" || category === "PR" || category === "iCR" || category === "iPR") return "response";
  if (category === "iUPD" || category === "iCPD" || category === "PD") return category;
  return null;
}
