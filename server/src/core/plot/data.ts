// What the figures show, derived once from the engine's assessment: per episode (one patient,
// one line of therapy, R15) the % change of the target sum from baseline at each time point,
// the best change and response, and the events on the time line.
import { CohortFile, cohortEpisodes, episodeLabel, pct } from "../export/cohort";
import type { Criteria } from "../model/types";

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
  /** Best overall response (R8; iRECIST R9 for iRECIST patients). */
  bestResponse: string | null;
  /** Weeks from the start to the last assessment. */
  endWeeks: number;
  events: PlotEvent[];
  /** True when the episode has not progressed (the bar continues). */
  ongoing: boolean;
}

export function plotEpisodes(files: CohortFile[]): PlotEpisode[] {
  return cohortEpisodes(files)
    .filter((e) => e.episode.episode.start !== null && e.episode.baseline !== null)
    .map((e) => {
      const start = e.episode.episode.start as number;
      const weeks = (day: number) => (day - start) / DAYS_PER_WEEK;
      const iRecist = e.patient.criteria === "iRECIST";
      const baseline = e.episode.episode.baseline!;
      const points: PlotPoint[] = [{ date: baseline.date, weeks: weeks(baseline.day), pct: 0 }];
      const events: PlotEvent[] = [];
      for (const tp of e.episode.timepoints) {
        const change = pct(tp.changeFromBaselinePct);
        if (change !== null) points.push({ date: tp.date, weeks: weeks(tp.day), pct: change });
        const category = iRecist ? tp.iResponse ?? tp.response : tp.response;
        const kind = eventKind(category);
        if (kind) events.push({ kind, date: tp.date, weeks: weeks(tp.day), category });
      }
      const changes = points.slice(1).map((p) => p.pct);
      const last = e.episode.timepoints[e.episode.timepoints.length - 1];
      return {
        label: episodeLabel(e),
        criteria: e.patient.criteria,
        points,
        bestPct: changes.length > 0 ? Math.min(...changes) : null,
        bestResponse: (iRecist ? e.episode.iBestResponse ?? e.episode.bestResponse : e.episode.bestResponse) ?? null,
        endWeeks: Math.max(0, last ? weeks(last.day) : weeks(baseline.day)),
        events,
        ongoing: e.episode.progressionDate === null,
      };
    });
}

function eventKind(category: string): PlotEventKind | null {
  if (category === "CR" || category === "PR" || category === "iCR" || category === "iPR") return "response";
  if (category === "iUPD" || category === "iCPD" || category === "PD") return category;
  return null;
}
