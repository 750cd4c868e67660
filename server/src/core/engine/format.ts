// Wording of numbers for explanations and diagnostic messages. Values stay integer tenths of a
// millimetre in the engine; only these helpers turn them into text.
import type { Tenths } from "../model/types";
import { formatMm, round1 } from "../util/numbers";
import { formatDay } from "../util/dates";

export function mm(tenths: Tenths): string {
  return `${formatMm(tenths)} mm`;
}

/** "+4 mm", "-10.5 mm". */
export function signedMm(tenths: Tenths): string {
  return `${tenths >= 0 ? "+" : ""}${formatMm(tenths)} mm`;
}

/** Percent change from `ref` to `value`, or null when `ref` is 0 (no relative change exists). */
export function percentChange(value: Tenths, ref: Tenths): number | null {
  return ref === 0 ? null : ((value - ref) / ref) * 100;
}

/** "+20.0 %", "-42.9 %". */
export function signedPct(pct: number): string {
  const r = round1(pct);
  return `${r >= 0 ? "+" : ""}${r.toFixed(1)} %`;
}

/** The smallest sum that is PD against `nadir` (R3): >= 1.2 x nadir and >= nadir + 5 mm. */
export function pdThresholdOf(nadir: Tenths): Tenths {
  return Math.max(Math.ceil((nadir * 6) / 5), nadir + 50);
}

/** The largest sum that is PR against `baseline` (R3): <= 0.7 x baseline. */
export function prThresholdOf(baseline: Tenths): Tenths {
  return Math.floor((baseline * 7) / 10);
}

/** R3 PD test, exact in integers: sum >= 1.2 x nadir and sum - nadir >= 5 mm. */
export function meetsPd(sum: Tenths, nadir: Tenths): boolean {
  return sum * 5 >= nadir * 6 && sum - nadir >= 50;
}

/** R3 PR test, exact in integers: sum <= 0.7 x baseline. */
export function meetsPr(sum: Tenths, baseline: Tenths): boolean {
  return sum * 10 <= baseline * 7;
}

/** "Sum 60 mm is +20.0 % (+10 mm) from the nadir of 50 mm (2025-03-01)". */
export function sumVsNadir(sum: Tenths, nadir: Tenths, nadirDate: string | null): string {
  const pct = percentChange(sum, nadir);
  const change = pct === null ? signedMm(sum - nadir) : `${signedPct(pct)} (${signedMm(sum - nadir)})`;
  return `Sum ${mm(sum)} is ${change} from the nadir of ${mm(nadir)}${nadirDate ? ` (${nadirDate})` : ""}`;
}

const dayTexts = new Map<number, string>();

/** `formatDay` with a memo: cohorts repeat the same dates, and Date formatting is slow. */
export function dayText(day: number): string {
  let text = dayTexts.get(day);
  if (text === undefined) {
    text = formatDay(day);
    if (dayTexts.size > 100_000) dayTexts.clear();
    dayTexts.set(day, text);
  }
  return text;
}
