// missing-measurement (R4): a lesion declared at the baseline, or as new earlier in the episode,
// that a follow-up scan does not mention is not evaluated there. One diagnostic per scan, on its
// date, listing every missing id; `data` tells a quick fix what to insert and where.
import type { AssessmentNode } from "../../syntax/ast";
import type { AssessmentScope, StructuralChecks } from "../registry";
import type { CheckContext } from "../context";
import { Codes } from "../../codes";

export interface MissingMeasurementData {
  /** The lesion ids not mentioned, in declaration order. */
  missing: string[];
  /** Offset at which new lesion lines can be inserted (start of the closing `}` line). */
  insertAt: number;
  /** Indentation of the block's lines. */
  indent: string;
  [key: string]: unknown;
}

function lineStartBefore(text: string, offset: number): number {
  let i = offset;
  while (i > 0 && text[i - 1] !== "\n" && text[i - 1] !== "\r") i--;
  return i;
}

function blockIndent(text: string, node: AssessmentNode): string {
  const first = node.items[0];
  const from = first ? lineStartBefore(text, first.start) : lineStartBefore(text, node.header.start);
  const indent = /^[ \t]*/.exec(text.slice(from))![0];
  return first ? indent : `${indent}  `;
}

function insertionPoint(text: string, node: AssessmentNode): number {
  if (node.close !== null) return lineStartBefore(text, node.close);
  const last = node.items[node.items.length - 1];
  return last ? last.end : node.header.end;
}

function checkMissing(scope: AssessmentScope, ctx: CheckContext): void {
  if (scope.place.kind !== "follow-up" || !scope.node.header.date) return;
  const mentioned = new Set(scope.node.items.flatMap((i) => (i.type === "Lesion" ? [i.id.value] : [])));
  const missing = [...scope.lesions.visibleFrom(scope.node).keys()].filter((id) => !mentioned.has(id));
  if (missing.length === 0) return;
  const data: MissingMeasurementData = {
    missing,
    insertAt: insertionPoint(ctx.text, scope.node),
    indent: blockIndent(ctx.text, scope.node),
  };
  const list = missing.join(", ");
  const lesions = missing.length === 1 ? "this declared lesion is" : "these declared lesions are";
  ctx.report(Codes.missingMeasurement, scope.node.header.date,
    `Not evaluated at this scan: ${list}; ${lesions} not mentioned, so the scan cannot be fully assessed (R4). Give a value, or \`not evaluated\`.`, data);
}

export const missingMeasurementChecks: StructuralChecks = {
  family: "missing measurements",
  Assessment: [checkMissing],
};
