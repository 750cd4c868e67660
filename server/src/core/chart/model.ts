// The one definition of the response-timeline chart (issue 12): one patient's assessment turned
// into what the chart draws: points, the reference lines of RECIST 1.1 (PR at -30 % from
// baseline; PD at +20 % and +5 mm over the nadir, R3) and the marks. Pure and serialisable, with
// no Node or VS Code imports: the timeline webview (client), `nadir plot --kind timeline` and the
// HTML report all draw from it. The input is the engine's JSON shapes (engine/json.ts), so the
// client builds it from the language server's `nadir/assessment` answer and the core from an
// analysis; the thresholds are the engine's own functions (engine/format.ts), never restated.
import type { JsonEpisode, JsonPatient, JsonTimepoint } from "../engine/json";
import type { Patient } from "../model/types";
import { pdThresholdOf, prThresholdOf } from "../engine/format";

export interface ChartPoint {
  date: string;
  /** Sum of diameters in mm; null when not evaluable (drawn as a gap). */
  sum: number | null;
  label: string;
  isBaseline: boolean;
  /** NE when a value that may be a new lesion could not be read (issue 10). */
  newLesions: "yes" | "no" | "equivocal" | "NE";
  /** "iUPD" / "iCPD" when iRECIST marks the scan (a criterion's view: its PD with the run's state, "irPD (unconfirmed)"), else null. */
  irecistMark: string | null;
  /** PD threshold in force at this scan (mm): max(1.2 x nadir, nadir + 5 mm), R3. */
  pdThreshold: number | null;
  nadir: number | null;
  changeFromBaselinePct: number | null;
  isCursor: boolean;
}

export interface ChartEpisode {
  title: string;
  baselineSum: number | null;
  /** 70 % of the baseline sum (mm), R3. */
  prThreshold: number | null;
  points: ChartPoint[];
  /** Best overall response under the patient's criteria (iBOR under iRECIST, R9). */
  bestResponse: string | null;
  progressionDate: string | null;
  /** False when errors touch the episode: the chart says so. */
  complete: boolean;
  /** The unit and words of the chart when it draws a criterion's view (P3); absent: RECIST 1.1's sum in mm. */
  scale?: ChartScale;
}

/** What a criterion's view draws (core/criteria: its unit, axis and threshold labels). */
export interface ChartScale {
  criterion: string;
  unit: "mm" | "mm\u00b2";
  axis: string;
  pr: string;
  pd: string;
}

/** The chart under one criterion the patient reads (P3): the criterion switch of the timeline. */
export interface ChartView {
  criterion: string;
  label: string;
  primary: boolean;
  episodes: ChartEpisode[];
}

export interface ChartCtdnaSample {
  date: string;
  /** null for `undetected`. */
  value: number | null;
  unit: string;
}

export interface ChartModel {
  patientId: string;
  criteria: string;
  complete: boolean;
  episodes: ChartEpisode[];
  ctdna: { unit: string; samples: Array<{ date: string; value: number | null }> } | null;
  /** One view per criterion read, when the patient reads several (or one other than RECIST 1.1 and iRECIST). */
  views?: ChartView[];
}

/** What the extension posts to the timeline webview. */
export type TimelineMessage =
  | { type: "model"; model: ChartModel }
  | { type: "message"; text: string };

/** The JSON shapes the chart reads (the language server adds ranges, ignored here, and the criteria's views). */
export type ChartPatientInput = Pick<JsonPatient, "id" | "criteria"> & { complete?: boolean; episodes: ChartEpisodeInput[]; chartViews?: ChartView[] };
export type ChartEpisodeInput = Pick<JsonEpisode, "therapy" | "start" | "bestResponse" | "iBestResponse" | "progressionDate"> & {
  complete?: boolean;
  baseline: { date: string; sum: number | null } | null;
  timepoints: ChartTimepointInput[];
};
export type ChartTimepointInput = Pick<JsonTimepoint, "date" | "sum" | "nadir" | "changeFromBaselinePct" | "newLesions" | "response" | "iResponse">;

