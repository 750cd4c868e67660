// Structured biopsies and the cancer statement of version 1.1 (P4, R31): values out of range are
// `invalid-value` (TPS and VAF are percentages, CPS is capped at 100 by definition), a field
// written twice in one block is `duplicate-measurement` (msi and mmr may both appear; notes may
// repeat), and a second `cancer` statement is `invalid-value` (Decision 15). A one-line biopsy
// whose text holds recognisable values draws `biopsy-unstructured`, whose `data.lines` are the
// fields its quick fix writes.
import type { BiopsyBlockNode, BiopsyNode, NumberLit, Span } from "../../syntax/ast";
import type { PatientScope, StructuralChecks } from "../registry";
import type { CheckContext } from "../context";
import { Codes } from "../../codes";
import { sameVariant } from "../../model/build";
import { recogniseBiopsyText, structuredLines } from "../../model/biopsyText";

function checkRange(value: NumberLit, max: number, what: string, ctx: CheckContext): void {
  if (Number(value.text) > max) ctx.report(Codes.invalidValue, value, `${what} runs from 0 to ${max}, not ${value.text} (R31).`);
}

function checkBlockValues(block: BiopsyBlockNode, ctx: CheckContext): void {
  for (const item of block.items) {
    if (item.type === "Pdl1" && item.score.value === "tps") checkRange(item.value, 100, "The PD-L1 tumour proportion score (TPS) is a percentage: it", ctx);
    else if (item.type === "Pdl1") checkRange(item.value, 100, "The PD-L1 combined positive score (CPS) is capped at 100 by definition: it", ctx);
    else if (item.type === "Variant" && item.vaf) checkRange(item.vaf, 100, "A variant allele fraction is a percentage: it", ctx);
  }
}

/** The key of a field for `duplicate-measurement`, or null for lines that may repeat. */
function fieldKey(item: BiopsyBlockNode["items"][number]): string | null {
  switch (item.type) {
    case "Pdl1": return `pd-l1 ${item.score.value}`;
    case "Tmb": return "tmb";
    case "Msi": return "msi";
    case "Mmr": return "mmr";
    default: return null;
  }
}

function checkDuplicates(block: BiopsyBlockNode, ctx: CheckContext): void {
  const seen = new Map<string, Span>();
  const variants: Array<{ gene: string; change: string }> = [];
  for (const item of block.items) {
    if (item.type === "Variant") {
      const gene = item.gene.value;
      const change = item.change.value;
      if (variants.some((v) => sameVariant(v, gene, change))) {
        ctx.report(Codes.duplicateMeasurement, item, `Variant ${gene} ${change} is given twice in this biopsy: keep one line (R31).`);
      } else variants.push({ gene, change });
      continue;
    }
    const key = fieldKey(item);
    if (key === null) continue;
    if (seen.has(key)) ctx.report(Codes.duplicateMeasurement, item, `\`${key}\` is given twice in this biopsy: keep one line (R31); the first one counts.`);
    else seen.set(key, item);
  }
}

function checkCancer(scope: PatientScope, ctx: CheckContext): void {
  const statements = scope.patient.node.items.filter((i) => i.type === "Cancer");
  for (const extra of statements.slice(1)) {
    ctx.report(Codes.invalidValue, extra, `A patient has one \`cancer\` statement: the first one (\`${statements[0].type === "Cancer" ? statements[0].name.value : ""}\`) counts; remove this one (P4).`);
  }
}

/** R31: free text with recognisable values: information, and the fields a structured block would hold. */
function checkUnstructured(biopsy: BiopsyNode, ctx: CheckContext): void {
  const lines = structuredLines(recogniseBiopsyText(biopsy.finding.value));
  if (lines.length === 0) return;
  ctx.report(Codes.biopsyUnstructured, biopsy.finding,
    `This biopsy's finding is free text, which cannot be compared between biopsies; it holds ${lines.map((l) => `\`${l}\``).join(", ")}, which a structured \`biopsy { }\` block would record (R31).`,
    { lines });
}

export const biopsyChecks: StructuralChecks = {
  family: "biopsies",
  Biopsy: [checkUnstructured],
  BiopsyBlock: [checkBlockValues, checkDuplicates],
  Patient: [checkCancer],
};
