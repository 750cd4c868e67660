// Issue 10, item 1: recovery keeps what a broken line still says, so that one mistake is one
// error. A lesion line whose value cannot be read keeps its id and declaration (its value is
// `Broken`); a block header that does not parse still opens its block; a scan header whose date
// can be read keeps it. Each case: exactly one syntax-error for the mistake, no other error, and
// the meaning that was readable is still there.
import { strict as assert } from "assert";
import { parseText } from "../../../server/src/core/syntax/parse";
import { runCore } from "../../helpers/analysis";
import { LineIndex } from "../../../server/src/core/text/lineIndex";
import type { LesionNode } from "../../../server/src/core/syntax/ast";
import { UNREADABLE_BASELINE_CASE } from "../../helpers/issue10";

/** Every error of the syntax layer and the structural checks, as "line code". */
function errors(text: string): string[] {
  const index = new LineIndex(text);
  return runCore(text).all.filter((d) => d.severity === "error").map((d) => `${index.positionAt(d.start).line + 1} ${d.code}`);
}

const BROKEN_VALUES = ["4,2 cm", "12 mmm", "abesnt", "-3 mm", "12", "", "\"seg 6", "split 12 mm +", "merged into", "progresed", "1.2.3 mm", "12 mm extra"];

describe("syntax: recovery keeps the meaning that can be read (issue 10)", () => {
  it("the issue's case: `T1 target liver \"seg 6\" 4,2 cm` is one syntax-error; T1 stays a declared target and later T1 lines are not unknown", () => {
    const text = UNREADABLE_BASELINE_CASE;
    assert.deepStrictEqual(errors(text), ["3 syntax-error"]);
    const diagnostic = parseText(text).diagnostics[0];
    assert.equal(diagnostic.message, "Expected a value such as `12 mm`, `absent` or `not evaluated`, found `4,2`.");
    assert.equal(text.slice(diagnostic.start, diagnostic.end), "4,2");
    const { model } = runCore(text);
    const t1 = model.patients[0].episodes[0].lesions.get("T1")!;
    assert.deepStrictEqual([t1.kind, t1.organ, t1.description], ["target", "liver", "seg 6"]);
    assert.deepStrictEqual(model.patients[0].episodes[0].baseline!.measurements[0].value, { kind: "broken", line: 3 });
  });

  it("every form of lesion line with any unreadable value: one syntax-error, the declaration kept, no cascade", () => {
    const forms: Array<{ at: "baseline" | "scan"; line: (v: string) => string; declare: LesionNode["declare"]; organ: string | null }> = [
      { at: "baseline", line: (v) => `T1 target liver "seg 6" ${v}`, declare: "target", organ: "liver" },
      { at: "baseline", line: (v) => `NT1 non-target bone ${v}`, declare: "non-target", organ: "bone" },
      { at: "scan", line: (v) => `NL1 new equivocal lung "apex" ${v}`, declare: "new", organ: "lung" },
      { at: "scan", line: (v) => `T2 ${v}`, declare: null, organ: null },
    ];
    for (const form of forms) {
      for (const value of BROKEN_VALUES) {
        // A value that happens to read as an organ word makes `new ORGAN` the reading: skip those for the new form.
        if (form.declare === "new" && /^[a-z]/.test(value)) continue;
        const broken = form.line(value).trimEnd();
        const id = broken.split(" ")[0];
        const declarations = ["T1 target liver 42 mm", "T2 target lung 30 mm", "NT1 non-target bone present"].filter((l) => form.at !== "baseline" || !l.startsWith(`${id} `));
        const text = `patient P {
  baseline 2025-01-02 CT {
    ${form.at === "baseline" ? broken : ""}
    ${declarations.join("\n    ")}
  }
  scan 2025-03-01 CT {
    ${["T1 40 mm", "T2 20 mm", "NT1 present"].filter((l) => form.at !== "scan" || !l.startsWith(`${id} `)).join("\n    ")}
    ${form.at === "scan" ? broken : ""}
  }
  scan 2025-05-01 CT {
    T1 40 mm
    T2 20 mm
    NT1 present
    ${form.declare === "new" ? "NL1 12 mm" : ""}
  }
}
`;
        const line = text.split("\n").findIndex((l) => l.trim() === broken) + 1;
        assert.deepStrictEqual(errors(text), [`${line} syntax-error`], broken);
        const scanNode = runCore(text).model.patients[0].assessments[form.at === "baseline" ? 0 : 1];
        const m = scanNode.measurements.find((x) => x.lesionId === id)!;
        assert.ok(m, `${broken}: the line is kept`);
        assert.deepStrictEqual([m.value.kind, m.node.declare, m.node.organ?.value ?? null], ["broken", form.declare, form.organ], broken);
      }
    }
  });

  it("a misspelt kind at the baseline is one error, and later mentions of the id are not unknown", () => {
    const text = `patient P {
  baseline 2025-01-02 CT {
    T1 tagret liver 42 mm
    T2 target lung 30 mm
  }
  scan 2025-03-01 CT {
    T1 40 mm
    T2 20 mm
  }
}
`;
    assert.deepStrictEqual(errors(text), ["3 syntax-error"]);
    const episode = runCore(text).model.patients[0].episodes[0];
    assert.deepStrictEqual(episode.unreadable.map((u) => u.measurement.lesionId), ["T1"]);
  });

  it("a misspelt keyword or unknown line at a follow-up is one error (no unknown-lesion for its first word)", () => {
    const text = `patient P {
  baseline 2025-01-02 CT {
    T1 target liver 42 mm
  }
  scan 2025-03-01 CT {
    T1 40 mm
    ecgo 2
    NL1 nwe liver 12 mm
  }
}
`;
    assert.deepStrictEqual(errors(text), ["7 syntax-error", "8 syntax-error"]);
  });

  it("`patien PT-1 {` at file level opens its block: one error, not one per line of the block", () => {
    const text = `patien PT-1 {
  baseline 2025-01-02 CT {
    T1 target liver 42 mm
  }
  scan 2025-03-01 CT {
    T1 40 mm
  }
}
patient PT-2 {
  baseline 2025-01-02 CT {
    T1 target liver 42 mm
  }
}
`;
    assert.deepStrictEqual(errors(text), ["1 syntax-error"]);
    assert.equal(parseText(text).diagnostics[0].message, "Expected `patient`, found `patien`.");
    const { model } = runCore(text);
    assert.deepStrictEqual(model.patients.map((p) => [p.id, p.assessments.length]), [["", 2], ["PT-2", 1]]);
  });

  it("`patient PT 1 {` (a broken header with the keyword) says what was expected there", () => {
    const text = "patient PT 1 {\n  baseline 2025-01-02 CT {\n    T1 target liver 42 mm\n  }\n}\n";
    assert.deepStrictEqual(errors(text), ["1 syntax-error"]);
    assert.equal(parseText(text).diagnostics[0].message, "Expected `{`, found `1`.");
  });

  it("a scan header with a misspelt keyword opens its block; its `}` does not close the patient", () => {
    const text = `patient P {
  baseline 2025-01-02 CT {
    T1 target liver 42 mm
  }
  scna 2025-03-01 CT {
    T1 40 mm
  }
  scan 2025-05-01 CT {
    T1 20 mm
  }
}
patient Q {
  baseline 2025-01-02 CT {
    T1 target liver 42 mm
  }
}
`;
    assert.deepStrictEqual(errors(text), ["5 syntax-error"]);
    assert.match(parseText(text).diagnostics[0].message, /^Unknown statement `scna`: inside a patient/);
    const { model } = runCore(text);
    // The block is left out of the model (its kind and date are unknown); everything else stays.
    assert.deepStrictEqual(model.patients.map((p) => `${p.id}:${p.assessments.map((a) => a.date).join(",")}`), ["P:2025-01-02,2025-05-01", "Q:2025-01-02"]);
  });

  it("a block that never closes is reported at its `{`", () => {
    const text = "patient P {\n  baseline 2025-01-02 CT {\n    T1 target liver 42 mm\n  }\n  scna 2025-03-01 CT {\n    T1 40 mm\n";
    const index = new LineIndex(text);
    const diagnostics = parseText(text).diagnostics.sort((a, b) => a.start - b.start);
    assert.deepStrictEqual(diagnostics.map((d) => `${index.positionAt(d.start).line + 1}:${index.positionAt(d.start).character}`), ["1:10", "5:2", "5:21"]);
    assert.match(diagnostics[2].message, /`\{` of the scan block is never closed/);
  });

  it("a scan header whose modality cannot be read keeps its date: one error, the scan still counts", () => {
    const text = `patient P {
  baseline 2025-01-02 CTT {
    T1 target liver 42 mm
  }
  scan 2025-03-01 C T {
    T1 40 mm
  }
}
`;
    assert.deepStrictEqual(errors(text), ["2 syntax-error", "5 syntax-error"]);
    assert.equal(parseText(text).diagnostics[0].message, "Expected a modality (`CT`, `MRI`, `PET-CT`, `X-ray`, `US` or `clinical`) or `{`, found `CTT`.");
    const p = runCore(text).model.patients[0];
    assert.deepStrictEqual(p.assessments.map((a) => `${a.kind} ${a.date} ${a.modality}`), ["baseline 2025-01-02 null", "scan 2025-03-01 null"]);
    assert.deepStrictEqual([...p.episodes[0].lesions.keys()], ["T1"]);
  });
});
