import { strict as assert } from "assert";
import { expectMarked, runCore } from "../../helpers/analysis";

describe("check: unknown-lesion", () => {
  it("reports an undeclared id on the id, suggesting the closest declared id", () => {
    const text = `patient P {
  baseline 2025-01-01 CT {
    T1 target liver 20 mm
    NT1 non-target bone present
  }
  scan 2025-03-01 CT {
    ⟦T2⟧ 20 mm
    T1 20 mm
    NT1 present
    ⟦XYZ99⟧ absent
  }
}`;
    const [actual, expected] = expectMarked(text, "unknown-lesion");
    assert.deepStrictEqual(actual, expected);
    const diagnostics = runCore(text.replace(/[⟦⟧]/g, "")).structural.filter((d) => d.code === "unknown-lesion");
    assert.deepStrictEqual(diagnostics.map((d) => d.data?.suggestion ?? null), ["T1", null]);
    assert.match(diagnostics[0].message, /did you mean `T1`\?/);
  });

  it("resolves pre-treatment scans against the following baseline's declarations (R12)", () => {
    const [actual, expected] = expectMarked(`patient P {
  therapy nivolumab from 2025-01-10 immunotherapy
  scan 2024-11-01 CT {
    T1 18 mm
    ⟦T7⟧ 4 mm
  }
  baseline 2025-01-05 CT {
    T1 target liver 20 mm
  }
  scan 2025-03-01 CT {
    T1 20 mm
  }
}`, "unknown-lesion");
    assert.deepStrictEqual(actual, expected);
  });

  it("sees new lesions from the scan that declares them on, and says when one is declared only later", () => {
    const text = `patient P {
  baseline 2025-01-01 CT {
    T1 target liver 20 mm
  }
  scan 2025-03-01 CT {
    T1 20 mm
    ⟦NL1⟧ 5 mm
  }
  scan 2025-05-01 CT {
    T1 20 mm
    NL1 new lung 12 mm
  }
  scan 2025-07-01 CT {
    T1 20 mm
    NL1 14 mm
  }
}`;
    const [actual, expected] = expectMarked(text, "unknown-lesion");
    assert.deepStrictEqual(actual, expected);
    const [d] = runCore(text.replace(/[⟦⟧]/g, "")).structural.filter((x) => x.code === "unknown-lesion");
    assert.match(d.message, /declared as new only at the scan of 2025-05-01/);
  });

  it("requires a value at the baseline to be a declaration", () => {
    const [actual, expected] = expectMarked(`patient P {
  baseline 2025-01-01 CT {
    T1 target liver 20 mm
    ⟦T2⟧ 15 mm
  }
}`, "unknown-lesion");
    assert.deepStrictEqual(actual, expected);
  });

  it("does not report ids whose declaration was misplaced, nor ids of a patient without a baseline", () => {
    const [actual] = expectMarked(`patient P {
  baseline 2025-01-01 CT {
    T1 target liver 20 mm
    NL0 new lung 10 mm
  }
  scan 2025-03-01 CT {
    T1 20 mm
    T5 target lung 20 mm
    NL0 12 mm
  }
  scan 2025-05-01 CT {
    T1 20 mm
    T5 21 mm
    NL0 12 mm
  }
}
patient Q {
  scan 2025-03-01 CT {
    T1 20 mm
  }
}`, "unknown-lesion");
    assert.deepStrictEqual(actual, []);
  });
});

describe("check: declaration-misplaced", () => {
  it("flags target/non-target outside a baseline and new at a baseline or before it, on the keyword", () => {
    const [actual, expected] = expectMarked(`patient P {
  scan 2024-12-01 CT {
    T1 20 mm
    NL9 ⟦new⟧ lung 5 mm
  }
  baseline 2025-01-01 CT {
    T1 target liver 20 mm
    NL1 ⟦new equivocal⟧ lung 5 mm
    NL2 ⟦new⟧ 5 mm
  }
  scan 2025-03-01 CT {
    T1 20 mm
    T2 ⟦target⟧ lung "right" 20 mm
    NT2 ⟦non-target⟧ bone present
    NL3 new liver 12 mm
  }
}`, "declaration-misplaced");
    assert.deepStrictEqual(actual, expected);
  });
});

describe("check: duplicate-lesion and duplicate-measurement", () => {
  it("reports an id declared twice in one episode on the second id (R15)", () => {
    const [actual, expected] = expectMarked(`patient P {
  baseline 2025-01-01 CT {
    T1 target liver 20 mm
    ⟦T1⟧ target lung 15 mm
  }
  scan 2025-03-01 CT {
    T1 20 mm
    NL1 new liver 12 mm
    ⟦T1⟧ new bone present
  }
  scan 2025-05-01 CT {
    T1 20 mm
    ⟦NL1⟧ new liver 14 mm
  }
}`, "duplicate-lesion");
    assert.deepStrictEqual(actual, expected);
  });

  it("lets a new episode with its own baseline declare the same ids again (R15)", () => {
    const [actual] = expectMarked(`patient P {
  therapy A from 2025-01-05 chemotherapy
  therapy B from 2025-06-05 chemotherapy
  baseline 2025-01-01 CT {
    T1 target liver 20 mm
  }
  baseline 2025-06-01 CT {
    T1 target liver 30 mm
  }
}`, "duplicate-lesion");
    assert.deepStrictEqual(actual, []);
  });

  it("reports one lesion given twice in one scan on the second id", () => {
    const [actual, expected] = expectMarked(`patient P {
  baseline 2025-01-01 CT {
    T1 target liver 20 mm
    NT1 non-target bone present
  }
  scan 2025-03-01 CT {
    T1 20 mm
    NT1 present
    ⟦T1⟧ 21 mm
    NL1 new lung 10 mm
    ⟦NL1⟧ 10 mm
  }
}`, "duplicate-measurement");
    assert.deepStrictEqual(actual, expected);
  });
});
