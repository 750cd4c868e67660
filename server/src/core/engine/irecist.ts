// iRECIST time-point responses (R10): iUPD, additive iCPD against the first iUPD of the run, the
// 4-8 week window with the early-scan exception, reset, NE keeping the iUPD pending, and the FAQ
// decision on new lesions with shrinking targets. Built on the RECIST facts of timepoints.ts.
import type { Day, Tenths } from "../model/types";
import type { IResponse, OverallResponse } from "./types";
import type { TimepointFacts } from "./timepoints";
import { overallResponse } from "./overall";
import { dayText, meetsPd, mm, signedMm, sumVsNadir } from "./format";

/** R10: the confirming scan is due 28-56 days after the iUPD, +/- 2 days. */
export const WINDOW_FROM_DAYS = 28;
export const WINDOW_TO_DAYS = 56;
export const EARLY_LIMIT_DAYS = 26;
export const LATE_LIMIT_DAYS = 58;
/** iCPD: target sum or NLT SOM up by at least 5 mm from the first iUPD (R10). */
const CONFIRM_GROWTH_TENTHS = 50;

type Cause = "target" | "non-target" | "new";

export type IrecistEvent =
  | { kind: "iupd"; index: number; causes: string[]; windowFrom: Day; windowTo: Day }
  | { kind: "icpd"; index: number; firstIupd: number; reasons: string[]; progressionDate: string }
  | { kind: "too-early"; index: number; anchor: number; days: number }
  | { kind: "window-missed"; index: number; anchor: number; days: number }
  | { kind: "clinical"; index: number; reason: string; firstIupd: number };

export interface IrecistResult {
  responses: IResponse[];
  /** True for an iUPD TP whose run was later confirmed: it ranks as iCPD for iBOR (iRECIST table 3). */
  confirmedIupd: boolean[];
  events: IrecistEvent[];
  /** The run still awaiting confirmation after the last TP. */
  pending: { firstIupd: number; anchor: number; counted: boolean } | null;
  /** First iUPD of the first confirmed run (R10), moved back to an equivocal lesion's first appearance (R6). */
  progressionDate: string | null;
}

interface Snapshot {
  index: number;
  sum: Tenths | null;
  nltSum: Tenths | null;
  newIds: Set<string>;
  sizes: Map<string, Tenths>;
}

interface Run {
  first: number;
  anchor: number;
  /** A counted (not early, not NE) scan came after the anchor. */
  counted: boolean;
  causes: Set<Cause>;
  causeNewIds: string[];
  ref: Snapshot;
  confirmed: boolean;
}

