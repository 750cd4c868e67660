// RECIST 1.1 at every follow-up scan of one episode: sum and nadir (R2, R3, R15), target,
// non-target and new-lesion categories (R3-R6), the continuing-PR decision (R3) and the overall
// response (R7), which stays PD once the episode has progressed ("RECIST 1.1 after progression").
// iRECIST (R10) builds its own reading on these facts in irecist.ts.
import type { Assessment, Episode, Lesion, MarkerResult, Tenths } from "../model/types";
import type { Settings } from "../settings";
import type { Day } from "../model/types";
import type { OverallResponse, TargetCategory, TimepointAssessment } from "./types";
import { Trace, TracedTimepoint } from "./trace";
import { describeSum, judgeTargets, TargetJudgement, TargetSum, targetSum } from "./targets";
import { judgeNonTargets, NonTargetJudgement } from "./nonTargets";
import { NewLesionsAtScan, NewLesionTracker } from "./newLesions";
import { overallResponse } from "./overall";
import { isGone, valueAt } from "./lesionValues";
import { mm, pdThresholdOf, percentChange, prThresholdOf, signedPct } from "./format";
import { describeUnreadable, unreadableBaseline, unreadableVerdict } from "./unreadable";

/** R8: a response is confirmed by one at least this many days later. */
export const CONFIRMATION_DAYS = 28;

/** Everything the later stages need about one time point, beside its public assessment. */
export interface TimepointFacts {
  tp: TimepointAssessment;
  scan: Assessment;
  targetSum: TargetSum;
  nonTargets: NonTargetJudgement | null;
  newLesions: NewLesionsAtScan;
  /** Target PD by the sums against the nadir (R3/R4), before any R6 reappearance rule. */
  targetPdBySum: boolean;
  /** R3/R4 from the sums alone (before continuing PR and R6), null without targets: iRECIST reads its own. */
  targetJudgement: TargetJudgement | null;
  /** Lesions gone (R3/R5) at the previous scan and not gone here, whatever the previous response (R6). */
  reappeared: { targets: string[]; nonTargets: string[] };
  /** R7 from this TP's own categories, before "RECIST 1.1 after progression" makes it PD. */
  ownResponse: OverallResponse;
  /**
   * A value this TP rests on cannot be read (issue 10): its own response is NE. Only a progression
   * established at an earlier TP outlives it (RECIST 1.1 after progression; iRECIST after iCPD).
   */
  unreadable: boolean;
  /** The reasoning behind `tp`, worded on demand as `tp.explanation`. */
  trace: Trace;
}

export interface EpisodeLesions {
  targets: Lesion[];
  nonTargets: Lesion[];
  news: Lesion[];
}

export function lesionsOf(episode: Episode): EpisodeLesions {
  const all = [...episode.lesions.values()];
  return {
    targets: all.filter((l) => l.kind === "target"),
    nonTargets: all.filter((l) => l.kind === "non-target"),
    news: all.filter((l) => l.kind === "new"),
  };
}

export function baselineSumOf(episode: Episode, lesions: EpisodeLesions): Tenths | null {
  if (!episode.baseline || lesions.targets.length === 0) return null;
  // Issue 10: a baseline line that cannot be read may be a target: no baseline sum.
  if (episode.unreadable.some((u) => u.at === episode.baseline)) return null;
  return targetSum(lesions.targets, episode.baseline).sum;
}

