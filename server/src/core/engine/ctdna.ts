// Circulating tumour DNA around a progression (R11): the Lee 2018 profile against the episode's
// baseline sample, and the trend of the two latest samples at or before the scan.
import type { CtdnaSample, Day } from "../model/types";
import type { CtdnaReading } from "./types";

/** A sample up to this many days after the therapy start may stand in for the baseline (R11). */
const LATE_BASELINE_DAYS = 14;
/** Lee 2018 judges the fall within 12 weeks of the start of treatment. */
const PROFILE_WINDOW_DAYS = 84;

export interface CtdnaFinding extends CtdnaReading {
  supports: Array<"progression" | "pseudoprogression">;
  /** The sample whose line the diagnostic points at (the latest one compared). */
  latest: CtdnaSample | null;
  compared: string[];
}

export function describeSample(s: CtdnaSample): string {
  const level = s.unit === "undetected" ? "undetected" : s.unit === "vaf" ? `${s.value} % VAF` : `${s.value} ${s.unit}`;
  return `${level} (${s.date})`;
}

function comparable(a: CtdnaSample, b: CtdnaSample): boolean {
  return a.unit === b.unit || a.unit === "undetected" || b.unit === "undetected";
}

export function baselineSample(samples: CtdnaSample[], start: Day): { sample: CtdnaSample; late: boolean } | null {
  let before: CtdnaSample | null = null;
  for (const s of samples) if (s.day <= start) before = s;
  if (before) return { sample: before, late: false };
  const late = samples.find((s) => s.day > start && s.day <= start + LATE_BASELINE_DAYS);
  return late ? { sample: late, late: true } : null;
}

/** R11 reading at `atDay` (a progression scan) for an episode that started on `start`. */
export function readCtdna(samples: CtdnaSample[], start: Day | null, atDay: Day, foldThreshold: number): CtdnaFinding | null {
  const known = samples.filter((s) => s.day <= atDay);
  if (known.length === 0) return null;
  const parts: string[] = [];
  const compared: string[] = [];
  let profile: CtdnaReading["profile"] = "unknown";
  const base = start === null ? null : baselineSample(samples, start);
  if (!base || start === null) {
    parts.push("No baseline ctDNA sample (on or before the start, or up to 14 days after): profile unknown.");
  } else {
    const b = base.sample;
    const flag = base.late ? ", taken after the start: flagged" : "";
    if (b.value === 0) {
      profile = "favourable";
      parts.push(`Baseline ctDNA undetectable (${b.date}${flag}): favourable profile (Lee 2018).`);
    } else {
      const early = samples.filter((s) => s.day > b.day && s.day <= start + PROFILE_WINDOW_DAYS && comparable(s, b));
      const s = early[early.length - 1];
      if (!s) {
        parts.push(`Baseline ctDNA ${describeSample(b)}${flag}; no comparable sample within 12 weeks of the start: profile unknown.`);
      } else {
        compared.push(b.date, s.date);
        const fold = s.value === 0 ? Infinity : b.value / s.value;
        const foldText = s.value === 0 ? "cleared" : fold >= 1 ? `${fold.toFixed(1)}-fold decrease` : `${(s.value / b.value).toFixed(1)}-fold increase`;
        // Lee 2018: favourable > threshold-fold fall; unfavourable "stable or increased", read as
        // a fall of less than half (Goldberg 2018 calls a > 50 % fall a molecular response).
        if (fold > foldThreshold) profile = "favourable";
        else if (s.value * 2 > b.value) profile = "unfavourable";
        parts.push(`Baseline ctDNA ${describeSample(b)}${flag} -> ${describeSample(s)}, day ${s.day - start} of treatment: ${foldText} (favourable needs > ${foldThreshold}-fold within 12 weeks): ${profile === "unknown" ? "neither favourable nor unfavourable" : profile} profile.`);
      }
    }
  }
  let trend: CtdnaReading["trend"] = "unknown";
  const latest = known[known.length - 1];
  const previous = known.length > 1 ? known[known.length - 2] : null;
  if (previous && comparable(previous, latest)) {
    trend = latest.value > previous.value ? "rising" : latest.value < previous.value ? "falling" : "stable";
    parts.push(`Trend: ${describeSample(previous)} -> ${describeSample(latest)}: ${trend}.`);
    compared.push(previous.date, latest.date);
  } else {
    parts.push(previous ? `Latest samples ${describeSample(previous)} and ${describeSample(latest)} use different units: no trend.` : `Only one sample by ${latest.date}: no trend.`);
  }
  const supports: CtdnaFinding["supports"] = [];
  if (trend === "rising" || profile === "unfavourable") supports.push("progression");
  if (trend === "falling" || profile === "favourable") supports.push("pseudoprogression");
  return { profile, trend, detail: parts.join(" "), supports, latest, compared: [...new Set(compared)].sort() };
}
