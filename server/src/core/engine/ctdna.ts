// Circulating tumour DNA around a progression (R11): the Lee 2018 profile against the episode's
// baseline sample, and the trend of the two latest samples at or before the scan.
import type { CtdnaSample, Day } from "../model/types";
import type { CtdnaReading } from "./types";

/** A sample up to this many days after the therapy start may stand in for the baseline (R11). */
const LATE_BASELINE_DAYS = 14;
/** Lee 2018 judges the fall within 12 weeks of the start of treatment. */
const PROFILE_WINDOW_DAYS = 84;

export interface CtdnaFinding extends CtdnaReading {
  /** The sample whose line the diagnostic points at (the latest one compared). */
  latest: CtdnaSample | null;
  /** Dates of the samples the reading compared, sorted. */
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

/**
 * R11 reading at `atDay` (a progression scan) for an episode that started on `start`: at most one
 * reading, by the amended precedence. (1) The Lee 2018 profile when it can be computed:
 * favourable supports pseudo-progression; unfavourable with a stable or rising level supports
 * true progression. (2) Unfavourable but falling (any fall of 10-fold or less): inconclusive.
 * (3) Without a profile, the
 * trend of the last two samples at or before the scan: rising, falling, or flat (inconclusive).
 */
export function readCtdna(samples: CtdnaSample[], start: Day | null, atDay: Day, foldThreshold: number): CtdnaFinding | null {
  const known = samples.filter((s) => s.day <= atDay);
  if (known.length === 0) return null;
  const profile = profileOf(samples, start, foldThreshold);
  const latest = known[known.length - 1];
  const previous = known.length > 1 ? known[known.length - 2] : null;
  let trend: CtdnaReading["trend"] = "unknown";
  let trendText: string;
  if (previous && comparable(previous, latest)) {
    trend = latest.value > previous.value ? "rising" : latest.value < previous.value ? "falling" : "stable";
    trendText = `${describeSample(previous)} -> ${describeSample(latest)}: ${trend}`;
  } else {
    trendText = previous ? `latest samples ${describeSample(previous)} and ${describeSample(latest)} use different units: no trend` : `only one sample by ${latest.date}: no trend`;
  }
  let reading: CtdnaReading["reading"] = null;
  let detail: string;
  let compared: CtdnaSample[] = [];
  if (profile.profile === "favourable") {
    reading = "pseudoprogression";
    compared = profile.samples;
    detail = `${profile.text}: favourable profile (Lee 2018).`;
  } else if (profile.profile === "unfavourable" && !profile.falling) {
    reading = "progression";
    compared = profile.samples;
    detail = `${profile.text}: unfavourable profile with a stable or rising level (Lee 2018).`;
  } else if (profile.profile === "unfavourable") {
    reading = "inconclusive";
    compared = profile.samples;
    detail = `${profile.text}: the profile is unfavourable (not a > ${foldThreshold}-fold fall), but the level is falling: the two facts point different ways.`;
  } else if (trend !== "unknown" && previous) {
    reading = trend === "rising" ? "progression" : trend === "falling" ? "pseudoprogression" : "inconclusive";
    compared = [previous, latest];
    detail = `${profile.text}; trend of the last two samples at or before the scan: ${trendText}${trend === "stable" ? " (flat: inconclusive)" : ""}.`;
  } else {
    detail = `${profile.text}; ${trendText}.`;
  }
  const dates = [...new Set(compared.map((x) => x.date))].sort();
  if (compared.length > 0) detail += ` Samples compared: ${dates.join(", ")}.`;
  const pointAt = compared.length > 0 ? compared.reduce((a, b) => (b.day > a.day ? b : a)) : latest;
  return { profile: profile.profile, trend, reading, detail, latest: pointAt, compared: dates };
}

interface Profile {
  profile: CtdnaReading["profile"];
  /** Unfavourable only: the level fell (but not by more than the fold threshold). */
  falling: boolean;
  samples: CtdnaSample[];
  text: string;
}

/** The Lee 2018 profile against the episode's baseline sample, with the words that say how it was read. */
function profileOf(samples: CtdnaSample[], start: Day | null, foldThreshold: number): Profile {
  const base = start === null ? null : baselineSample(samples, start);
  if (!base || start === null) return { profile: "unknown", falling: false, samples: [], text: "No baseline ctDNA sample (on or before the start, or up to 14 days after): no profile" };
  const b = base.sample;
  const flag = base.late ? ", taken after the start: flagged" : "";
  if (b.value === 0) return { profile: "favourable", falling: false, samples: [b], text: `Baseline ctDNA undetectable (${b.date}${flag})` };
  const early = samples.filter((s) => s.day > b.day && s.day <= start + PROFILE_WINDOW_DAYS && comparable(s, b));
  const s = early[early.length - 1];
  if (!s) return { profile: "unknown", falling: false, samples: [], text: `Baseline ctDNA ${describeSample(b)}${flag}; no comparable sample within 12 weeks of the start: no profile` };
  const fold = s.value === 0 ? Infinity : b.value / s.value;
  const foldText = s.value === 0 ? "cleared" : fold >= 1 ? `${fold.toFixed(1)}-fold decrease` : `${(s.value / b.value).toFixed(1)}-fold increase`;
  const text = `Baseline ctDNA ${describeSample(b)}${flag} -> ${describeSample(s)}, day ${s.day - start} of treatment: ${foldText} (favourable needs > ${foldThreshold}-fold within 12 weeks)`;
  if (fold > foldThreshold) return { profile: "favourable", falling: true, samples: [b, s], text };
  // Not favourable: unfavourable (R11 amended); a fall of the level (10-fold or less) makes the reading inconclusive.
  return { profile: "unfavourable", falling: s.value < b.value, samples: [b, s], text };
}
