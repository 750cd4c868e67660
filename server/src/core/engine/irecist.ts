// iRECIST time-point responses (R10 and its clarifications of both rounds), built on the RECIST
// facts of timepoints.ts. One `IupdRun` owns everything counted from the first iUPD of a run: the
// 26-day early limit, the 28-56-day window, the 58-day late limit, the categories that qualified
// the iUPD and the run's references from evaluable values. Every day count, window and reference
// below is read from it, so none can be counted from a later scan of the run.
import type { Assessment, Day, Tenths } from "../model/types";
import type { Settings } from "../settings";
import type { ConfirmationWindow, IResponse, NonTargetCategory, OverallResponse, TargetCategory } from "./types";
import type { EpisodeLesions, TargetHistoryEntry, TimepointFacts } from "./timepoints";
import type { NewLesionView } from "./newLesions";
import { continuingPr } from "./timepoints";
import { judgeTargets } from "./targets";
import { overallResponse } from "./overall";
import { valueAt } from "./lesionValues";
import { dayText, meetsPd, mm, signedMm, sumVsNadir } from "./format";

/** R10: the confirming scan is due 28-56 days after the first iUPD, +/- 2 days. */
export const WINDOW_FROM_DAYS = 28;
export const WINDOW_TO_DAYS = 56;
export const EARLY_LIMIT_DAYS = 26;
export const LATE_LIMIT_DAYS = 58;
/** iCPD: target sum or NLT SOM up by at least 5 mm from the run's reference (R10). */
const CONFIRM_GROWTH_TENTHS = 50;
/** A node is normal below 10 mm short axis (R5, R6). */
const NODE_NORMAL_TENTHS = 100;

/**
 * The rule labels of --explain: R10 and the bullet of its clarifications that decided, so that a
 * reader finds the rule in docs/rules.md.
 */
export const RULE = {
  r10: "R10",
  afterIcpd: "R10 (after iCPD)",
  reference: "R10 (run reference)",
  early: "R10 (early scan disregarded)",
  earlyException: "R10 (early scan, FAQ exception)",
  which: "R10 (which growth confirms)",
  node: "R10 (measured nodal non-target)",
  equivocal: "R10 (equivocal lesions and resets)",
  newNotEvaluated: "R10 (new lesion not evaluated)",
  notEvaluated: "R10 (lesion not evaluated in a run)",
  newNode: "R10 (new node)",
  nltNadir: "R10 (new-lesion nadir after a reset)",
  previousCr: "R10 (previous response iCR, R6)",
  continuingPr: "R10 (continuing PR and PD)",
  fromFirst: "R10 (days from the first iUPD)",
} as const;

type Cause = "target" | "non-target" | "new";

interface Ref {
  index: number;
  date: string;
  value: Tenths;
}

/** One iUPD run (R10): from its first iUPD until it is confirmed (iCPD) or reset. */
export class IupdRun {
  readonly firstDay: Day;
  readonly firstDate: string;
  /** Target reference: the first TP of the run at which every target was evaluated (never a partial sum). */
  targetRef: Ref | null = null;
  /** NLT SOM reference: the first TP of the run at which every NLT of the run was measured. */
  nltRef: Ref | null = null;
  /** First size of each new lesion of the run at a counted TP (NLNT increase). */
  readonly sizeRefs = new Map<string, Tenths>();
  /** New lesions first seen on a disregarded early scan: never "known" at a reset. */
  readonly earlySeen = new Set<string>();
  /** A counted scan (not early, not NE) came after the first iUPD. */
  counted = false;
  confirmedAt: number | null = null;

  constructor(
    readonly first: number,
    firstScan: Assessment,
    /** The categories that qualified the first iUPD (R10 "which growth confirms"). */
    readonly causes: ReadonlySet<Cause>,
    /** New lesions that caused it (fresh ones, or known ones by growth or progression). */
    readonly causeNewIds: readonly string[],
    /** Unequivocal new lesions at the first iUPD: any other one is an additional new lesion. */
    readonly knownNew: ReadonlySet<string>,
    /** When known new lesions caused the iUPD by growth: the NLT SOM nadir they grew from. */
    readonly growthNadir: Tenths | null,
  ) {
    this.firstDay = firstScan.day;
    this.firstDate = firstScan.date;
  }

  daysAfterFirst(day: Day): number {
    return day - this.firstDay;
  }

  /** Earlier than 26 days after the first iUPD: disregarded (R10 clarifications). */
  isEarly(day: Day): boolean {
    return this.daysAfterFirst(day) < EARLY_LIMIT_DAYS;
  }

  /** Later than 58 days after the first iUPD: the window was missed (R10). */
  isLate(day: Day): boolean {
    return this.daysAfterFirst(day) > LATE_LIMIT_DAYS;
  }

