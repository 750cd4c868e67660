// Values that cannot be read (issue 10): a lesion line with a syntax error in its value keeps its
// id and declaration, and its value is `broken`. Unknown is not "not evaluated": a time point
// with such a value gets no response but NE, whatever the lesions that could be read show (R4's
// "the measured targets already meet PD" is for a lesion that was not assessed, not for one whose
// assessment is unknown), and a baseline that cannot be read leaves the whole episode without
// sums and responses (spec, "What the tools report").
import type { Assessment, Episode, Measurement } from "../model/types";
import type { EpisodeLesions } from "./timepoints";
import type { OverallJudgement } from "./overall";
import { measurementAt } from "./lesionValues";

/** Every lesion line of a scan whose value cannot be read, whatever lesion it names. */
export function unreadableAt(scan: Assessment): readonly Measurement[] {
  let out: Measurement[] | null = null;
  for (const m of scan.measurements) if (m.value.kind === "broken") (out ??= []).push(m);
  return out ?? NONE;
}

const NONE: readonly Measurement[] = Object.freeze([]);

/**
 * What makes a whole episode unassessable: a target whose baseline value cannot be read, or a
 * baseline line whose declaration cannot be read (it may be a target).
 */
export function unreadableBaseline(episode: Episode, lesions: EpisodeLesions): readonly Measurement[] {
  const baseline = episode.baseline;
  if (!baseline) return NONE;
  const out: Measurement[] = [];
  for (const lesion of lesions.targets) {
    const m = measurementAt(baseline, lesion.id);
    if (m?.value.kind === "broken") out.push(m);
  }
  for (const u of episode.unreadable) if (u.at === baseline) out.push(u.measurement);
  return out.length > 0 ? out : NONE;
}

/**
 * "T1's value on line 8 and NT1's value on line 9"; with the episode, a baseline line whose
 * declaration cannot be read is "T1's declaration on line 4 at the baseline".
 */
export function describeUnreadable(measurements: readonly Measurement[], episode?: Episode): string {
  const parts = measurements.map((m) => {
    const line = m.value.kind === "broken" ? m.value.line : null;
    const noun = episode?.unreadable.some((u) => u.measurement === m) ? "declaration" : "value";
    const where = episode?.baseline?.measurements.includes(m) ? " at the baseline" : "";
    return `${m.lesionId}'s ${noun}${line === null ? "" : ` on line ${line}`}${where}`;
  });
  if (parts.length <= 1) return parts.join("");
  return `${parts.slice(0, -1).join(", ")} and ${parts[parts.length - 1]}`;
}

/** Why a TP has no response: what could not be read, here or at the baseline. */
export interface UnreadableVerdict {
  /** A target's baseline value, or a baseline declaration, cannot be read: no sum, target NE. */
  baseline: boolean;
  /** A line at this scan names no lesion of the episode (it may be a new lesion): new lesions NE. */
  undeclared: boolean;
  overall: OverallJudgement;
}

/** Null when every value the TP rests on could be read. */
export function unreadableVerdict(scan: Assessment, episode: Episode, atBaseline: readonly Measurement[]): UnreadableVerdict | null {
  const here = unreadableAt(scan);
  // A lesion whose declaration at an earlier follow-up could not be read, named again here.
  const named = episode.unreadable.filter((u) => u.at !== episode.baseline && u.at.day < scan.day && scan.measurements.some((m) => m.lesionId === u.measurement.lesionId));
  if (here.length === 0 && atBaseline.length === 0 && named.length === 0) return null;
  const parts: string[] = [];
  if (atBaseline.length > 0 || here.length > 0) parts.push(describeUnreadable([...atBaseline, ...here], episode));
  if (named.length > 0) parts.push(`the declaration of ${describeUnreadable(named.map((u) => u.measurement)).replace(/'s value/g, "")}, named again here,`);
  const what = parts.join(" and ");
  const consequence = atBaseline.length > 0
    ? "every sum of this episode is unknown and every response NE"
    : "the response at this time point is NE";
  return {
    baseline: atBaseline.length > 0,
    undeclared: named.length > 0 || here.some((m) => !episode.lesions.has(m.lesionId)),
    overall: {
      response: "NE",
      explanation: () => ({
        rule: "R4",
        text: `${what} could not be read: ${consequence}. An unreadable value is unknown, not "not evaluated": no response is computed from the lesions that could be read.`,
      }),
    },
  };
}
