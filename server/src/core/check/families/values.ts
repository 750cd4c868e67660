// invalid-value: a value that does not fit the lesion kind (spec, "Values" table), a merge into a
// lesion that cannot carry it (R2), an implausible size, an ECOG outside 0-5, a ctDNA allele
// fraction above 100 %, a schedule of zero days or of more than ten years (R13). perpendicular-order:
// `A x B` with B > A (P1, Decision 6: the values are swapped for computation).
import type { LengthNode, LesionNode, ValueNode } from "../../syntax/ast";
import type { CheckContext } from "../context";
import type { AssessmentScope, StructuralChecks } from "../registry";
import type { KnownLesion } from "../lesionBook";
import { Codes } from "../../codes";
import { MAX_SCHEDULE_DAYS, measuredValue, scheduleDays } from "../../model/build";
import { toTenths } from "../../util/numbers";

/** Largest plausible diameter: half a metre. */
const MAX_PLAUSIBLE_TENTHS = 5000;

const NOT_FOR_TARGET = new Set(["present", "increased", "progressed"]);

function valueWords(value: ValueNode): string {
  switch (value.type) {
    case "Length": return `${value.number.text}${value.perpendicular ? ` x ${value.perpendicular.text}` : ""} ${value.unit}`;
    case "Split": return "split";
    case "Merged": return "merged into";
    case "Status": return value.status;
    case "Broken": return "an unreadable value";
  }
}

function checkValueFitsKind(line: LesionNode, lesion: KnownLesion, ctx: CheckContext): void {
  const value = line.value;
  if (lesion.kind === "target" && value.type === "Status" && NOT_FOR_TARGET.has(value.status)) {
    ctx.report(Codes.invalidValue, value,
      `\`${value.status}\` does not fit target lesion ${lesion.id}: give its diameter (\`12 mm\`), \`too small\`, \`absent\` or \`not evaluated\` (R2).`);
  } else if (lesion.kind === "non-target" && (value.type === "Split" || value.type === "Merged" || (value.type === "Status" && value.status === "too small"))) {
    ctx.report(Codes.invalidValue, value,
      `\`${valueWords(value)}\` does not fit non-target lesion ${lesion.id}: use \`present\`, \`absent\`, \`increased\`, \`progressed\`, \`not evaluated\` or a size (R5).`);
  }
}

function checkMerge(line: LesionNode, lesion: KnownLesion, scope: AssessmentScope, ctx: CheckContext): void {
  if (line.value.type !== "Merged" || lesion.kind === "non-target") return;
  const into = line.value.into;
  if (into.value === line.id.value) {
    ctx.report(Codes.invalidValue, into, `${line.id.value} cannot be merged into itself: name the lesion that carries the coalesced diameter (R2).`);
    return;
  }
  const resolution = scope.lesions.resolve(scope.node, into.value);
  const carrier = resolution.status === "known" ? resolution.lesion : null;
  if (carrier && carrier.kind === lesion.kind) return;
  const wanted = lesion.kind === "target" ? "a target lesion of this episode" : "a new lesion of this episode";
  const found = carrier ? `${into.value} is a ${carrier.kind} lesion` : `${into.value} is not declared here`;
  ctx.report(Codes.invalidValue, into, `${line.id.value} can only be merged into ${wanted}: ${found} (R2).`);
}

function lengthsOf(value: ValueNode): LengthNode[] {
  if (value.type === "Length") return [value];
  if (value.type === "Split") return value.fragments;
  return [];
}

function checkPlausibleSize(line: LesionNode, ctx: CheckContext): void {
  for (const length of lengthsOf(line.value)) {
    for (const number of length.perpendicular ? [length.number, length.perpendicular] : [length.number]) {
      if (toTenths(number.text, length.unit) > MAX_PLAUSIBLE_TENTHS) {
        ctx.report(Codes.invalidValue, length, `${number.text} ${length.unit} is not a plausible lesion size (more than 500 mm): check the number and the unit.`);
        break;
      }
    }
  }
}

/** P1, Decision 6: in `A x B` the first is the longest diameter; written the other way, the values are swapped. */
function checkPerpendicularOrder(line: LesionNode, ctx: CheckContext): void {
  for (const length of lengthsOf(line.value)) {
    if (!length.perpendicular) continue;
    const a = toTenths(length.number.text, length.unit);
    const b = toTenths(length.perpendicular.text, length.unit);
    if (b > a) {
      ctx.report(Codes.perpendicularOrder, length,
        `\`${length.number.text} x ${length.perpendicular.text} ${length.unit}\`: the second diameter is the larger one. The longest diameter comes first (a node: long axis, then short axis); Nadir reads it as \`${length.perpendicular.text} x ${length.number.text} ${length.unit}\` (P1).`);
    }
  }
}

/** R1/R2: a target is chosen because it is measured at baseline, so it cannot start at 0 mm. */
function checkBaselineTargetMeasured(line: LesionNode, scope: AssessmentScope, ctx: CheckContext): void {
  if (line.declare !== "target" || scope.place.kind !== "baseline") return;
  const value = measuredValue(line.value);
  if (value.kind === "not-evaluated") {
    ctx.report(Codes.invalidValue, line.value, `Target lesion ${line.id.value} must be measured at baseline: give its diameter (R1).`);
  } else if (value.kind === "size" && value.tenths === 0) {
    ctx.report(Codes.invalidValue, line.value, `Target lesion ${line.id.value} cannot be ${valueWords(line.value)} at baseline: a target is a lesion measured there (R1).`);
  }
}

export const valueChecks: StructuralChecks = {
  family: "values",
  Lesion: [
    (line, scope, ctx) => {
      const lesion = scope.lesions.kindOf(scope.node, line);
      if (lesion) {
        checkValueFitsKind(line, lesion, ctx);
        checkMerge(line, lesion, scope, ctx);
      }
      checkPlausibleSize(line, ctx);
      checkPerpendicularOrder(line, ctx);
      checkBaselineTargetMeasured(line, scope, ctx);
    },
  ],
  Ecog: [
    (ecog, ctx) => {
      if (Number(ecog.value.text) > 5) ctx.report(Codes.invalidValue, ecog.value, `ECOG performance status runs from 0 to 5, not ${ecog.value.text}.`);
    },
  ],
  Ctdna: [
    (ctdna, ctx) => {
      const n = ctdna.value.number;
      if (ctdna.value.unit === "vaf" && n && Number(n.text) > 100) {
        ctx.report(Codes.invalidValue, n, `A variant allele fraction is a percentage: ${n.text} % is more than 100 %.`);
      }
    },
  ],
  Schedule: [
    (schedule, ctx) => {
      const count = Number(schedule.count.text);
      if (count === 0) ctx.report(Codes.invalidValue, schedule.count, "A schedule interval must be at least 1 day or week.");
      else if (scheduleDays(count, schedule.unit) === null) {
        ctx.report(Codes.invalidValue, schedule.count, `A schedule interval of ${schedule.count.text} ${schedule.unit}s is not plausible (more than ten years, ${MAX_SCHEDULE_DAYS} days): check the number and the unit.`);
      }
    },
  ],
};
