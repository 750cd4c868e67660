// The reading of progression behind the resistance classification (R17, R19, Decisions 1 and 9):
// one small interface per criterion, so that a criterion plugs in by giving its time points, its
// progression runs (each confirmed, negated or still open) and the categories best response counts.
// The classifier (classify.ts) applies SITC's window (R19's 84 days), the clinical exception and
// every threshold of R18-R24 the same way to every reading.
//
// The readings: RECIST 1.1 read afresh (Decision 1: R3, R5, R6, R7 at each time point
// from its own sums and statuses, without "RECIST 1.1 after progression"; R19's confirmation) and
// iRECIST (its own confirmation, iCPD by R10). The other criteria of the registry (irRC,
// irRECIST, imRECIST, R25-R30) plug in through `criterionReading`: their episode reading (labels,
// categories, PD-run states, the confirming scan, the best response up to a time point).
import type { Assessment, Day, Tenths } from "../../model/types";
import type { OverallResponse } from "../types";
import type { TimepointFacts } from "../timepoints";
import type { IrecistResult } from "../irecist";
import { judgeTargets } from "../targets";
import { overallResponse } from "../overall";
import { meetsPd, mm } from "../format";
import { recistProgressionDate } from "../episode";
import { parseDay } from "../../util/dates";
import type { Category, Criterion, EpisodeReading } from "../../criteria/types";
import { categoryOf, LazyEpisodeReading } from "../../criteria/shared";

/** How a run of PD time points ended, as far as the data go. */
export type RunDecision =
  /** A later time point confirmed it (by the criterion's own rule); `why` in words. */
  | { state: "confirmed"; at: number; why: string }
  /** A later time point negated it (pseudo-progression or later response): a later PD starts a new check. */
  | { state: "negated"; at: number; why: string }
  /** Nothing decided it yet. */
  | { state: "open" };

/** One run of progression: from its first PD time point until it is confirmed or negated (R19, R25). */
export interface ProgressionRun {
  /** Index of the first PD time point of the run. */
  first: number;
  /** The date of progression (the first PD; RECIST 1.1 moves it back to an equivocal lesion's first appearance, R6). */
  date: string;
  day: Day;
  decision: RunDecision;
  /** What made the first time point PD, in words (for texts). */
  causes: string[];
}

/** A time point as a reading sees it. */
export interface ReadingTimepoint {
  scan: Assessment;
  date: string;
  day: Day;
  /** The criterion's own label at this time point (`PD`, `iUPD`, `irPD`, `SD`, ...). */
  label: string;
  /**
   * The category best response counts here (R25, Decision 9): the label with its prefix dropped;
   * a PD time point of a negated run counts as the category it has without the PD threshold.
   */
  category: OverallResponse;
}

/** The interface every criterion gives the resistance classification. */
export interface ResistanceReading {
  /** The criteria name (`RECIST1.1`, `iRECIST`; later `irRC`, `irRECIST`, `imRECIST`). */
  readonly criteria: string;
  readonly timepoints: readonly ReadingTimepoint[];
  /** PD runs in date order: every run but the last was negated; the last may be confirmed, negated or open. */
  readonly runs: readonly ProgressionRun[];
  /** The confirmation rule in words, for explanations. */
  readonly confirmationRule: string;
  /**
   * The criterion's own best overall response up to and including time point `index` (R25), as a
   * category (Decision 9); absent when the classifier counts it from `category` (RECIST 1.1, iRECIST).
   */
  readonly bestUpTo?: (index: number) => OverallResponse | null;
}

/**
 * Decision 1: the PD test at a confirmation scan of the RECIST 1.1 reading. It confirms when the
 * scan again meets PD against the nadir in force at the first PD (R3, R4 with a target not
 * evaluated), a non-target is `progressed` again (R5), or an unequivocal new lesion is present
 * (persisting or another, R6); it is not evaluable when its own response is NE; else it negates.
 */
