import { strict as assert } from "assert";
import * as fs from "fs";
import * as path from "path";
import { hover } from "../../../server/src/service/hover";
import { EXAMPLES_DIR, SPEC_EXAMPLE } from "../../helpers/paths";
import { atCursor, on } from "./fixture";
import { IUPD_PENDING } from "./cases";

// The reference example with its own spacing (the positions below are counted in it).
const PT0042 = fs.readFileSync(SPEC_EXAMPLE, "utf8");

function hoverText(c: { doc: Parameters<typeof hover>[0]; position: Parameters<typeof hover>[1] }): string {
  const h = hover(c.doc, c.position);
  assert.ok(h, "expected a hover");
  return (h.contents as { value: string }).value;
}

describe("service: hover", () => {
  it("on a lesion id shows its declaration and history with changes from baseline and nadir (R2, R3)", () => {
    const text = hoverText(on(PT0042, "    T1 30 mm", 0, 5));
    assert.match(text, /\*\*T1\*\*: target lesion · liver "segment VII metastasis"/);
    assert.match(text, /Declared at baseline 2025-01-02/);
    assert.match(text, /\| 2025-03-01 \| 30 mm \| −12 mm \(−28\.6 %\) \| −12 mm \(−28\.6 %\) \|/);
    // 3.8 cm is 38 mm: +8 mm from its own nadir of 30 mm.
    assert.match(text, /\| 2025-04-26 \| 38 mm \(3\.8 cm\) \| −4 mm \(−9\.5 %\) \| \+8 mm \(\+26\.7 %\) \|/);
    assert.match(text, /2024-11-20 pre-treatment \| 35 mm/);
  });

  it("on a scan header shows the sum, baseline, nadir, thresholds, table row and iRECIST state (R3, R7, R10)", () => {
    const text = hoverText(on(PT0042, "scan 2025-04-26", 0, 7));
    assert.match(text, /\*\*scan 2025-04-26: PD · iUPD\*\*/);
    assert.match(text, /Sum = 38 \+ 0 \+ 12 = \*\*50 mm\*\*/);
    assert.match(text, /baseline 77 mm \(2025-01-02\) · nadir 44 mm \(2025-03-01\)/);
    assert.match(text, /−35\.1 % from baseline, \+13\.6 % \(\+6 mm\) from nadir/);
    assert.match(text, /PD threshold ≥ 52\.8 mm: 2\.8 mm away/);
    assert.match(text, /R7 table 1: Target any \(PR\) \| non-target any \(NON-CR\/NON-PD\) \| new Yes -> PD/);
    assert.match(text, /iRECIST: \*\*iUPD\*\* · awaiting confirmation of the iUPD of 2025-04-26: confirmation scan due 2025-05-24 to 2025-06-21/);
  });

  it("on the first scan on treatment lists every hyperprogression definition with its numbers (R12)", () => {
    const text = fs.readFileSync(path.join(EXAMPLES_DIR, "hyperprogression.nadir"), "utf8");
    const shown = hoverText(on(text, "scan 2025-02-24", 0, 7));
    assert.match(shown, /Hyperprogression \(R12\):/);
    for (const name of ["champiat", "saada-bouzid", "ferrara", "matos", "kato"]) assert.match(shown, new RegExp(`- ${name}: \\*\\*met\\*\\*`));
    assert.match(shown, /TGR_exp \/ TGR_ref = 7\.75/);
  });

  it("on a baseline header shows the baseline sum and the PR threshold (R2, R3)", () => {
    const text = hoverText(on(PT0042, "baseline 2025-01-02", 0, 2));
    assert.match(text, /Baseline sum = 42 \+ 18 \+ 17 = \*\*77 mm\*\*/);
    assert.match(text, /PR at ≤ 53\.9 mm/);
  });

  it("on a ctDNA line shows the trend against the previous sample and the R11 profile", () => {
    const text = hoverText(on(IUPD_PENDING, "ctdna 2025-04-20", 0, 8));
    assert.match(text, /Trend: \*\*falling\*\* against 2025-01-02 \(2\.4\), 8\.0-fold down \(R11\)/);
    assert.match(text, /R11 profile: \*\*/);
  });

  it("on a therapy shows the episode's best response (R9, R15)", () => {
    const text = hoverText(on(IUPD_PENDING, "pembrolizumab", 0, 3));
    assert.match(text, /best response PR · iBOR iPR/);
    assert.match(text, /awaits confirmation between 2025-05-24 and 2025-06-21/);
  });

  it("on value words gives one line of documentation citing the rule", () => {
    assert.match(hoverText(on(PT0042, "too small", 0, 5)), /\*\*too small\*\*: .*5 mm \(R2\)/);
    assert.match(hoverText(on(PT0042, "increased", 0, 2)), /R10/);
    assert.match(hoverText(on(PT0042, "equivocal", 0, 2)), /R6/);
  });

  it("says nothing inside free text", () => {
    const c = atCursor('patient X {\n  note "the t|arget is gone"\n}\n');
    assert.equal(hover(c.doc, c.position), null);
  });
});
