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
  const recistDated = firstPd >= 0 ? recistProgressionDate(facts, firstPd) : null;
  const recistDate = recistDated?.date ?? null;
  const progressionDate = irecist ? irecist.progressionDate : recistDate;
  const last = episode.followUps[episode.followUps.length - 1] ?? episode.baseline;
  const nextDue = eff.scheduleDays !== null && last ? dayText(last.day + eff.scheduleDays) : null;
  const firstIupd = irecist?.events.find((e) => e.kind === "iupd");
  const focusDay: Day | null = firstIupd ? facts[firstIupd.index].tp.day : firstPd >= 0 ? facts[firstPd].tp.day : facts.length > 0 ? facts[facts.length - 1].tp.day : null;
  const ctdna = focusDay === null ? null : readCtdna(patient.ctdna, episode.start, focusDay, eff.settings.ctdnaFoldThreshold);
  const explanation = [...best.explanation];
  if (iBest) explanation.push(...iBest.explanation);
  if (progressionDate) explanation.push({ rule: irecist ? "R10" : "R6", text: `Date of progression: ${progressionDate}.` });
  if (irecist && recistDated) explanation.push({ rule: "R7", text: `RECIST 1.1 date of progression: ${recistDated.date} (the first PD of the episode${recistDated.movedBack ? `, ${movedBackText(recistDated.movedBack)}` : ""}).` });
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

/** Why RECIST 1.1 dates a progression before its first PD TP: the new lesion behind it was seen earlier. */
export type MovedBack =
  /** R6: it was equivocal when it first appeared. */
  | "equivocal"
  /** Issue 10: it was unequivocal at a TP whose own response is NE because a value there could not be read. */
  | "unreadable";

export function movedBackText(why: MovedBack): string {
  return why === "equivocal"
    ? "moved back to the first appearance of an equivocal new lesion (R6)"
    : "moved back to the scan where the new lesion was first seen, whose own response is NE because a value there could not be read (R6)";
}

/**
 * R6: PD at the first PD TP, or earlier when a new lesion that made it PD had first appeared at an
 * earlier scan: equivocal then (R6), or unequivocal at a TP that is NE only because a value there
 * could not be read (issue 10: the lesion was seen; the TP's other values are what is unknown).
 */
export function recistProgressionDate(facts: readonly TimepointFacts[], firstPd: number): { date: string; movedBack: MovedBack | null } {
  const f = facts[firstPd];
  const unreadableBefore = new Set(facts.slice(0, firstPd).filter((x) => x.unreadable).map((x) => x.scan));
  let date = f.tp.date;
  let day = f.tp.day;
  let movedBack: MovedBack | null = null;
  for (const v of f.newLesions.lesions) {
    if (!v.present || !v.unequivocal || v.firstSeen.day >= day) continue;
    if (v.unequivocalSince === f.scan || (v.unequivocalSince !== null && unreadableBefore.has(v.unequivocalSince))) {
      day = v.firstSeen.day;
      date = v.firstSeen.date;
      movedBack = v.unequivocalSince === v.firstSeen ? "unreadable" : "equivocal";
    }
  }
  return { date, movedBack };
}
