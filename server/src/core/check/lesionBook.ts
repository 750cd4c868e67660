// Which lesion a line refers to, seen from where the line stands (R15: declarations belong to an
// episode). Baseline lines see the baseline's declarations; pre-treatment scans refer to the
// following baseline's declarations (R12); follow-up scans also see new lesions declared at an
// earlier or the same scan of the episode.
import type { AssessmentNode, LesionNode } from "../syntax/ast";
import type { LesionKind, Patient } from "../model/types";
import { NODAL_ORGAN } from "../model/organs";
import type { Place } from "./places";

export interface KnownLesion {
  id: string;
  kind: LesionKind;
  organ: string;
  nodal: boolean;
  declaration: LesionNode;
}

export type Resolution =
  | { status: "known"; lesion: KnownLesion }
  /** A new lesion of the episode, declared only at a later scan. */
  | { status: "later"; lesion: KnownLesion; declaredOn: string }
  | { status: "unknown"; candidates: string[] };

/**
 * True when a line that declares (or re-declares as `new`) a lesion stands where that is allowed:
 * target/non-target at a baseline (R1), new at a scan that is not before the baseline (R6).
 */
export function isDeclarationAllowed(line: LesionNode, node: AssessmentNode, place: Place): boolean {
  if (line.declare === "target" || line.declare === "non-target") return node.header.kind === "baseline";
  if (line.declare === "new" || line.declare === "new-mention") return node.header.kind === "scan" && place.kind !== "pre-treatment";
  return true;
}

export function isDeclaration(line: LesionNode): boolean {
  return line.declare === "target" || line.declare === "non-target" || line.declare === "new";
}

function known(line: LesionNode): KnownLesion {
  const organ = line.organ?.value ?? "";
  return { id: line.id.value, kind: line.declare as LesionKind, organ, nodal: organ === NODAL_ORGAN, declaration: line };
}

function lesionLines(node: AssessmentNode): LesionNode[] {
  return node.items.filter((i): i is LesionNode => i.type === "Lesion");
}

/** First declaration of each id at a baseline. */
export function baselineDeclarations(node: AssessmentNode): Map<string, KnownLesion> {
  const map = new Map<string, KnownLesion>();
  for (const line of lesionLines(node)) {
    if ((line.declare === "target" || line.declare === "non-target") && !map.has(line.id.value)) map.set(line.id.value, known(line));
  }
  return map;
}

export class LesionBook {
  /** Ids whose declaration is misplaced somewhere in the patient: already reported once. */
  readonly misplacedIds = new Set<string>();

  constructor(patient: Patient, private readonly places: Map<AssessmentNode, Place>) {
    for (const item of patient.node.items) {
      if (item.type !== "Assessment") continue;
      const place = places.get(item);
      if (!place) continue;
      for (const line of lesionLines(item)) {
        if (!isDeclarationAllowed(line, item, place)) this.misplacedIds.add(line.id.value);
      }
    }
  }

  private readonly visibleCache = new Map<AssessmentNode, Map<string, KnownLesion>>();

  /** Every lesion visible from an assessment, keyed by id (computed once per assessment). */
  visibleFrom(node: AssessmentNode): Map<string, KnownLesion> {
    let lesions = this.visibleCache.get(node);
    if (!lesions) {
      lesions = this.computeVisible(node);
      this.visibleCache.set(node, lesions);
    }
    return lesions;
  }

  private computeVisible(node: AssessmentNode): Map<string, KnownLesion> {
    const place = this.places.get(node);
    if (!place) return new Map();
    if (place.kind === "baseline") return baselineDeclarations(node);
    const baseline = place.episode?.baseline;
    if (!baseline) return new Map();
    const visible = baselineDeclarations(baseline.node);
    if (place.kind !== "follow-up" || !place.assessment) return visible;
    for (const scan of place.episode!.followUps) {
      if (scan.day > place.assessment.day) break;
      for (const line of lesionLines(scan.node)) {
        if (line.declare === "new" && !visible.has(line.id.value)) visible.set(line.id.value, known(line));
      }
    }
    return visible;
  }

  resolve(node: AssessmentNode, id: string): Resolution {
    const visible = this.visibleFrom(node);
    const lesion = visible.get(id);
    if (lesion) return { status: "known", lesion };
    const place = this.places.get(node);
    if (place?.kind === "follow-up" && place.episode && place.assessment) {
      for (const scan of place.episode.followUps) {
        if (scan.day <= place.assessment.day) continue;
        const later = lesionLines(scan.node).find((l) => l.declare === "new" && l.id.value === id);
        if (later) return { status: "later", lesion: known(later), declaredOn: scan.date };
      }
    }
    return { status: "unknown", candidates: [...visible.keys()] };
  }

  /**
   * True when the baseline this assessment refers to, or an earlier follow-up of its episode, has a
   * line for `id` whose declaration cannot be read (`T1 tagret liver 42 mm`): its syntax error is
   * the one report, later mentions of the id are not unknown (issue 10).
   */
  hasUnreadableDeclaration(node: AssessmentNode, id: string): boolean {
    const place = this.places.get(node);
    const baseline = place?.kind === "baseline" ? node : place?.episode?.baseline?.node;
    if (!baseline) return false;
    const unreadable = (n: AssessmentNode) => lesionLines(n).some((l) => l.id.value === id && (l.declare === null || l.declare === "new-mention") && l.value.type === "Broken");
    if (unreadable(baseline)) return true;
    // At a follow-up, also a line of an earlier scan of the episode (a misspelt `new`).
    if (place?.kind !== "follow-up" || !place.episode || !place.assessment) return false;
    return place.episode.followUps.some((scan) => scan.day < place.assessment!.day && unreadable(scan.node));
  }

  /** The kind of lesion a line is about: declared on the line, or by its earlier declaration. */
  kindOf(node: AssessmentNode, line: LesionNode): KnownLesion | null {
    if (isDeclaration(line)) return known(line);
    const resolution = this.resolve(node, line.id.value);
    return resolution.status === "known" ? resolution.lesion : null;
  }

}
