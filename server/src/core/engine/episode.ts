// One episode (line of therapy, R15) from its baseline to its last scan: the RECIST 1.1 time points
// (the facts every criterion reads, R25), the episode under each criterion the patient reads
// (core/criteria: best response, progression date, pending confirmation), schedule,
// hyperprogression and ctDNA.
import type { Day, Episode, Patient } from "../model/types";
import type { EpisodeAssessment } from "./types";
import type { EffectiveSettings } from "./effectiveSettings";
import type { CriteriaId, CriterionInput, CriterionRun, EpisodeReading } from "../criteria/types";
import { assessTimepoints, baselineSumOf, lesionsOf, EpisodeLesions, TimepointFacts } from "./timepoints";
import { assessHyperprogression } from "./hyperprogression";
import { readCtdna } from "./ctdna";
import { dayText } from "./format";
import { criterion } from "../criteria/registry";
import { movedBackText, RECIST11, RecistRun } from "../criteria/recist11";

export { movedBackText, recistProgressionDate } from "../criteria/recist11";
export type { MovedBack } from "../criteria/recist11";

export interface EpisodeWork {
  assessment: EpisodeAssessment;
  patient: Patient;
  lesions: EpisodeLesions;
  facts: TimepointFacts[];
  /** What every criterion read: the RECIST 1.1 facts, settings and baseline sum. */
  input: CriterionInput;
  /** The episode under every criterion the patient reads, and always under RECIST 1.1 (its best response and date are reported for every patient). */
  runs: Map<CriteriaId, CriterionRun>;
  /** The primary criteria's run (P3): the progression diagnostics and the episode's date of progression come from it. */
  primary: CriterionRun;
  recist: RecistRun;
}

export function assessEpisode(patient: Patient, episode: Episode, eff: EffectiveSettings): EpisodeWork {
  const lesions = lesionsOf(episode);
  const facts = assessTimepoints(episode, lesions, patient.markers, eff.settings, eff.confirmResponses);
  const baselineSum = baselineSumOf(episode, lesions);
  const input: CriterionInput = { patient, episode, lesions, facts, eff, baselineSum };
  const recist = RECIST11.read(input) as RecistRun;
  const runs = new Map<CriteriaId, CriterionRun>([["RECIST1.1", recist]]);
  if (episode.baseline) for (const id of eff.criteria) if (!runs.has(id)) runs.set(id, criterion(id).read(input));
  const primary = runs.get(eff.criteria[0]) ?? recist;
  const progressionDate = primary.reading.progressionDate;
  const last = episode.followUps[episode.followUps.length - 1] ?? episode.baseline;
  const nextDue = eff.scheduleDays !== null && last ? dayText(last.day + eff.scheduleDays) : null;
  const focus = primary.progressionPoints[0] ?? (recist.firstPd >= 0 ? recist.firstPd : facts.length - 1);
  const focusDay: Day | null = focus >= 0 ? facts[focus].tp.day : null;
  const ctdna = focusDay === null ? null : readCtdna(patient.ctdna, episode.start, focusDay, eff.settings.ctdnaFoldThreshold);
  const explanation = [...recist.bestExplanation];
  for (const [id, run] of runs) if (id !== "RECIST1.1") explanation.push(...run.bestExplanation);
  if (progressionDate) explanation.push({ rule: primary.progressionRule, text: `Date of progression: ${progressionDate}.` });
  const recistDated = recist.dated;
  if (primary !== recist && recistDated) explanation.push({ rule: "R7", text: `RECIST 1.1 date of progression: ${recistDated.date} (the first PD of the episode${recistDated.movedBack ? `, ${movedBackText(recistDated.movedBack)}` : ""}).` });
  const readings: Partial<Record<CriteriaId, EpisodeReading>> = {};
  for (const [id, run] of runs) readings[id] = run.reading;
  const assessment: EpisodeAssessment = {
    episode,
    therapy: episode.therapy?.name ?? null,
    start: episode.start === null ? null : dayText(episode.start),
    baseline: episode.baseline ? { date: episode.baseline.date, sum: baselineSum } : null,
    timepoints: facts.map((f) => f.tp),
    bestResponse: recist.best.best,
    progressionDate,
    recistProgressionDate: recistDated?.date ?? null,
    pendingConfirmation: primary.pendingWindow,
    nextDue,
    hyperprogression: episode.baseline ? assessHyperprogression(episode, lesions, facts) : [],
    ctdna: ctdna ? { profile: ctdna.profile, trend: ctdna.trend, reading: ctdna.reading, detail: ctdna.detail } : null,
    explanation,
    readings,
    complete: true,
    incompleteBecause: [],
  };
  for (const [id, run] of runs) criterion(id).decorate?.(run, assessment);
  return { assessment, patient, lesions, facts, input, runs, primary, recist };
}
