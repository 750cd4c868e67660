// Everything the project ships or generates is formatted (issue 10, item 12): every example, the
// cohort of scripts/generate-cohort.js and the benchmark cohorts of bench/generate.ts, run here
// with small sizes. PT-0042.nadir is the language reference's example with the formatter's
// alignment: the reference's own spacing (test/fixtures/spec-example.nadir, verbatim) must keep
// parsing and meaning exactly the same.
import { strict as assert } from "assert";
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { formatText } from "../../server/src/core/format";
import { analyze } from "../../server/src/core/analyze";
import { patientsJson } from "../../server/src/core/engine/json";
import { parseDay } from "../../server/src/core/util/dates";
import { generateCohort, generateCohortOfSize } from "../../bench/generate";
import { EXAMPLES_DIR, REPO_ROOT } from "../helpers/paths";
import { runCli } from "../helpers/runCli";

const EXAMPLES = fs.readdirSync(EXAMPLES_DIR).filter((f) => f.endsWith(".nadir")).sort();

function generateCohortScript(args: string[]): string {
  const run = spawnSync(process.execPath, [path.join(REPO_ROOT, "scripts", "generate-cohort.js"), ...args], { encoding: "utf8" });
  assert.equal(run.status, 0, run.stderr);
  return run.stdout;
}

describe("formatting: the examples and every generator's output are formatted", function () {
  this.timeout(60000);

  it("every file in examples/ is formatted, and `nadir format --check examples` agrees", () => {
    assert.ok(EXAMPLES.length >= 6, EXAMPLES.join(", "));
    for (const name of EXAMPLES) {
      const text = fs.readFileSync(path.join(EXAMPLES_DIR, name), "utf8");
      assert.equal(formatText(text), text, `${name} is not formatted (run 'nadir format --write examples')`);
    }
    const run = runCli(["format", "--check", "examples"]);
    assert.deepStrictEqual([run.code, run.stdout, run.stderr], [0, "", ""]);
  });

  it("PT-0042.nadir is the reference example formatted: the reference's spacing means the same", () => {
    const verbatim = fs.readFileSync(path.join(REPO_ROOT, "test", "fixtures", "spec-example.nadir"), "utf8");
    const example = fs.readFileSync(path.join(EXAMPLES_DIR, "PT-0042.nadir"), "utf8");
    assert.notEqual(verbatim, example, "the fixture keeps the reference's own alignment");
    assert.equal(formatText(verbatim), example);
    assert.equal(verbatim.replace(/[ \t]+/g, " "), example.replace(/[ \t]+/g, " "), "only spaces differ");
    const today = parseDay("2025-07-01")!;
    const [a, b] = [analyze(verbatim, { today }), analyze(example, { today })];
    assert.deepStrictEqual(patientsJson(a.assessment, a.text), patientsJson(b.assessment, b.text));
    const findings = (x: typeof a) => x.diagnostics.map((d) => `${x.text.slice(0, d.start).split("\n").length} ${d.code} ${d.message}`);
    assert.deepStrictEqual(findings(a), findings(b));
    assert.ok(!a.diagnostics.some((d) => d.severity === "error"));
  });

  it("scripts/generate-cohort.js writes formatted text, and the committed cohort is its output", () => {
    const small = generateCohortScript(["--patients", "4", "--out", "-"]);
    assert.equal((small.match(/^patient /gm) ?? []).length, 4);
    assert.equal(formatText(small), small);
    const full = generateCohortScript(["--out", "-"]);
    assert.equal(full, fs.readFileSync(path.join(EXAMPLES_DIR, "cohort.nadir"), "utf8"), "examples/cohort.nadir is in step with its generator");
  });

  it("bench/generate.ts writes formatted cohorts, whatever the seed and size", () => {
    for (const [seed, patients] of [[1, 1], [2, 5], [20250101, 12]]) {
      const { text } = generateCohort(seed, patients);
      assert.equal(formatText(text), text, `seed ${seed}, ${patients} patients`);
    }
    const sized = generateCohortOfSize(3, 20_000).text;
    assert.ok(sized.length >= 20_000);
    assert.equal(formatText(sized), sized);
    for (const profile of ["small", "progressing", "responding", "missed-follow-ups"] as const) {
      const cohort = generateCohortOfSize(4, 30_000, profile).text;
      assert.equal(formatText(cohort), cohort, `profile ${profile}`);
    }
  });
});
