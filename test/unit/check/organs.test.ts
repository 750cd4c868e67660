import { strict as assert } from "assert";
import { expectMarked, runCore } from "../../helpers/analysis";

describe("check: unknown-organ", () => {
  it("warns on the organ of declarations and biopsies, suggesting the closest known organ", () => {
    const text = `patient P {
  baseline 2025-01-01 CT {
    T1 target ⟦lvier⟧ 20 mm
    NT1 non-target ⟦bones⟧ present
    NT2 non-target ⟦eyeball⟧ present
  }
  scan 2025-03-01 CT {
    T1 20 mm
    NT1 present
    NT2 present
    NL1 new ⟦lnug⟧ 12 mm
  }
  biopsy 2025-03-05 ⟦kidny⟧ "clear cell"
  biopsy 2025-03-06 soft-tissue "melanoma"
}`;
    const [actual, expected] = expectMarked(text, "unknown-organ");
    assert.deepStrictEqual(actual, expected);
    const plain = text.replace(/[⟦⟧]/g, "");
    const organs = runCore(plain).structural.filter((d) => d.code === "unknown-organ");
    assert.deepStrictEqual(organs.map((d) => d.data?.suggestion ?? null), ["liver", "bone", null, "lung", "kidney"]);
    assert.equal(organs[0].severity, "warning");
    assert.equal(organs[0].message, "Unknown organ `lvier`: did you mean `liver`?");
    assert.match(organs[2].message, /use `other`/);
  });
});