export function assessIrecist(facts: TimepointFacts[], baselineEcog: number | null): IrecistResult {
  const responses: IResponse[] = [];
  const confirmedIupd: boolean[] = facts.map(() => false);
  const events: IrecistEvent[] = [];
  let run: Run | null = null;
  let progressionDate: string | null = null;
  const acknowledged = new Set<string>();
  let nltNadir: Tenths | null = null;

  facts.forEach((f, i) => {
    const say = (rule: string, text: () => string) => f.trace.add(rule, text);
    if (f.unreadable) {
      // Issue 10: a value that cannot be read leaves the TP unknown: it starts, confirms and resets nothing.
      say("R10", () => "A value of this time point could not be read: iRECIST NE; it neither starts, confirms nor resets an iUPD.");
      responses.push("NE");
      return;
    }
    let response: IResponse;
    if (run === null) {
      const causes = freshCauses(f, acknowledged, nltNadir);
      if (causes.length > 0) {
        run = startRun(f, i, causes);
        const from = f.tp.day + WINDOW_FROM_DAYS;
        const to = f.tp.day + WINDOW_TO_DAYS;
        events.push({ kind: "iupd", index: i, causes: causes.map((c) => c.text), windowFrom: from, windowTo: to });
        say("R10", () => `iUPD: ${causes.map((c) => c.text).join("; ")}. Confirm with a scan between ${dayText(from)} and ${dayText(to)} (28-56 days).`);
        response = "iUPD";
      } else {
        response = unprogressed(f, acknowledged, say);
      }
    } else {
      const r: Run = run;
      const days = f.tp.day - facts[r.anchor].tp.day;
      // Traces are worded later: capture what the run looks like now.
      const anchorDate = facts[r.anchor].tp.date;
      const wasConfirmed = r.confirmed;
      const early = days < EARLY_LIMIT_DAYS;
      const reasons = confirmReasons(f, r);
      const ne = isNotEvaluable(f);
      let confirmsNow = false;
      if (early) {
        const additional = reasons.some((x) => x.additionalNew);
        if (!r.confirmed && f.scan.clinical === "deterioration" && additional) {
          confirmsNow = true;
          say("R10", () => `Scan ${days} days after the iUPD of ${anchorDate} is early, but it was done for clinical deterioration and shows an additional new lesion, so it counts (iRECIST FAQ).`);
        } else if (!r.confirmed) {
          events.push({ kind: "too-early", index: i, anchor: r.anchor, days });
          say("R10", () => `Scan ${days} days after the iUPD of ${anchorDate} is earlier than 26 days: it does not count for confirmation, growth on it is ignored.`);
        }
      } else if (!r.confirmed) {
        if (!ne || reasons.length > 0) {
          if (!r.counted && days > LATE_LIMIT_DAYS) {
            events.push({ kind: "window-missed", index: i, anchor: r.anchor, days });
            say("R10", () => `This first scan after the iUPD of ${anchorDate} came ${days} days later (window 28-56 days, +/- 2): it counts, but the window was missed.`);
          }
          r.counted = true;
        }
        confirmsNow = reasons.length > 0;
      }
      if (confirmsNow) {
        const texts = reasons.map((x) => x.text);
        r.confirmed = true;
        const date = runProgressionDate(facts, r);
        progressionDate ??= date;
        events.push({ kind: "icpd", index: i, firstIupd: r.first, reasons: texts, progressionDate: date });
        say("R10", () => `iCPD: ${texts.join("; ")} (compared with the first iUPD of the run, ${facts[r.first].tp.date}). Progression dated ${date}.`);
        response = "iCPD";
      } else if (ne) {
        say("R10", () => `NE after the iUPD of ${facts[r.first].tp.date}: it neither confirms nor resets; the ${wasConfirmed ? "iCPD stands" : "iUPD stays pending"}.`);
        response = "NE";
      } else if (r.confirmed && (reasons.length > 0 || persists(f, r, say))) {
        say("R10", () => `Remains iCPD: the progression confirmed for the run from ${facts[r.first].tp.date} persists.`);
        response = "iCPD";
      } else if (!r.confirmed && persists(f, r, say)) {
        say("R10", () => `Still iUPD: no iCPD criterion counted against the iUPD of ${facts[r.first].tp.date}, and its cause persists.`);
        response = "iUPD";
        if (!early) {
          r.anchor = i;
          r.counted = false;
        }
      } else {
        say("R10", () => `Reset: the cause of the iUPD of ${facts[r.first].tp.date} no longer holds; a later progression is a new iUPD needing its own confirmation.`);
        for (const v of f.newLesions.lesions) acknowledged.add(v.lesion.id);
        nltNadir = f.newLesions.nltSum;
        run = null;
        response = unprogressed(f, acknowledged, say);
      }
    }
    const active: Run | null = run;
    if (active !== null && (response === "iUPD" || response === "iCPD" || response === "NE")) {
      const reason = f.scan.clinical === "deterioration" ? "clinical deterioration recorded" : baselineEcog !== null && f.scan.ecog !== null && f.scan.ecog > baselineEcog ? `ECOG ${f.scan.ecog}, worse than ${baselineEcog} at baseline` : null;
      if (reason) events.push({ kind: "clinical", index: i, reason, firstIupd: active.first });
    }
    if (active === null && f.newLesions.nltSum !== null) nltNadir = nltNadir === null ? f.newLesions.nltSum : Math.min(nltNadir, f.newLesions.nltSum);
    responses.push(response);
  });
  for (const e of events) if (e.kind === "icpd") for (let k = e.firstIupd; k < e.index; k++) if (responses[k] === "iUPD") confirmedIupd[k] = true;
  const last = run as Run | null;
  const pending = last !== null && !last.confirmed ? { firstIupd: last.first, anchor: last.anchor, counted: last.counted } : null;
  return { responses, confirmedIupd, events, pending, progressionDate };
}

interface CauseText {
  cause: Cause;
  text: string;
  newIds?: string[];
}

