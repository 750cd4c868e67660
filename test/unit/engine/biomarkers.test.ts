// Structured biopsy findings (R31-R34, Decision 13): the reference scenarios 11 and 12 exactly,
// the category boundaries, assays, heterogeneity, the CPS cut-off setting, the P5 `biomarkers`
// entries and the two built-in examples of actionable variants.
import { strict as assert } from "assert";
import { analyze } from "../../../server/src/core/analyze";
import { resolveSettings, Settings } from "../../../server/src/core/settings";
import { assessmentJson } from "../../../server/src/core/engine/json";
import { cpsCategory, tpsCategory } from "../../../server/src/core/engine/biomarkers";
import { kase, TODAY } from "./caseBuilder";

/** Biopsy blocks (one line per field, `;` between fields) of one patient, with its cancer type. */
function patient(cancer: string | null, biopsies: Array<[string, string, string]>): string {
  return kase([
    cancer ? `cancer ${cancer}` : "",
    "therapy pembrolizumab from 2025-01-06 immunotherapy",
    "baseline 2025-01-02 CT { T1 target liver 40 mm }",
    ...biopsies.map(([date, organ, fields]) => `biopsy ${date} ${organ} { ${fields} }`),
  ].filter(Boolean).join("\n"));
}

function findings(text: string, settings: Partial<Settings> = {}) {
  const analysis = analyze(text, { settings: resolveSettings(settings), today: TODAY });
  const errors = analysis.diagnostics.filter((d) => d.severity === "error");
  assert.deepEqual(errors.map((e) => e.message), []);
  const codes = ["pdl1-changed", "pdl1-not-comparable", "biomarker-information", "actionable-variant"];
  return {
    diagnostics: analysis.diagnostics.filter((d) => codes.includes(d.code)),
    json: assessmentJson(analysis, "-").patients[0].biomarkers,
  };
}

/** Two PD-L1 scores in date order: the change between them (P5) and the findings. */
function pair(first: string, second: string, organs: [string, string] = ["liver", "liver"], settings: Partial<Settings> = {}) {
  const r = findings(patient(null, [["2025-01-03", organs[0], first], ["2025-05-20", organs[1], second]]), settings);
  return { change: r.json[1].change, categories: r.json.map((b) => b.category), codes: r.diagnostics.map((d) => d.code), messages: r.diagnostics.map((d) => d.message) };
}

