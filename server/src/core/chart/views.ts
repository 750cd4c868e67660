// The timeline chart of an assessed patient (the CLI's `nadir plot --kind timeline`, the HTML
// report, and the views the language server sends the editor): the version-1 chart from the JSON,
// and, when the patient reads several criteria (P3), one view per criterion: its burden in its
// unit, its nadir and its own thresholds (the criterion's functions, core/criteria), its responses
// with the state of each PD run. Server side only: the client draws what it is sent.
import type { EpisodeAssessment, PatientAssessment } from "../engine/types";
import type { CriteriaId, EpisodeReading } from "../criteria/types";
import type { ChartEpisode, ChartModel, ChartPoint, ChartView } from "./model";
import { buildChartModel, ctdnaSamplesOf } from "./model";
import { patientsJson, showsReadings } from "../engine/json";
import { criterion } from "../criteria/registry";
import { displayBest, displayResponse } from "../criteria/shared";

/** The chart model of one assessed patient of an analysis (the CLI and the report), with its criteria's views. */
export function chartModelOf(patient: PatientAssessment, text: string, cursorDate?: string): ChartModel {
  const json = patientsJson({ patients: [patient], diagnostics: [], errorsOutsidePatients: [] }, text)[0];
  return buildChartModel({ ...json, chartViews: chartViewsOf(patient) }, ctdnaSamplesOf(patient.patient), cursorDate);
}

/** One view per criterion the patient reads (P3); undefined when it reads RECIST 1.1 or iRECIST alone. */
export function chartViewsOf(patient: PatientAssessment): ChartView[] | undefined {
  if (!showsReadings(patient.criteriaRead)) return undefined;
  return patient.criteriaRead.map((id) => ({
    criterion: id,
    label: criterion(id).label,
    primary: id === patient.criteria,
    episodes: patient.episodes.filter((e) => e.baseline).flatMap((e) => {
      const reading = e.readings?.[id];
      return reading ? [viewEpisode(id, e, reading)] : [];
    }),
  }));
}

function viewEpisode(id: CriteriaId, e: EpisodeAssessment, reading: EpisodeReading): ChartEpisode {
  const c = criterion(id);
  // Integer burdens to the chart's units: tenths of a mm -> mm, hundredths of a mm² -> mm².
  const show = (v: number | null) => (v === null ? null : c.unit === "mm" ? v / 10 : v / 100);
  const baseline = show(reading.baselineBurden);
  const points: ChartPoint[] = [];
  if (e.baseline) {
    points.push({
      date: e.baseline.date, sum: baseline, label: "Baseline", isBaseline: true, newLesions: "no", irecistMark: null, pdThreshold: null,
      nadir: baseline, changeFromBaselinePct: null, isCursor: false,
    });
  }
  reading.timepoints.forEach((tp, i) => {
    const at = e.timepoints[i];
    points.push({
      date: at.date, sum: show(tp.burden), label: tp.response, isBaseline: false, newLesions: at.newLesions,
      irecistMark: tp.category === "PD" || tp.category === "UPD" ? displayResponse(tp) : null,
      pdThreshold: show(tp.pdThreshold), nadir: show(tp.nadir), changeFromBaselinePct: tp.changeFromBaselinePct, isCursor: false,
    });
  });
  const title = [e.therapy, e.start ? `from ${e.start}` : undefined].filter(Boolean).join(" ");
  return {
    title: title || `Baseline ${e.baseline?.date ?? ""}`,
    baselineSum: baseline,
    prThreshold: reading.baselineBurden === null ? null : show(c.prThreshold(reading.baselineBurden)),
    points,
    bestResponse: reading.bestResponse === null ? null : displayBest(reading),
    progressionDate: reading.progressionDate,
    complete: e.complete,
    scale: { criterion: c.label, unit: c.unit === "mm" ? "mm" : "mm\u00b2", axis: c.chart.axis, pr: c.chart.pr, pd: c.chart.pd },
  };
}
