import { strict as assert } from "assert";
import { expectMarked, runCore } from "../../helpers/analysis";

describe("check: scan-order (R13)", () => {
  it("flags a follow-up written after a later one, and a second assessment on one date", () => {
    const [actual, expected] = expectMarked(`patient P {
  baseline 2025-01-01 CT {
    T1 target liver 20 mm
  }
  scan 2025-05-01 CT {
    T1 20 mm
  }
  scan ⟦2025-03-01⟧ CT {
    T1 20 mm
  }
  scan ⟦2025-05-01⟧ MRI {
    T1 20 mm
  }
  scan 2025-07-01 CT {
    T1 20 mm
  }
}`, "scan-order");
    assert.deepStrictEqual(actual, expected);
  });

  it("flags a pre-treatment scan written after follow-up scans, not one written before them (R12)", () => {
    const [actual, expected] = expectMarked(`patient P {
  scan 2024-12-01 CT {
    T1 17 mm
  }
  baseline 2025-01-01 CT {
    T1 target liver 20 mm
  }
  scan 2024-11-01 CT {
    T1 15 mm
  }
  scan 2025-03-01 CT {
    T1 20 mm
  }
  scan ⟦2024-10-01⟧ CT {
    T1 12 mm
  }
  scan 2025-05-01 CT {
    T1 20 mm
  }
}`, "scan-order");
    assert.deepStrictEqual(actual, expected);
  });

  it("names the pre-treatment scan, the baseline and the follow-up it is written after", () => {
    const messages = runCore(`patient P {
  baseline 2025-01-01 CT {
    T1 target liver 20 mm
  }
  scan 2025-03-01 CT {
    T1 20 mm
  }
  scan 2024-10-01 CT {
    T1 12 mm
  }
}`).structural.filter((d) => d.code === "scan-order").map((d) => d.message);
    assert.deepStrictEqual(messages, [
      "This pre-treatment scan of 2024-10-01 (before the baseline of 2025-01-01) is written after the follow-up scan of 2025-03-01: write pre-treatment scans before the follow-ups, in date order (R12, R13).",
    ]);
  });
});
