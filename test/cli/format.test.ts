import * as assert from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { runCli } from "../helpers/runCli";
import { formatText } from "../../server/src/core/format";

const MESSY = 'patient P {\n baseline 2025-01-02 CT {\n      T1 target liver   42 mm\n }\n}\n';

describe("nadir format", () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "nadir-format-"));
    fs.writeFileSync(path.join(dir, "messy.nadir"), MESSY);
    fs.writeFileSync(path.join(dir, "tidy.nadir"), formatText(MESSY));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("prints the language server's formatting of a file", () => {
    const run = runCli(["format", "messy.nadir"], { cwd: dir });
    assert.strictEqual(run.code, 0);
    assert.strictEqual(run.stdout, formatText(MESSY));
    assert.notStrictEqual(run.stdout, MESSY);
  });

  it("--check lists the unformatted files and exits 1, without touching them", () => {
    const run = runCli(["format", "--check", "."], { cwd: dir });
    assert.strictEqual(run.code, 1);
    assert.strictEqual(run.stdout, "messy.nadir\n");
    assert.match(run.stderr, /1 file is not formatted/);
    assert.strictEqual(fs.readFileSync(path.join(dir, "messy.nadir"), "utf8"), MESSY);
    assert.strictEqual(runCli(["format", "--check", "tidy.nadir"], { cwd: dir }).code, 0);
  });

  it("--write rewrites what is unformatted, after which --check passes", () => {
    const run = runCli(["format", "--write", "."], { cwd: dir });
    assert.strictEqual(run.code, 0);
    assert.strictEqual(run.stdout, "messy.nadir\n");
    assert.strictEqual(fs.readFileSync(path.join(dir, "messy.nadir"), "utf8"), formatText(MESSY));
    assert.strictEqual(runCli(["format", "--check", "."], { cwd: dir }).code, 0);
  });

  it("refuses --check with --write, and --write on standard input (exit 2)", () => {
    assert.strictEqual(runCli(["format", "--check", "--write", "."], { cwd: dir }).code, 2);
    const run = runCli(["format", "--write", "-"], { cwd: dir, input: MESSY });
    assert.strictEqual(run.code, 2);
    assert.match(run.stderr, /standard input/);
  });
});
