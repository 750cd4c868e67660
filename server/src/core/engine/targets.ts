// Target lesions: the sum of diameters (R2) and the target response (R3, R4).
import type { Step } from "./trace";
import type { Assessment, Lesion, Measurement, Tenths } from "../model/types";
import type { Explanation, SumTerm, TargetCategory } from "./types";
import { isGone, measurementAt } from "./lesionValues";
import { describeUnreadable } from "./unreadable";
import { meetsPd, meetsPr, mm, pdThresholdOf, prThresholdOf, signedMm, signedPct, percentChange } from "./format";

export interface TargetSum {
  /** Null when any target is not evaluated (R4). */
  sum: Tenths | null;
  /** Sum of the targets that were measured, for R4's "already PD" test. */
  measured: Tenths;
  terms: SumTerm[];
  /** Every non-nodal target 0 mm and every nodal target < 10 mm SA (R3 CR). */
  allGone: boolean;
  /** Targets whose value here cannot be read (issue 10): unknown, not "not evaluated". */
  unreadable: Measurement[];
}

/** R2: LD of non-nodal targets + SA of nodal targets; too small 5 mm, absent/merged 0, split added. */
export function targetSum(targets: Lesion[], scan: Assessment): TargetSum {
  const terms: SumTerm[] = [];
  let sum = 0;
  let complete = true;
  let allGone = true;
  const unreadable: Measurement[] = [];
  for (const lesion of targets) {
    const m = measurementAt(scan, lesion.id);
    const value = m?.value ?? NOT_EVALUATED;
    if (value.kind === "size") {
      terms.push({ lesionId: lesion.id, tenths: value.tenths, source: value.source });
      sum += value.tenths;
      if (!isGone(lesion, value)) allGone = false;
    } else if (value.kind === "broken" && m) {
      terms.push({ lesionId: lesion.id, tenths: null, source: "unreadable" });
      unreadable.push(m);
      complete = false;
      allGone = false;
    } else {
      // A status on a target is an invalid value (reported by the structural checks): not evaluated.
      terms.push({ lesionId: lesion.id, tenths: null, source: "not evaluated" });
      complete = false;
      allGone = false;
    }
  }
  return { sum: complete ? sum : null, measured: sum, terms, allGone, unreadable };
}

const NOT_EVALUATED = { kind: "not-evaluated" } as const;

/** "T1 30 + T2 5 (too small) + N1 9 = 44 mm". */
export function describeSum(terms: SumTerm[], total: Tenths | null): string {
  const parts = terms.map((t) => {
    if (t.tenths === null) return `${t.lesionId} ${t.source === "unreadable" ? "unreadable" : "not evaluated"}`;
    const note = t.source === "length" ? "" : ` (${t.source})`;
    return `${t.lesionId} ${mm(t.tenths).replace(" mm", "")}${note}`;
  });
  return `${parts.join(" + ")} = ${total === null ? "not computable" : mm(total)}`;
}

export interface TargetJudgement {
  category: TargetCategory;
  /** PD against the nadir by the sums (R3), or by the measured lesions alone (R4). */
  pdBySum: boolean;
  explanation: Step[];
}

/** R3 in its order (PD, CR, PR, SD), with R4 for a target not evaluated. */
export function judgeTargets(s: TargetSum, baseline: Tenths | null, nadir: Tenths | null, nadirDate: string | null): TargetJudgement {
  const nadirText = nadir === null ? "" : `the nadir of ${mm(nadir)}${nadirDate ? ` (${nadirDate})` : ""}`;
  if (s.unreadable.length > 0) {
    const which = describeUnreadable(s.unreadable);
    return {
      category: "NE",
      pdBySum: false,
      explanation: [() => ({ rule: "R4", text: `${which} could not be read: target NE. An unreadable value is unknown, not "not evaluated", so the targets that were read are not judged alone.` })],
    };
  }
  if (s.sum === null) {
    const missing = s.terms.filter((t) => t.tenths === null).map((t) => t.lesionId).join(", ");
    if (nadir !== null && meetsPd(s.measured, nadir)) {
      return {
        category: "PD",
        pdBySum: true,
        explanation: [() => ({ rule: "R4", text: `${missing} not evaluated, but the measured targets alone sum to ${mm(s.measured)}, already >= ${mm(pdThresholdOf(nadir))} (PD threshold from ${nadirText}): target PD.` })],
      };
    }
    return {
      category: "NE",
      pdBySum: false,
      explanation: [() => ({ rule: "R4", text: `${missing} not evaluated and the measured targets (${mm(s.measured)}) do not already meet PD: target NE.` })],
    };
  }
  const sum = s.sum;
  if (nadir !== null && meetsPd(sum, nadir)) {
    const pct = percentChange(sum, nadir);
    return {
      category: "PD",
      pdBySum: true,
      explanation: [() => ({
        rule: "R3",
        text: `Sum ${mm(sum)} vs ${nadirText}: ${pct === null ? "any growth from 0" : signedPct(pct)} (>= +20 %) and ${signedMm(sum - nadir)} (>= +5 mm): target PD.`,
      })],
    };
  }
  const notPd: Step[] = nadir === null ? [] : [() => ({
    rule: "R3",
    text: `Not PD: sum ${mm(sum)} is below ${mm(pdThresholdOf(nadir))}, the smallest sum that is both >= 120 % of ${nadirText} and >= 5 mm above it.`,
  })];
  if (s.allGone) {
    return { category: "CR", pdBySum: false, explanation: [...notPd, () => ({ rule: "R3", text: `Every non-nodal target is 0 mm and every nodal target is < 10 mm short axis: target CR (sum ${mm(sum)}).` })] };
  }
  if (baseline !== null && meetsPr(sum, baseline)) {
    const pct = percentChange(sum, baseline);
    return {
      category: "PR",
      pdBySum: false,
      explanation: [...notPd, () => ({ rule: "R3", text: `Sum ${mm(sum)} <= ${mm(prThresholdOf(baseline))} (70 % of the baseline ${mm(baseline)}; ${pct === null ? "" : signedPct(pct)}): target PR.` })],
    };
  }
  const prText = baseline === null ? "the baseline sum is unknown" : `sum ${mm(sum)} is above ${mm(prThresholdOf(baseline))} (70 % of the baseline ${mm(baseline)})`;
  return { category: "SD", pdBySum: false, explanation: [...notPd, () => ({ rule: "R3", text: `Neither PD, CR nor PR (${prText}): target SD.` })] };
}