export function buildChartModel(patient: ChartPatientInput, ctdna: ChartCtdnaSample[], cursorDate?: string): ChartModel {
  const iRecist = patient.criteria === "iRECIST";
  const model: ChartModel = {
    patientId: patient.id,
    criteria: patient.criteria,
    complete: patient.complete ?? true,
    episodes: patient.episodes.filter((e) => e.baseline).map((e) => chartEpisode(e, iRecist, cursorDate)),
    ctdna: ctdnaSeries(ctdna),
  };
  if (patient.chartViews && patient.chartViews.length > 0) {
    // The criteria's views come built (core/chart/views.ts); the cursor is this call's.
    model.views = patient.chartViews.map((v) => ({ ...v, episodes: v.episodes.map((e) => ({ ...e, points: e.points.map((p) => ({ ...p, isCursor: cursorDate === p.date })) })) }));
  }
  return model;
}

/** The model's ctDNA samples in the chart's units. */
export function ctdnaSamplesOf(patient: Patient): ChartCtdnaSample[] {
  return patient.ctdna.map((s) => s.unit === "undetected"
    ? { date: s.date, value: null, unit: "" }
    : { date: s.date, value: s.value, unit: s.unit === "vaf" ? "% VAF" : s.unit });
}

/** mm (one decimal, exact tenths) to integer tenths, for the engine's threshold functions. */
const tenths = (mm: number) => Math.round(mm * 10);

function chartEpisode(episode: ChartEpisodeInput, iRecist: boolean, cursorDate: string | undefined): ChartEpisode {
  const baselineSum = episode.baseline?.sum ?? null;
  const points: ChartPoint[] = [];
  if (episode.baseline) {
    points.push({
      date: episode.baseline.date, sum: baselineSum, label: "Baseline", isBaseline: true, newLesions: "no",
      irecistMark: null, pdThreshold: null, nadir: baselineSum, changeFromBaselinePct: null, isCursor: cursorDate === episode.baseline.date,
    });
  }
  for (const tp of episode.timepoints) {
    const mark = tp.iResponse === "iUPD" || tp.iResponse === "iCPD" ? tp.iResponse : null;
    points.push({
      date: tp.date, sum: tp.sum, label: iRecist ? tp.iResponse ?? "NE" : tp.response, isBaseline: false, newLesions: tp.newLesions,
      irecistMark: mark, pdThreshold: tp.nadir === null ? null : pdThresholdOf(tenths(tp.nadir)) / 10,
      nadir: tp.nadir, changeFromBaselinePct: tp.changeFromBaselinePct, isCursor: cursorDate === tp.date,
    });
  }
  const title = [episode.therapy, episode.start ? `from ${episode.start}` : undefined].filter(Boolean).join(" ");
  return {
    title: title || `Baseline ${episode.baseline?.date ?? ""}`,
    baselineSum,
    prThreshold: baselineSum === null ? null : prThresholdOf(tenths(baselineSum)) / 10,
    points,
    bestResponse: (iRecist ? episode.iBestResponse : episode.bestResponse) ?? null,
    progressionDate: episode.progressionDate ?? null,
    complete: episode.complete ?? true,
  };
}

/** Plots the most frequent unit only: VAF and copies/mL share no axis. */
function ctdnaSeries(samples: ChartCtdnaSample[]): ChartModel["ctdna"] {
  const counts = new Map<string, number>();
  for (const s of samples) if (s.value !== null) counts.set(s.unit, (counts.get(s.unit) ?? 0) + 1);
  const unit = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  if (unit === undefined) return null;
  const kept = samples.filter((s) => s.value === null || s.unit === unit).map((s) => ({ date: s.date, value: s.value }));
  return { unit, samples: kept.sort((a, b) => a.date.localeCompare(b.date)) };
}
