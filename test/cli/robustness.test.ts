// CLI robustness (issue 7): unreadable inputs give one clear line naming the path, exit code 2 and
// never a stack trace. Tests run as root, so "no permission" is out of reach; a FIFO, a path
// through a file, a dangling symlink, non-UTF-8 bytes and a file deleted between listing and
// reading stand in for the ways a file cannot be read.
import { strict as assert } from "assert";
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { NADIR_BIN } from "../helpers/paths";

const VALID = "patient P-1 {\n  baseline 2025-01-02 CT {\n    T1 target liver 42 mm\n  }\n}\n";

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  killed: boolean;
}

function nadir(args: string[], cwd: string, nodeArgs: string[] = []): Run {
  // The timeout only guards against a hang (e.g. blocking on a FIFO); no assertion is about time.
  const result = spawnSync(process.execPath, [...nodeArgs, NADIR_BIN, ...args], { cwd, encoding: "utf8", timeout: 20_000, env: { ...process.env, NO_COLOR: "1" } });
  return { code: result.status, stdout: result.stdout ?? "", stderr: result.stderr ?? "", killed: result.signal !== null };
}

/** Exactly one line on stderr, naming the input, with no stack trace. */
function assertOneClearLine(run: Run, name: string, reason: RegExp): void {
  assert.ok(!run.killed, `nadir hung on '${name}'`);
  assert.equal(run.code, 2, `exit code for '${name}': ${run.code}\n${run.stderr}`);
  const lines = run.stderr.trimEnd().split("\n");
  assert.equal(lines.length, 1, `expected one line, got:\n${run.stderr}`);
  assert.match(lines[0], /^nadir check: /);
  assert.ok(lines[0].includes(`'${name}'`), `the message should name '${name}': ${lines[0]}`);
  assert.match(lines[0], reason);
  assert.doesNotMatch(run.stderr, /\n\s+at |Error:|internal error/, "no stack trace or internal error");
}

describe("cli robustness: unreadable inputs give one clear line (issue 7)", function () {
  this.timeout(60_000);
  let dir: string;

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "nadir-robust-"));
  });

  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("a missing file", () => {
    assertOneClearLine(nadir(["check", "missing.nadir"], dir), "missing.nadir", /no such file/);
  });

  it("a path that runs through a file (no directory can be listed there)", () => {
    fs.writeFileSync(path.join(dir, "case.nadir"), VALID);
    assertOneClearLine(nadir(["check", "case.nadir/inner"], dir), "case.nadir/inner", /not a directory/);
  });

  it("a dangling symbolic link", () => {
    fs.symlinkSync(path.join(dir, "gone.nadir"), path.join(dir, "link.nadir"));
    assertOneClearLine(nadir(["check", "link.nadir"], dir), "link.nadir", /no such file/);
  });

  it("a FIFO (would block forever if read as a file)", () => {
    assert.equal(spawnSync("mkfifo", [path.join(dir, "pipe.nadir")]).status, 0, "mkfifo failed");
    assertOneClearLine(nadir(["check", "pipe.nadir"], dir), "pipe.nadir", /not a regular file/);
  });

  it("a non-UTF-8 file", () => {
    fs.writeFileSync(path.join(dir, "latin1.nadir"), Buffer.from("patient P {\n  note \"caf\xe9\"\n}\n", "latin1"));
    assertOneClearLine(nadir(["check", "latin1.nadir"], dir), "latin1.nadir", /not valid UTF-8/);
  });

  it("a file deleted between listing the directory and reading it", () => {
    const cases = path.join(dir, "cases");
    fs.mkdirSync(cases);
    fs.writeFileSync(path.join(cases, "a.nadir"), VALID);
    fs.writeFileSync(path.join(cases, "b.nadir"), VALID);
    // Preloaded into the CLI: the first time a case file is read, b.nadir disappears, exactly as
    // if another process deleted it mid-run.
    const preload = path.join(dir, "delete-on-first-read.js");
    fs.writeFileSync(preload, `
      const fs = require("fs");
      const victim = ${JSON.stringify(path.join(cases, "b.nadir"))};
      for (const name of ["readFileSync", "readFile", "openSync", "open"]) {
        const original = fs[name];
        fs[name] = function (file, ...rest) {
          if (typeof file === "string" && file.endsWith(".nadir") && fs.existsSync(victim) && file !== victim) fs.unlinkSync(victim);
          return original.call(this, file, ...rest);
        };
      }
      const promises = fs.promises;
      const readFile = promises.readFile;
      promises.readFile = function (file, ...rest) {
        if (typeof file === "string" && file.endsWith(".nadir") && fs.existsSync(victim) && file !== victim) fs.unlinkSync(victim);
        return readFile.call(this, file, ...rest);
      };
    `);
    const run = nadir(["check", "cases"], dir, ["--require", preload]);
    assert.ok(!fs.existsSync(path.join(cases, "b.nadir")), "the preload should have deleted b.nadir");
    assertOneClearLine(run, "cases/b.nadir", /no such file/);
  });
});
