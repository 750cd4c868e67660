import { strict as assert } from "assert";
import { expectMarked, runCore } from "../../helpers/analysis";

describe("check: missing-measurement (R4)", () => {
  const source = `patient P {
  baseline 2025-01-01 CT {
    T1 target liver 20 mm
    T2 target lung 20 mm
    NT1 non-target bone present
  }
  scan ⟦2025-03-01⟧ CT {
    T1 20 mm
    NL1 new liver 12 mm
  }
  scan ⟦2025-05-01⟧ CT {
    T1 20 mm
    T2 not evaluated
    NT1 present
  }
  scan 2025-07-01 CT {
    T1 20 mm
    T2 20 mm
    NT1 present
    NL1 absent
  }
}`;

  it("gives one diagnostic per scan, on its date, for baseline lesions and earlier new lesions", () => {
    const [actual, expected] = expectMarked(source, "missing-measurement");
    assert.deepStrictEqual(actual, expected);
  });

  it("lists the missing ids in the message and in data, with where to insert them", () => {
    const text = source.replace(/[⟦⟧]/g, "");
    const diagnostics = runCore(text).structural.filter((d) => d.code === "missing-measurement");
    assert.deepStrictEqual(diagnostics.map((d) => d.data?.missing), [["T2", "NT1"], ["NL1"]]);
    assert.match(diagnostics[0].message, /^Not evaluated at this scan: T2, NT1;/);
    const first = diagnostics[0].data!;
    assert.equal(first.indent, "    ");
    // Insertion point: the start of the line holding the scan's closing brace.
    assert.equal(text.slice(first.insertAt as number, (first.insertAt as number) + 3), "  }");
  });

  it("does not apply to the baseline or to pre-treatment scans", () => {
    const codes = runCore(`patient P {
  scan 2024-12-01 CT {
    T1 20 mm
  }
  baseline 2025-01-01 CT {
    T1 target liver 20 mm
    T2 target lung 20 mm
  }
}`).all.map((d) => d.code);
    assert.deepStrictEqual(codes, []);
  });
});
