// Line ends, byte-order mark, tabs and non-ASCII text (spec, lexical rules).
import { strict as assert } from "assert";
import { parseText } from "../../../server/src/core/syntax/parse";
import { buildModel } from "../../../server/src/core/model/build";
import { LineIndex } from "../../../server/src/core/text/lineIndex";
import { runCore } from "../../helpers/analysis";

const LINES = [
  "patient P {",
  "  baseline 2025-01-02 CT {",
  "    T1 target liver 42 mm",
  "  }",
  "  scan 2025-03-01 CT {",
  "    T9 30 mm",
  "  }",
  "}",
];

function unknownLesionPosition(text: string) {
  const d = runCore(text).all;
  assert.deepStrictEqual(d.map((x) => x.code), ["unknown-lesion", "missing-measurement"].sort((a, b) => (a === "missing-measurement" ? -1 : 1) - (b === "missing-measurement" ? -1 : 1)));
  const unknown = d.find((x) => x.code === "unknown-lesion")!;
  return { at: new LineIndex(text).positionAt(unknown.start), covered: text.slice(unknown.start, unknown.end) };
}

describe("syntax: text encodings and line ends", () => {
  for (const [name, eol] of [["LF", "\n"], ["CRLF", "\r\n"], ["lone CR", "\r"]] as const) {
    it(`reads ${name} line ends, with LSP positions on the right line`, () => {
      const text = LINES.join(eol) + eol;
      assert.deepStrictEqual(unknownLesionPosition(text), { at: { line: 5, character: 4 }, covered: "T9" });
    });
  }

  it("ignores a leading byte-order mark", () => {
    const text = `\uFEFF${LINES.join("\n")}\n`;
    assert.deepStrictEqual(parseText(text).diagnostics, []);
    assert.equal(buildModel(parseText(text).file).patients[0].id, "P");
  });

  it("accepts tabs between and before tokens", () => {
    const text = "patient\tP\t{\n\tbaseline\t2025-01-02\tCT\t{\n\t\tT1\ttarget\tliver\t\"a\"\t42\tmm\n\t}\n}\n";
    assert.deepStrictEqual(parseText(text).diagnostics, []);
    const model = buildModel(parseText(text).file);
    assert.equal(model.patients[0].episodes[0].lesions.get("T1")?.organ, "liver");
  });

  it("keeps non-ASCII text in strings and counts columns in UTF-16 code units", () => {
    const text = 'patient "Zoë Ångström 🩺" {\n  baseline 2025-01-02 CT {\n    T1 target liver "ségment VII 🫀" 42 mm  T2\n  }\n}\n';
    const { file, diagnostics } = parseText(text);
    const patient = file.items[0];
    assert.equal(patient.type === "Patient" && patient.header.id?.value, "Zoë Ångström 🩺");
    // The stray `T2` after the value: its column counts the emoji as two UTF-16 code units.
    assert.equal(diagnostics.length, 1);
    assert.deepStrictEqual(new LineIndex(text).positionAt(diagnostics[0].start), { line: 2, character: 44 });
    assert.equal(text.slice(diagnostics[0].start, diagnostics[0].end), "T2");
  });
});
