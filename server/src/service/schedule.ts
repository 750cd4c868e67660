// Dates the editor proposes: the next scheduled scan (R13) and a date inside an iUPD's
// confirmation window (R10). The engine's answers come first; the schedule in the file is the
// fallback so that completion still helps while the file is incomplete.
import type { Analysis } from "../core/analyze";
import type { Episode, Patient } from "../core/model/types";
import type { ConfirmationWindow } from "../core/engine/types";
import { formatDay, parseDay } from "../core/util/dates";
import { episodeAssessmentOf } from "./caseIndex";

export interface ProposedDate {
  date: string;
  day: number;
}

export function nextDue(analysis: Analysis, patient: Patient, episode: Episode): ProposedDate | null {
  const fromEngine = episodeAssessmentOf(analysis, patient, episode)?.nextDue;
  if (fromEngine) {
    const day = parseDay(fromEngine);
    if (day !== null) return { date: fromEngine, day };
  }
  const interval = patient.settings.scheduleDays;
  const scans = [...(episode.baseline ? [episode.baseline] : []), ...episode.followUps];
  const last = scans[scans.length - 1];
  if (!interval || !last) return null;
  return { date: formatDay(last.day + interval), day: last.day + interval };
}

/** The episode a new scan would join: the one holding the patient's latest scan. */
export function currentEpisode(patient: Patient): Episode | null {
  const withBaseline = patient.episodes.filter((e) => e.baseline);
  return withBaseline[withBaseline.length - 1] ?? null;
}

export function pendingWindow(analysis: Analysis, patient: Patient, episode: Episode): ConfirmationWindow | null {
  return episodeAssessmentOf(analysis, patient, episode)?.pendingConfirmation ?? null;
}

/**
 * Six weeks after the first iUPD: the middle of the 4-8 week confirmation window (R10), or the
 * day after the episode's latest scan when that comes later (a not-evaluated scan in the window).
 */
export function confirmationDate(window: ConfirmationWindow, episode?: Episode): ProposedDate | null {
  const from = parseDay(window.from);
  const to = parseDay(window.to);
  if (from === null || to === null) return null;
  const last = episode?.followUps[episode.followUps.length - 1];
  const day = Math.max(Math.floor((from + to) / 2), last ? last.day + 1 : -Infinity);
  return { date: formatDay(day), day };
}
