// R1 baseline eligibility: target-not-measurable (non-nodal LD < 10 mm, node SA < 15 mm),
// too-many-targets (the 6th and later), too-many-targets-in-organ (the 3rd and later in one organ,
// all nodes being one organ), normal-node-recorded (a node below 10 mm SA).
import type { LesionNode } from "../../syntax/ast";
import type { AssessmentScope, StructuralChecks } from "../registry";
import type { CheckContext } from "../context";
import { Codes } from "../../codes";
import { measuredValue } from "../../model/build";
import { NODAL_ORGAN } from "../../model/organs";
import { formatMm } from "../../util/numbers";

const MIN_TARGET_TENTHS = 100;
const MIN_NODAL_TARGET_TENTHS = 150;
const NORMAL_NODE_BELOW_TENTHS = 100;
const MAX_TARGETS = 5;
const MAX_TARGETS_PER_ORGAN = 2;

function measuredTenths(line: LesionNode): number | null {
  const value = measuredValue(line.value);
  // 0 mm and `not evaluated` at a baseline are invalid values, reported elsewhere.
  return value.kind === "size" && value.tenths > 0 ? value.tenths : null;
}

function declarations(scope: AssessmentScope): LesionNode[] {
  return scope.node.items.filter((i): i is LesionNode => i.type === "Lesion" && (i.declare === "target" || i.declare === "non-target"));
}

function checkMeasurability(line: LesionNode, ctx: CheckContext): void {
  const tenths = measuredTenths(line);
  if (tenths === null || line.declare === null) return;
  const nodal = line.organ?.value === NODAL_ORGAN;
  if (line.declare === "target") {
    const minimum = nodal ? MIN_NODAL_TARGET_TENTHS : MIN_TARGET_TENTHS;
    if (tenths < minimum) {
      const what = nodal ? "a lymph node target needs a short axis of at least 15 mm" : "a target needs a longest diameter of at least 10 mm";
      ctx.report(Codes.targetNotMeasurable, line.value, `${line.id.value} (${formatMm(tenths)} mm) is not measurable: ${what}; record it as \`non-target\` (R1).`);
    }
  }
  if (nodal && tenths < NORMAL_NODE_BELOW_TENTHS) {
    ctx.report(Codes.normalNodeRecorded, line.value, `${line.id.value}: a node with a short axis below 10 mm (${formatMm(tenths)} mm) is normal and need not be recorded (R1).`);
  }
}

function checkTargetCounts(scope: AssessmentScope, ctx: CheckContext): void {
  let count = 0;
  const perOrgan = new Map<string, number>();
  for (const line of declarations(scope)) {
    if (line.declare !== "target" || !line.organ) continue;
    count++;
    if (count > MAX_TARGETS) {
      ctx.report(Codes.tooManyTargets, line.id, `${line.id.value} is target number ${count}: RECIST allows at most ${MAX_TARGETS} target lesions; record it as \`non-target\` (R1).`);
    }
    const organ = line.organ.value;
    const inOrgan = (perOrgan.get(organ) ?? 0) + 1;
    perOrgan.set(organ, inOrgan);
    if (inOrgan > MAX_TARGETS_PER_ORGAN) {
      const organWords = organ === NODAL_ORGAN ? "in lymph nodes (all nodes count as one organ)" : `in the ${organ}`;
      ctx.report(Codes.tooManyTargetsInOrgan, line.organ, `${line.id.value} is target number ${inOrgan} ${organWords}: at most ${MAX_TARGETS_PER_ORGAN} per organ (R1).`);
    }
  }
}

export const targetEligibilityChecks: StructuralChecks = {
  family: "targets",
  Assessment: [
    (scope, ctx) => {
      if (scope.node.header.kind !== "baseline") return;
      for (const line of declarations(scope)) checkMeasurability(line, ctx);
      checkTargetCounts(scope, ctx);
    },
  ],
};