function confirmationVerdict(f: TimepointFacts, nadir: Tenths | null): { verdict: "confirms" | "negates" | "not-evaluable"; why: string } {
  const reasons: string[] = [];
  if (nadir !== null && f.targetSum.unreadable.length === 0) {
    const sum = f.targetSum.sum;
    if (sum !== null && meetsPd(sum, nadir)) reasons.push(`sum ${mm(sum)} again PD against the nadir of ${mm(nadir)}`);
    else if (sum === null && f.targetSum.terms.length > 0 && meetsPd(f.targetSum.measured, nadir)) reasons.push(`measured targets ${mm(f.targetSum.measured)} again PD against the nadir of ${mm(nadir)} (R4)`);
  }
  if (f.nonTargets && f.nonTargets.progressed.length > 0) reasons.push(`${f.nonTargets.progressed.join(", ")} progressed again`);
  const news = f.newLesions.lesions.filter((v) => v.present && v.unequivocal).map((v) => v.lesion.id);
  if (news.length > 0) reasons.push(`new lesion${news.length > 1 ? "s" : ""} ${news.join(", ")} present`);
  if (reasons.length > 0) return { verdict: "confirms", why: reasons.join("; ") };
  if (f.ownResponse === "NE" || f.unreadable) return { verdict: "not-evaluable", why: "its response is NE" };
  const sum = f.targetSum.sum;
  return { verdict: "negates", why: sum !== null && nadir !== null ? `sum ${mm(sum)} below the PD threshold against the nadir of ${mm(nadir)}, no non-target progressed, no new lesion` : "no PD by targets, non-targets or new lesions" };
}

/**
 * R25, Decision 1: a negated PD time point counts for best response as the category it has
 * without the PD threshold: the targets judged without PD (CR, PR or SD), a progressed
 * non-target as NON-CR/NON-PD, and a new lesion only precluding CR.
 */
export function withoutPdThreshold(f: TimepointFacts, baselineSum: Tenths | null): OverallResponse {
  let target = f.tp.target;
  if (target !== null && f.targetJudgement !== null) target = judgeTargets(f.targetSum, baselineSum, null, null).category;
  const nonTarget = f.tp.nonTarget === "PD" ? "NON-CR/NON-PD" : f.tp.nonTarget;
  const response = overallResponse(target, nonTarget, false).response;
  const newPresent = f.newLesions.lesions.some((v) => v.present && v.unequivocal);
  if (response === "CR" && newPresent) return target !== null ? "PR" : "NON-CR/NON-PD";
  if (response === "PD") return "NE";
  return response;
}

/** The RECIST 1.1 reading, afresh (Decision 1) with R19's confirmation from `windowFrom` days after the first PD. */
export function recistReading(facts: readonly TimepointFacts[], baselineSum: Tenths | null, windowFrom: number): ResistanceReading {
  const runs: ProgressionRun[] = [];
  const negatedPd = new Set<number>();
  let from = 0;
  let floorDay = -Infinity;
  for (;;) {
    const first = facts.findIndex((f, i) => i >= from && f.ownResponse === "PD");
    if (first < 0) break;
    const f = facts[first];
    const nadir = f.tp.nadir;
    let decision: RunDecision = { state: "open" };
    for (let k = first + 1; k < facts.length; k++) {
      if (facts[k].tp.day - f.tp.day < windowFrom) continue;
      const v = confirmationVerdict(facts[k], nadir);
      if (v.verdict === "not-evaluable") continue;
      decision = v.verdict === "confirms" ? { state: "confirmed", at: k, why: v.why } : { state: "negated", at: k, why: v.why };
      break;
    }
    const dated = recistProgressionDate(facts as TimepointFacts[], first);
    const movedDay = dated.date === f.tp.date ? f.tp.day : parseDay(dated.date) ?? f.tp.day;
    const keepOwn = movedDay <= floorDay;
    runs.push({ first, date: keepOwn ? f.tp.date : dated.date, day: keepOwn ? f.tp.day : movedDay, decision, causes: pdCauses(f) });
    if (decision.state !== "negated") break;
    for (let k = first; k < decision.at; k++) if (facts[k].ownResponse === "PD") negatedPd.add(k);
    floorDay = facts[decision.at].tp.day;
    from = decision.at + 1;
  }
  const timepoints = facts.map((f, i): ReadingTimepoint => ({
    scan: f.scan,
    date: f.tp.date,
    day: f.tp.day,
    label: f.ownResponse,
    category: negatedPd.has(i) ? withoutPdThreshold(f, baselineSum) : f.ownResponse,
  }));
  return {
    criteria: "RECIST1.1",
    timepoints,
    runs,
    confirmationRule: `the first evaluable scan ${windowFrom} days or more after the first PD confirms it if it again meets PD against the nadir in force at that PD, a non-target is progressed again, or a new lesion is present; otherwise it negates it (R19, Decision 1)`,
  };
}

