import { strict as assert } from "assert";
import { expectMarked, runCore } from "../../helpers/analysis";

describe("check: R1 target eligibility", () => {
  it("target-not-measurable: non-nodal LD below 10 mm, node SA below 15 mm, on the value", () => {
    const [actual, expected] = expectMarked(`patient P {
  baseline 2025-01-01 CT {
    T1 target liver 10 mm
    T2 target lung ⟦9.9 mm⟧
    T3 target bone ⟦too small⟧
    N1 target node 15 mm
    N2 target node ⟦1.4 cm⟧
    NT1 non-target lung 4 mm
  }
}`, "target-not-measurable");
    assert.deepStrictEqual(actual, expected);
  });

  it("too-many-targets: the 6th and later targets, on their ids", () => {
    const [actual, expected] = expectMarked(`patient P {
  baseline 2025-01-01 CT {
    T1 target liver 20 mm
    T2 target lung 20 mm
    NT1 non-target bone present
    T3 target bone 20 mm
    T4 target brain 20 mm
    T5 target skin 20 mm
    ⟦T6⟧ target kidney 20 mm
    ⟦T7⟧ target spleen 20 mm
  }
}`, "too-many-targets");
    assert.deepStrictEqual(actual, expected);
  });

  it("too-many-targets-in-organ: the 3rd target in one organ, all nodes being one organ, on the organ", () => {
    const [actual, expected] = expectMarked(`patient P {
  baseline 2025-01-01 CT {
    T1 target liver 20 mm
    T2 target liver 20 mm
    N1 target node "subcarinal" 20 mm
    N2 target node "axillary" 20 mm
    N3 target ⟦node⟧ "inguinal" 20 mm
  }
}
patient Q {
  baseline 2025-01-01 CT {
    T1 target liver 20 mm
    NT1 non-target liver present
    T2 target liver 20 mm
    T3 target ⟦liver⟧ 20 mm
  }
}`, "too-many-targets-in-organ");
    assert.deepStrictEqual(actual, expected);
  });

  it("normal-node-recorded: a node below 10 mm SA at baseline, as information", () => {
    const text = `patient P {
  baseline 2025-01-01 CT {
    T1 target liver 20 mm
    NT1 non-target node ⟦9 mm⟧
    NT2 non-target node 10 mm
    NT3 non-target lung 5 mm
  }
  scan 2025-03-01 CT {
    T1 20 mm
    NT1 5 mm
    NT2 8 mm
    NT3 5 mm
  }
}`;
    const [actual, expected] = expectMarked(text, "normal-node-recorded");
    assert.deepStrictEqual(actual, expected);
    const [d] = runCore(text.replace(/[⟦⟧]/g, "")).structural.filter((x) => x.code === "normal-node-recorded");
    assert.equal(d.severity, "information");
  });
});
