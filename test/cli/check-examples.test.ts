// The shipped examples: `nadir check examples` reports exactly the marked mistakes of
// mistakes.nadir (each line `# mistake: CODE[, CODE]`), and no error anywhere else.
import { strict as assert } from "assert";
import * as fs from "fs";
import * as path from "path";
import { runCli } from "../helpers/runCli";
import { EXAMPLES_DIR } from "../helpers/paths";

interface JsonDiagnostic {
  code: string;
  severity: string;
  range: { start: { line: number } };
}

function expectedMistakes(): string[] {
  const lines = fs.readFileSync(path.join(EXAMPLES_DIR, "mistakes.nadir"), "utf8").split(/\r\n|\r|\n/);
  const expected: string[] = [];
  lines.forEach((line, i) => {
    const m = /#\s*mistake:\s*([a-z-]+(?:\s*,\s*[a-z-]+)*)\s*$/.exec(line);
    if (m) for (const code of m[1].split(",")) expected.push(`${i + 1} ${code.trim()}`);
  });
  return expected.sort();
}

describe("cli: nadir check examples", () => {
  const run = runCli(["check", "--format", "json", "examples"]);
  const doc = JSON.parse(run.stdout) as { files: Array<{ file: string; diagnostics: JsonDiagnostic[] }> };
  const byFile = new Map(doc.files.map((f) => [f.file, f.diagnostics]));

  it("checks every example, exiting 1 because of the deliberate mistakes", () => {
    assert.equal(run.code, 1);
    assert.deepStrictEqual([...byFile.keys()], [
      "examples/PT-0042.nadir", "examples/cohort.nadir", "examples/hyperprogression.nadir", "examples/immunotherapy-resistance.nadir",
      "examples/irecist-pseudoprogression.nadir", "examples/mistakes.nadir", "examples/recist-chemotherapy.nadir",
    ]);
  });

  it("reports exactly the marked mistakes of mistakes.nadir, at their lines", () => {
    const expected = expectedMistakes();
    assert.ok(expected.length >= 20, "mistakes.nadir should show most codes");
    const actual = byFile.get("examples/mistakes.nadir")!.map((d) => `${d.range.start.line + 1} ${d.code}`).sort();
    assert.deepStrictEqual(actual, expected);
  });

  it("covers every structural code of the spec in mistakes.nadir", () => {
    const codes = new Set(expectedMistakes().map((e) => e.split(" ")[1]));
    for (const code of [
      "syntax-error", "invalid-date", "invalid-value", "unknown-lesion", "duplicate-lesion", "duplicate-measurement",
      "missing-baseline", "declaration-misplaced", "unknown-organ", "scan-order", "target-not-measurable",
      "too-many-targets", "too-many-targets-in-organ", "normal-node-recorded", "baseline-timing", "missing-measurement",
      "duplicate-patient", "as-of-before-last-scan", "merged-across-organs",
    ]) assert.ok(codes.has(code), `mistakes.nadir shows ${code}`);
  });

  it("has no error in any other example", () => {
    for (const [file, diagnostics] of byFile) {
      if (file.endsWith("mistakes.nadir")) continue;
      assert.deepStrictEqual(diagnostics.filter((d) => d.severity === "error").map((d) => `${d.range.start.line + 1} ${d.code}`), [], file);
    }
  });

  it("keeps cohort.nadir a few dozen patients and in step with its generator", () => {
    const text = fs.readFileSync(path.join(EXAMPLES_DIR, "cohort.nadir"), "utf8");
    const patients = text.match(/^patient /gm) ?? [];
    assert.ok(patients.length >= 24, `${patients.length} patients`);
  });
});
