// Structured biopsy findings (R31-R34, Decision 13): PD-L1 categories and their change between
// biopsies, TMB-high and MSI-H/dMMR, and the variants with the tier the laboratory reported; the
// two built-in examples of actionable variants. Pure: the patient's biopsies in, plain entries
// and worded findings out. Every decision-support text follows R35 (decisionSupport.ts).
import type { Biopsy, KnownCancer, Patient, Pdl1Score, VariantFinding } from "../model/types";
import type { Settings } from "../settings";
import type { BiomarkerEntry, DiscussionOption } from "./types";
import { decisionSupportText } from "./decisionSupport";

/** R33: TMB-high from 10 mut/Mb (FDA 2020, tumour-agnostic); 9.9 is not high. */
export const TMB_HIGH = 10;
/** R32: the TPS cut-offs of 22C3 interpretation, 1 % and 50 %. */
export const TPS_CUTOFFS: readonly [number, number] = [1, 50];

/** R32: the heterogeneity note for biopsies of different organs. */
export const HETEROGENEITY_NOTE =
  "the biopsies come from different organs: PD-L1 expression is heterogeneous, and paired samples of one tumour disagree on the TPS category in about 1 case in 5 (22C3: kappa 0.63 in a tissue-microarray study; 78 % agreement, kappa 0.45, at the 50 % cut-off between biopsy and resection)";

/** A structured finding that the engine reports (R32-R34), with the line it rests on. */
export interface BiomarkerFinding {
  code: "pdl1-changed" | "pdl1-not-comparable" | "biomarker-information" | "actionable-variant";
  message: string;
  span: { start: number; end: number };
  /** The option it brings up at a confirmed progression under immunotherapy (R35), when it is one. */
  option?: DiscussionOption;
}

export interface BiomarkerReading {
  entries: BiomarkerEntry[];
  findings: BiomarkerFinding[];
  /** Variants that bring up targeted therapy (R34: a built-in example, or tier I/II as reported). */
  targeted: DiscussionOption[];
}

type Category = { label: string; rank: number };

/** R32: < 1 %, 1-49 %, >= 50 % (1 <= TPS < 50). */
export function tpsCategory(value: number): Category {
  const [low, high] = TPS_CUTOFFS;
  if (value < low) return { label: `< ${low} %`, rank: 0 };
  if (value < high) return { label: `${low}-${high - 1} %`, rank: 1 };
  return { label: `>= ${high} %`, rank: 2 };
}

/** R32: < 1, 1-9, >= 10 with the default cut-offs (setting `pdl1CpsCutoffs`). */
export function cpsCategory(value: number, cutoffs: readonly [number, number]): Category {
  const [low, high] = cutoffs;
  if (value < low) return { label: `< ${low}`, rank: 0 };
  if (value < high) return { label: `${low}-${high - 1}`, rank: 1 };
  return { label: `>= ${high}`, rank: 2 };
}

const MSI_CATEGORY = { stable: { label: "MSS", rank: 0 }, low: { label: "MSI-L", rank: 1 }, high: { label: "MSI-H", rank: 2 } } as const;
const MMR_CATEGORY = { proficient: { label: "pMMR", rank: 0 }, deficient: { label: "dMMR", rank: 1 } } as const;

function tmbCategory(value: number): Category {
  return value >= TMB_HIGH ? { label: "TMB-high", rank: 1 } : { label: `below ${TMB_HIGH} mut/Mb`, rank: 0 };
}

const direction = (from: Category, to: Category): "higher" | "lower" | "same" => (to.rank > from.rank ? "higher" : to.rank < from.rank ? "lower" : "same");

const where = (b: Biopsy) => `biopsy ${b.date} ${b.organ}`;

const sameAssay = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** The tier as reported, in words: "tier I", "ESCAT tier I-A", "tier not reported". */
export function tierText(v: VariantFinding): string {
  if (!v.tier) return "tier not reported";
  return v.tier.system === "escat" ? `ESCAT tier ${v.tier.level}` : `tier ${v.tier.level}`;
}

/** P5 `tier`: "I", "escat I-A", or null. */
function tierJson(v: VariantFinding): string | null {
  if (!v.tier) return null;
  return v.tier.system === "escat" ? `escat ${v.tier.level}` : v.tier.level;
}

/** R34: AMP/ASCO/CAP tier I or II, or ESCAT tier I or II (I-A ... II-B). */
function actionablePerReport(v: VariantFinding): boolean {
  if (!v.tier) return false;
  return v.tier.system === "amp" ? v.tier.level === "I" || v.tier.level === "II" : /^I{1,2}-/.test(v.tier.level);
}

/**
 * Decision 13 (with R34): the built-in examples fire unless the laboratory reported the variant
 * as not actionable: AMP/ASCO/CAP tier III or IV, or an ESCAT tier other than I or II.
 */
