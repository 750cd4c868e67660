// Language version 1.1 (P2, P4; Decisions 15): the therapy's end, stop reason and combinations,
// `cancer`, the structured biopsy block with per-line recovery, their structural checks, the
// formatter and de-identification of the new constructs, and the one-line biopsy's quick fix.
import { strict as assert } from "assert";
import { parseText } from "../../../server/src/core/syntax/parse";
import type { BiopsyBlockNode, PatientNode, TherapyNode } from "../../../server/src/core/syntax/ast";
import { runCore } from "../../helpers/analysis";
import { analyze } from "../../../server/src/core/analyze";
import { formatText } from "../../../server/src/core/format/format";
import { deidentify } from "../../../server/src/core/deidentify";
import { patientsJson } from "../../../server/src/core/engine/json";
import { recogniseBiopsyText, structuredLines } from "../../../server/src/core/model/biopsyText";
import { isChangeShape } from "../../../server/src/core/model/biomarkerVocabulary";

const P = (body: string) => `patient P {\n  baseline 2025-01-02 CT {\n    T1 target liver 40 mm\n  }\n${body}\n}\n`;

function items(text: string): PatientNode["items"] {
  return (parseText(text).file.items[0] as PatientNode).items;
}

function syntaxMessages(text: string): string[] {
  return parseText(text).diagnostics.map((d) => `${text.slice(d.start, d.end)}: ${d.message}`);
}

const BLOCK = `  biopsy 2025-05-03 liver "segment II" {
    pd-l1 tps 40 % assay 22C3
    pd-l1 cps 12 assay 22C3
    tmb 12.5 mut/Mb
    msi stable
    mmr proficient
    variant BRAF V600E vaf 38 % tier I
    variant EGFR "exon 19 deletion" tier escat I-A
    note "lab report 2025-1234"
  }`;

describe("language 1.1: therapy end, stop reason and combinations (P2)", () => {
  it("reads `to`, the kinds of a combination and `stopped`, in that order; a version-1 line reads as before", () => {
    const [, therapy] = items(P("  therapy pembrolizumab from 2025-01-06 to 2025-07-14 immunotherapy+chemotherapy stopped toxicity")) as [unknown, TherapyNode];
    assert.deepEqual([therapy.to?.text, therapy.kind?.value, therapy.kinds.map((k) => k.value), therapy.stopped?.value], ["2025-07-14", "immunotherapy", ["immunotherapy", "chemotherapy"], "toxicity"]);
    const model = runCore(P("  therapy pembrolizumab from 2025-01-06 to 2025-07-14 immunotherapy+chemotherapy stopped toxicity")).model.patients[0].therapies[0];
    assert.deepEqual([model.lastDoseDate, model.kinds, model.stopped], ["2025-07-14", ["immunotherapy", "chemotherapy"], "toxicity"]);
    const [, old] = items(P("  therapy FOLFOX from 2025-01-06 chemotherapy")) as [unknown, TherapyNode];
    assert.deepEqual([old.to, old.kind?.value, old.kinds.length, old.stopped], [null, "chemotherapy", 1, null]);
    assert.notStrictEqual(old.kind, old.kinds[0], "every node object stands once in the tree");
    for (const line of ["therapy X from 2025-01-06 stopped completed", "therapy X from 2025-01-06 to 2025-02-01", "therapy X from 2025-01-06 immunotherapy+immunotherapy stopped choice"]) {
      assert.deepEqual(syntaxMessages(P(`  ${line}`)), [], line);
    }
  });

  it("says what was expected where a part is missing or misspelt", () => {
    assert.deepEqual(syntaxMessages(P("  therapy X from 2025-01-06 to")), [": Expected a date (YYYY-MM-DD) before the end of the line."]);
    assert.match(syntaxMessages(P("  therapy X from 2025-01-06 immunotherapy stopped tox"))[0], /Expected a stop reason \(`completed`, `toxicity`, `progression`, `choice` or `other`\), found `tox`/);
    assert.match(syntaxMessages(P("  therapy X from 2025-01-06 immunotherapy + chemotherapy"))[0], /found `\+`/);
  });

  it("a last dose before the start is invalid-date; after a later systemic line's start, therapy-overlap; radiotherapy may overlap", () => {
    const early = runCore(P("  therapy X from 2025-01-06 to 2025-01-05 immunotherapy")).all.filter((d) => d.code === "invalid-date");
    assert.equal(early.length, 1);
    assert.match(early[0].message, /The last dose \(`to 2025-01-05`\) is before the start of X \(`from 2025-01-06`\)/);
    const overlap = runCore(P("  therapy X from 2025-01-06 to 2025-05-01 immunotherapy\n  therapy Y from 2025-04-01 chemotherapy")).all.filter((d) => d.code === "therapy-overlap");
    assert.equal(overlap.length, 1);
    assert.equal(overlap[0].severity, "warning");
    assert.match(overlap[0].message, /The last dose of X \(2025-05-01\) is after the start of the next line, Y from 2025-04-01/);
    assert.equal(runCore(P("  therapy X from 2025-01-06 to 2025-05-01 immunotherapy\n  therapy SBRT from 2025-04-01 radiotherapy")).all.filter((d) => d.code === "therapy-overlap").length, 0);
    assert.equal(runCore(P("  therapy X from 2025-01-06 to 2025-02-30 immunotherapy")).all.filter((d) => d.code === "invalid-date").length, 1);
  });
});

