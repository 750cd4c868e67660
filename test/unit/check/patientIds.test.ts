import { strict as assert } from "assert";
import { expectMarked, runCore } from "../../helpers/analysis";
import { crossFileDuplicatePatients } from "../../../server/src/core/check/families/patientIds";
import { analyze } from "../../../server/src/core/analyze";
import { reanalyze } from "../../../server/src/core/incremental/reanalyze";
import { parseDay } from "../../../server/src/core/util/dates";

const BLOCK = (id: string) => `patient ${id} {
  baseline 2025-01-01 CT {
    T1 target liver 20 mm
  }
}
`;

describe("check: duplicate-patient", () => {
  it("flags the id of every later block that repeats an id of the file, not the first", () => {
    const [actual, expected] = expectMarked(`patient PT-1 {
  baseline 2025-01-01 CT {
    T1 target liver 20 mm
  }
}
patient PT-2 {
  baseline 2025-01-01 CT {
    T1 target liver 20 mm
  }
}
patient ⟦PT-1⟧ {
  baseline 2025-02-01 CT {
    T1 target liver 30 mm
  }
}
patient ⟦"PT-1"⟧ {
}
patient ⟦PT-2⟧ {
}
`, "duplicate-patient");
    assert.deepStrictEqual(actual, expected);
  });

  it("is an error that names the line of the first block, and makes the later block incomplete", () => {
    const text = `${BLOCK("PT-1")}\n${BLOCK("PT-1")}`;
    const found = runCore(text).structural.filter((d) => d.code === "duplicate-patient");
    assert.deepStrictEqual(found.map((d) => [d.severity, d.message]), [
      ["error", "Patient PT-1 is already in this file (line 1): one patient, one block; merge the two blocks or give this patient its own id."],
    ]);
    const patients = analyze(text, { today: parseDay("2025-06-01")! }).assessment.patients;
    assert.deepStrictEqual(patients.map((p) => p.complete), [true, false]);
  });

  it("does not compare ids that differ only in case, or patients without an id", () => {
    assert.deepStrictEqual(runCore(`${BLOCK("pt-1")}${BLOCK("PT-1")}patient {\n}\npatient {\n}\n`).structural
      .filter((d) => d.code === "duplicate-patient"), []);
  });

  it("survives per-patient re-analysis of an edit inside the later block", () => {
    const options = { today: parseDay("2025-06-01")! };
    const text = `${BLOCK("PT-1")}\n${BLOCK("PT-1")}`;
    const at = text.lastIndexOf("20 mm");
    const result = reanalyze(analyze(text, options), { start: at, end: at + 2, text: "25" }, options);
    assert.equal(result.incremental, true);
    const full = analyze(result.analysis.text, options);
    assert.deepStrictEqual(result.analysis.diagnostics, full.diagnostics);
    assert.ok(full.diagnostics.some((d) => d.code === "duplicate-patient"));
    assert.deepStrictEqual(result.analysis.assessment.patients.map((p) => p.complete), [true, false]);
  });
});

describe("check: duplicate-patient across the files of one run", () => {
  const file = (path: string, text: string) => ({
    path, text, patients: runCore(text).model.patients.map((p) => ({ id: p.id, start: p.idSpan.start, end: p.idSpan.end })),
  });

  it("warns on the first block of each later file that repeats an id, naming the earlier file and line", () => {
    const a = file("a.nadir", `# cohort A\n${BLOCK("PT-1")}${BLOCK("PT-2")}`);
    const b = file("b.nadir", `${BLOCK("PT-3")}${BLOCK("PT-2")}${BLOCK("PT-2")}`);
    const c = file("c.nadir", BLOCK("PT-1"));
    const found = crossFileDuplicatePatients([a, b, c]);
    assert.deepStrictEqual([...found.keys()], [1, 2]);
    const [inB] = found.get(1)!;
    assert.equal(b.text.slice(inB.start, inB.end), "PT-2");
    assert.equal(inB.start, b.text.indexOf("PT-2"));
    assert.deepStrictEqual([inB.code, inB.severity], ["duplicate-patient", "warning"]);
    assert.match(inB.message, /^Patient PT-2 is also in a\.nadir \(line 7\)/);
    assert.match(found.get(2)![0].message, /^Patient PT-1 is also in a\.nadir \(line 2\)/);
  });

  it("says nothing when every file holds its own patients", () => {
    assert.equal(crossFileDuplicatePatients([file("a.nadir", BLOCK("PT-1")), file("b.nadir", BLOCK("PT-2"))]).size, 0);
  });
});