function reportedNotActionable(v: VariantFinding): boolean {
  if (!v.tier) return false;
  return v.tier.system === "amp" ? v.tier.level === "III" || v.tier.level === "IV" : !/^I{1,2}-/.test(v.tier.level);
}

/** The two built-in examples of R34 (Decision 13): matched case-insensitively on a fixed list. */
const BUILT_IN: Record<KnownCancer, { gene: string; changes: string[]; option: string; source: string }> = {
  melanoma: {
    gene: "BRAF",
    changes: ["V600E", "V600K", "V600"],
    option: "targeted therapy (BRAF/MEK inhibition) is an approved option for BRAF V600-mutant melanoma",
    source: "FDA/EMA approvals of BRAF/MEK inhibitors",
  },
  nsclc: {
    gene: "EGFR",
    changes: ["L858R", "exon 19 deletion", "ex19del", "E746_A750del"],
    option: "targeted therapy (EGFR tyrosine-kinase inhibition) is an approved option for EGFR-mutant NSCLC (exon 19 deletion, L858R)",
    source: "ESMO clinical practice guideline, level of evidence I, A",
  },
};

export function builtInExample(cancer: KnownCancer | null, v: VariantFinding): (typeof BUILT_IN)[KnownCancer] | null {
  if (!cancer) return null;
  const example = BUILT_IN[cancer];
  if (v.gene.toLowerCase() !== example.gene.toLowerCase()) return null;
  return example.changes.some((c) => c.toLowerCase() === v.change.toLowerCase()) ? example : null;
}

