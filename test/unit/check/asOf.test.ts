import { strict as assert } from "assert";
import { expectMarked, runCore } from "../../helpers/analysis";

describe("check: as-of-before-last-scan (R13)", () => {
  it("flags an `as of` date before the last scan, on the date; the day of the last scan and later are fine", () => {
    const [actual, expected] = expectMarked(`patient P {
  as of ⟦2025-04-30⟧
  baseline 2025-01-01 CT {
    T1 target liver 20 mm
  }
  scan 2025-05-01 CT {
    T1 20 mm
  }
}
patient Q {
  as of 2025-05-01
  baseline 2025-01-01 CT {
    T1 target liver 20 mm
  }
  scan 2025-05-01 CT {
    T1 20 mm
  }
}
patient R {
  baseline 2025-01-01 CT {
    T1 target liver 20 mm
  }
  scan 2025-05-01 CT {
    T1 20 mm
  }
  as of 2025-05-02
}
patient S {
  as of 2024-12-31
}
`, "as-of-before-last-scan");
    assert.deepStrictEqual(actual, expected);
  });

  it("judges against the latest scan whatever the order the scans are written in, and names both dates", () => {
    const messages = runCore(`patient P {
  as of 2025-03-01
  scan 2025-05-01 CT {
    T1 20 mm
  }
  baseline 2025-01-01 CT {
    T1 target liver 20 mm
  }
}
`).structural.filter((d) => d.code === "as-of-before-last-scan").map((d) => [d.severity, d.message]);
    assert.deepStrictEqual(messages, [[
      "warning",
      "`as of 2025-03-01` is before the last scan of this patient (2025-05-01): due and overdue scans would be judged 61 days before data the file already holds; use 2025-05-01 or a later date (R13).",
    ]]);
  });

  it("leaves an invalid `as of` date to invalid-date", () => {
    const found = runCore(`patient P {\n  as of 2025-02-30\n  baseline 2025-03-01 CT {\n    T1 target liver 20 mm\n  }\n}\n`).structural;
    assert.deepStrictEqual(found.map((d) => d.code), ["invalid-date"]);
  });
});
