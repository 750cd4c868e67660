// Turns one patient's assessment into what the chart draws: points, the
// reference lines of RECIST 1.1 (PR at -30 % from baseline; PD at +20 % and
// +5 mm from the nadir) and the marks. Pure and serialisable: it is posted to
// the webview as is.
import { AssessedEpisode, AssessedPatient } from "../protocol";
import { CtdnaSample } from "../documentOutline";

export interface ChartPoint {
  date: string;
  /** Sum of diameters in mm; null when not evaluable (drawn as a gap). */
  sum: number | null;
  label: string;
  isBaseline: boolean;
  newLesions: "yes" | "no" | "equivocal" | "NE";
  /** "iUPD" / "iCPD" when iRECIST marks the scan, else null. */
  irecistMark: "iUPD" | "iCPD" | null;
  /** PD threshold in force at this scan: max(nadir x 1.2, nadir + 5 mm). */
  pdThreshold: number | null;
  nadir: number | null;
  changeFromBaselinePct: number | null;
  isCursor: boolean;
}

export interface ChartEpisode {
  title: string;
  baselineSum: number | null;
  /** 70 % of the baseline sum. */
  prThreshold: number | null;
  points: ChartPoint[];
  bestResponse: string | null;
  progressionDate: string | null;
}

export interface ChartModel {
  patientId: string;
  criteria: string;
  episodes: ChartEpisode[];
  ctdna: { unit: string; samples: Array<{ date: string; value: number | null }> } | null;
}

/** What the extension posts to the timeline webview. */
export type TimelineMessage =
  | { type: "model"; model: ChartModel }
  | { type: "message"; text: string };

export function buildChartModel(patient: AssessedPatient, ctdna: CtdnaSample[], cursorDate?: string): ChartModel {
  return {
    patientId: patient.id,
    criteria: patient.criteria,
    episodes: patient.episodes.filter((e) => e.baseline).map((e) => chartEpisode(e, cursorDate)),
    ctdna: ctdnaSeries(ctdna),
  };
}

function chartEpisode(episode: AssessedEpisode, cursorDate: string | undefined): ChartEpisode {
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
      date: tp.date, sum: tp.sum, label: tp.iResponse ?? tp.response, isBaseline: false, newLesions: tp.newLesions,
      irecistMark: mark, pdThreshold: tp.nadir === null ? null : round1(Math.max(tp.nadir * 1.2, tp.nadir + 5)),
      nadir: tp.nadir, changeFromBaselinePct: tp.changeFromBaselinePct, isCursor: cursorDate === tp.date,
    });
  }
  const title = [episode.therapy, episode.start ? `from ${episode.start}` : undefined].filter(Boolean).join(" ");
  return {
    title: title || `Baseline ${episode.baseline?.date ?? ""}`,
    baselineSum,
    prThreshold: baselineSum === null ? null : round1(baselineSum * 0.7),
    points,
    bestResponse: episode.iBestResponse ?? episode.bestResponse ?? null,
    progressionDate: episode.progressionDate ?? null,
  };
}

/** Plots the most frequent unit only: VAF and copies/mL share no axis. */
function ctdnaSeries(samples: CtdnaSample[]): ChartModel["ctdna"] {
  const counts = new Map<string, number>();
  for (const s of samples) if (s.value !== null) counts.set(s.unit, (counts.get(s.unit) ?? 0) + 1);
  const unit = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  if (unit === undefined) return null;
  const kept = samples.filter((s) => s.value === null || s.unit === unit).map((s) => ({ date: s.date, value: s.value }));
  return { unit, samples: kept.sort((a, b) => a.date.localeCompare(b.date)) };
}

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}