describe("language 1.1: cancer and structured biopsies (P4, Decision 15)", () => {
  it("`cancer` takes a word or a string; known types compare without case; a second one is invalid-value", () => {
    const model = (body: string) => runCore(P(body)).model.patients[0];
    assert.deepEqual([model("  cancer melanoma").cancer?.known, model("  cancer NSCLC").cancer?.known, model('  cancer "Melanoma"').cancer?.known, model("  cancer colorectal").cancer?.known], ["melanoma", "nsclc", "melanoma", null]);
    const twice = runCore(P("  cancer melanoma\n  cancer nsclc"));
    assert.deepEqual(twice.all.map((d) => d.code), ["invalid-value"]);
    assert.equal(twice.model.patients[0].cancer?.name, "melanoma");
  });

  it("reads every field of the block; the one-line biopsy stays valid", () => {
    const text = P(`${BLOCK}\n  biopsy 2025-01-03 lung "adenocarcinoma"`);
    assert.deepEqual(runCore(text).all.map((d) => d.code), []);
    const [first, second] = runCore(text).model.patients[0].biopsies;
    assert.deepEqual([first.date, first.structured, first.finding], ["2025-01-03", false, "adenocarcinoma"]);
    const f = second.fields;
    assert.deepEqual([second.finding, f.tps?.value, f.tps?.assay, f.cps?.value, f.tmb?.value, f.msi?.status, f.mmr?.status, f.notes], ["segment II", 40, "22C3", 12, 12.5, "stable", "proficient", ["lab report 2025-1234"]]);
    assert.deepEqual(f.variants.map((v) => [v.gene, v.change, v.vaf, v.tier]), [["BRAF", "V600E", 38, { system: "amp", level: "I" }], ["EGFR", "exon 19 deletion", null, { system: "escat", level: "I-A" }]]);
    for (const token of ["22C3", "28-8", "SP263", "E746_A750del", "c.1799T"]) assert.deepEqual(syntaxMessages(P(`  biopsy 2025-05-03 liver {\n    variant BRAF ${token}\n    pd-l1 tps 1 % assay ${token}\n  }`)), [], token);
    assert.deepEqual(syntaxMessages(P("  biopsy 2025-05-03 liver {\n    pd-l1 tps 40% assay 22C3\n    tmb 3 MUT/MB\n  }")), [], "`%` may touch the number; the unit is read in any case");
  });

  it("one broken line in a block is one syntax-error, and the rest is still understood", () => {
    const text = P("  biopsy 2025-05-03 liver {\n    pd-l1 tps 40 % assay 22C3\n    tmb high\n    variant BRAF V600E tier V\n    msi stable\n  }");
    const core = runCore(text);
    assert.deepEqual(core.syntax.map((d) => `${text.slice(d.start, d.end)}: ${d.message}`), [
      "high: Expected a number such as `12` or `12.5`, found `high`.",
      "V: Expected `escat` or an AMP/ASCO/CAP tier (`I`, `II`, `III` or `IV`), found `V`.",
    ]);
    const fields = core.model.patients[0].biopsies[0].fields;
    assert.deepEqual([fields.tps?.value, fields.msi?.status, fields.tmb, fields.variants.length], [40, "stable", null, 0]);
    assert.match(syntaxMessages(P("  biopsy 2025-05-03 liver {\n    blah\n  }"))[0], /Unknown statement `blah`: inside a biopsy block: `pd-l1 tps N %`/);
  });

  it("a header that does not parse still opens its block: one error, and the biopsy is left out; an unclosed block is reported at its `{`", () => {
    const text = P("  biopsy 2025-05-03 Liver {\n    tmb 3 mut/Mb\n    msi high\n  }\n  scan 2025-03-01 CT {\n    T1 30 mm\n  }");
    const core = runCore(text);
    assert.deepEqual(core.syntax.map((d) => d.message), ["Expected an organ such as `liver`, `lung` or `node`, found `Liver`."]);
    assert.equal(core.model.patients[0].biopsies.length, 0);
    assert.equal(core.model.patients[0].assessments.length, 2, "the scan after it is read");
    const unclosed = P("  biopsy 2025-05-03 liver {\n    tmb 3 mut/Mb\n  scan 2025-03-01 CT {\n    T1 30 mm\n  }");
    assert.deepEqual(parseText(unclosed).diagnostics.map((d) => [unclosed.slice(d.start, d.end), d.message]), [["{", "This `{` of the biopsy block is never closed: add `}` on a line after its last statement."]]);
    assert.equal(runCore(unclosed).model.patients[0].assessments.length, 2, "the scan line ends the unclosed block");
  });

  it("out-of-range values are invalid-value; a repeated field is duplicate-measurement (msi and mmr together, and repeated notes, are fine)", () => {
    const text = P("  biopsy 2025-05-03 liver {\n    pd-l1 tps 101 %\n    pd-l1 cps 100.5\n    variant BRAF V600E vaf 100.1 %\n  }");
    assert.deepEqual(runCore(text).all.map((d) => `${d.code} ${text.slice(d.start, d.end)}`), ["invalid-value 101", "invalid-value 100.5", "invalid-value 100.1"]);
    assert.deepEqual(runCore(P("  biopsy 2025-05-03 liver {\n    pd-l1 tps 100 %\n    pd-l1 cps 100\n    variant BRAF V600E vaf 100 %\n  }")).all, []);
    const dup = P("  biopsy 2025-05-03 liver {\n    tmb 3 mut/Mb\n    msi stable\n    mmr proficient\n    note \"a\"\n    note \"b\"\n    tmb 4 mut/Mb\n    variant BRAF V600E\n    variant braf v600e tier I\n    variant BRAF V600K\n  }");
    assert.deepEqual(runCore(dup).all.map((d) => `${d.code} ${dup.slice(d.start, d.end)}`), ["duplicate-measurement tmb 4 mut/Mb", "duplicate-measurement variant braf v600e tier I"]);
    assert.equal(runCore(dup).model.patients[0].biopsies[0].fields.tmb?.value, 3, "the first line counts");
  });

  it("biopsy-unstructured: only values written with their labels, never through negation or doubt (R31)", () => {
    const lines = (t: string) => structuredLines(recogniseBiopsyText(t));
    assert.deepEqual(lines("PD-L1 TPS 40% (22C3), TMB 12 mut/Mb, MSI-H, BRAF V600E"), ["pd-l1 tps 40 % assay 22C3", "tmb 12 mut/Mb", "msi high", "variant BRAF V600E"]);
    assert.deepEqual(lines("PD-L1 CPS 12, MMR intact"), ["pd-l1 cps 12", "mmr proficient"]);
    assert.deepEqual(lines("PD-L1 40%"), [], "TPS or CPS? not said");
    assert.deepEqual(lines("BRAF V600E not detected, MSS"), [], "negation: no status, no variant");
    assert.deepEqual(lines("BRAF wild-type; TPS 5%"), ["pd-l1 tps 5 %"]);
    assert.deepEqual(lines("TPS 10% previously, TPS 40% now"), [], "two different TPS values");
    assert.deepEqual(lines("MSI-H? dMMR"), []);
    assert.deepEqual(lines("adenocarcinoma, PD-L1 <1%"), []);
    assert.deepEqual(lines("EGFR exon 19 deletion"), ['variant EGFR "exon 19 deletion"']);
    const text = P('  biopsy 2025-05-03 liver "PD-L1 TPS 40%"\n  biopsy 2025-05-04 liver "adenocarcinoma"');
    const d = runCore(text).all.filter((x) => x.code === "biopsy-unstructured");
    assert.equal(d.length, 1);
    assert.equal(text.slice(d[0].start, d[0].end), '"PD-L1 TPS 40%"');
    assert.deepEqual(d[0].data, { lines: ["pd-l1 tps 40 %"] });
  });

  it("the shapes of sequence changes (de-identification lets only these through)", () => {
    for (const c of ["V600E", "V600", "p.V600E", "p.Val600Glu", "R132fs", "E746_A750del", "c.1799T>A", "exon 19 deletion", "ex19del", "amplification"]) assert.ok(isChangeShape(c), c);
    for (const c of ["ZZPHI1", "Smith", "4711", "1961-02-03", "zzphiab", "John Smith"]) assert.ok(!isChangeShape(c), c);
  });
});

