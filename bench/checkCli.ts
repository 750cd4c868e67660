// `nadir check` wall time on a directory of 10,000 single-patient files, run the way users run it
// (`node bin/nadir.js check DIR`): one worker, and all cores when the command offers `--jobs`.
import { spawn, spawnSync } from "child_process";
import * as os from "os";
import { NADIR_BIN } from "./data";
import { nowMs } from "./stats";

const BIN = NADIR_BIN;
const AS_OF = ["--as-of", "2026-01-01"];

export interface CheckRun {
  label: string;
  args: string[];
  wallMs: number;
  exitCode: number | null;
  /** The last stderr line when the run failed with a usage or I/O problem. */
  problem: string | null;
}

export interface CheckResult {
  available: boolean;
  note: string;
  oneWorker: CheckRun | null;
  allCores: CheckRun | null;
}

export async function measureCheck(directory: string): Promise<CheckResult> {
  const help = spawnSync(process.execPath, [BIN, "check", "--help"], { encoding: "utf8" });
  if (help.status !== 0) return { available: false, note: "`nadir check` is not available", oneWorker: null, allCores: null };
  const cores = os.availableParallelism();
  if (!/--jobs\b/.test(help.stdout)) {
    const oneWorker = await runCheck("one worker (no --jobs option)", [directory]);
    return { available: true, note: "`nadir check` has no --jobs option: it runs on one core", oneWorker, allCores: null };
  }
  const oneWorker = await runCheck("--jobs 1", ["--jobs", "1", directory]);
  const allCores = await runCheck(`--jobs ${cores}`, ["--jobs", String(cores), directory]);
  return { available: true, note: `${cores} cores`, oneWorker, allCores };
}

function runCheck(label: string, args: string[]): Promise<CheckRun> {
  const fullArgs = [BIN, "check", ...AS_OF, ...args];
  return new Promise((resolve) => {
    const start = nowMs();
    // Output is drained but not kept: a large report must not be what we measure.
    const child = spawn(process.execPath, fullArgs, { stdio: ["ignore", "pipe", "pipe"] });
    let lastError = "";
    child.stdout.resume();
    child.stderr.on("data", (chunk: Buffer) => {
      const lines = chunk.toString("utf8").trim().split("\n");
      lastError = lines[lines.length - 1] || lastError;
    });
    child.on("close", (code) => {
      const wallMs = nowMs() - start;
      resolve({ label, args, wallMs, exitCode: code, problem: code === 0 || code === 1 ? null : lastError || `exit ${code}` });
    });
  });
}