  /** The confirmation window, 28-56 days after the first iUPD (R10, R13). */
  get window(): ConfirmationWindow {
    return { iupdDate: this.firstDate, from: dayText(this.firstDay + WINDOW_FROM_DAYS), to: dayText(this.firstDay + WINDOW_TO_DAYS) };
  }

  /** R13: an as-of date after this day without a counted scan makes the iUPD an unconfirmed pseudo-progression. */
  get missedAfter(): Day {
    return this.firstDay + LATE_LIMIT_DAYS;
  }
}

export type IrecistEvent =
  | { kind: "iupd"; index: number; causes: string[]; run: IupdRun }
  | { kind: "icpd"; index: number; run: IupdRun; reasons: string[]; progressionDate: string }
  | { kind: "too-early"; index: number; run: IupdRun; days: number }
  | { kind: "window-missed"; index: number; run: IupdRun; days: number }
  | { kind: "clinical"; index: number; reason: string; run: IupdRun };

export interface IrecistResult {
  responses: IResponse[];
  /** True for an iUPD TP whose run was later confirmed: it ranks as iCPD for iBOR (iRECIST table 3). */
  confirmedIupd: boolean[];
  /** Early scans disregarded (R10): reported as iUPD, never a reference, confirmation or reset. */
  disregarded: boolean[];
  events: IrecistEvent[];
  /** The run still awaiting its confirmation scan after the last TP (no counted scan yet). */
  pending: IupdRun | null;
  /** The run still open after the last TP (unconfirmed, not reset), counted scans or not. */
  open: IupdRun | null;
  /** The iRECIST nadir in force at each TP (disregarded early scans left out, R10): the smallest earlier complete sum. */
  nadirs: Array<{ sum: Tenths; date: string } | null>;
  /** First iUPD of the first confirmed run (R10), moved back to an equivocal lesion's first appearance (R6). */
  progressionDate: string | null;
}

export interface IrecistInput {
  facts: TimepointFacts[];
  lesions: EpisodeLesions;
  baseline: Assessment;
  baselineSum: Tenths | null;
  baselineEcog: number | null;
  settings: Settings;
  confirmResponses: boolean;
}

interface Reason {
  text: string;
  rule: string;
  additionalNew: boolean;
}

interface CauseText {
  cause: Cause;
  text: string;
  newIds?: string[];
  growth?: boolean;
}

/** iRECIST's own reading of one TP's categories (iRECIST nadir, continuing PR since the last iUPD, R6 after iCR). */
interface Categories {
  target: TargetCategory | null;
  targetPdBySum: boolean;
  targetText: string | null;
  nonTarget: NonTargetCategory | null;
  nonTargetText: string | null;
  /** Unequivocal new lesions present and evaluated here. */
  newPresent: NewLesionView[];
  /** Unequivocal new lesions not evaluated here, or NLTs without a size: the new-lesion category is NE. */
  newNotEvaluated: NewLesionView[];
}

export function assessIrecist(input: IrecistInput): IrecistResult {
  return new IrecistAssessor(input).run();
}

class IrecistAssessor {
  private readonly facts: TimepointFacts[];
  private readonly responses: IResponse[] = [];
  private readonly disregarded: boolean[];
  private readonly events: IrecistEvent[] = [];
  private open: IupdRun | null = null;
  private terminal: IupdRun | null = null;
  private progressionDate: string | null = null;
  /** New lesions known after a reset (R10): they count again only by growth or unequivocal progression. */
  private readonly known = new Set<string>();
  /** NLT SOM nadir, restarting at each resetting TP (R10 clarifications). */
  private nltNadir: Tenths | null = null;
  /** Complete target sums of counted TPs, baseline included: the iRECIST nadir (early scans left out). */
  private readonly sums: Array<{ sum: Tenths; date: string }> = [];
  /** Target categories since the last iUPD that may carry a PR forward (R3, never across a PD). */
  private sinceProgression: TargetHistoryEntry[] = [];
  /** Last size of each measured nodal non-target and new lesion at a counted scan. */
  private readonly lastSize = new Map<string, Tenths>();
  private previous: IResponse | null = null;
  private readonly nadirs: Array<{ sum: Tenths; date: string } | null> = [];

  constructor(private readonly input: IrecistInput) {
    this.facts = input.facts;
    this.disregarded = input.facts.map(() => false);
    if (input.baselineSum !== null) this.sums.push({ sum: input.baselineSum, date: input.baseline.date });
    this.rememberSizes(input.baseline);
  }

