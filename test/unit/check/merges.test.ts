import { strict as assert } from "assert";
import { expectMarked, runCore } from "../../helpers/analysis";

describe("check: merged-across-organs (R2)", () => {
  it("flags a merge into a lesion of another organ, on the carrier's id; nodes are one organ", () => {
    const [actual, expected] = expectMarked(`patient P {
  baseline 2025-01-01 CT {
    T1 target liver 30 mm
    T2 target liver 20 mm
    T3 target lung 20 mm
    N1 target node "subcarinal" 20 mm
    N2 target node "hilar" 18 mm
  }
  scan 2025-03-01 CT {
    T1 45 mm
    T2 merged into T1
    T3 merged into ⟦T1⟧
    N1 30 mm
    N2 merged into N1
  }
  scan 2025-05-01 CT {
    T1 45 mm
    T2 merged into T1
    T3 20 mm
    N1 merged into ⟦T1⟧
    N2 30 mm
    NL1 new lung 12 mm
    NL2 new bone 10 mm
  }
  scan 2025-07-01 CT {
    T1 45 mm
    T2 merged into T1
    T3 20 mm
    N1 30 mm
    N2 30 mm
    NL1 20 mm
    NL2 merged into ⟦NL1⟧
  }
}
`, "merged-across-organs");
    assert.deepStrictEqual(actual, expected);
  });

  it("names both lesions and organs", () => {
    const found = runCore(`patient P {
  baseline 2025-01-01 CT {
    T1 target liver 30 mm
    T2 target lung 20 mm
  }
  scan 2025-03-01 CT {
    T1 45 mm
    T2 merged into T1
  }
}
`).structural.filter((d) => d.code === "merged-across-organs");
    assert.deepStrictEqual(found.map((d) => [d.severity, d.message]), [[
      "warning",
      "T2 (lung) is merged into T1 (liver): coalescing lesions lie in one organ; check the id after `merged into` and the organs of both lesions (R2).",
    ]]);
  });

  it("leaves wrong kinds, unknown carriers and misspelt organs to invalid-value and unknown-organ", () => {
    const codes = runCore(`patient P {
  baseline 2025-01-01 CT {
    T1 target liver 30 mm
    T2 target lvier 20 mm
    T3 target lung 20 mm
    NT1 non-target bone present
  }
  scan 2025-03-01 CT {
    T1 45 mm
    T2 merged into T1
    T3 merged into NT1
    NT1 present
  }
}
`).structural.map((d) => d.code);
    assert.ok(!codes.includes("merged-across-organs"), codes.join(", "));
    assert.deepStrictEqual(codes.filter((c) => c !== "missing-measurement"), ["unknown-organ", "invalid-value"]);
  });
});
