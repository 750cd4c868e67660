import { strict as assert } from "assert";
import { expectMarked, runCore } from "../../helpers/analysis";

describe("check: invalid-date", () => {
  it("reports every kind of date that is not a calendar date, on the date itself", () => {
    const [actual, expected] = expectMarked(`patient P {
  as of ⟦2025-02-29⟧
  therapy pembrolizumab from ⟦2025-13-01⟧ immunotherapy
  baseline ⟦2025-04-31⟧ CT {
    T1 target liver 20 mm
  }
  scan ⟦2025-06-00⟧ CT {
    T1 20 mm
  }
  ctdna ⟦2025-02-30⟧ vaf 1 %
  marker ⟦2025-09-31⟧ CEA 4 ng/mL
  biopsy ⟦2025-11-31⟧ liver "x"
  decision ⟦2023-02-29⟧ "x"
}`, "invalid-date");
    assert.deepStrictEqual(actual, expected);
  });

  it("says why the date is not real", () => {
    const messages = runCore(`patient P {\n  as of 2025-02-29\n  ctdna 2025-13-01 undetected\n}\n`).structural
      .filter((d) => d.code === "invalid-date").map((d) => d.message);
    assert.deepStrictEqual(messages, [
      "2025-02-29 is not a real date: February 2025 has 28 days.",
      "2025-13-01 is not a real date: there is no month 13.",
    ]);
  });

  it("accepts 29 February in a leap year", () => {
    const [actual] = expectMarked(`patient P {\n  as of 2024-02-29\n}\n`, "invalid-date");
    assert.deepStrictEqual(actual, []);
  });
});