  run(): IrecistResult {
    this.facts.forEach((f, i) => {
      let nadir: { sum: Tenths; date: string } | null = null;
      for (const h of this.sums) if (nadir === null || h.sum < nadir.sum) nadir = h;
      this.nadirs.push(nadir);
      const response = this.assess(f, i);
      this.responses.push(response);
      const run = this.open ?? this.terminal;
      if (run && (response === "iUPD" || response === "iCPD" || response === "NE")) {
        const ecog = this.input.baselineEcog;
        const reason = f.scan.clinical === "deterioration" ? "clinical deterioration recorded" : ecog !== null && f.scan.ecog !== null && f.scan.ecog > ecog ? `ECOG ${f.scan.ecog}, worse than ${ecog} at baseline` : null;
        if (reason) this.events.push({ kind: "clinical", index: i, reason, run });
      }
      if (response !== "NE") this.previous = response;
    });
    const confirmedIupd = this.facts.map(() => false);
    for (const e of this.events) if (e.kind === "icpd") for (let k = e.run.first; k < e.index; k++) if (this.responses[k] === "iUPD") confirmedIupd[k] = true;
    const pending = this.open !== null && !this.open.counted ? this.open : null;
    return { responses: this.responses, confirmedIupd, disregarded: this.disregarded, events: this.events, pending, open: this.open, nadirs: this.nadirs, progressionDate: this.progressionDate };
  }

  private assess(f: TimepointFacts, i: number): IResponse {
    const say = (rule: string, text: () => string) => f.trace.add(rule, text);
    if (this.terminal !== null) {
      const run = this.terminal;
      say(RULE.afterIcpd, () => `iCPD since ${this.facts[run.confirmedAt as number].tp.date} is terminal for this episode: this TP stays iCPD (its RECIST 1.1 categories are shown as computed); a new therapy line starts afresh (R15).`);
      return "iCPD";
    }
    if (f.unreadable) {
      // Issue 10: a value that cannot be read leaves the TP unknown: NE, and it starts, confirms,
      // resets and counts nothing (not even as an early scan). Only an earlier iCPD outlives it (above).
      say(RULE.r10, () => "A value of this time point could not be read: iRECIST NE. It neither starts, confirms nor resets an iUPD, is no reference and enters no nadir.");
      return "NE";
    }
    const run = this.open;
    if (run !== null && run.isEarly(f.tp.day)) return this.early(f, i, run, say);
    const c = this.categories(f, say);
    let response: IResponse;
    if (run === null) response = this.outsideRun(f, i, c, say);
    else response = this.insideRun(f, i, run, c, say);
    this.remember(f, c, response);
    return response;
  }

  /** A scan earlier than 26 days after the first iUPD: disregarded, unless the FAQ exception holds. */
  private early(f: TimepointFacts, i: number, run: IupdRun, say: (rule: string, text: () => string) => void): IResponse {
    const days = run.daysAfterFirst(f.tp.day);
    const additional = f.newLesions.lesions.filter((v) => v.present && v.evaluated && v.unequivocal && !run.knownNew.has(v.lesion.id));
    if (f.scan.clinical === "deterioration" && additional.length > 0) {
      say(RULE.earlyException, () => `Scan ${days} days after the first iUPD (${run.firstDate}) is early, but it was done for clinical deterioration and shows an additional new lesion, so it counts (iRECIST FAQ).`);
      return this.confirm(f, i, run, [{ text: additionalText(additional), rule: RULE.earlyException, additionalNew: true }], say);
    }
    this.disregarded[i] = true;
    for (const v of f.newLesions.lesions) if (v.firstSeen === f.scan) run.earlySeen.add(v.lesion.id);
    this.events.push({ kind: "too-early", index: i, run, days });
    say(RULE.early, () => `Scan ${days} days after the first iUPD of the run (${run.firstDate}) is earlier than 26 days: disregarded. It neither confirms, resets nor restarts anything, is no reference and enters no iRECIST nadir; it is reported with the run's state (iUPD). The window stays ${run.window.from} to ${run.window.to}.`);
    return "iUPD";
  }

