// merged-across-organs (R2): lesions that coalesce touch each other, so a lesion merged into a
// lesion of another organ is most likely the wrong id or a wrong organ. All nodes are one organ
// (R1). Merges into a lesion of the wrong kind or an unknown one are invalid-value (values.ts);
// misspelt organs are unknown-organ (organs.ts), so neither is reported again here.
import type { LesionNode } from "../../syntax/ast";
import type { CheckContext } from "../context";
import type { AssessmentScope, StructuralChecks } from "../registry";
import { Codes } from "../../codes";
import { isKnownOrgan } from "../../model/organs";

function checkMergeOrgan(line: LesionNode, scope: AssessmentScope, ctx: CheckContext): void {
  if (line.value.type !== "Merged") return;
  const into = line.value.into;
  const lesion = scope.lesions.kindOf(scope.node, line);
  const resolution = scope.lesions.resolve(scope.node, into.value);
  if (!lesion || resolution.status !== "known" || lesion.kind === "non-target") return;
  const carrier = resolution.lesion;
  if (carrier.kind !== lesion.kind || carrier.id === lesion.id) return;
  if (!isKnownOrgan(lesion.organ) || !isKnownOrgan(carrier.organ) || carrier.organ === lesion.organ) return;
  ctx.report(Codes.mergedAcrossOrgans, into,
    `${lesion.id} (${lesion.organ}) is merged into ${carrier.id} (${carrier.organ}): coalescing lesions lie in one organ; check the id after \`merged into\` and the organs of both lesions (R2).`);
}

export const mergeChecks: StructuralChecks = {
  family: "merges",
  Lesion: [checkMergeOrgan],
};
