// P1 two diameters: `A x B` (and `×`) in lengths and split fragments; the model keeps both in
// tenths and reads A for non-nodal lesions and B for nodes (the smaller number as the
// perpendicular, Decision 6); a broken value stays one syntax error that keeps the declaration;
// perpendicular-order and implausible sizes; the formatter writes `42 x 30 mm`.
import { strict as assert } from "assert";
import { parseText } from "../../../server/src/core/syntax/parse";
import { buildModel } from "../../../server/src/core/model/build";
import { runCore } from "../../helpers/analysis";
import { formatText } from "../../../server/src/core/format";
import { describeValue } from "../../../server/src/service/describe";

const CASE = `patient P {
  baseline 2025-01-02 CT {
    T1 target liver "segment VII" 42 x 30 mm
    T2 target lung 2.0×1.5 cm
    N1 target node 25 x 17 mm
    N2 target node 15 x 30 mm
  }
  scan 2025-03-01 CT {
    T1 split 20 x 10 mm + 8 x 6 mm
    T2 12 mm
    N1 split 12 x 9 mm + 8 mm
    N2 30 x 15 mm
  }
}
`;

describe("P1: two diameters", () => {
  it("parses `A x B` and `A × B` with a unit, in values and split fragments, with no error", () => {
    assert.deepEqual(parseText(CASE).diagnostics, []);
    const scan = (parseText(CASE).file.items[0] as { items: Array<{ items: Array<{ value: { type: string; perpendicular?: { text: string } | null; fragments?: Array<{ perpendicular: { text: string } | null }> } }> }> }).items[0];
    assert.deepEqual(scan.items.map((l) => l.value.perpendicular?.text ?? null), ["30", "1.5", "17", "30"]);
  });

  it("model: both diameters in tenths; RECIST reads the longest (a node: the smaller, its short axis); written B > A they are swapped (Decision 6)", () => {
    const model = buildModel(parseText(CASE).file, CASE);
    const [baseline, scan] = model.patients[0].assessments;
    const values = (a: typeof baseline) => a.measurements.map((m) => (m.value.kind === "size" ? [m.value.tenths, m.value.diameters ?? null] : null));
    assert.deepEqual(values(baseline), [
      [420, [{ long: 420, short: 300 }]],
      [200, [{ long: 200, short: 150 }]],
      [170, [{ long: 250, short: 170 }]],
      [150, [{ long: 300, short: 150 }]],
    ]);
    assert.deepEqual(values(scan), [
      [280, [{ long: 200, short: 100 }, { long: 80, short: 60 }]],
      [120, null],
      [170, [{ long: 120, short: 90 }, { long: 80, short: null }]],
      [150, [{ long: 300, short: 150 }]],
    ]);
  });

  it("a broken value with two diameters is one syntax error that keeps the declaration (issue 10)", () => {
    const text = `patient P {\n  baseline 2025-01-02 CT {\n    T1 target liver 42 x mm\n    T2 target lung 20 x 10\n  }\n}\n`;
    const parsed = parseText(text);
    assert.deepEqual(parsed.diagnostics.map((d) => [d.code, text.slice(d.start, d.end), d.message]), [
      ["syntax-error", "42", "Expected two diameters and a unit, such as `42 x 30 mm`, from `42` on."],
      ["syntax-error", "20", "Expected two diameters and a unit, such as `42 x 30 mm`, from `20` on."],
    ]);
    const lesions = buildModel(parsed.file, text).patients[0].episodes[0].lesions;
    assert.deepEqual([...lesions.keys()], ["T1", "T2"]);
  });

  it("perpendicular-order warns where the second diameter is larger; a second diameter above 500 mm is invalid-value", () => {
    const run = runCore(`${CASE.replace("T2 12 mm", "T2 12 x 600 mm")}`);
    const text = `${CASE.replace("T2 12 mm", "T2 12 x 600 mm")}`;
    assert.deepEqual(run.all.filter((d) => d.code === "perpendicular-order").map((d) => text.slice(d.start, d.end)), ["15 x 30 mm", "12 x 600 mm"]);
    assert.match(run.all.find((d) => d.code === "perpendicular-order")!.message, /Nadir reads it as `30 x 15 mm` \(P1\)/);
    assert.deepEqual(run.all.filter((d) => d.code === "invalid-value").map((d) => text.slice(d.start, d.end)), ["12 x 600 mm"]);
  });

  it("the formatter writes `42 x 30 mm` (× and spacing normalised, numbers and order kept); one-diameter values as written", () => {
    const text = `patient P {\n  baseline 2025-01-02 CT {\n    T1 target liver 42×30mm\n    T2 target lung split 20x10  mm +  8 × 6 mm\n    T3 target kidney 12mm\n  }\n}\n`;
    const formatted = formatText(text);
    assert.match(formatted, /T1 target liver  42 x 30 mm\n/);
    assert.match(formatted, /T2 target lung   split 20 x 10 mm \+ 8 x 6 mm\n/);
    assert.match(formatted, /T3 target kidney 12mm\n/);
    const values = (t: string) => buildModel(parseText(t).file, t).patients[0].assessments[0].measurements.map((m) => m.value);
    assert.deepEqual(values(formatted), values(text));
  });

  it("the hover words a two-diameter value with what it counts and its product", () => {
    assert.equal(describeValue({ kind: "size", tenths: 420, source: "length", diameters: [{ long: 420, short: 300 }] }), "42 x 30 mm (counts 42 mm; product 1260 mm², irRC)");
  });
});
