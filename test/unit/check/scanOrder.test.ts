import { strict as assert } from "assert";
import { expectMarked } from "../../helpers/analysis";

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

  it("does not treat pre-treatment scans as out of order, wherever they are written (R12)", () => {
    const [actual] = expectMarked(`patient P {
  baseline 2025-01-01 CT {
    T1 target liver 20 mm
  }
  scan 2024-11-01 CT {
    T1 15 mm
  }
  scan 2025-03-01 CT {
    T1 20 mm
  }
  scan 2024-10-01 CT {
    T1 12 mm
  }
}`, "scan-order");
    assert.deepStrictEqual(actual, []);
  });
});
