// A broken statement costs one syntax-error, on its own line; the rest of the file still counts.
import { strict as assert } from "assert";
import { parseText } from "../../../server/src/core/syntax/parse";
import { buildModel } from "../../../server/src/core/model/build";
import { runCore } from "../../helpers/analysis";
import { LineIndex } from "../../../server/src/core/text/lineIndex";

function syntaxErrorLines(text: string): number[] {
  const index = new LineIndex(text);
  return parseText(text).diagnostics.filter((d) => d.code === "syntax-error").map((d) => index.positionAt(d.start).line);
}

describe("syntax: recovery", () => {
  it("gives exactly one syntax-error per broken line and keeps the rest of the file", () => {
    const text = `patient P {
  criteria RECIST 2.0
  therapy from 2025-01-06
  baseline 2025-01-02 CT {
    T1 target liver 42
    T2 target lung 18 mm
    T3 target liver 20 mm extra words
    N1 target node 17 mm
  }
  ctdna 2025-01-02 vaf two %
  ctdna 2025-04-20 vaf 0.3 %
}
patient Q {
  baseline 2025-01-02 CT {
    T1 target liver 30 mm
  }
}
`;
    assert.deepStrictEqual(syntaxErrorLines(text), [1, 2, 4, 6, 9]);
    const model = buildModel(parseText(text).file);
    assert.deepStrictEqual(model.patients.map((p) => p.id), ["P", "Q"]);
    const baseline = model.patients[0].episodes[0].baseline!;
    // T1 and T3 keep their declarations; their values cannot be read (issue 10).
    assert.deepStrictEqual(baseline.measurements.map((m) => `${m.lesionId} ${m.value.kind}`), ["T1 broken", "T2 size", "T3 broken", "N1 size"]);
    assert.deepStrictEqual(model.patients[0].ctdna.map((c) => c.date), ["2025-04-20"]);
  });

  it("three broken statements in three scans give three syntax-errors, and an unknown lesion elsewhere is still reported", () => {
    const text = `patient P {
  baseline 2025-01-02 CT {
    T1 target liver 42 mm
    T2 target lung 18 mm
  }
  scan 2025-03-01 CT {
    T1 30 mm
    T2 too smal
  }
  scan 2025-04-26 CT {
    T1 3.8 cm
    T2 abscent
  }
  scan 2025-06-20 CT {
    T1 4 cm cm
    T2 absent
  }
  scan 2025-08-15 CT {
    T1 40 mm
    T2 absent
    T9 12 mm
  }
}
`;
    const { all } = runCore(text);
    const index = new LineIndex(text);
    assert.deepStrictEqual(
      all.filter((d) => d.code === "syntax-error" || d.code === "unknown-lesion").map((d) => `${index.positionAt(d.start).line + 1} ${d.code}`),
      ["8 syntax-error", "12 syntax-error", "15 syntax-error", "21 unknown-lesion"],
    );
  });

  it("reports an unclosed { where it opened, and still reads the blocks that follow", () => {
    const text = `patient P {
  baseline 2025-01-02 CT {
    T1 target liver 42 mm
  scan 2025-03-01 CT {
    T1 30 mm
  }
}
patient Q {
  baseline 2025-01-02 CT {
    T1 target liver 42 mm
  }
`;
    const errors = parseText(text).diagnostics;
    const index = new LineIndex(text);
    assert.deepStrictEqual(errors.map((d) => [index.positionAt(d.start), text.slice(d.start, d.end)]), [
      [{ line: 1, character: 25 }, "{"],
      [{ line: 7, character: 10 }, "{"],
    ]);
    assert.match(errors[0].message, /`\{` of the baseline block is never closed/);
    assert.match(errors[1].message, /`\{` of the patient block is never closed/);
    const model = buildModel(parseText(text).file);
    assert.deepStrictEqual(model.patients.map((p) => `${p.id}:${p.assessments.length}`), ["P:2", "Q:1"]);
  });

  it("reports text outside a patient block once per line", () => {
    assert.deepStrictEqual(syntaxErrorLines("hello there\npatient P {\n}\nstray words\n"), [0, 3]);
  });
});
