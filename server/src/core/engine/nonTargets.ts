// Non-target lesions (R5) and the tumour markers that a non-target CR also needs (R16).
import type { Step } from "./trace";
import type { Assessment, Lesion, MarkerResult, Measurement } from "../model/types";
import type { Explanation, NonTargetCategory } from "./types";
import { isGone, measurementAt } from "./lesionValues";
import { describeUnreadable } from "./unreadable";
import { formatMm } from "../util/numbers";

export interface NonTargetJudgement {
  category: NonTargetCategory;
  progressed: string[];
  /** Written `increased` or `progressed` (iRECIST: any further increase, R10). */
  grown: string[];
  explanation: Step[];
}

export function judgeNonTargets(nonTargets: Lesion[], scan: Assessment, markers: MarkerResult[]): NonTargetJudgement | null {
  if (nonTargets.length === 0) return null;
  const progressed: string[] = [];
  const grown: string[] = [];
  const notEvaluated: string[] = [];
  const present: string[] = [];
  const unreadable: Measurement[] = [];
  for (const lesion of nonTargets) {
    const m = measurementAt(scan, lesion.id);
    if (m?.value.kind === "broken") {
      unreadable.push(m);
      continue;
    }
    const value = m?.value ?? NOT_EVALUATED;
    if (value.kind === "status" && value.status === "progressed") progressed.push(lesion.id);
    if (value.kind === "status" && (value.status === "progressed" || value.status === "increased")) grown.push(lesion.id);
    const gone = isGone(lesion, value);
    if (gone === null) notEvaluated.push(lesion.id);
    else if (!gone) present.push(lesion.id + (value.kind === "size" ? ` ${formatMm(value.tenths)} mm` : ` ${value.kind === "status" ? value.status : ""}`));
  }
  // Issue 10: an unreadable value is unknown; no non-target category rests on the others alone.
  if (unreadable.length > 0) {
    const which = describeUnreadable(unreadable);
    return { category: "NE", progressed, grown, explanation: [() => ({ rule: "R5", text: `${which} could not be read: non-target NE.` })] };
  }
  if (progressed.length > 0) {
    return { category: "PD", progressed, grown, explanation: [() => ({ rule: "R5", text: `${progressed.join(", ")} progressed (unequivocal): non-target PD.` })] };
  }
  if (notEvaluated.length > 0) {
    return { category: "NE", progressed, grown, explanation: [() => ({ rule: "R5", text: `${notEvaluated.join(", ")} not evaluated: non-target NE.` })] };
  }
  if (present.length > 0) {
    return { category: "NON-CR/NON-PD", progressed, grown, explanation: [() => ({ rule: "R5", text: `Still present: ${present.join(", ")}: non-target NON-CR/NON-PD.` })] };
  }
  const abnormal = abnormalMarkers(markers, scan.day);
  if (abnormal.length > 0) {
    return {
      category: "NON-CR/NON-PD",
      progressed,
      grown,
      explanation: [() => ({ rule: "R5", text: `Every non-target lesion gone, but ${abnormal.join(", ")} above the upper limit of normal: non-target NON-CR/NON-PD (R16).` })],
    };
  }
  return { category: "CR", progressed, grown, explanation: [() => ({ rule: "R5", text: "Every non-target lesion absent (nodes < 10 mm) and every recorded marker within normal limits: non-target CR." })] };
}

const NOT_EVALUATED = { kind: "not-evaluated" } as const;

/** Markers whose latest result on or before `day` is above its upper limit of normal (R16). */
export function abnormalMarkers(markers: MarkerResult[], day: number): string[] {
  const latest = new Map<string, MarkerResult>();
  for (const m of markers) if (m.day <= day) latest.set(m.name, m);
  return [...latest.values()].filter((m) => m.uln !== null && m.value > m.uln).map((m) => `${m.name} ${m.value} ${m.unit} (${m.date}, ULN ${m.uln})`);
}