  /** iRECIST's own categories: target against the iRECIST nadir, continuing PR since the last iUPD, R6 after an iCR. */
  private categories(f: TimepointFacts, say: (rule: string, text: () => string) => void): Categories {
    let target: TargetCategory | null = null;
    let targetPdBySum = false;
    let targetText: string | null = null;
    if (f.targetJudgement) {
      let judged = f.targetJudgement;
      let nadir: { sum: Tenths; date: string } | null = null;
      for (const h of this.sums) if (nadir === null || h.sum < nadir.sum) nadir = h;
      if (nadir !== null && nadir.sum !== f.tp.nadir) {
        const n = nadir;
        judged = judgeTargets(f.targetSum, this.input.baselineSum, n.sum, n.date);
        say(RULE.early, () => `The iRECIST nadir leaves out disregarded early scans: ${mm(n.sum)} (${n.date}), not the RECIST 1.1 nadir ${f.tp.nadir === null ? "-" : mm(f.tp.nadir)}.`);
        f.trace.push(...judged.explanation);
      }
      target = judged.category;
      targetPdBySum = judged.pdBySum;
      const sum = f.targetSum.sum;
      if (judged.pdBySum && nadir !== null) targetText = sum !== null ? sumVsNadir(sum, nadir.sum, nadir.date) : `Measured targets alone sum to ${mm(f.targetSum.measured)}, already PD against the nadir of ${mm(nadir.sum)} (R4)`;
      if (target === "SD") {
        const continuing = continuingPr(this.sinceProgression, this.input.settings, this.input.confirmResponses);
        if (continuing) {
          target = "PR";
          say(RULE.continuingPr, () => continuing);
        }
      }
    }
    let nonTarget = f.nonTargets?.category ?? null;
    let nonTargetText = nonTarget === "PD" && f.nonTargets?.progressed.length ? `Non-target PD (${f.nonTargets.progressed.join(", ")} progressed)` : null;
    // R6 "previous response CR" under iRECIST means the previous iRECIST TP response (iCR).
    if (this.previous === "iCR") {
      if (f.reappeared.targets.length > 0 && target !== "PD") {
        target = "PD";
        targetText = `${f.reappeared.targets.join(", ")} reappeared after an iCR (R6)`;
        say(RULE.previousCr, () => `${f.reappeared.targets.join(", ")} reappeared after an iCR: target progression.`);
      }
      if (f.reappeared.nonTargets.length > 0 && nonTarget !== "PD") {
        nonTarget = "PD";
        nonTargetText = `${f.reappeared.nonTargets.join(", ")} reappeared after an iCR (R6)`;
        say(RULE.previousCr, () => `${f.reappeared.nonTargets.join(", ")} reappeared after an iCR: non-target progression.`);
      }
    }
    const views = f.newLesions.lesions;
    const newPresent = views.filter((v) => v.present && v.evaluated && v.unequivocal);
    const newNotEvaluated = views.filter((v) => v.unequivocal && (!v.evaluated || (v.cls === "NLT" && v.value.kind === "status" && v.value.status !== "progressed")));
    if (newNotEvaluated.length > 0) {
      say(RULE.newNotEvaluated, () => `${newNotEvaluated.map((v) => `${v.lesion.id} ${v.evaluated ? "has no size (NLT)" : "not evaluated"}`).join(", ")}: its last known size stays in the NLT sum-of-measures history and nadir, and the new-lesion category is NE at this TP (R4 by analogy).`);
    }
    this.explainNewNodes(f, say);
    return { target, targetPdBySum, targetText, nonTarget, nonTargetText, newPresent, newNotEvaluated };
  }

  /** No open run: a TP is iUPD when RECIST 1.1 PD is met, known new lesions counting again only by growth (R10). */
  private outsideRun(f: TimepointFacts, i: number, c: Categories, say: (rule: string, text: () => string) => void): IResponse {
    const causes = this.freshCauses(f, c);
    if (causes.length === 0) return this.settled(f, c, say);
    const views = f.newLesions.lesions;
    const knownNew = new Set(views.filter((v) => v.unequivocal).map((v) => v.lesion.id));
    const growth = causes.some((x) => x.growth);
    const run = new IupdRun(i, f.scan, new Set(causes.map((x) => x.cause)), causes.flatMap((x) => x.newIds ?? []), knownNew, growth ? this.nltNadir : null);
    this.open = run;
    this.sinceProgression = [];
    this.establishReferences(f, i, run, say);
    const texts = causes.map((x) => x.text);
    this.events.push({ kind: "iupd", index: i, causes: texts, run });
    say(RULE.r10, () => `iUPD: ${texts.join("; ")}. This is the first iUPD of a run: confirmation window ${run.window.from} to ${run.window.to} (28-56 days); scans earlier than ${dayText(run.firstDay + EARLY_LIMIT_DAYS)} (26 days) are disregarded.`);
    return "iUPD";
  }

