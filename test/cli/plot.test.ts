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

  for (const kind of ["spider", "waterfall", "swimmer"]) {
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

  it("says which kinds exist (exit 2)", () => {
    const run = runCli(["plot", "--kind", "pie", "examples"]);
    assert.strictEqual(run.code, 2);
    assert.match(run.stderr, /unknown plot kind 'pie' \(use --kind spider\|waterfall\|swimmer\)/);
    assert.strictEqual(runCli(["plot", "examples"]).code, 2);
  });
});