/** The categories of the iRECIST labels with the prefix dropped (Decision 9). */
const DROP_PREFIX: Record<string, OverallResponse> = {
  iCR: "CR", iPR: "PR", iSD: "SD", "NON-iCR/NON-iUPD": "NON-CR/NON-PD", iUPD: "PD", iCPD: "PD", NE: "NE",
};

/**
 * The iRECIST reading (Decision 9): iUPD runs confirmed as iCPD by R10, negated when the bar is
 * reset (iSD, iPR, iCR or NON-iCR/NON-iUPD at a counted scan), else open. The date of
 * progression is the first iUPD of the run (R10).
 */
export function irecistReading(facts: readonly TimepointFacts[], irecist: IrecistResult, baselineSum: Tenths | null): ResistanceReading {
  const runs: ProgressionRun[] = [];
  const negatedPd = new Set<number>();
  for (const e of irecist.events) {
    if (e.kind !== "iupd") continue;
    const run = e.run;
    let decision: RunDecision = { state: "open" };
    const icpd = irecist.events.find((x) => x.kind === "icpd" && x.run === run);
    if (run.confirmedAt !== null) decision = { state: "confirmed", at: run.confirmedAt, why: icpd && icpd.kind === "icpd" ? `iCPD: ${icpd.reasons.join("; ")}` : "iCPD" };
    else {
      for (let k = run.first + 1; k < facts.length; k++) {
        const r = irecist.responses[k];
        if (irecist.disregarded[k] || r === "iUPD" || r === "iCPD" || r === "NE") continue;
        decision = { state: "negated", at: k, why: `${r}: the bar is reset (R10)` };
        break;
      }
    }
    const date = decision.state === "confirmed" && irecist.progressionDate ? irecist.progressionDate : run.firstDate;
    const day = facts.find((f) => f.tp.date === date)?.tp.day ?? run.firstDay;
    runs.push({ first: run.first, date, day, decision, causes: e.causes });
    if (decision.state === "negated") {
      for (let k = run.first; k < decision.at; k++) if (irecist.responses[k] === "iUPD") negatedPd.add(k);
    } else break;
  }
  const timepoints = facts.map((f, i): ReadingTimepoint => ({
    scan: f.scan,
    date: f.tp.date,
    day: f.tp.day,
    label: irecist.responses[i],
    category: negatedPd.has(i) ? withoutPdThreshold(f, baselineSum) : DROP_PREFIX[irecist.responses[i]],
  }));
  return {
    criteria: "iRECIST",
    timepoints,
    runs,
    confirmationRule: "iUPD is confirmed as iCPD by R10 (a counted scan 26 days or more after the first iUPD with further growth) and negated when the bar is reset",
  };
}

/** Decision 9: a registry category as the category the classification counts (the prefix dropped). */
const OF_CATEGORY: Record<Category, OverallResponse> = { CR: "CR", PR: "PR", SD: "SD", NN: "NON-CR/NON-PD", UPD: "PD", PD: "PD", NE: "NE" };