describe("engine: structured biopsy findings (R31-R34)", () => {
  describe("scenario 11: PD-L1 changed (R32)", () => {
    it("TPS 40 % then 55 %: changed, 1-49 % to >= 50 % (higher), both values in the message", () => {
      const p = pair("pd-l1 tps 40 % assay 22C3", "pd-l1 tps 55 % assay 22C3");
      assert.deepEqual([p.change, p.categories, p.codes], ["higher", ["1-49 %", ">= 50 %"], ["pdl1-changed"]]);
      assert.equal(p.messages[0], "PD-L1 TPS changed from 40 % (1-49 %, biopsy 2025-01-03 liver, 22C3) to 55 % (>= 50 %, biopsy 2025-05-20 liver, 22C3): higher category (R32). A change of PD-L1 is not a response category and not a resistance class.");
    });

    it("TPS 49 then 50: changed; 0.5 then 1: changed (< 1 % to 1-49 %); 10 then 45: not changed (numbers in the hover)", () => {
      assert.deepEqual([pair("pd-l1 tps 49 % assay 22C3", "pd-l1 tps 50 % assay 22C3").change, pair("pd-l1 tps 49 % assay 22C3", "pd-l1 tps 50 % assay 22C3").codes], ["higher", ["pdl1-changed"]]);
      const low = pair("pd-l1 tps 0.5 % assay 22C3", "pd-l1 tps 1 % assay 22C3");
      assert.deepEqual([low.change, low.categories], ["higher", ["< 1 %", "1-49 %"]]);
      const same = pair("pd-l1 tps 10 % assay 22C3", "pd-l1 tps 45 % assay 22C3");
      assert.deepEqual([same.change, same.codes], ["same", []]);
      assert.deepEqual(pair("pd-l1 tps 55 % assay 22C3", "pd-l1 tps 40 % assay 22C3").change, "lower");
    });

    it("CPS 9 then 10: changed (1-9 to >= 10); CPS 1 then 9: not changed", () => {
      const up = pair("pd-l1 cps 9 assay 22C3", "pd-l1 cps 10 assay 22C3");
      assert.deepEqual([up.change, up.categories, up.codes], ["higher", ["1-9", ">= 10"], ["pdl1-changed"]]);
      assert.deepEqual(pair("pd-l1 cps 1 assay 22C3", "pd-l1 cps 9 assay 22C3").codes, []);
      assert.deepEqual([cpsCategory(0.9, [1, 10]).label, cpsCategory(1, [1, 10]).label, tpsCategory(49.9).label, tpsCategory(50).label], ["< 1", "1-9", "1-49 %", ">= 50 %"]);
    });

    it("TPS 40 (22C3) then 60 (SP263): not comparable (different assays), values shown", () => {
      const p = pair("pd-l1 tps 40 % assay 22C3", "pd-l1 tps 60 % assay SP263");
      assert.deepEqual([p.change, p.codes], ["not-comparable", ["pdl1-not-comparable"]]);
      assert.equal(p.messages[0], "PD-L1 TPS 40 % (1-49 %, biopsy 2025-01-03 liver, 22C3) and 60 % (>= 50 %, biopsy 2025-05-20 liver, SP263) were measured with different assays (22C3 and SP263): the categories are not compared (R32).");
      assert.equal(pair("pd-l1 tps 40 % assay 22c3", "pd-l1 tps 55 % assay 22C3").change, "higher", "assays compare without case");
    });

    it("liver then lung: the heterogeneity note; an assay missing on either side: 'assay not recorded'", () => {
      const p = pair("pd-l1 tps 40 % assay 22C3", "pd-l1 tps 55 %", ["liver", "lung"]);
      assert.match(p.messages[0], /: higher category \(R32\); assay not recorded; the biopsies come from different organs: PD-L1 expression is heterogeneous, and paired samples of one tumour disagree on the TPS category in about 1 case in 5 \(22C3: kappa 0\.63/);
    });

    it("R32: one organ, two different block strings (free text, not sites): no heterogeneity note", () => {
      const text = patient(null, [["2025-01-03", "liver", "pd-l1 tps 40 % assay 22C3"], ["2025-05-20", "liver", "pd-l1 tps 55 % assay 22C3"]])
        .replace("biopsy 2025-01-03 liver", 'biopsy 2025-01-03 liver "segment VII"').replace("biopsy 2025-05-20 liver", 'biopsy 2025-05-20 liver "PD-L1 TPS 55% (22C3)"');
      assert.match(findings(text).diagnostics[0].message, /: higher category \(R32\)\. A change of PD-L1/);
    });

    it("TPS and CPS are compared each with its own kind only", () => {
      assert.deepEqual(pair("pd-l1 tps 40 % assay 22C3", "pd-l1 cps 60 assay 22C3").change, null);
    });

    it("the CPS cut-offs are a setting (pdl1CpsCutoffs)", () => {
      const p = pair("pd-l1 cps 15", "pd-l1 cps 25", ["liver", "liver"], { pdl1CpsCutoffs: [1, 20] });
      assert.deepEqual([p.categories, p.change], [["1-19", ">= 20"], "higher"]);
    });
  });

  describe("scenario 12: TMB, MSI and variants (R33, R34, Decision 13)", () => {
    const MELANOMA = patient("melanoma", [["2025-05-20", "liver", "tmb 12 mut/Mb ; msi stable ; variant BRAF V600E tier I ; variant TP53 R273H tier III"]]);

    it("TMB 12 is TMB-high (information, R35 wording); MSI stable gives nothing; BRAF V600E the options text; TP53 listed, tier III, no text", () => {
      const r = findings(MELANOMA);
      assert.deepEqual(r.diagnostics.map((d) => d.code), ["biomarker-information", "actionable-variant"]);
      assert.equal(r.diagnostics[0].message, "TMB 12 mut/Mb (TMB-high, 10 mut/Mb or more), biopsy 2025-05-20 liver. Information, options to discuss with the treating team: TMB-high defines an approved tumour-agnostic indication of immune checkpoint inhibition (pembrolizumab) for tumours that progressed after prior treatment, with an FDA-approved test. Source: FDA accelerated approval, June 2020 (TMB-high, 10 mut/Mb or more, FoundationOne CDx).");
      // Decision 13's exact text.
      assert.equal(r.diagnostics[1].message, "BRAF V600E, biopsy 2025-05-20 liver, tier I. Information, options to discuss with the treating team: targeted therapy (BRAF/MEK inhibition) is an approved option for BRAF V600-mutant melanoma. Source: FDA/EMA approvals of BRAF/MEK inhibitors.");
      assert.deepEqual(r.json.map((b) => [b.kind, b.value, b.category, b.tier]), [
        ["tmb", 12, "TMB-high", null],
        ["msi", "stable", "MSS", null],
        ["variant", "BRAF V600E", "actionable (built-in example, R34)", "I"],
        ["variant", "TP53 R273H", "not tier I or II as reported", "III"],
      ]);
      assert.deepEqual(Object.keys(r.json[0]), ["date", "organ", "kind", "value", "category", "change", "assay", "tier"]);
    });

    it("TMB 9.9 is not TMB-high; 10 is", () => {
      assert.deepEqual(findings(patient(null, [["2025-05-20", "liver", "tmb 9.9 mut/Mb"]])).json[0].category, "below 10 mut/Mb");
      assert.equal(findings(patient(null, [["2025-05-20", "liver", "tmb 9.9 mut/Mb"]])).diagnostics.length, 0);
      assert.equal(findings(patient(null, [["2025-05-20", "liver", "tmb 10 mut/Mb"]])).json[0].category, "TMB-high");
    });

    it("nsclc with EGFR L858R tier I: EGFR tyrosine-kinase inhibition as an option to discuss (ESMO I, A)", () => {
      const [d] = findings(patient("nsclc", [["2025-05-20", "lung", "variant EGFR L858R tier I"]])).diagnostics;
      assert.equal(d.message, "EGFR L858R, biopsy 2025-05-20 lung, tier I. Information, options to discuss with the treating team: targeted therapy (EGFR tyrosine-kinase inhibition) is an approved option for EGFR-mutant NSCLC (exon 19 deletion, L858R). Source: ESMO clinical practice guideline, level of evidence I, A.");
    });

    it("Decision 13: the fixed list, without case; an untiered variant fires; tier III or IV (or ESCAT beyond II) does not; the cancer must match", () => {
      const fires = (cancer: string | null, line: string) => findings(patient(cancer, [["2025-05-20", "lung", line]])).diagnostics.filter((d) => d.code === "actionable-variant").length === 1;
      for (const change of ["V600E", "V600K", "V600", "v600e"]) assert.ok(fires("melanoma", `variant braf ${change}`), change);
      for (const change of ["L858R", '"exon 19 deletion"', "ex19del", "E746_A750del", '"Exon 19 Deletion"']) assert.ok(fires("NSCLC", `variant EGFR ${change}`), change);
      assert.ok(!fires("melanoma", "variant BRAF V600D"), "not on the list");
      assert.ok(!fires("melanoma", "variant BRAF p.V600E"), "exact match only");
      assert.ok(!fires("nsclc", "variant BRAF V600E"), "BRAF is the melanoma example");
      assert.ok(!fires(null, "variant BRAF V600E"), "no cancer statement");
      assert.ok(!fires('"uveal melanoma"', "variant BRAF V600E"), "another cancer type");
      assert.ok(fires('"Melanoma"', "variant BRAF V600E tier II"));
      assert.ok(!fires("melanoma", "variant BRAF V600E tier III"));
      assert.ok(!fires("melanoma", "variant BRAF V600E tier IV"));
      assert.ok(fires("melanoma", "variant BRAF V600E tier escat I-A"));
      assert.ok(!fires("melanoma", "variant BRAF V600E tier escat III-A"));
      assert.ok(!fires("melanoma", "variant BRAF V600E tier escat X"));
    });

    it("MSI-H and dMMR: one information naming both; a change of MSI between biopsies is reported", () => {
      const r = findings(patient(null, [["2025-01-03", "colon", "msi stable ; mmr proficient"], ["2025-05-20", "colon", "msi high ; mmr deficient"]]));
      assert.deepEqual(r.diagnostics.map((d) => d.code), ["biomarker-information"]);
      assert.match(r.diagnostics[0].message, /^MSI changed from MSS \(biopsy 2025-01-03 colon\) to MSI-H; MMR changed from pMMR \(biopsy 2025-01-03 colon\) to dMMR; MSI-H and dMMR, biopsy 2025-05-20 colon\. Information, options to discuss with the treating team: MSI-high or mismatch-repair deficiency defines an approved tumour-agnostic indication/);
      assert.deepEqual(r.json.map((b) => b.change), [null, null, "higher", "higher"]);
      const down = findings(patient(null, [["2025-01-03", "colon", "tmb 14 mut/Mb"], ["2025-05-20", "colon", "tmb 6 mut/Mb"]]));
      assert.equal(down.diagnostics[1].message, "TMB changed from 14 mut/Mb (TMB-high, biopsy 2025-01-03 colon) to 6 mut/Mb (below 10 mut/Mb), biopsy 2025-05-20 colon (R33).");
    });
  });

  it("P5: the one-line biopsy gives no entry; every entry names its biopsy; values round to one decimal", () => {
    const text = patient(null, [["2025-05-20", "liver", "tmb 12.25 mut/Mb ; pd-l1 tps 33.35 %"]]).replace("  therapy", '  biopsy 2025-01-03 liver "PD-L1 TPS 40%"\n  therapy');
    const r = findings(text);
    assert.deepEqual(r.json.map((b) => [b.date, b.organ, b.kind, b.value]), [["2025-05-20", "liver", "pd-l1-tps", 33.4], ["2025-05-20", "liver", "tmb", 12.3]]);
  });
});
