// `nadir check` as users run it: formats, exit codes and I/O problems (issue 2).
import { strict as assert } from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { runCli } from "../helpers/runCli";

// Fixtures are clinically quiet (no schedule, stable disease, an `as of` date) so that only the
// structural findings under test appear.
const CLEAN = `patient P {
  as of 2025-04-01
  baseline 2025-01-02 CT {
    T1 target liver 42 mm
  }
  scan 2025-03-01 CT {
    T1 40 mm
  }
}
`;
const ONE_WARNING = CLEAN.replace("target liver", "target lvier");
const ONE_ERROR = CLEAN.replace("    T1 40 mm", "    T2 40 mm\n    T1 40 mm");

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), "nadir-check-"));
}

function write(dir: string, name: string, content: string | Buffer): string {
  const file = path.join(dir, name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content);
  return file;
}

function assertOneLineProblem(run: { code: number | null; stdout: string; stderr: string }, pattern: RegExp): void {
  assert.equal(run.code, 2, run.stderr);
  assert.equal(run.stdout, "");
  const lines = run.stderr.trimEnd().split("\n");
  assert.equal(lines.length, 1, run.stderr);
  assert.match(lines[0], /^nadir check: /);
  assert.match(lines[0], pattern);
}

describe("cli: nadir check", () => {
  let dir: string;
  beforeEach(() => { dir = tempDir(); });
  afterEach(() => { fs.rmSync(dir, { recursive: true, force: true }); });

  it("exits 0 and prints nothing on stdout for a clean file", () => {
    write(dir, "clean.nadir", CLEAN);
    const run = runCli(["check", "clean.nadir"], { cwd: dir });
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stdout, "");
    assert.equal(run.stderr, "1 file checked: 0 errors, 0 warnings\n");
  });

  it("prints path:line:col severity code message (1-based) and exits 1 on errors", () => {
    write(dir, "cases/bad.nadir", ONE_ERROR);
    const run = runCli(["check", "cases/bad.nadir"], { cwd: dir });
    assert.equal(run.code, 1);
    assert.equal(run.stdout,
      "cases/bad.nadir:7:5 error unknown-lesion Unknown lesion T2: it is declared neither at this episode's baseline nor as new at an earlier scan; did you mean `T1`?\n");
  });

  it("allows warnings up to --max-warnings, and exits 1 above it", () => {
    write(dir, "warn.nadir", ONE_WARNING);
    const plain = runCli(["check", "warn.nadir"], { cwd: dir });
    assert.equal(plain.code, 0);
    assert.match(plain.stdout, /^warn\.nadir:4:15 warning unknown-organ Unknown organ `lvier`: did you mean `liver`\?\n$/);
    assert.equal(runCli(["check", "--max-warnings", "1", "warn.nadir"], { cwd: dir }).code, 0);
    const strict = runCli(["check", "--max-warnings", "0", "warn.nadir"], { cwd: dir });
    assert.equal(strict.code, 1);
    assert.match(strict.stderr, /1 warnings, more than --max-warnings 0/);
  });

  it("prints the spec's JSON document with --format json", () => {
    write(dir, "bad.nadir", ONE_ERROR);
    write(dir, "clean.nadir", CLEAN.replace("patient P", "patient Q"));
    const run = runCli(["check", "--format", "json", "bad.nadir", "clean.nadir"], { cwd: dir });
    assert.equal(run.code, 1);
    const doc = JSON.parse(run.stdout);
    assert.equal(doc.version, 1);
    assert.deepStrictEqual(doc.files.map((f: { file: string }) => f.file), ["bad.nadir", "clean.nadir"]);
    for (const f of doc.files) assert.ok(Array.isArray(f.patients));
    assert.deepStrictEqual(doc.files[0].diagnostics, [{
      code: "unknown-lesion",
      severity: "error",
      message: "Unknown lesion T2: it is declared neither at this episode's baseline nor as new at an earlier scan; did you mean `T1`?",
      range: { start: { line: 6, character: 4 }, end: { line: 6, character: 6 } },
    }]);
    assert.deepStrictEqual(doc.files[1].diagnostics, []);
  });

  it("reads standard input for -", () => {
    const run = runCli(["check", "-"], { cwd: dir, input: ONE_ERROR });
    assert.equal(run.code, 1);
    assert.match(run.stdout, /^<stdin>:7:5 error unknown-lesion /);
  });

  it("searches directories recursively for *.nadir, in a stable order, showing paths below the directory", () => {
    write(dir, "cases/b.nadir", ONE_ERROR.replace("patient P", "patient B"));
    write(dir, "cases/a/z.nadir", ONE_ERROR.replace("patient P", "patient Z"));
    write(dir, "cases/a.nadir", ONE_ERROR);
    write(dir, "cases/notes.txt", "not a case file");
    const run = runCli(["check", "cases"], { cwd: dir });
    assert.equal(run.code, 1);
    assert.deepStrictEqual(run.stdout.trimEnd().split("\n").map((l) => l.split(":")[0]), ["cases/a.nadir", "cases/a/z.nadir", "cases/b.nadir"]);
    assert.equal(run.stderr, "3 files checked: 3 errors, 0 warnings\n");
  });

  it("ignores a byte-order mark: columns are those an editor shows", () => {
    write(dir, "bom.nadir", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(ONE_ERROR)]));
    const run = runCli(["check", "bom.nadir"], { cwd: dir });
    assert.match(run.stdout, /^bom\.nadir:7:5 error unknown-lesion /);
  });

  it("exits 2 with one line for a missing file", () => {
    assertOneLineProblem(runCli(["check", "nope.nadir"], { cwd: dir }), /^nadir check: cannot read 'nope\.nadir': no such file or directory$/);
  });

  it("exits 2 with one line for a file that is not UTF-8", () => {
    write(dir, "latin1.nadir", Buffer.from('patient "Zo\xeb" {\n}\n', "latin1"));
    assertOneLineProblem(runCli(["check", "latin1.nadir"], { cwd: dir }), /'latin1\.nadir' is not valid UTF-8/);
  });

  it("exits 2 with one line for a directory without *.nadir files", () => {
    write(dir, "empty/readme.txt", "nothing here");
    assertOneLineProblem(runCli(["check", "empty"], { cwd: dir }), /no \*\.nadir files in directory 'empty'/);
  });

  it("exits 2 with one line for usage problems", () => {
    write(dir, "clean.nadir", CLEAN);
    assertOneLineProblem(runCli(["check"], { cwd: dir }), /no case files given/);
    assertOneLineProblem(runCli(["check", "--format", "xml", "clean.nadir"], { cwd: dir }), /--format expects one of text, json, sarif, junit, github, got 'xml'/);
    assertOneLineProblem(runCli(["check", "--max-warnings", "many", "clean.nadir"], { cwd: dir }), /--max-warnings expects a whole number/);
    assertOneLineProblem(runCli(["check", "--as-of", "2025-02-30", "clean.nadir"], { cwd: dir }), /--as-of expects a real date/);
    assertOneLineProblem(runCli(["check", "--criteria", "WHO", "clean.nadir"], { cwd: dir }), /--criteria expects RECIST1\.1, iRECIST, irRC, irRECIST or imRECIST \(or several, separated by spaces or commas\), got 'WHO'/);
    assertOneLineProblem(runCli(["check", "--verbose", "clean.nadir"], { cwd: dir }), /unknown option '--verbose'/);
  });

  it("accepts --as-of and --criteria", () => {
    write(dir, "clean.nadir", CLEAN);
    const run = runCli(["check", "--as-of", "2025-04-01", "--criteria", "iRECIST", "clean.nadir"], { cwd: dir });
    assert.equal(run.code, 0, run.stderr);
  });

  it("exits 2 with one line for a nadir.config.json that is not JSON", () => {
    write(dir, "nadir.config.json", "{ criteria: iRECIST");
    write(dir, "sub/clean.nadir", CLEAN);
    assertOneLineProblem(runCli(["check", "sub/clean.nadir"], { cwd: dir }), /nadir\.config\.json' is not valid JSON/);
  });

  it("warns about a patient id that two files of one run hold, in every output format (duplicate-patient)", () => {
    write(dir, "a.nadir", CLEAN);
    write(dir, "b.nadir", `# the same patient again\n${CLEAN}`);
    const run = runCli(["check", "a.nadir", "b.nadir"], { cwd: dir });
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stdout,
      "b.nadir:2:9 warning duplicate-patient Patient P is also in a.nadir (line 1): the files checked together hold two records of one patient id; keep one, or give each patient its own id.\n");
    assert.equal(run.stderr, "2 files checked: 0 errors, 1 warning\n");
    assert.equal(runCli(["check", "--max-warnings", "0", "a.nadir", "b.nadir"], { cwd: dir }).code, 1);
    const json = JSON.parse(runCli(["check", "--format", "json", "."], { cwd: dir }).stdout);
    assert.deepStrictEqual(json.files[1].diagnostics.map((d: { code: string; severity: string; range: unknown }) => [d.code, d.severity, d.range]),
      [["duplicate-patient", "warning", { start: { line: 1, character: 8 }, end: { line: 1, character: 9 } }]]);
    const sarif = JSON.parse(runCli(["check", "--format", "sarif", "."], { cwd: dir }).stdout);
    assert.deepStrictEqual(sarif.runs[0].results.map((r: { ruleId: string; level: string }) => [r.ruleId, r.level]), [["duplicate-patient", "warning"]]);
  });

  it("says on standard error which files hold no patient: empty, only comments, or broken", () => {
    write(dir, "clean.nadir", CLEAN);
    write(dir, "empty.nadir", "");
    write(dir, "notes.nadir", "# to do: add the cohort\n\n   # later\n");
    write(dir, "broken.nadir", "pateint P\n");
    // A block whose header is misspelt is a patient whose header cannot be read (issue 10): its errors say so.
    write(dir, "misspelt.nadir", "pateint P {\n}\n");
    const run = runCli(["check", "."], { cwd: dir });
    assert.equal(run.code, 1);
    assert.equal(run.stderr, [
      "nadir check: broken.nadir holds no patient",
      "nadir check: empty.nadir holds no patient (the file is empty)",
      "nadir check: notes.nadir holds no patient (only comments)",
      "5 files checked: 3 errors, 0 warnings",
      "",
    ].join("\n"));
    assert.equal(runCli(["check", "empty.nadir", "notes.nadir"], { cwd: dir }).code, 0);
    assert.match(runCli(["check", "misspelt.nadir"], { cwd: dir }).stdout, /misspelt\.nadir:1:1 error syntax-error Expected `patient`, found `pateint`\./);
  });
});