/**
 * A criterion of the registry (irRC, irRECIST, imRECIST; R25-R30) as a reading, from its episode
 * reading (the interface of core/criteria): per time point its label, category and the state of
 * its PD run (P5, Decision 16), the date of its confirmed progression and the scan that confirmed
 * it, and its best response up to a time point. A run starts at a PD time point with a state; a
 * confirmed run is decided by the criterion's confirming scan, a negated one by the first
 * evaluable time point after it that is not part of it; a pending run is open.
 */
export function criterionReading(c: Pick<Criterion, "id" | "label" | "vocabulary">, facts: readonly TimepointFacts[], episode: EpisodeReading): ResistanceReading {
  const tps = episode.timepoints;
  const isPd = (i: number) => tps[i].category === "PD" || tps[i].category === "UPD";
  const runs: ProgressionRun[] = [];
  const negated = new Set<number>();
  let i = 0;
  while (i < tps.length) {
    if (!isPd(i) || tps[i].confirmation === null) { i++; continue; }
    const first = i;
    const state = tps[i].confirmation;
    let decision: RunDecision = { state: "open" };
    if (state === "confirmed") {
      const at = episode.confirmedBy === null ? -1 : facts.findIndex((f, k) => k > first && f.tp.date === episode.confirmedBy);
      decision = { state: "confirmed", at: at >= 0 ? at : first, why: `${tps[at >= 0 ? at : first].response} against the nadir in force at the first ${tps[first].response} (${c.label}, R25)` };
    } else if (state === "negated") {
      let at = first + 1;
      while (at < tps.length && ((isPd(at) && tps[at].confirmation === "negated") || tps[at].category === "NE")) at++;
      for (let k = first; k < at; k++) if (isPd(k)) negated.add(k);
      decision = at < tps.length ? { state: "negated", at, why: `${tps[at].response}: below the PD threshold of ${c.label} against the nadir in force at the first ${tps[first].response} (R25)` } : { state: "open" };
      if (decision.state === "negated") i = at;
    }
    const date = state === "confirmed" && episode.progressionDate ? episode.progressionDate : facts[first].tp.date;
    const day = facts.find((f) => f.tp.date === date)?.tp.day ?? facts[first].tp.day;
    runs.push({ first, date, day, decision, causes: [tps[first].saw] });
    if (decision.state !== "negated") break;
  }
  const up = episode instanceof LazyEpisodeReading ? episode.bestUpTo : null;
  return {
    criteria: c.id,
    timepoints: facts.map((f, k): ReadingTimepoint => ({
      scan: f.scan, date: f.tp.date, day: f.tp.day, label: tps[k].response,
      // A negated PD counts for best response as what the criterion says without its threshold; its own best response gives that (bestUpTo).
      category: negated.has(k) ? "NE" : OF_CATEGORY[tps[k].category],
    })),
    runs,
    confirmationRule: `${c.label}'s own confirmation (R25): the first evaluable scan 28 days or more after its first PD confirms it if it again meets its PD threshold against the nadir in force at that PD, and negates it otherwise`,
    bestUpTo: (index) => {
      const label = up ? up(facts[index].tp.date) : null;
      return label === null ? null : OF_CATEGORY[categoryOf(c.vocabulary, label)];
    },
  };
}

/** What made a RECIST 1.1 time point PD, in words. */
function pdCauses(f: TimepointFacts): string[] {
  const causes: string[] = [];
  if (f.targetPdBySum && f.tp.sum !== null && f.tp.nadir !== null) causes.push(`sum ${mm(f.tp.sum)} against the nadir of ${mm(f.tp.nadir)}`);
  else if (f.tp.target === "PD") causes.push("target PD");
  if (f.tp.nonTarget === "PD") causes.push(f.nonTargets?.progressed.length ? `${f.nonTargets.progressed.join(", ")} progressed` : "non-target PD");
  const news = f.newLesions.lesions.filter((v) => v.present && v.unequivocal).map((v) => v.lesion.id);
  if (news.length > 0) causes.push(`new lesion${news.length > 1 ? "s" : ""} ${news.join(", ")}`);
  return causes;
}
