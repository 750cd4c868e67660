// Hover sections of language version 1.1: the resistance classification of a therapy line
// (R17-R24) with its numbers and steps, R35's "Options to discuss", the findings of a biopsy
// (R31-R34) with their categories and the change against the previous biopsy, and the `cancer`
// statement. Pure: the engine's results in, Markdown out.
import type { Biopsy, Patient, Therapy } from "../core/model/types";
import type { BiomarkerEntry, ResistanceResult } from "../core/engine/types";
import type { DocLinks } from "./docLinks";
import { linkRuleIds } from "./docLinks";
import { DISCUSS } from "../core/engine/decisionSupport";
import { progressionFinding } from "../core/engine/resistance/options";
import { resistanceBasis, sinceLastDoseText } from "../core/engine/resistance/diagnostics";
import { builtInExample } from "../core/engine/biomarkers";
import { recogniseBiopsyText, structuredLines } from "../core/model/biopsyText";

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** The therapy line's own facts of version 1.1: last dose, stop reason, kinds. */
export function therapyFacts(therapy: Therapy): string | null {
  const facts: string[] = [];
  if (therapy.kinds.length > 1) facts.push(`combination ${therapy.kinds.join(" + ")}`);
  if (therapy.lastDoseDate) facts.push(`last dose ${therapy.lastDoseDate} (${therapy.lastDose! - therapy.start} days after the start)`);
  else if (therapy.stopped) facts.push("last dose not recorded");
  if (therapy.stopped) facts.push(`stopped: ${therapy.stopped}`);
  return facts.length > 0 ? facts.join(" · ") : null;
}

/** The resistance section of the therapy hover, with R35's options when a progression is confirmed. */
export function resistanceSection(r: ResistanceResult, therapy: Therapy, links: DocLinks): string {
  const lines = [`**Resistance: ${r.text}** (${linkRuleIds("R17-R24", links)}; ${resistanceBasis(r)})`];
  if (r.class !== "not-applicable") {
    const row = (name: string, value: string | number | null) => `| ${name} | ${value === null ? "—" : value} |`;
    lines.push([
      "| | |", "|---|---|",
      row("exposure", r.exposureDays === null ? (r.progressionDate === null ? null : "not measured") : `${r.exposureDays} days`),
      row("disease control", r.controlDays === null ? null : `${r.controlDays} days`),
      row("best response up to the progression", r.bestResponse),
      row("progression", r.progressionDate),
      row("confirmed by", r.confirmedBy === "clinical" ? "clinically (R19 exception)" : r.confirmedBy ? `scan of ${r.confirmedBy}` : r.definition === "SITC 2023 ICI+chemotherapy" && r.progressionDate ? "not needed (R23)" : null),
      row("time since last dose", sinceLastDoseText(r)),
      ...(r.confirmationDue ? [row("confirmation scan due", `${r.confirmationDue.from} to ${r.confirmationDue.to}`)] : []),
    ].join("\n"));
  }
  lines.push(r.explanation.map((e) => `- ${linkRuleIds(e.rule, links)}: ${e.text}`).join("\n"));
  if (r.singleAgentForInformation) lines.push(`For information only (${linkRuleIds("R23", links)}): the single-agent definitions give **${r.singleAgentForInformation.text}**.`);
  if (r.options.length > 0) lines.push(optionsSection(r, therapy, links));
  return lines.join("\n\n");
}

/** R35: the finding and its source, the sentence, the options (each with its fact and source), no ranking. */
export function optionsSection(r: ResistanceResult, therapy: Therapy, links: DocLinks): string {
  const items = r.options.map((o) => `- ${o.option}: brought up by ${o.because}. Source: ${o.source}.`);
  const notes = r.notBroughtUp.length > 0 ? `\n\nNot brought up: ${r.notBroughtUp.join("; ")}.` : "";
  return `**Options to discuss** (${linkRuleIds("R35", links)})\n\n${capitalise(progressionFinding(r, therapy))}. ${DISCUSS}\n\n${items.join("\n")}\n\nListed in a fixed order, not ranked.${notes}`;
}

const KIND_NAMES: Record<BiomarkerEntry["kind"], string> = {
  "pd-l1-tps": "PD-L1 TPS", "pd-l1-cps": "PD-L1 CPS", tmb: "TMB", msi: "MSI", mmr: "MMR", variant: "variant",
};