  /** An open, unconfirmed run at a counted (not early) TP: confirm, stay iUPD, NE, or reset. */
  private insideRun(f: TimepointFacts, i: number, run: IupdRun, c: Categories, say: (rule: string, text: () => string) => void): IResponse {
    const days = run.daysAfterFirst(f.tp.day);
    say(RULE.fromFirst, () => `${days} days after the first iUPD of the run (${run.firstDate}): not early (the 26-day limit and the 28-56-day window count from the first iUPD, never from a later scan of the run).`);
    this.establishReferences(f, i, run, say);
    const reasons = this.confirmReasons(f, i, run, c, say);
    if (reasons.length > 0) {
      this.countScan(i, run, days, say);
      return this.confirm(f, i, run, reasons, say);
    }
    const missing = this.notEvaluated(f, c);
    if (missing.length > 0) {
      say(RULE.notEvaluated, () => `${missing.join(", ")} not evaluated and nothing measured confirms: NE. It neither confirms nor resets; the iUPD of ${run.firstDate} stays pending (iSD/iPR/iCR need every lesion assessed).`);
      return "NE";
    }
    this.countScan(i, run, days, say);
    if (this.persists(f, i, run, c, say)) {
      say(RULE.r10, () => `Still iUPD: no confirming growth against the first iUPD of ${run.firstDate}, and its cause persists.`);
      return "iUPD";
    }
    // Reset (R10): the known new lesions are the unequivocal ones, not those still equivocal or first seen on a disregarded early scan.
    for (const id of run.knownNew) this.known.add(id);
    const excluded = f.newLesions.lesions.filter((v) => !v.unequivocal || run.earlySeen.has(v.lesion.id));
    for (const v of f.newLesions.lesions) if (v.unequivocal && !run.earlySeen.has(v.lesion.id)) this.known.add(v.lesion.id);
    this.open = null;
    this.sinceProgression = [];
    say(RULE.r10, () => `Reset: the cause of the iUPD of ${run.firstDate} no longer holds; a later progression is a new iUPD needing its own confirmation.`);
    if (excluded.length > 0) say(RULE.equivocal, () => `${excluded.map((v) => `${v.lesion.id} (${v.unequivocal ? "first seen on a disregarded early scan" : "still equivocal"})`).join(", ")}: not a known new lesion of this reset; once unequivocal it is a new lesion (a new iUPD).`);
    const som = this.knownNltSom(f, true);
    this.nltNadir = som === null ? null : som.value;
    if (som !== null) say(RULE.nltNadir, () => `The NLT sum-of-measures nadir restarts here: ${mm(som.value)}.`);
    return this.settled(f, c, say);
  }

  /** The first counted scan after the first iUPD: the window check (R10). */
  private countScan(i: number, run: IupdRun, days: number, say: (rule: string, text: () => string) => void): void {
    if (run.counted) return;
    run.counted = true;
    if (run.isLate(this.facts[i].tp.day)) {
      this.events.push({ kind: "window-missed", index: i, run, days });
      say(RULE.r10, () => `This first counted scan after the first iUPD (${run.firstDate}) came ${days} days later (window 28-56 days, +/- 2): it counts, but the window was missed.`);
    }
  }

  private confirm(f: TimepointFacts, i: number, run: IupdRun, reasons: Reason[], say: (rule: string, text: () => string) => void): IResponse {
    run.confirmedAt = i;
    this.open = null;
    this.terminal = run;
    const date = this.runProgressionDate(run);
    this.progressionDate ??= date;
    const texts = reasons.map((x) => x.text);
    this.events.push({ kind: "icpd", index: i, run, reasons: texts, progressionDate: date });
    for (const r of reasons) say(r.rule, () => `Confirms the iUPD of ${run.firstDate}: ${r.text}.`);
    say(RULE.r10, () => `iCPD, confirmed against the first iUPD of the run (${run.firstDate}). Progression dated ${date}.`);
    return "iCPD";
  }

  /** R10 run reference: from evaluable values only, at the first TP of the run that has them. */
  private establishReferences(f: TimepointFacts, i: number, run: IupdRun, say: (rule: string, text: () => string) => void): void {
    const sum = f.targetSum.sum;
    if (run.targetRef === null && f.targetJudgement && sum !== null) {
      run.targetRef = { index: i, date: f.tp.date, value: sum };
      if (i !== run.first) say(RULE.reference, () => `A target was not evaluated at the first iUPD (${run.firstDate}), so its partial sum is no reference: this TP, the first of the run with every target evaluated, is the target reference (${mm(sum)}).`);
    } else if (run.targetRef === null && f.targetJudgement && i === run.first) {
      say(RULE.reference, () => `A target is not evaluated at this first iUPD: its partial sum is no reference; the target reference will be the next TP of the run with every target evaluated.`);
    }
    const som = this.runNltSom(f, run);
    if (run.nltRef === null && som !== null && som.complete) {
      run.nltRef = { index: i, date: f.tp.date, value: som.value };
      if (i !== run.first) say(RULE.reference, () => `An NLT was not measured at the first iUPD (${run.firstDate}): the NLT sum-of-measures reference is this TP's ${mm(som.value)}.`);
    }
    for (const v of f.newLesions.lesions) {
      if (run.knownNew.has(v.lesion.id) && v.value.kind === "size" && !run.sizeRefs.has(v.lesion.id)) run.sizeRefs.set(v.lesion.id, v.value.tenths);
    }
  }

