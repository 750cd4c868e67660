import { strict as assert } from "assert";
import { expectMarked } from "../../helpers/analysis";

const code = "invalid-value";

describe("check: invalid-value", () => {
  it("rejects present/increased/progressed for a target (R2), on the value", () => {
    const [actual, expected] = expectMarked(`patient P {
  baseline 2025-01-01 CT {
    T1 target liver 20 mm
    T2 target lung 20 mm
    T3 target lung 20 mm
  }
  scan 2025-03-01 CT {
    T1 ⟦present⟧
    T2 ⟦increased⟧
    T3 ⟦progressed⟧
  }
}`, code);
    assert.deepStrictEqual(actual, expected);
  });

  it("rejects too small/split/merged for a non-target (R5), and accepts sizes and statuses", () => {
    const [actual, expected] = expectMarked(`patient P {
  baseline 2025-01-01 CT {
    T1 target liver 20 mm
    NT1 non-target bone ⟦too small⟧
    NT2 non-target lung present
    NT3 non-target node 12 mm
  }
  scan 2025-03-01 CT {
    T1 20 mm
    NT1 absent
    NT2 ⟦split 3 mm + 4 mm⟧
    NT3 ⟦merged into T1⟧
  }
  scan 2025-05-01 CT {
    T1 20 mm
    NT1 progressed
    NT2 increased
    NT3 not evaluated
  }
}`, code);
    assert.deepStrictEqual(actual, expected);
  });

  it("accepts every value for a new lesion", () => {
    const [actual] = expectMarked(`patient P {
  baseline 2025-01-01 CT {
    T1 target liver 20 mm
  }
  scan 2025-03-01 CT {
    T1 20 mm
    NL1 new liver present
    NL2 new lung too small
    NL3 new bone split 3 mm + 4 mm
  }
  scan 2025-05-01 CT {
    T1 20 mm
    NL1 progressed
    NL2 merged into NL1
    NL3 increased
  }
}`, code);
    assert.deepStrictEqual(actual, []);
  });

  it("requires a merged target to go into a target of the episode (R2), on the id after `into`", () => {
    const [actual, expected] = expectMarked(`patient P {
  baseline 2025-01-01 CT {
    T1 target liver 20 mm
    T2 target liver 20 mm
    T3 target lung 20 mm
    NT1 non-target bone present
  }
  scan 2025-03-01 CT {
    T1 35 mm
    T2 merged into T1
    T3 merged into ⟦NT1⟧
    NT1 present
  }
  scan 2025-05-01 CT {
    T1 merged into ⟦T1⟧
    T2 merged into ⟦T9⟧
    T3 20 mm
    NT1 present
  }
}`, code);
    assert.deepStrictEqual(actual, expected);
  });

  it("rejects implausible sizes (> 500 mm) and a target that is 0 mm or unmeasured at baseline (R1)", () => {
    const [actual, expected] = expectMarked(`patient P {
  baseline 2025-01-01 CT {
    T1 target liver ⟦0 mm⟧
    T2 target lung ⟦absent⟧
    T3 target lung ⟦not evaluated⟧
    T4 target bone ⟦51 cm⟧
    T5 target brain 500 mm
  }
  scan 2025-03-01 CT {
    T1 split ⟦501 mm⟧ + 3 mm
    T2 0 mm
    T3 12 mm
    T4 50 cm
    T5 20 mm
  }
}`, code);
    assert.deepStrictEqual(actual, expected);
  });

  it("rejects an ECOG above 5, a ctDNA fraction above 100 % and a zero-day schedule", () => {
    const [actual, expected] = expectMarked(`patient P {
  schedule every ⟦0⟧ weeks
  baseline 2025-01-01 CT {
    T1 target liver 20 mm
    ecog 5
  }
  scan 2025-03-01 CT {
    T1 20 mm
    ecog ⟦6⟧
  }
  ctdna 2025-01-01 vaf 100 %
  ctdna 2025-03-01 vaf ⟦100.5⟧ %
  ctdna 2025-04-01 150 copies/mL
}`, code);
    assert.deepStrictEqual(actual, expected);
  });
});
