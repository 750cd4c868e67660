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
    // A one-line biopsy's free text is removed by design, and with it what `biopsy-unstructured` read from it (R31).
    const codes = (r: JsonReport) => r.files.map((f) => f.diagnostics.map((d) => d.code).filter((c) => c !== "biopsy-unstructured").join(",")).sort();
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

  it("rebuilds a file full of fake PHI through the allow-list, names its broken lines (not their text) and exits 0", () => {
    const phi = `# Jane Roe, DOB 1958-04-12, MRN 99812, 7 Hill Road
patient "Jane Roe 99812" {
  therapy "nivolumab (Dr Moe, 7 Hill Road)" from 2025-01-06 immunotherapy
  therapy RoeTrial from 2025-06-06 trial
  baseline 2025-01-02 CT {
    RoeA target hillgland "Roe's lesion" 42 mm
    T2 target liver 4,2 cm
  }
  scan 2025-03-01 CT {
    RoeA 30 mm
    Jane Roe called
  }
  marker 2025-01-02 Roe99812 4 RoeUnits uln 5
  biopsy 2025-03-10 hillgland "Roe: adenocarcinoma"
  decision 2025-03-12 "call Jane Roe on 555-0101"
  note "lives at 7 Hill Road"
}
`;
    fs.writeFileSync(path.join(dir, "phi.nadir"), phi);
    const run = runCli(["deidentify", "--seed", "7", "--out", path.join(dir, "out"), path.join(dir, "phi.nadir")]);
    assert.strictEqual(run.code, 0, run.stderr);
    assert.match(run.stderr, /phi\.nadir: lines 7, 11 did not parse; written to P-[0-9A-F]{10}\.nadir as placeholder lines/);
    assert.ok(!/Roe|Jane|Moe|Hill|99812|1958|555/i.test(run.stderr), run.stderr);
    const [name] = fs.readdirSync(path.join(dir, "out"));
    const out = fs.readFileSync(path.join(dir, "out", name), "utf8");
    assert.ok(!/Roe|Jane|Moe|Hill|99812|1958|555|4,2/i.test(out), out);
    assert.match(out, /therapy THERAPY-1 from/);
    assert.match(out, /T1 +target other-a +42 mm/);
  });

  it("documents every --keep flag in --help and accepts them", () => {
    const help = runCli(["deidentify", "--help"]).stdout;
    for (const flag of ["--keep-text", "--keep-therapy-names", "--keep-organs", "--keep-markers", "--keep-lesion-ids"]) assert.ok(help.includes(flag), flag);
    const run = runCli(["deidentify", "--seed", "1", "--keep-organs", "--keep-markers", "--out", dir, "examples/PT-0042.nadir"]);
    assert.strictEqual(run.code, 0, run.stderr);
  });
});
