// The language service for version 1.1: the therapy hover with the resistance classification and
// R35's options, the biopsy and cancer hovers, the quick fix of an unstructured biopsy (applied and
// re-parsed), completion of the new statements and fields, and semantic tokens of a biopsy block.
// With NADIR_PRINT_HOVERS=1 the hovers of the user-level example are printed, to be read.
import { strict as assert } from "assert";
import type { Diagnostic } from "vscode-languageserver-types";
import { hover } from "../../../server/src/service/hover";
import { completion } from "../../../server/src/service/completion";
import { codeActions } from "../../../server/src/service/codeActions";
import { semanticTokens, TOKEN_TYPES } from "../../../server/src/service/semanticTokens";
import { toLspDiagnostics } from "../../../server/src/service/diagnostics";
import { DEFAULT_SETTINGS } from "../../../server/src/core/settings";
import { applyWorkspaceEdit, atCursor, caseDocument, on, syntaxErrors } from "./fixture";
import { MELANOMA } from "../../helpers/immunotherapy";


function hoverText(text: string, needle: string, nth = 0): string {
  const c = on(text, needle, nth);
  const h = hover(c.doc, c.position);
  assert.ok(h, `no hover on ${needle}`);
  return (h.contents as { value: string }).value;
}

describe("service: language 1.1", () => {
  it("the therapy hover shows the last dose, the resistance class with its numbers and steps, and the options to discuss (R17-R24, R35)", () => {
    const h = hoverText(MELANOMA, "pembrolizumab");
    if (process.env.NADIR_PRINT_HOVERS) console.log(`\n----- therapy hover -----\n${h}`);
    assert.match(h, /^\*\*pembrolizumab\*\* from 2025-01-06 \(immunotherapy\): episode 1/);
    assert.match(h, /last dose 2025-09-22 \(259 days after the start\) · stopped: progression/);
    assert.match(h, /\*\*Resistance: secondary \(acquired\) resistance\*\* \(R17-R24; SITC 2020 single agent, RECIST 1\.1 reading\)/);
    assert.match(h, /\| exposure \| 231 days \|\n\| disease control \| 231 days \|\n\| best response up to the progression \| PR \|\n\| progression \| 2025-08-25 \|\n\| confirmed by \| scan of 2025-09-22 \|\n\| time since last dose \| on treatment \|/);
    assert.match(h, /- R19: PD of 2025-08-25 confirmed by the scan of 2025-09-22, 28 days later: sum 52 mm again PD against the nadir of 36 mm; new lesion NL1 present\./);
    assert.match(h, /\*\*Options to discuss\*\* \(R35\)\n\nConfirmed progression under pembrolizumab on 2025-08-25 \(confirmed by the scan of 2025-09-22; secondary \(acquired\) resistance\)\. Information, options to discuss with the treating team:\n\n- next-line chemotherapy: brought up by/);
    assert.match(h, /- targeted therapy \(BRAF\/MEK inhibition\) is an approved option for BRAF V600-mutant melanoma: brought up by BRAF V600E, biopsy 2025-09-30 liver, tier I\. Source: FDA\/EMA approvals of BRAF\/MEK inhibitors\./);
    assert.match(h, /- re-challenge with an immune checkpoint inhibitor, or a combination \(for example with radiation\): brought up by secondary \(acquired\) resistance, pembrolizumab stopped for progression\./);
    assert.match(h, /- local treatment of the growing sites \(surgery or focused radiation\): brought up by oligoprogression at 2025-08-25: T1 24 mm -> 35 mm; NL1 new \(liver\) \(R14\)\./);
    assert.match(h, /- a clinical trial: brought up by/);
    assert.match(h, /Listed in a fixed order, not ranked\./);
    assert.equal(hoverText(MELANOMA, "2025-09-22 immunotherapy"), h, "the last dose shows the same hover");
    assert.match(hoverText(MELANOMA, "stopped"), /^\*\*stopped\*\*: `stopped REASON`/);
  });

  it("the biopsy hover gives each finding's category and its change against the previous biopsy (R31-R34)", () => {
    const h = hoverText(MELANOMA, "tmb 11");
    if (process.env.NADIR_PRINT_HOVERS) console.log(`\n----- biopsy hover -----\n${h}`);
    assert.match(h, /^\*\*biopsy 2025-09-30 liver\*\*: "segment II, growing lesion"/);
    assert.match(h, /\| PD-L1 TPS \| 55 % \(assay 22C3\) \| >= 50 % \| 40 % \(1-49 %, 2025-01-03 liver, 22C3\) \| higher category \|/);
    assert.match(h, /\| TMB \| 11 mut\/Mb \| TMB-high \| 8 mut\/Mb \(below 10 mut\/Mb, 2025-01-03 liver\) \| higher category \|/);
    assert.match(h, /\| variant \| BRAF V600E \(tier I \(as reported\), VAF 38 %\) \| actionable \(built-in example, R34\) \| — \| — \|/);
    assert.match(h, /\| variant \| TP53 R273H \(tier III \(as reported\)\) \| not tier I or II as reported \|/);
    assert.match(h, /BRAF V600E matches a built-in example for melanoma \(R34\)/);
    assert.equal(hoverText(MELANOMA, "biopsy 2025-09-30"), h, "the header line too");
    const first = hoverText(MELANOMA, "pd-l1 tps 40");
    assert.match(first, /\| PD-L1 TPS \| 40 % \(assay 22C3\) \| 1-49 % \| — \| — \|/);
  });

  it("the cancer hover says whether the type is known (R34); a one-line biopsy's hover names what its text holds", () => {
    assert.match(hoverText(MELANOMA, "melanoma"), /^\*\*cancer melanoma\*\*: known to Nadir; its built-in example/);
    const text = MELANOMA.replace("  cancer melanoma\n", '  cancer "uveal melanoma"\n  biopsy 2025-02-01 liver "PD-L1 TPS 40% (22C3)"\n');
    assert.match(hoverText(text, "uveal"), /recorded; Nadir knows `melanoma` and `nsclc` only/);
    assert.match(hoverText(text, "biopsy 2025-02-01"), /Free text \(R31\): it holds `pd-l1 tps 40 % assay 22C3`; the quick fix writes them/);
  });

  it("the quick fix of biopsy-unstructured writes the block, keeps the text and the comment, and parses cleanly (R31)", () => {
    const text = 'patient P {\n  baseline 2025-01-02 CT {\n    T1 target liver 40 mm\n  }\n  biopsy 2025-05-03 liver "PD-L1 TPS 40% (22C3), TMB 12 mut/Mb, BRAF V600E"  # from the lab\n}\n';
    const doc = caseDocument(text);
    const diagnostic = toLspDiagnostics(doc.document, doc.analysis.diagnostics).find((d: Diagnostic) => d.code === "biopsy-unstructured");
    assert.ok(diagnostic);
    const [fix] = codeActions(doc, diagnostic.range, [diagnostic], DEFAULT_SETTINGS).filter((a) => a.diagnostics?.includes(diagnostic));
    assert.equal(fix.title, "Write as a structured biopsy block: pd-l1 tps 40 % assay 22C3; tmb 12 mut/Mb; variant BRAF V600E (the text stays as its label)");
    const after = applyWorkspaceEdit(text, fix.edit);
    assert.equal(after, 'patient P {\n  baseline 2025-01-02 CT {\n    T1 target liver 40 mm\n  }\n  biopsy 2025-05-03 liver "PD-L1 TPS 40% (22C3), TMB 12 mut/Mb, BRAF V600E" {  # from the lab\n    pd-l1 tps 40 % assay 22C3\n    tmb 12 mut/Mb\n    variant BRAF V600E\n  }\n}\n');
    assert.deepEqual(syntaxErrors(after), []);
    const biopsy = caseDocument(after).analysis.model.patients[0].biopsies[0];
    assert.deepEqual([biopsy.finding, biopsy.fields.tps?.value, biopsy.fields.tmb?.value, biopsy.fields.variants[0].gene], ["PD-L1 TPS 40% (22C3), TMB 12 mut/Mb, BRAF V600E", 40, 12, "BRAF"]);
    assert.equal(caseDocument(after).analysis.diagnostics.filter((d) => d.code === "biopsy-unstructured").length, 0);
    // CRLF files get CRLF lines.
    const crlf = applyWorkspaceEdit(text.replace(/\n/g, "\r\n"), codeActions(caseDocument(text.replace(/\n/g, "\r\n")), diagnostic.range, [diagnostic], DEFAULT_SETTINGS)[0].edit);
    assert.ok(!/[^\r]\n/.test(crlf) && syntaxErrors(crlf).length === 0);
  });

  it("completes the new statements, the therapy's parts, and the fields and words of a biopsy block", () => {
    const labels = (marked: string) => completion(atCursor(marked).doc, atCursor(marked).position).map((i) => i.label);
    const base = (line: string) => `patient P {\n  baseline 2025-01-02 CT {\n    T1 target liver 40 mm\n  }\n${line}\n}\n`;
    assert.ok(labels(base("  |")).includes("cancer") && labels(base("  |")).includes("biopsy block"));
    assert.deepEqual(labels(base("  cancer |")), ["melanoma", "nsclc"]);
    assert.ok(labels(base("  therapy X from 2025-01-06 |")).includes("to"));
    assert.ok(labels(base("  therapy X from 2025-01-06 to 2025-05-01 |")).includes("immunotherapy"));
    assert.deepEqual(labels(base("  therapy X from 2025-01-06 immunotherapy+chemotherapy |")), ["stopped"]);
    assert.deepEqual(labels(base("  therapy X from 2025-01-06 immunotherapy stopped |")), ["completed", "toxicity", "progression", "choice", "other"]);
    const block = (line: string) => base(`  biopsy 2025-05-03 liver {\n${line}\n  }`);
    assert.deepEqual(labels(block("    |")), ["pd-l1 tps", "pd-l1 cps", "tmb", "msi", "mmr", "variant", "note"]);
    assert.deepEqual(labels(block("    pd-l1 |")), ["tps", "cps"]);
    assert.deepEqual(labels(block("    msi |")), ["stable", "low", "high"]);
    assert.deepEqual(labels(block("    variant BRAF V600E tier |")), ["I", "II", "III", "IV", "escat"]);
    assert.deepEqual(labels(block("    variant BRAF V600E tier escat |")), ["I-A", "I-B", "I-C", "II-A", "II-B", "III-A", "III-B", "IV", "V", "X"]);
    assert.deepEqual(labels(block("    pd-l1 tps 40 % assay |")), ["22C3", "SP263", "SP142", "28-8"]);
  });

  it("gives semantic tokens to a biopsy block and the new therapy parts", () => {
    const doc = caseDocument(MELANOMA);
    const data = semanticTokens(doc).data;
    const tokens: Array<[string, string]> = [];
    let line = 0;
    let char = 0;
    for (let i = 0; i < data.length; i += 5) {
      line += data[i];
      char = data[i] === 0 ? char + data[i + 1] : data[i + 1];
      const start = doc.document.offsetAt({ line, character: char });
      tokens.push([MELANOMA.slice(start, start + data[i + 2]), TOKEN_TYPES[data[i + 3]]]);
    }
    const has = (text: string, type: string) => tokens.some(([t, k]) => t === text && k === type);
    for (const [text, type] of [["cancer", "keyword"], ["to", "keyword"], ["2025-09-22", "date"], ["stopped", "keyword"], ["progression", "status"], ["pd-l1", "keyword"], ["tps", "keyword"], ["55", "number"], ["assay", "keyword"], ["variant", "keyword"], ["vaf", "keyword"], ["tier", "keyword"], ["III", "status"], ["stable", "status"], ["11 mut/Mb", "number"]]) {
      assert.ok(has(text, type), `${text} as ${type}`);
    }
  });
});