  /** What makes a TP iUPD when no run is open (R10, after a reset too). */
  private freshCauses(f: TimepointFacts, c: Categories): CauseText[] {
    const causes: CauseText[] = [];
    if (c.target === "PD") causes.push({ cause: "target", text: c.targetText ?? "Target PD" });
    if (c.nonTarget === "PD") causes.push({ cause: "non-target", text: c.nonTargetText ?? "Non-target PD" });
    const fresh = c.newPresent.filter((v) => !this.known.has(v.lesion.id));
    if (fresh.length > 0) causes.push({ cause: "new", text: `New lesion${fresh.length > 1 ? "s" : ""} ${fresh.map((v) => `${v.lesion.id} (${v.lesion.organ})`).join(", ")}`, newIds: fresh.map((v) => v.lesion.id) });
    // After a reset, known new lesions count again only by growth of their SOM from its own nadir, or unequivocal progression.
    const som = this.knownNltSom(f, false);
    const nadir = this.nltNadir;
    if (som !== null && nadir !== null && meetsPd(som.value, nadir)) {
      causes.push({ cause: "new", text: `NLT sum of measures ${mm(som.value)}${som.complete ? "" : " (measured NLTs alone)"} is >= 20 % and >= 5 mm above its nadir of ${mm(nadir)} since the last reset`, newIds: c.newPresent.filter((v) => this.known.has(v.lesion.id)).map((v) => v.lesion.id), growth: true });
    }
    const progressed = c.newPresent.filter((v) => this.known.has(v.lesion.id) && v.value.kind === "status" && v.value.status === "progressed");
    if (progressed.length > 0) causes.push({ cause: "new", text: `${progressed.map((v) => v.lesion.id).join(", ")} progressed (known new lesion)`, newIds: progressed.map((v) => v.lesion.id) });
    return causes;
  }

