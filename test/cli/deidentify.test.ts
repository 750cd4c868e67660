import * as assert from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { runCli } from "../helpers/runCli";
import { EXAMPLES_DIR } from "../helpers/paths";

interface JsonReport {
  files: Array<{ diagnostics: Array<{ code: string; severity: string }> }>;
}

function checkJson(inputs: string[]): JsonReport {
  const run = runCli(["check", "--format", "json", ...inputs]);
  assert.ok(run.stdout.length > 0, `nadir check printed nothing: ${run.stderr}`);
  return JSON.parse(run.stdout) as JsonReport;
}

describe("nadir deidentify", () => {
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), "nadir-deid-"))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const EXAMPLES = ["examples/PT-0042.nadir", "examples/irecist-pseudoprogression.nadir", "examples/recist-chemotherapy.nadir", "examples/hyperprogression.nadir"];

  it("writes pseudonymised copies with the same findings, and the same output for the same --seed (R3-R13)", () => {
    const run = runCli(["deidentify", "--seed", "42", "--out", path.join(dir, "a"), ...EXAMPLES]);
    assert.strictEqual(run.code, 0, run.stderr);
    const written = fs.readdirSync(path.join(dir, "a")).sort();
    assert.strictEqual(written.length, EXAMPLES.length);
    assert.ok(written.includes(written.find((f) => /^P-[0-9A-F]{10}\.nadir$/.test(f))!), "single-patient files are named after their pseudonym");
    const again = runCli(["deidentify", "--seed", "42", "--out", path.join(dir, "b"), ...EXAMPLES]);
    assert.strictEqual(again.code, 0);
    for (const file of written) assert.strictEqual(fs.readFileSync(path.join(dir, "b", file), "utf8"), fs.readFileSync(path.join(dir, "a", file), "utf8"));

    const original = checkJson(EXAMPLES);
    const copies = checkJson([path.join(dir, "a")]);
    const codes = (r: JsonReport) => r.files.map((f) => f.diagnostics.map((d) => d.code).join(",")).sort();
    assert.deepStrictEqual(codes(copies), codes(original));
    const all = written.map((f) => fs.readFileSync(path.join(dir, "a", f), "utf8")).join("\n");
    assert.ok(!all.includes("PT-0042") && !all.includes("#") && !all.includes("2025-01-02"));
  });

  it("does not write a file with errors, says where they are, and exits 1", () => {
    const run = runCli(["deidentify", "--seed", "1", "--out", dir, "examples/mistakes.nadir", "examples/PT-0042.nadir"]);
    assert.strictEqual(run.code, 1);
    assert.match(run.stderr, /^examples\/mistakes\.nadir:\d+:\d+ error /m);
    assert.match(run.stderr, /mistakes\.nadir not written/);
    assert.strictEqual(fs.readdirSync(dir).length, 1);
  });

  it("needs --out, and never writes next to its inputs (exit 2)", () => {
    assert.match(runCli(["deidentify", "examples/PT-0042.nadir"]).stderr, /--out DIR/);
    fs.copyFileSync(path.join(EXAMPLES_DIR, "PT-0042.nadir"), path.join(dir, "PT-0042.nadir"));
    const run = runCli(["deidentify", "--out", dir, path.join(dir, "PT-0042.nadir")]);
    assert.strictEqual(run.code, 2);
    assert.match(run.stderr, /holds input files/);
  });
});
