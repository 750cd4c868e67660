import { strict as assert } from "assert";
import { expectMarked, runCore } from "../../helpers/analysis";

describe("check: missing-baseline", () => {
  it("reports a patient without any baseline on its id", () => {
    const [actual, expected] = expectMarked(`patient ⟦PT-1⟧ {
  therapy A from 2025-01-05 chemotherapy
  scan 2025-03-01 CT {
    T1 20 mm
  }
}
patient ⟦"PT 2"⟧ {
}`, "missing-baseline");
    assert.deepStrictEqual(actual, expected);
  });

  it("reports a therapy whose episode has no baseline on the therapy line (R15)", () => {
    // A's episode would need a baseline on or before its start, or before B starts.
    const [actual, expected] = expectMarked(`patient P {
  ⟦therapy A from 2025-01-05 chemotherapy⟧
  therapy B from 2025-03-01 chemotherapy
  baseline 2025-03-01 CT {
    T1 target liver 20 mm
  }
}`, "missing-baseline");
    assert.deepStrictEqual(actual, expected);
  });

  it("lets a therapy use a baseline taken after its start but before the next therapy", () => {
    const [actual] = expectMarked(`patient P {
  therapy A from 2025-01-05 chemotherapy
  therapy B from 2025-03-01 chemotherapy
  baseline 2025-02-25 CT {
    T1 target liver 20 mm
  }
}`, "missing-baseline");
    assert.deepStrictEqual(actual, []);
  });

  it("does not call a baseline with an invalid date missing", () => {
    const codes = runCore(`patient P {\n  baseline 2025-02-30 CT {\n    T1 target liver 20 mm\n  }\n}\n`).all.map((d) => d.code);
    assert.deepStrictEqual(codes, ["invalid-date"]);
  });
});

describe("check: baseline-timing (R1)", () => {
  it("accepts a baseline exactly 28 days before the start, or on the start day", () => {
    const [actual] = expectMarked(`patient P {
  therapy A from 2025-01-29 chemotherapy
  baseline 2025-01-01 CT {
    T1 target liver 20 mm
  }
}
patient Q {
  therapy A from 2025-01-01 chemotherapy
  baseline 2025-01-01 CT {
    T1 target liver 20 mm
  }
}`, "baseline-timing");
    assert.deepStrictEqual(actual, []);
  });

  it("warns on the baseline date when it is 29 days before the start, or after it", () => {
    const text = `patient P {
  therapy A from 2025-01-30 chemotherapy
  baseline ⟦2025-01-01⟧ CT {
    T1 target liver 20 mm
  }
}
patient Q {
  therapy A from 2025-01-01 chemotherapy
  baseline ⟦2025-01-03⟧ CT {
    T1 target liver 20 mm
  }
}`;
    const [actual, expected] = expectMarked(text, "baseline-timing");
    assert.deepStrictEqual(actual, expected);
    const messages = runCore(text.replace(/[⟦⟧]/g, "")).structural.map((d) => d.message);
    assert.deepStrictEqual(messages, [
      "The baseline of 2025-01-01 is 29 days before the start of A (2025-01-30): it should be at most 28 days before (R1).",
      "The baseline of 2025-01-03 is 2 days after the start of A (2025-01-01): it should come before treatment (R1).",
    ]);
  });

  it("puts a second therapy reusing an old baseline on that therapy's line", () => {
    const [actual, expected] = expectMarked(`patient P {
  therapy A from 2025-01-05 chemotherapy
  ⟦therapy B from 2025-06-01 chemotherapy⟧
  baseline 2025-01-01 CT {
    T1 target liver 20 mm
  }
}`, "baseline-timing");
    assert.deepStrictEqual(actual, expected);
  });
});
