// The CI side of `nadir check` (issue 6): --quiet, colour only on a terminal and never with
// NO_COLOR, a progress bar on standard error for long runs, and worker threads with stable output.
import * as assert from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { runCli, runInProcess } from "../helpers/runCli";
import { EXAMPLES_DIR } from "../helpers/paths";
import { workerCount, WORKER_THRESHOLD } from "../../server/src/cli/checkRunner";
import type { CaseInput } from "../../server/src/cli/files";

function inProcess(args: string[], tty: boolean, env: NodeJS.ProcessEnv = {}) {
  return runInProcess(args, { tty, env, cwd: path.dirname(EXAMPLES_DIR) });
}

describe("nadir check for CI: --quiet, colour, progress, workers", function () {
  this.timeout(60000);
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "nadir-many-"));
    const template = fs.readFileSync(path.join(EXAMPLES_DIR, "PT-0042.nadir"), "utf8");
    for (let i = 0; i < WORKER_THRESHOLD + 8; i++) {
      // Every fifth file is broken so that the run has errors to order.
      const text = template.replace("PT-0042", `PT-${i}`).replace(/T1(\s+)30 mm/, i % 5 === 0 ? "T1$130 mx" : "T1$130 mm");
      fs.writeFileSync(path.join(dir, `case-${String(i).padStart(2, "0")}.nadir`), text);
    }
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("--quiet prints errors only; warnings still count for --max-warnings", () => {
    const all = runCli(["check", "examples"]).stdout.trim().split("\n");
    const quiet = runCli(["check", "--quiet", "examples"]).stdout.trim().split("\n");
    assert.deepStrictEqual(quiet, all.filter((line) => / error /.test(line)));
    assert.ok(quiet.length < all.length);
    const sarif = JSON.parse(runCli(["check", "--quiet", "--format", "sarif", "examples"]).stdout);
    assert.ok(sarif.runs[0].results.every((r: { level: string }) => r.level === "error"));
    assert.strictEqual(runCli(["check", "--quiet", "--max-warnings", "0", "examples/PT-0042.nadir"]).code, 1);
  });

  it("colours severities on a terminal, and not with NO_COLOR or into a pipe", async () => {
    const tty = await inProcess(["check", "examples/PT-0042.nadir"], true);
    assert.match(tty.stdout, /\x1b\[33mwarning\x1b\[0m/);
    const noColor = await inProcess(["check", "examples/PT-0042.nadir"], true, { NO_COLOR: "1" });
    assert.ok(!noColor.stdout.includes("\x1b["));
    const pipe = await inProcess(["check", "examples/PT-0042.nadir"], false);
    assert.ok(!pipe.stdout.includes("\x1b["));
    assert.strictEqual(noColor.stdout, pipe.stdout);
  });

  it("shows a progress bar on a terminal's standard error for many files, and clears it", async () => {
    const tty = await inProcess(["check", "--jobs", "1", dir], true, { NO_COLOR: "1" });
    assert.match(tty.stderr, /\] 40\/40 files/);
    assert.match(tty.stderr, /\r\x1b\[2K/);
    const pipe = await inProcess(["check", "--jobs", "1", dir], false);
    assert.ok(!pipe.stderr.includes("files\r") && !pipe.stderr.includes("/40 files"));
  });

  it("uses worker threads for large runs only, and never for standard input", () => {
    const files = (n: number): CaseInput[] => Array.from({ length: n }, (_, i) => ({ display: `f${i}`, absolute: `/x/f${i}.nadir` }));
    assert.strictEqual(workerCount(files(WORKER_THRESHOLD - 1), null), 1);
    assert.ok(workerCount(files(WORKER_THRESHOLD), null) >= Math.min(2, os.availableParallelism()));
    assert.strictEqual(workerCount([...files(40), { display: "<stdin>", absolute: null }], null), 1);
    assert.strictEqual(workerCount(files(40), 3), 3);
  });

  it("gives the same output, in the same order, on workers as in one thread", () => {
    for (const format of ["text", "json", "sarif"]) {
      const one = runCli(["check", "--jobs", "1", "--format", format, dir]);
      const many = runCli(["check", "--jobs", "3", "--format", format, dir]);
      assert.strictEqual(one.code, 1);
      assert.strictEqual(many.code, one.code);
      assert.strictEqual(many.stdout, one.stdout, format);
    }
    const text = runCli(["check", dir]).stdout;
    const order = [...new Set(text.trim().split("\n").map((line) => line.split(":")[0]))];
    assert.deepStrictEqual(order, [...order].sort());
  });

  it("stops with a clear message when a worker cannot read a file (exit 2)", () => {
    const bad = path.join(dir, "zz-binary.nadir");
    fs.writeFileSync(bad, Buffer.from([0xff, 0xfe, 0x00, 0x41]));
    try {
      const run = runCli(["check", "--jobs", "2", dir]);
      assert.strictEqual(run.code, 2);
      assert.match(run.stderr, /zz-binary\.nadir' is not valid UTF-8/);
    } finally {
      fs.rmSync(bad);
    }
  });

  it("rejects a --jobs that is not a positive whole number (exit 2)", () => {
    const run = runCli(["check", "--jobs", "0", "examples"]);
    assert.strictEqual(run.code, 2);
    assert.match(run.stderr, /--jobs expects a whole number/);
  });
});