describe("language 1.1: formatter and de-identification of the new statements", () => {
  const MESSY = `patient   P {
  cancer    melanoma
  therapy   pembrolizumab   from 2025-01-06   to 2025-07-14    immunotherapy+chemotherapy   stopped toxicity
  baseline 2025-01-02 CT {
    T1 target liver 40 mm
  }
  scan 2025-03-01 CT {
    T1 30 mm
  }
      biopsy   2025-05-03 liver   "segment  II"   {   # a comment
   pd-l1   tps 40  %   assay   22C3
        tmb 12.5   mut/Mb
  # inside
    variant  BRAF   V600E  tier   escat   I-A
    broken   line here
  }
}
`;

  it("formats a block like a scan (indentation, single spaces, comments kept), idempotently and without changing the meaning", () => {
    const once = formatText(MESSY);
    assert.ok(once.includes('  biopsy 2025-05-03 liver "segment  II" {  # a comment\n    pd-l1 tps 40 % assay 22C3\n    tmb 12.5 mut/Mb\n    # inside\n    variant BRAF V600E tier escat I-A\n    broken   line here\n  }\n'), once);
    assert.ok(once.includes("  therapy pembrolizumab from 2025-01-06 to 2025-07-14 immunotherapy+chemotherapy stopped toxicity\n"));
    assert.equal(formatText(once), once);
    const meaning = (t: string) => JSON.stringify(patientsJson(analyze(t, { today: 20300 }).assessment, t)) + analyze(t, { today: 20300 }).diagnostics.map((d) => d.code).join();
    assert.equal(meaning(once), meaning(MESSY));
  });

  it("keeps listed genes, assays, cancer types and change shapes; numbers other words per patient, without case; never copies text", () => {
    const text = `patient "Jane Smith" {
  cancer "Smith syndrome"
  therapy pembrolizumab from 2025-01-06 to 2025-07-14 immunotherapy stopped toxicity
  baseline 2025-01-02 CT {
    T1 target liver 40 mm
  }
  biopsy 2025-05-03 liver "Smith's lab" {
    pd-l1 tps 40 % assay SmithClone
    variant BRAF V600E tier I
    variant SMITHGENE Smith1 tier III
    variant smithgene smith1
    variant EGFR "exon 19 deletion"
    note "call Smith"
  }
  biopsy 2025-06-03 lung {
    pd-l1 tps 55 % assay smithclone
  }
}
`;
    const out = deidentify(text, { seed: "s" });
    assert.ok(out.ok, JSON.stringify(!out.ok && out.problems));
    if (!out.ok) return;
    assert.ok(!/smith|jane/i.test(out.text), out.text);
    for (const kept of ["variant BRAF V600E tier I", 'variant EGFR "exon 19 deletion"', "stopped toxicity", "pd-l1 tps 40 % assay ASSAY-1", "pd-l1 tps 55 % assay ASSAY-1", "variant GENE-1 CHANGE-1 tier III", "variant GENE-1 CHANGE-1\n", "cancer CANCER-1"]) {
      assert.ok(out.text.includes(kept), `${kept}\n${out.text}`);
    }
    // The same findings before and after: duplicates stay duplicates, equal assays stay comparable.
    const codes = (t: string) => analyze(t, { today: 20300 }).diagnostics.map((d) => d.code).filter((c) => c !== "biopsy-unstructured");
    assert.deepEqual(codes(out.text), codes(text));
    const kept = deidentify(text, { seed: "s", keep: { markers: true, text: true } });
    assert.ok(kept.ok && kept.text.includes("variant SMITHGENE Smith1 tier III") && kept.text.includes("assay SmithClone") && kept.text.includes('cancer "Smith syndrome"'));
  });

  it("a broken biopsy header and a broken field line become placeholders broken in the same place", () => {
    const text = P("  biopsy 2025-05-03 Liver {\n    tmb 3 mut/Mb\n    Smith was here\n  }");
    const out = deidentify(text, { seed: "s" });
    assert.ok(out.ok);
    if (!out.ok) return;
    assert.ok(!/smith/i.test(out.text));
    assert.equal(parseText(out.text).diagnostics.length, parseText(text).diagnostics.length);
    const block = (parseText(out.text).file.items[0] as PatientNode).items.find((i) => i.type === "BiopsyBlock") as BiopsyBlockNode;
    assert.deepEqual([block.header.broken, block.items.map((i) => i.type)], [true, ["Tmb", "Bad"]]);
  });
});