  /** R10 iCPD criteria against the run: growth in the categories that qualified it, RECIST PD newly met in the others, any additional new lesion. */
  private confirmReasons(f: TimepointFacts, i: number, run: IupdRun, c: Categories, say: (rule: string, text: () => string) => void): Reason[] {
    const reasons: Reason[] = [];
    if (run.causes.has("target")) {
      const ref = run.targetRef;
      const complete = f.targetSum.sum;
      const current = complete ?? f.targetSum.measured;
      if (ref !== null && ref.index !== i && f.targetJudgement && current - ref.value >= CONFIRM_GROWTH_TENTHS) {
        reasons.push({ rule: RULE.r10, additionalNew: false, text: `target sum ${mm(current)}${complete === null ? " (measured targets alone, R4)" : ""} is ${signedMm(current - ref.value)} from ${mm(ref.value)} at ${ref.index === run.first ? "the first iUPD" : `the run's reference (${ref.date})`} (>= +5 mm)` });
      }
    } else if (c.target === "PD" && c.targetPdBySum) {
      reasons.push({ rule: RULE.which, additionalNew: false, text: `targets newly meet RECIST 1.1 PD (${c.targetText ?? "target PD"}), a category that did not qualify the iUPD` });
    }
    if (f.nonTargets) {
      if (run.causes.has("non-target")) {
        const grown = this.nonTargetIncreases(f);
        if (grown.length > 0) reasons.push({ rule: RULE.r10, additionalNew: false, text: `further non-target increase (${grown.join(", ")})` });
      } else if (c.nonTarget === "PD" && f.nonTargets.progressed.length > 0) {
        reasons.push({ rule: RULE.which, additionalNew: false, text: `non-target PD newly met (${f.nonTargets.progressed.join(", ")} progressed), a category that did not qualify the iUPD` });
      }
    }
    this.explainNodes(f, run, say);
    if (run.causes.has("new")) {
      const som = this.runNltSom(f, run);
      const ref = run.nltRef;
      if (som !== null && ref !== null && ref.index !== i && som.value - ref.value >= CONFIRM_GROWTH_TENTHS) {
        reasons.push({ rule: RULE.r10, additionalNew: false, text: `NLT sum of measures ${mm(som.value)}${som.complete ? "" : " (measured NLTs alone)"} is ${signedMm(som.value - ref.value)} from ${mm(ref.value)} at ${ref.index === run.first ? "the first iUPD" : `the run's reference (${ref.date})`} (>= +5 mm)` });
      }
      const grown: string[] = [];
      for (const v of f.newLesions.lesions) {
        if (!run.knownNew.has(v.lesion.id) || !v.evaluated) continue;
        const before = run.sizeRefs.get(v.lesion.id);
        if (v.value.kind === "status" && (v.value.status === "increased" || v.value.status === "progressed")) grown.push(`${v.lesion.id} ${v.value.status}`);
        else if (v.cls === "NLNT" && v.value.kind === "size" && before !== undefined && v.value.tenths > before && (!v.lesion.nodal || v.value.tenths >= NODE_NORMAL_TENTHS)) grown.push(`${v.lesion.id} ${mm(before)} -> ${mm(v.value.tenths)}`);
      }
      if (grown.length > 0) reasons.push({ rule: RULE.r10, additionalNew: false, text: `new-lesion increase (${grown.join(", ")})` });
    }
    const additional = c.newPresent.filter((v) => !run.knownNew.has(v.lesion.id));
    if (additional.length > 0) reasons.push({ rule: RULE.r10, additionalNew: true, text: additionalText(additional) });
    return reasons;
  }

  /** R10: NT increase is judged from the words, or a measured node back at >= 10 mm after < 10 mm; never from mm alone. */
  private nonTargetIncreases(f: TimepointFacts): string[] {
    const grown = (f.nonTargets?.grown ?? []).map((id) => `${id} ${statusOf(f.scan, id)}`);
    for (const l of this.input.lesions.nonTargets) {
      const value = valueAt(f.scan, l.id);
      const before = this.lastSize.get(l.id);
      if (l.nodal && value.kind === "size" && value.tenths >= NODE_NORMAL_TENTHS && before !== undefined && before < NODE_NORMAL_TENTHS) {
        grown.push(`${l.id} ${mm(before)} -> ${mm(value.tenths)}, back at >= 10 mm short axis: increased`);
      }
    }
    return grown;
  }

  /** --explain: measured nodal non-targets whose mm changed without crossing 10 mm mean nothing (R10). */
  private explainNodes(f: TimepointFacts, run: IupdRun, say: (rule: string, text: () => string) => void): void {
    const still: string[] = [];
    for (const l of this.input.lesions.nonTargets) {
      const value = valueAt(f.scan, l.id);
      const before = this.lastSize.get(l.id);
      if (!l.nodal || value.kind !== "size" || before === undefined || value.tenths === before) continue;
      if ((before < NODE_NORMAL_TENTHS) === (value.tenths < NODE_NORMAL_TENTHS)) still.push(`${l.id} ${mm(before)} -> ${mm(value.tenths)}`);
    }
    if (still.length > 0) say(RULE.node, () => `${still.join(", ")}: a measured node's mm change that stays on one side of 10 mm short axis is no increase of any kind${run.causes.has("non-target") ? "" : " (and non-targets did not qualify the iUPD)"}.`);
  }

  /** --explain: new nodes measured below 10 mm short axis are no lesions (R6) and no growth (R10). */
  private explainNewNodes(f: TimepointFacts, say: (rule: string, text: () => string) => void): void {
    const counted = new Set(f.newLesions.lesions.filter((v) => v.counts).map((v) => v.lesion.id));
    const small = this.input.lesions.news.filter((l) => l.nodal && !counted.has(l.id)).map((l) => ({ l, value: valueAt(f.scan, l.id) })).filter((x) => x.value.kind === "size" && x.value.tenths < NODE_NORMAL_TENTHS);
    if (small.length > 0) say(RULE.newNode, () => `${small.map((x) => `${x.l.id} (node ${x.value.kind === "size" ? mm(x.value.tenths) : ""})`).join(", ")}: below 10 mm short axis, not a new lesion, neither NLT nor NLNT growth, and no non-target.`);
  }

  /** "Still iUPD" (R10): the cause of the first iUPD still holds, with the FAQ exception for new lesions. */
  private persists(f: TimepointFacts, i: number, run: IupdRun, c: Categories, say: (rule: string, text: () => string) => void): boolean {
    if (run.causes.has("target") && c.target === "PD") return true;
    if (run.causes.has("non-target") && c.nonTarget === "PD") return true;
    if (!run.causes.has("new")) return false;
    if (run.growthNadir !== null) {
      const som = this.knownNltSom(f, false);
      if (som !== null && meetsPd(som.value, run.growthNadir)) return true;
    }
    const stillThere = c.newPresent.filter((v) => run.causeNewIds.includes(v.lesion.id));
    if (stillThere.length === 0) return false;
    if (stillThere.some((v) => v.value.kind === "status" && v.value.status === "progressed")) return true;
    const ref = run.targetRef;
    const sum = f.targetSum.sum;
    if (ref !== null && ref.index !== i && sum !== null && sum < ref.value && (c.target === "PR" || c.target === "CR")) {
      say(RULE.r10, () => `New lesions still present, but the targets shrank further after the iUPD (${mm(ref.value)} -> ${mm(sum)}) and meet ${c.target} against baseline: not iUPD (iRECIST FAQ, scenarios B, D, F).`);
      return false;
    }
    if (ref !== null && ref.index === i && (c.target === "PR" || c.target === "CR")) {
      say(RULE.reference, () => `The targets meet ${c.target}, but with no complete target sum at the first iUPD there is nothing to show they shrank further after it: the new lesions keep the iUPD.`);
    }
    return true;
  }

  /** Lesions whose values a reset or a still-iUPD would need but that were not evaluated (R4 by analogy). */
  private notEvaluated(f: TimepointFacts, c: Categories): string[] {
    const missing: string[] = [];
    for (const t of f.targetSum.terms) if (t.tenths === null) missing.push(t.lesionId);
    for (const l of this.input.lesions.nonTargets) if (valueAt(f.scan, l.id).kind === "not-evaluated") missing.push(l.id);
    for (const v of c.newNotEvaluated) missing.push(v.lesion.id);
    return missing;
  }

  /** The i-response of a TP without an open run: the RECIST tables with known new lesions set aside. */
  private settled(f: TimepointFacts, c: Categories, say: (rule: string, text: () => string) => void): IResponse {
    const base: OverallResponse = overallResponse(c.target, c.nonTarget, false).response;
    if (c.newNotEvaluated.length > 0 && base !== "NE") {
      say(RULE.newNotEvaluated, () => `${base} by targets and non-targets, but a known new lesion is not evaluated: NE.`);
      return "NE";
    }
    let response = toI(base);
    const stillNew = c.newPresent.filter((v) => this.known.has(v.lesion.id));
    if (response === "iCR" && stillNew.length > 0) {
      response = c.target !== null ? "iPR" : "NON-iCR/NON-iUPD";
      say(RULE.r10, () => `New lesions ${stillNew.map((v) => v.lesion.id).join(", ")} still present: not iCR.`);
    }
    const r = response;
    say(RULE.r10, () => `${base} under the RECIST 1.1 tables (iRECIST categories, known new lesions set aside) -> ${r}.`);
    return response;
  }

  /** After a counted TP: the iRECIST nadir, last sizes, PR history and the NLT SOM nadir (R10). */
  private remember(f: TimepointFacts, c: Categories, response: IResponse): void {
    if (f.targetJudgement && f.targetSum.sum !== null) this.sums.push({ sum: f.targetSum.sum, date: f.tp.date });
    this.rememberSizes(f.scan);
    if (response !== "iUPD" && response !== "iCPD") this.sinceProgression.push({ target: c.target, day: f.tp.day, date: f.tp.date });
    if (this.open === null && this.terminal === null && this.nltNadir !== null) {
      const som = this.knownNltSom(f, true);
      if (som !== null && som.value < this.nltNadir) this.nltNadir = som.value;
    }
  }

  private rememberSizes(scan: Assessment): void {
    for (const m of scan.measurements) if (m.value.kind === "size") this.lastSize.set(m.lesionId, m.value.tenths);
  }

  /** NLT SOM over the run's known NLTs, measured ones only; null when the run has no NLT. */
  private runNltSom(f: TimepointFacts, run: IupdRun): { value: Tenths; complete: boolean } | null {
    return nltSom(f.newLesions.lesions.filter((v) => v.cls === "NLT" && run.knownNew.has(v.lesion.id)), null);
  }

  /**
   * NLT SOM over the new lesions known after a reset. With `carry`, a lesion without a size keeps
   * its last known one (R10: for the history and nadir only); else the measured ones alone.
   */
  private knownNltSom(f: TimepointFacts, carry: boolean): { value: Tenths; complete: boolean } | null {
    return nltSom(f.newLesions.lesions.filter((v) => v.cls === "NLT" && this.known.has(v.lesion.id)), carry ? this.lastSize : null);
  }

  private runProgressionDate(run: IupdRun): string {
    const first = this.facts[run.first];
    let date = first.tp.date;
    let day = first.tp.day;
    // R6: only a lesion that was equivocal when it first appeared and became unequivocal at the first iUPD moves the date back.
    for (const v of first.newLesions.lesions) {
      if (run.causeNewIds.includes(v.lesion.id) && v.unequivocalSince === first.scan && v.firstSeen.day < day) {
        day = v.firstSeen.day;
        date = v.firstSeen.date;
      }
    }
    return date;
  }
}

function nltSom(nlts: NewLesionView[], carried: Map<string, Tenths> | null): { value: Tenths; complete: boolean } | null {
  if (nlts.length === 0) return null;
  let value = 0;
  let complete = true;
  for (const v of nlts) {
    if (v.value.kind === "size") value += v.value.tenths;
    else {
      complete = false;
      const last = carried?.get(v.lesion.id);
      if (last !== undefined) value += last;
    }
  }
  return { value, complete };
}

function additionalText(views: NewLesionView[]): string {
  return `additional new lesion${views.length > 1 ? "s" : ""} ${views.map((v) => `${v.lesion.id} (${v.lesion.organ})`).join(", ")}`;
}

function statusOf(scan: Assessment, id: string): string {
  const v = valueAt(scan, id);
  return v.kind === "status" ? v.status : "";
}

function toI(r: OverallResponse): IResponse {
  switch (r) {
    case "CR": return "iCR";
    case "PR": return "iPR";
    case "SD": return "iSD";
    case "NON-CR/NON-PD": return "NON-iCR/NON-iUPD";
    case "PD": return "iUPD";
    case "NE": return "NE";
  }
}

