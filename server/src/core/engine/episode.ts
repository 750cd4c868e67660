// One episode (line of therapy, R15) from its baseline to its last scan: time points, iRECIST,
// best response, progression date, pending confirmation, schedule, hyperprogression and ctDNA.
import type { Day, Episode, Patient } from "../model/types";
import type { EpisodeAssessment } from "./types";
import type { EffectiveSettings } from "./effectiveSettings";
import { assessTimepoints, baselineSumOf, lesionsOf, EpisodeLesions, TimepointFacts } from "./timepoints";
import { assessIrecist, IrecistResult } from "./irecist";
import { bestOverallResponse, BestResult, iBestOverallResponse } from "./best";
import { assessHyperprogression } from "./hyperprogression";
import { readCtdna } from "./ctdna";
import { dayText } from "./format";
import type { IResponse, OverallResponse } from "./types";

export interface EpisodeWork {
  assessment: EpisodeAssessment;
  patient: Patient;
  lesions: EpisodeLesions;
  facts: TimepointFacts[];
  irecist: IrecistResult | null;
  best: BestResult<OverallResponse>;
  iBest: BestResult<IResponse> | null;
  /** Index of the first RECIST PD TP, if any. */
  firstPd: number;
}

export function assessEpisode(patient: Patient, episode: Episode, eff: EffectiveSettings): EpisodeWork {
  const lesions = lesionsOf(episode);
  const facts = assessTimepoints(episode, lesions, patient.markers, eff.settings, eff.confirmResponses);
  const irecist = eff.criteria === "iRECIST" && episode.baseline
    ? assessIrecist({ facts, lesions, baseline: episode.baseline, baselineSum: baselineSumOf(episode, lesions), baselineEcog: episode.baseline.ecog ?? null, settings: eff.settings, confirmResponses: eff.confirmResponses })
    : null;
  if (irecist) facts.forEach((f, i) => (f.tp.iResponse = irecist.responses[i]));
  const bestOptions = { start: episode.start, minStableDiseaseDays: eff.settings.minStableDiseaseDays, confirm: eff.confirmResponses };
  const best = bestOverallResponse(facts.map((f) => f.tp), bestOptions);
  const iBest = irecist
    ? iBestOverallResponse(facts.map((f, i) => ({ date: f.tp.date, day: f.tp.day, iResponse: irecist.responses[i], confirmedIupd: irecist.confirmedIupd[i] })), bestOptions)
    : null;
  const firstPd = facts.findIndex((f) => f.tp.response === "PD");
  const recistDate = firstPd >= 0 ? recistProgressionDate(facts[firstPd]) : null;
  const progressionDate = irecist ? irecist.progressionDate : recistDate;
  const last = episode.followUps[episode.followUps.length - 1] ?? episode.baseline;
  const nextDue = eff.scheduleDays !== null && last ? dayText(last.day + eff.scheduleDays) : null;
  const firstIupd = irecist?.events.find((e) => e.kind === "iupd");
  const focusDay: Day | null = firstIupd ? facts[firstIupd.index].tp.day : firstPd >= 0 ? facts[firstPd].tp.day : facts.length > 0 ? facts[facts.length - 1].tp.day : null;
  const ctdna = focusDay === null ? null : readCtdna(patient.ctdna, episode.start, focusDay, eff.settings.ctdnaFoldThreshold);
  const explanation = [...best.explanation];
  if (iBest) explanation.push(...iBest.explanation);
  if (progressionDate) explanation.push({ rule: irecist ? "R10" : "R6", text: `Date of progression: ${progressionDate}.` });
  if (irecist && recistDate) explanation.push({ rule: "R7", text: `RECIST 1.1 date of progression: ${recistDate} (the first PD of the episode${recistDate !== facts[firstPd].tp.date ? ", moved back to the first appearance of an equivocal new lesion (R6)" : ""}).` });
  const baselineSum = baselineSumOf(episode, lesions);
  const assessment: EpisodeAssessment = {
    episode,
    therapy: episode.therapy?.name ?? null,
    start: episode.start === null ? null : dayText(episode.start),
    baseline: episode.baseline ? { date: episode.baseline.date, sum: baselineSum } : null,
    timepoints: facts.map((f) => f.tp),
    bestResponse: best.best,
    progressionDate,
    recistProgressionDate: recistDate,
    // One source for the window and the scan it belongs to: the run's first iUPD (R10, R13).
    pendingConfirmation: irecist?.pending?.window ?? null,
    nextDue,
    hyperprogression: episode.baseline ? assessHyperprogression(episode, lesions, facts) : [],
    ctdna: ctdna ? { profile: ctdna.profile, trend: ctdna.trend, reading: ctdna.reading, detail: ctdna.detail } : null,
    explanation,
    complete: true,
    incompleteBecause: [],
  };
  if (iBest) assessment.iBestResponse = iBest.best;
  return { assessment, patient, lesions, facts, irecist, best, iBest, firstPd };
}

/**
 * R6: PD at the first PD TP, or earlier when an equivocal new lesion that made it PD had first
 * appeared at an earlier scan.
 */
export function recistProgressionDate(f: TimepointFacts): string {
  let date = f.tp.date;
  let day = f.tp.day;
  for (const v of f.newLesions.lesions) {
    if (v.present && v.unequivocal && v.unequivocalSince === f.scan && v.firstSeen.day < day) {
      day = v.firstSeen.day;
      date = v.firstSeen.date;
    }
  }
  return date;
}
