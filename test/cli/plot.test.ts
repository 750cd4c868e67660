import * as assert from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { XMLValidator } from "fast-xml-parser";
import { runCli } from "../helpers/runCli";

describe("nadir plot", () => {
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), "nadir-plot-"))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  for (const kind of ["spider", "waterfall", "swimmer", "timeline"]) {
    it(`--kind ${kind} -o FILE writes a valid, accessible SVG of the cohort example`, () => {
      const out = path.join(dir, "figures", `${kind}.svg`);
      const run = runCli(["plot", "--kind", kind, "-o", out, "examples/cohort.nadir"]);
      assert.strictEqual(run.code, 0, run.stderr);
      const svg = fs.readFileSync(out, "utf8");
      assert.strictEqual(XMLValidator.validate(svg), true);
      assert.match(svg, /<svg [^>]*role="img"/);
      assert.match(svg, /<title id="nadir-title">[^<]+<\/title>/);
      assert.match(svg, /<desc id="nadir-desc">[^<]+<\/desc>/);
      assert.ok((svg.match(/data-patient="/g) ?? []).length > 10, "one mark per patient of the cohort");
    });
  }

  it("prints to standard output without -o, the same SVG every run", () => {
    const a = runCli(["plot", "--kind", "waterfall", "examples"]);
    const b = runCli(["plot", "--kind", "waterfall", "examples"]);
    assert.strictEqual(a.code, 0);
    assert.match(a.stdout, /^<\?xml/);
    assert.strictEqual(a.stdout, b.stdout);
  });

  it("leaves out patients with errors, naming each with its codes and lines on stderr; --include-incomplete draws them marked", () => {
    const run = runCli(["plot", "--kind", "swimmer", "examples/mistakes.nadir", "examples/PT-0042.nadir"]);
    assert.strictEqual(run.code, 0, run.stderr);
    assert.match(run.stderr, /^nadir plot: left out ERR-0001 of examples\/mistakes\.nadir \(incomplete: invalid-date line 8, .*\); --include-incomplete keeps it$/m);
    assert.ok(!run.stdout.includes('data-patient="ERR-0001"'));
    assert.ok(run.stdout.includes('data-patient="PT-0042"'));
    const all = runCli(["plot", "--kind", "swimmer", "--include-incomplete", "examples/mistakes.nadir"]);
    assert.strictEqual(all.code, 0, all.stderr);
    assert.match(all.stdout, /<g class="lane incomplete" data-patient="ERR-0001">/);
    assert.match(all.stderr, /^nadir plot: included ERR-0001 of examples\/mistakes\.nadir although incomplete \(invalid-date line 8, /m);
  });

  it("empty input, or nothing left after leaving out incomplete patients, is exit 2 with a message, not an empty figure", () => {
    const empty = runCli(["plot", "--kind", "spider", "-"], { input: "# nothing here\n" });
    assert.strictEqual(empty.code, 2);
    assert.match(empty.stderr, /nothing to plot: the input holds no patient with a baseline/);
    assert.strictEqual(empty.stdout, "");
    const broken = runCli(["plot", "--kind", "swimmer", "-"], { input: "patient X {\n  baseline 2025-01-02 CT {\n    T1 target liver 4,2 cm\n  }\n}\n" });
    assert.strictEqual(broken.code, 2, broken.stderr);
    assert.match(broken.stderr, /left out X/);
    assert.match(broken.stderr, /nothing to plot: every patient with a baseline was left out as incomplete/);
  });

  it("says which kinds exist (exit 2)", () => {
    const run = runCli(["plot", "--kind", "pie", "examples"]);
    assert.strictEqual(run.code, 2);
    assert.match(run.stderr, /unknown plot kind 'pie' \(use --kind spider\|waterfall\|swimmer\|timeline\)/);
    assert.strictEqual(runCli(["plot", "examples"]).code, 2);
  });
});