function valueText(e: BiomarkerEntry): string {
  if (e.kind === "pd-l1-tps") return `${e.value} %`;
  if (e.kind === "tmb") return `${e.value} mut/Mb`;
  return String(e.value);
}

/** The hover of a biopsy (one-line or block): each finding, its category and how it compares (R31-R34). */
export function biopsyHover(biopsy: Biopsy, patient: Patient, entries: BiomarkerEntry[] | undefined, links: DocLinks): string {
  const lines = [`**biopsy ${biopsy.date} ${biopsy.organ}**${biopsy.finding !== null ? `: "${biopsy.finding}"` : ""}`];
  if (!biopsy.structured) {
    const fields = structuredLines(recogniseBiopsyText(biopsy.finding ?? ""));
    lines.push(fields.length > 0
      ? `Free text (${linkRuleIds("R31", links)}): it holds ${fields.map((f) => `\`${f}\``).join(", ")}; the quick fix writes them as a structured \`biopsy { }\` block.`
      : `Free text (${linkRuleIds("R16", links)}): reported, not compared between biopsies. A structured \`biopsy DATE ORGAN { … }\` block records PD-L1, TMB, MSI/MMR and variants (${linkRuleIds("R31", links)}).`);
    return lines.join("\n\n");
  }
  const mine = (entries ?? []).filter((e) => biopsy.node.start <= e.span.start && e.span.start < biopsy.node.end);
  if (mine.length === 0) lines.push("No structured finding recorded in this block.");
  const rows = mine.map((e) => {
    const previous = e.previous ? `${e.previous.value}${e.kind === "pd-l1-tps" ? " %" : e.kind === "tmb" ? " mut/Mb" : ""} (${e.previous.category ?? "—"}, ${e.previous.date} ${e.previous.organ}${e.previous.assay ? `, ${e.previous.assay}` : ""})` : "—";
    const change = e.change === null ? "—" : e.change === "same" ? "same category" : e.change === "not-comparable" ? "not comparable (different assays)" : `${e.change} category`;
    const detail = [e.assay ? `assay ${e.assay}` : null, e.tier ? `tier ${e.tier} (as reported)` : null, e.vaf != null ? `VAF ${e.vaf} %` : null].filter(Boolean).join(", ");
    return `| ${KIND_NAMES[e.kind]} | ${valueText(e)}${detail ? ` (${detail})` : ""} | ${e.category ?? "—"} | ${previous} | ${change} |`;
  });
  if (rows.length > 0) lines.push(["| finding | value | category | previous biopsy | change |", "|---|---|---|---|---|", ...rows].join("\n"));
  const notes = [...new Set(mine.flatMap((e) => e.notes))];
  if (notes.length > 0) lines.push(notes.map((n) => `- ${capitalise(n)}.`).join("\n"));
  lines.push(`Categories: TPS < 1 %, 1-49 %, ≥ 50 %; CPS by the cut-offs of the setting pdl1CpsCutoffs; TMB-high from 10 mut/Mb (${linkRuleIds("R32, R33", links)}). Tiers are the laboratory's; Nadir assigns none (${linkRuleIds("R34", links)}).`);
  for (const v of biopsy.fields.variants) {
    const example = builtInExample(patient.cancer?.known ?? null, v);
    if (example) lines.push(`${v.gene} ${v.change} matches a built-in example for ${patient.cancer!.name} (${linkRuleIds("R34", links)}): see the \`actionable-variant\` information on its line.`);
  }
  return lines.join("\n\n");
}

/** The hover of `cancer NAME`. */
export function cancerHover(patient: Patient, links: DocLinks): string {
  const c = patient.cancer;
  if (!c) return `**cancer**: the patient's cancer type (${linkRuleIds("R34", links)}).`;
  return c.known
    ? `**cancer ${c.name}**: known to Nadir; its built-in example of an actionable variant applies (${c.known === "melanoma" ? "BRAF V600E, V600K, V600" : "EGFR L858R, exon 19 deletion"}, ${linkRuleIds("R34", links)}).`
    : `**cancer ${c.name}**: recorded; Nadir knows \`melanoma\` and \`nsclc\` only, so no built-in example of an actionable variant applies (${linkRuleIds("R34", links)}).`;
}