/** What makes a TP iUPD when no run is open (R10, after a reset too). */
function freshCauses(f: TimepointFacts, acknowledged: Set<string>, nltNadir: Tenths | null): CauseText[] {
  const causes: CauseText[] = [];
  const tp = f.tp;
  if (tp.target === "PD") {
    const targetText = f.targetPdBySum && tp.sum !== null && tp.nadir !== null
      ? sumVsNadir(tp.sum, tp.nadir, tp.nadirDate)
      : "Target PD";
    causes.push({ cause: "target", text: targetText });
  }
  if (tp.nonTarget === "PD") causes.push({ cause: "non-target", text: `Non-target PD${f.nonTargets?.progressed.length ? ` (${f.nonTargets.progressed.join(", ")} progressed)` : ""}` });
  const present = f.newLesions.lesions.filter((v) => v.present && v.unequivocal);
  const fresh = present.filter((v) => !acknowledged.has(v.lesion.id));
  if (fresh.length > 0) causes.push({ cause: "new", text: `New lesion${fresh.length > 1 ? "s" : ""} ${fresh.map((v) => `${v.lesion.id} (${v.lesion.organ})`).join(", ")}`, newIds: fresh.map((v) => v.lesion.id) });
  // After a reset, lesions already known only count again by growth (R10).
  const som = f.newLesions.nltSum;
  if (acknowledged.size > 0 && som !== null && nltNadir !== null && meetsPd(som, nltNadir)) {
    causes.push({ cause: "new", text: `NLT sum of measures ${mm(som)} is >= 20 % and >= 5 mm above its nadir of ${mm(nltNadir)}`, newIds: present.map((v) => v.lesion.id) });
  }
  const nlntProgressed = present.filter((v) => acknowledged.has(v.lesion.id) && v.cls === "NLNT" && v.value.kind === "status" && v.value.status === "progressed");
  if (nlntProgressed.length > 0) causes.push({ cause: "new", text: `${nlntProgressed.map((v) => v.lesion.id).join(", ")} progressed (NLNT)`, newIds: nlntProgressed.map((v) => v.lesion.id) });
  return causes;
}

function startRun(f: TimepointFacts, i: number, causes: CauseText[]): Run {
  const sizes = new Map<string, Tenths>();
  for (const m of f.scan.measurements) if (m.value.kind === "size") sizes.set(m.lesionId, m.value.tenths);
  return {
    first: i,
    anchor: i,
    counted: false,
    causes: new Set(causes.map((c) => c.cause)),
    causeNewIds: causes.flatMap((c) => c.newIds ?? []),
    ref: {
      index: i,
      sum: f.tp.sum ?? (f.targetSum.terms.length > 0 ? f.targetSum.measured : null),
      nltSum: f.newLesions.nltSum,
      newIds: new Set(f.newLesions.lesions.filter((v) => v.unequivocal).map((v) => v.lesion.id)),
      sizes,
    },
    confirmed: false,
  };
}

interface Reason {
  text: string;
  additionalNew: boolean;
}

