// Where each assessment of a patient stands: the baseline of an episode, a pre-treatment scan
// (dated before that baseline, R12/R13), a follow-up scan of an episode, or nowhere (no baseline
// to refer to, or no valid date). Lesion ids are resolved against the place.
import type { AssessmentNode } from "../syntax/ast";
import type { Assessment, Episode, Patient } from "../model/types";

export type PlaceKind = "baseline" | "pre-treatment" | "follow-up" | "unplaced";

export interface Place {
  kind: PlaceKind;
  /** The episode whose declarations apply; null when unplaced or an unused baseline. */
  episode: Episode | null;
  /** The model assessment; null when the header has no valid date. */
  assessment: Assessment | null;
}

export function placeAssessments(patient: Patient): Map<AssessmentNode, Place> {
  const places = new Map<AssessmentNode, Place>();
  const byNode = new Map(patient.assessments.map((a) => [a.node, a] as const));
  // A scan can be a follow-up of one episode and dated before the next baseline: the follow-up
  // reading wins, since that is the episode it is assessed in.
  for (const episode of patient.episodes) {
    for (const scan of episode.followUps) places.set(scan.node, { kind: "follow-up", episode, assessment: scan });
  }
  for (const episode of patient.episodes) {
    if (episode.baseline && !places.has(episode.baseline.node)) {
      places.set(episode.baseline.node, { kind: "baseline", episode, assessment: episode.baseline });
    }
    for (const scan of episode.preTreatment) {
      if (!places.has(scan.node)) places.set(scan.node, { kind: "pre-treatment", episode, assessment: scan });
    }
  }
  for (const item of patient.node.items) {
    if (item.type !== "Assessment" || places.has(item)) continue;
    const assessment = byNode.get(item) ?? null;
    // A baseline no therapy uses still declares its own lesions.
    const kind: PlaceKind = assessment && item.header.kind === "baseline" ? "baseline" : "unplaced";
    places.set(item, { kind, episode: null, assessment });
  }
  return places;
}