export function assessTimepoints(episode: Episode, lesions: EpisodeLesions, markers: MarkerResult[], settings: Settings, confirmResponses: boolean): TimepointFacts[] {
  const baseline = episode.baseline;
  if (!baseline) return [];
  const baselineSum = baselineSumOf(episode, lesions);
  const history: Array<{ sum: Tenths; date: string }> = baselineSum === null ? [] : [{ sum: baselineSum, date: baseline.date }];
  const tracker = new NewLesionTracker(lesions.news);
  const unreadableAtBaseline = unreadableBaseline(episode, lesions);
  const facts: TimepointFacts[] = [];
  let previousScan: Assessment = baseline;
  let previousResponse: OverallResponse | null = null;
  /** The first PD TP of the episode: every later TP is PD (RECIST 1.1 after progression, R3, R7). */
  let firstPd: TimepointFacts | null = null;
  for (const scan of episode.followUps) {
    // R3: the nadir is the smallest evaluable sum before this TP, baseline included.
    let nadirEntry: { sum: Tenths; date: string } | null = null;
    for (const h of history) if (nadirEntry === null || h.sum < nadirEntry.sum) nadirEntry = h;
    const nadir = nadirEntry?.sum ?? null;
    const nadirDate = nadirEntry?.date ?? null;
    const sums = targetSum(lesions.targets, scan);
    const trace = new Trace();
    let target: TargetCategory | null = null;
    let targetPdBySum = false;
    let targetJudgement: TargetJudgement | null = null;
    if (lesions.targets.length > 0 && unreadableAtBaseline.length > 0) {
      // Issue 10: without the baseline of every target there is no sum, nadir or target response.
      target = "NE";
      trace.add("R4", () => `${describeUnreadable(unreadableAtBaseline, episode)} could not be read: no sum and no target response in this episode (target NE).`);
    } else if (lesions.targets.length > 0) {
      trace.add("R2", () => `Sum = ${describeSum(sums.terms, sums.sum)}.`);
      const judged = judgeTargets(sums, baselineSum, nadir, nadirDate);
      targetJudgement = judged;
      target = judged.category;
      targetPdBySum = judged.pdBySum;
      trace.push(...judged.explanation);
      // Continuing PR never bridges a PD TP (R10 clarifications, "Continuing PR (R3) and PD").
      if (target === "SD" && firstPd === null) {
        const continuing = continuingPr(facts.map((f) => ({ target: f.tp.target, day: f.tp.day, date: f.tp.date })), settings, confirmResponses);
        if (continuing) {
          target = "PR";
          trace.add("R3", () => continuing);
        }
      }
    }
    const nonTargets = judgeNonTargets(lesions.nonTargets, scan, markers);
    let nonTarget = nonTargets?.category ?? null;
    if (nonTargets) trace.push(...nonTargets.explanation);
    const back = (ls: Lesion[]) => ls.filter((l) => isGone(l, valueAt(previousScan, l.id)) === true && isGone(l, valueAt(scan, l.id)) === false).map((l) => l.id);
    const reappeared = { targets: back(lesions.targets), nonTargets: back(lesions.nonTargets) };
    // R6: after an overall CR (the previous RECIST 1.1 TP response), a lesion that comes back is progression whatever the sum.
    if (previousResponse === "CR") {
      const targetsBack = reappeared.targets;
      const nonTargetsBack = reappeared.nonTargets;
      if (targetsBack.length > 0 && target !== "PD") {
        target = "PD";
        trace.add("R6", () => `${targetsBack.join(", ")} reappeared after an overall CR: target PD.`);
      }
      if (nonTargetsBack.length > 0 && nonTarget !== "PD") {
        nonTarget = "PD";
        trace.add("R6", () => `${nonTargetsBack.join(", ")} reappeared after an overall CR: non-target PD.`);
      }
    }
    const newLesions = tracker.at(scan);
    trace.push(...newLesions.explanation);
    // Issue 10: a value that cannot be read, here or a target's at the baseline, leaves this TP's own response NE.
    const unreadable = unreadableVerdict(scan, episode, unreadableAtBaseline);
    const newCategory = unreadable?.undeclared && newLesions.category !== "yes" ? "NE" : newLesions.category;
    const overall = unreadable?.overall ?? overallResponse(target, nonTarget, newLesions.category === "yes");
    trace.push(overall.explanation);
    let response = overall.response;
    if (firstPd !== null) {
      // A progression established at an earlier TP does not rest on this TP's data, readable or not.
      const since = firstPd.tp.date;
      const own = overall.response;
      response = "PD";
      trace.add("R7 (after progression)", () => `PD since ${since}: progression is an event, so every later TP of this episode is PD under RECIST 1.1${own === "PD" ? "" : unreadable ? " (this TP's own response is NE: a value could not be read, but the PD rests on the earlier TP)" : ` (this TP's own categories above give ${own})`}.`);
    }
    const sum = unreadable?.baseline ? null : sums.sum;
    const tp: TimepointAssessment = Object.assign(new TracedTimepoint(trace), {
      scan,
      date: scan.date,
      day: scan.day,
      sum: lesions.targets.length > 0 ? sum : null,
      terms: sums.terms,
      nadir,
      nadirDate,
      changeFromBaselinePct: sum !== null && baselineSum !== null ? percentChange(sum, baselineSum) : null,
      changeFromNadirPct: sum !== null && nadir !== null ? percentChange(sum, nadir) : null,
      changeFromNadirTenths: sum !== null && nadir !== null ? sum - nadir : null,
      target,
      nonTarget,
      newLesions: newCategory,
      newLesionTargetSum: newLesions.nltSum,
      response,
      prThreshold: baselineSum === null ? null : prThresholdOf(baselineSum),
      pdThreshold: nadir === null ? null : pdThresholdOf(nadir),
    });
    if (sum !== null && nadir !== null) {
      trace.insert(lesions.targets.length > 0 ? 1 : 0, () => ({
        rule: "R3",
        text: `Nadir ${mm(nadir)} (${nadirDate}, the smallest earlier sum of this episode); change from nadir ${tp.changeFromNadirPct === null ? "n/a" : signedPct(tp.changeFromNadirPct)}, from baseline ${tp.changeFromBaselinePct === null ? "n/a" : signedPct(tp.changeFromBaselinePct)}.`,
      }));
    }
    const fact: TimepointFacts = { tp, scan, targetSum: sums, nonTargets, newLesions, targetPdBySum, targetJudgement, reappeared, ownResponse: overall.response, unreadable: unreadable !== null, trace };
    facts.push(fact);
    if (sum !== null && lesions.targets.length > 0) history.push({ sum, date: scan.date });
    previousScan = scan;
    if (response !== "NE") previousResponse = response;
    if (firstPd === null && response === "PD") firstPd = fact;
  }
  return facts;
}

/** An earlier TP as continuing PR sees it: its target category and date. */
export interface TargetHistoryEntry {
  target: TargetCategory | null;
  day: Day;
  date: string;
}

/**
 * R3 decision (continuing PR): the wording of why an SD stays PR, or null. `earlier` holds only
 * the TPs that may carry a PR forward: those after the last progression (RECIST 1.1: before the
 * first PD, which is final; iRECIST: since the last iUPD). PR "reached" means a target PR/CR among
 * them; with confirmation required and `continuingPR` "on", that PR must itself have been
 * confirmed >= 28 days later.
 */
export function continuingPr(earlier: TargetHistoryEntry[], settings: Settings, confirmResponses: boolean): string | null {
  if (settings.continuingPR === "off") return null;
  const responding = earlier.filter((f) => f.target === "PR" || f.target === "CR");
  if (responding.length === 0) return null;
  const first = responding[0];
  if (!confirmResponses || settings.continuingPR === "ongoing-unconfirmed") {
    return `Continuing PR: PR was reached on ${first.date} and this TP is neither PD nor CR, so it stays PR although the sum is no longer 30 % below baseline (RECIST FAQ; setting continuingPR=${settings.continuingPR}).`;
  }
  const confirmed = responding.find((a) => responding.some((b) => b.day - a.day >= CONFIRMATION_DAYS));
  if (!confirmed) return null;
  return `Continuing PR: the PR of ${confirmed.date} was confirmed >= 28 days later and this TP is neither PD nor CR, so it stays PR (RECIST FAQ).`;
}