export function assessBiomarkers(patient: Patient, settings: Settings): BiomarkerReading {
  const entries: BiomarkerEntry[] = [];
  const findings: BiomarkerFinding[] = [];
  const targeted: DiscussionOption[] = [];
  const previous = new Map<string, { biopsy: Biopsy; value: number | string; category: Category; assay: string | null }>();
  const cancer = patient.cancer?.known ?? null;

  const pdl1 = (b: Biopsy, kind: "pd-l1-tps" | "pd-l1-cps", score: Pdl1Score) => {
    const category = kind === "pd-l1-tps" ? tpsCategory(score.value) : cpsCategory(score.value, settings.pdl1CpsCutoffs);
    const name = kind === "pd-l1-tps" ? "TPS" : "CPS";
    const unit = kind === "pd-l1-tps" ? " %" : "";
    const before = previous.get(kind);
    const notes: string[] = [];
    let change: BiomarkerEntry["change"] = null;
    if (before) {
      if (before.assay && score.assay && !sameAssay(before.assay, score.assay)) change = "not-comparable";
      else {
        change = direction(before.category, category);
        if (!before.assay || !score.assay) notes.push("assay not recorded");
      }
      // R32 "a different organ or site": the organ. A block's string is free text (the quick fix of
      // R31 keeps the laboratory's text there), so two strings that differ do not show two sites.
      if (before.biopsy.organ !== b.organ) notes.push(HETEROGENEITY_NOTE);
      const was = `${before.value}${unit} (${before.category.label}, ${where(before.biopsy)}${before.assay ? `, ${before.assay}` : ""})`;
      const now = `${score.value}${unit} (${category.label}, ${where(b)}${score.assay ? `, ${score.assay}` : ""})`;
      const extra = notes.length > 0 ? `; ${notes.join("; ")}` : "";
      if (change === "not-comparable") {
        findings.push({ code: "pdl1-not-comparable", span: score.node, message: `PD-L1 ${name} ${was} and ${now} were measured with different assays (${before.assay} and ${score.assay}): the categories are not compared (R32)${extra}.` });
      } else if (change !== "same") {
        findings.push({ code: "pdl1-changed", span: score.node, message: `PD-L1 ${name} changed from ${was} to ${now}: ${change} category (R32)${extra}. A change of PD-L1 is not a response category and not a resistance class.` });
      }
    }
    entries.push({
      date: b.date, organ: b.organ, kind, value: score.value, category: category.label, change, assay: score.assay, tier: null, notes,
      previous: before ? { date: before.biopsy.date, organ: before.biopsy.organ, value: before.value, category: before.category.label, assay: before.assay } : null,
      span: score.node,
    });
    previous.set(kind, { biopsy: b, value: score.value, category, assay: score.assay });
  };

  /** TMB, MSI, MMR: the category, its change (R33, reported like R32), and the R35 information when high. */
  const simple = (b: Biopsy, kind: "tmb" | "msi" | "mmr", value: number | string, category: Category, span: { start: number; end: number }) => {
    const before = previous.get(kind);
    const change = before ? direction(before.category, category) : null;
    entries.push({
      date: b.date, organ: b.organ, kind, value, category: category.label, change, assay: null, tier: null, notes: [],
      previous: before ? { date: before.biopsy.date, organ: before.biopsy.organ, value: before.value, category: before.category.label, assay: null } : null,
      span,
    });
    previous.set(kind, { biopsy: b, value, category, assay: null });
    return before && change !== "same" ? before : null;
  };

  for (const b of patient.biopsies) {
    const f = b.fields;
    if (f.tps) pdl1(b, "pd-l1-tps", f.tps);
    if (f.cps) pdl1(b, "pd-l1-cps", f.cps);
    if (f.tmb) {
      const category = tmbCategory(f.tmb.value);
      const before = simple(b, "tmb", f.tmb.value, category, f.tmb.node);
      const changed = before ? `TMB changed from ${before.value} mut/Mb (${before.category.label}, ${where(before.biopsy)}) to ${f.tmb.value} mut/Mb (${category.label})` : null;
      if (category.rank === 1) {
        findings.push({
          code: "biomarker-information", span: f.tmb.node,
          message: decisionSupportText(
            `${changed ? `${changed}, ` : `TMB ${f.tmb.value} mut/Mb (TMB-high, ${TMB_HIGH} mut/Mb or more), `}${where(b)}`,
            "TMB-high defines an approved tumour-agnostic indication of immune checkpoint inhibition (pembrolizumab) for tumours that progressed after prior treatment, with an FDA-approved test",
            "FDA accelerated approval, June 2020 (TMB-high, 10 mut/Mb or more, FoundationOne CDx)",
          ),
        });
      } else if (changed) {
        findings.push({ code: "biomarker-information", span: f.tmb.node, message: `${changed}, ${where(b)} (R33).` });
      }
    }
    const msiHigh = f.msi?.status === "high";
    const dmmr = f.mmr?.status === "deficient";
    const changes: string[] = [];
    if (f.msi) {
      const category = MSI_CATEGORY[f.msi.status];
      const before = simple(b, "msi", f.msi.status, category, f.msi.node);
      if (before) changes.push(`MSI changed from ${before.category.label} (${where(before.biopsy)}) to ${category.label}`);
    }
    if (f.mmr) {
      const category = MMR_CATEGORY[f.mmr.status];
      const before = simple(b, "mmr", f.mmr.status, category, f.mmr.node);
      if (before) changes.push(`MMR changed from ${before.category.label} (${where(before.biopsy)}) to ${category.label}`);
    }
    const msiSpan = f.msi && (msiHigh || !dmmr) ? f.msi.node : f.mmr?.node;
    if ((msiHigh || dmmr) && msiSpan) {
      const what = [msiHigh ? "MSI-H" : null, dmmr ? "dMMR" : null].filter(Boolean).join(" and ");
      findings.push({
        code: "biomarker-information", span: msiSpan,
        message: decisionSupportText(
          `${changes.length > 0 ? `${changes.join("; ")}; ` : ""}${what}, ${where(b)}`,
          "MSI-high or mismatch-repair deficiency defines an approved tumour-agnostic indication of immune checkpoint inhibition (pembrolizumab) for tumours that progressed after prior treatment",
          "FDA tumour-agnostic approval, 2017 (full approval 2023)",
        ),
      });
    } else if (changes.length > 0 && msiSpan) {
      findings.push({ code: "biomarker-information", span: msiSpan, message: `${changes.join("; ")}, ${where(b)} (R33).` });
    }
    for (const v of f.variants) {
      const example = builtInExample(cancer, v);
      const fires = example !== null && !reportedNotActionable(v);
      // The variant's category (P5): never a tier of Nadir's own (R34), only what the report and the built-in examples say.
      const category = fires ? "actionable (built-in example, R34)" : actionablePerReport(v) ? "actionable per the report" : v.tier ? "not tier I or II as reported" : null;
      entries.push({
        date: b.date, organ: b.organ, kind: "variant", value: `${v.gene} ${v.change}`, category, change: null,
        assay: null, tier: tierJson(v), vaf: v.vaf, notes: [], previous: null, span: v.node,
      });
      const finding = `${v.gene} ${v.change}, ${where(b)}, ${tierText(v)}`;
      if (example && fires) {
        const option: DiscussionOption = { kind: "targeted", option: example.option, because: finding, source: example.source };
        findings.push({ code: "actionable-variant", span: v.node, message: decisionSupportText(finding, example.option, example.source), option });
        targeted.push(option);
      } else if (actionablePerReport(v)) {
        targeted.push({ kind: "targeted", option: `targeted therapy matched to ${v.gene} ${v.change}`, because: finding, source: `the laboratory's report (${tierText(v)}, R34)` });
      }
    }
  }
  return { entries, findings, targeted };
}
