// Lesion identities: unknown-lesion (with the closest declared id), declaration-misplaced,
// duplicate-measurement (one lesion twice in one scan) and duplicate-lesion (one id declared twice
// in an episode, R15). A misplaced declaration is reported once: later mentions of that id are
// not also called unknown.
import type { AssessmentNode, LesionNode } from "../../syntax/ast";
import type { Assessment } from "../../model/types";
import type { CheckContext } from "../context";
import type { AssessmentScope, PatientScope, StructuralChecks } from "../registry";
import { isDeclaration, isDeclarationAllowed } from "../lesionBook";
import { declareKeywordSpan } from "../spans";
import { Codes } from "../../codes";
import { closest } from "../../util/closest";

function lineText(ctx: CheckContext, line: LesionNode): string {
  return ctx.text.slice(line.start, line.end).replace(/\s*(#.*)?[\r\n]*$/, "").trim();
}

function checkMisplaced(line: LesionNode, scope: AssessmentScope, ctx: CheckContext): void {
  if (isDeclarationAllowed(line, scope.node, scope.place)) return;
  const id = line.id.value;
  let message: string;
  if (line.declare === "target" || line.declare === "non-target") {
    message = `Lesions are declared \`${line.declare}\` at the baseline only: declare ${id} there, and write just its value here (\`${id} 12 mm\`) (R1).`;
  } else if (scope.node.header.kind === "baseline") {
    message = `A lesion seen at the baseline is not new: declare ${id} as \`target\` or \`non-target\` (R6).`;
  } else {
    message = `This scan is dated before the baseline, so it cannot show new lesions: declare ${id} at the baseline (R6, R12).`;
  }
  ctx.report(Codes.declarationMisplaced, declareKeywordSpan(ctx.text, line), message);
}

function checkReference(line: LesionNode, scope: AssessmentScope, ctx: CheckContext): void {
  if (isDeclaration(line) || scope.place.kind === "unplaced") return;
  if (line.declare === "new-mention" && !isDeclarationAllowed(line, scope.node, scope.place)) return;
  const id = line.id.value;
  if (scope.lesions.misplacedIds.has(id)) return;
  const resolution = scope.lesions.resolve(scope.node, id);
  if (resolution.status === "known") return;
  // Issue 10: a line whose value cannot be read has its one error (syntax-error), and an id whose
  // baseline declaration cannot be read is not unknown: no cascade.
  if (line.value.type === "Broken" || scope.lesions.hasUnreadableDeclaration(scope.node, id)) return;
  if (resolution.status === "later") {
    ctx.report(Codes.unknownLesion, line.id,
      `${id} is declared as new only at the scan of ${resolution.declaredOn}: declare it here (\`${id} new ORGAN VALUE\`) instead.`);
    return;
  }
  const suggestion = closest(id, resolution.candidates);
  const where = scope.place.kind === "baseline"
    ? `at the baseline a lesion is declared with its kind and organ (\`${id} target liver 12 mm\`)`
    : "it is declared neither at this episode's baseline nor as new at an earlier scan";
  const hint = suggestion ? `; did you mean \`${suggestion}\`?` : "";
  ctx.report(Codes.unknownLesion, line.id, `Unknown lesion ${id}: ${where}${hint}`, suggestion ? { suggestion } : undefined);
}

function checkDuplicateMeasurements(scope: AssessmentScope, ctx: CheckContext): void {
  const seen = new Map<string, LesionNode>();
  for (const item of scope.node.items) {
    if (item.type !== "Lesion") continue;
    const first = seen.get(item.id.value);
    if (!first) {
      seen.set(item.id.value, item);
      continue;
    }
    // Two declarations of one id are a duplicate-lesion, reported per episode below.
    if (isDeclaration(first) && isDeclaration(item) && isDeclarationAllowed(item, scope.node, scope.place)) continue;
    ctx.report(Codes.duplicateMeasurement, item.id,
      `${item.id.value} is already given in this scan (\`${lineText(ctx, first)}\`): keep one line per lesion.`);
  }
}

/** Declarations that count in an episode: the baseline's, then new lesions in date order. */
function episodeDeclarations(baseline: AssessmentNode, followUps: Assessment[]): Array<{ line: LesionNode; at: string }> {
  const out: Array<{ line: LesionNode; at: string }> = [];
  for (const item of baseline.items) {
    if (item.type === "Lesion" && (item.declare === "target" || item.declare === "non-target")) out.push({ line: item, at: "the baseline" });
  }
  for (const scan of followUps) {
    for (const item of scan.node.items) {
      if (item.type === "Lesion" && item.declare === "new") out.push({ line: item, at: `the scan of ${scan.date}` });
    }
  }
  return out;
}

function checkDuplicateDeclarations(scope: PatientScope, ctx: CheckContext): void {
  const reported = new Set<number>();
  const groups: Array<{ baseline: AssessmentNode; followUps: Assessment[] }> = [];
  for (const episode of scope.patient.episodes) {
    if (episode.baseline) groups.push({ baseline: episode.baseline.node, followUps: episode.followUps });
  }
  for (const [node, place] of scope.places) {
    if (place.kind === "baseline" && place.episode === null) groups.push({ baseline: node, followUps: [] });
  }
  for (const group of groups) {
    const first = new Map<string, string>();
    for (const { line, at } of episodeDeclarations(group.baseline, group.followUps)) {
      const id = line.id.value;
      const earlier = first.get(id);
      if (earlier === undefined) {
        first.set(id, at);
      } else if (!reported.has(line.id.start)) {
        reported.add(line.id.start);
        const hint = line.declare === "new"
          ? `to give its value write \`${id} 12 mm\` (or \`${id} new 12 mm\` once an equivocal lesion is unequivocal)`
          : "give each lesion its own id";
        ctx.report(Codes.duplicateLesion, line.id, `${id} is already declared in this episode, at ${earlier}: ${hint} (R15).`);
      }
    }
  }
}

export const lesionReferenceChecks: StructuralChecks = {
  family: "lesions",
  Patient: [checkDuplicateDeclarations],
  Assessment: [checkDuplicateMeasurements],
  Lesion: [checkMisplaced, checkReference],
};