/** R10 iCPD criteria, each compared with the first iUPD TP of the run. */
function confirmReasons(f: TimepointFacts, r: Run): Reason[] {
  const reasons: Reason[] = [];
  const ref = r.ref;
  const sum = f.tp.sum ?? (f.targetSum.terms.length > 0 ? f.targetSum.measured : null);
  if (sum !== null && ref.sum !== null && sum - ref.sum >= CONFIRM_GROWTH_TENTHS) {
    reasons.push({ text: `target sum ${mm(sum)} is ${signedMm(sum - ref.sum)} from ${mm(ref.sum)} at the first iUPD (>= +5 mm)`, additionalNew: false });
  } else if (!r.causes.has("target") && f.targetPdBySum) {
    reasons.push({ text: "target PD against the nadir, a category that was not the cause of the iUPD", additionalNew: false });
  }
  const ntGrowth = f.nonTargets ? [...f.nonTargets.grown] : [];
  for (const t of f.scan.measurements) {
    const before = ref.sizes.get(t.lesionId);
    if (t.value.kind === "size" && before !== undefined && t.value.tenths > before && isNonTarget(f, t.lesionId) && !ntGrowth.includes(t.lesionId)) {
      ntGrowth.push(`${t.lesionId} ${mm(before)} -> ${mm(t.value.tenths)}`);
    }
  }
  if (ntGrowth.length > 0) reasons.push({ text: `further non-target increase (${ntGrowth.join(", ")})`, additionalNew: false });
  const som = f.newLesions.nltSum;
  if (som !== null && ref.nltSum !== null && som - ref.nltSum >= CONFIRM_GROWTH_TENTHS) {
    reasons.push({ text: `NLT sum of measures ${mm(som)} is ${signedMm(som - ref.nltSum)} from ${mm(ref.nltSum)} (>= +5 mm)`, additionalNew: false });
  }
  const nlntGrowth: string[] = [];
  for (const v of f.newLesions.lesions) {
    if (v.cls !== "NLNT" || !ref.newIds.has(v.lesion.id)) continue;
    const before = ref.sizes.get(v.lesion.id);
    if (v.value.kind === "status" && (v.value.status === "increased" || v.value.status === "progressed")) nlntGrowth.push(`${v.lesion.id} ${v.value.status}`);
    else if (v.value.kind === "size" && before !== undefined && v.value.tenths > before) nlntGrowth.push(`${v.lesion.id} ${mm(before)} -> ${mm(v.value.tenths)}`);
  }
  if (nlntGrowth.length > 0) reasons.push({ text: `new non-target lesion increase (${nlntGrowth.join(", ")})`, additionalNew: false });
  const additional = f.newLesions.lesions.filter((v) => v.present && v.unequivocal && !ref.newIds.has(v.lesion.id));
  if (additional.length > 0) reasons.push({ text: `additional new lesion${additional.length > 1 ? "s" : ""} ${additional.map((v) => `${v.lesion.id} (${v.lesion.organ})`).join(", ")}`, additionalNew: true });
  return reasons;
}

function isNonTarget(f: TimepointFacts, id: string): boolean {
  return f.nonTargets !== null && f.scan.measurements.some((m) => m.lesionId === id) && !f.targetSum.terms.some((t) => t.lesionId === id) && !f.newLesions.lesions.some((v) => v.lesion.id === id);
}

/** "Still iUPD" (R10): the cause of the iUPD still holds, with the FAQ exception for new lesions. */
function persists(f: TimepointFacts, r: Run, say: (rule: string, text: () => string) => void): boolean {
  if (r.causes.has("target") && f.tp.target === "PD") return true;
  if (r.causes.has("non-target") && f.tp.nonTarget === "PD") return true;
  if (r.causes.has("new") && f.newLesions.lesions.some((v) => v.present && r.causeNewIds.includes(v.lesion.id))) {
    const sum = f.tp.sum;
    const shrankFurther = sum !== null && r.ref.sum !== null && sum < r.ref.sum && (f.tp.target === "PR" || f.tp.target === "CR");
    if (!shrankFurther) return true;
    say("R10", () => `New lesions still present, but the targets shrank further after the iUPD (${mm(r.ref.sum as number)} -> ${mm(sum as number)}) and meet ${f.tp.target} against baseline: not iUPD (iRECIST FAQ, scenarios B, D, F).`);
  }
  return false;
}

function isNotEvaluable(f: TimepointFacts): boolean {
  const base = overallResponse(f.tp.target, f.tp.nonTarget, false).response;
  return base === "NE";
}

/** The i-response of a TP without an open iUPD: the RECIST tables with known new lesions set aside. */
function unprogressed(f: TimepointFacts, acknowledged: Set<string>, say: (rule: string, text: () => string) => void): IResponse {
  const base: OverallResponse = overallResponse(f.tp.target, f.tp.nonTarget, false).response;
  const stillNew = f.newLesions.lesions.filter((v) => v.present && v.unequivocal && acknowledged.has(v.lesion.id));
  let response = toI(base);
  if (response === "iCR" && stillNew.length > 0) {
    response = f.tp.target !== null ? "iPR" : "NON-iCR/NON-iUPD";
    say("R10", () => `New lesions ${stillNew.map((v) => v.lesion.id).join(", ")} still present: not iCR.`);
  }
  say("R10", () => `${base} under RECIST 1.1 tables without new-lesion progression -> ${response}.`);
  return response;
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

function runProgressionDate(facts: TimepointFacts[], r: Run): string {
  const first = facts[r.first];
  let date = first.tp.date;
  let day = first.tp.day;
  for (const v of first.newLesions.lesions) {
    if (r.causeNewIds.includes(v.lesion.id) && v.firstSeen.day < day) {
      day = v.firstSeen.day;
      date = v.firstSeen.date;
    }
  }
  return date;
}

