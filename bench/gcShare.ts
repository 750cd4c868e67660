// How much of `nadir check` goes to the garbage collector, on each cohort file: one run of
// `node bin/nadir.js check --format json FILE` with the GC observer preloaded (pauses reported by
// perf_hooks, as a share of the process's wall time) and a CPU profile (the share of samples in
// "(garbage collector)", how the issue measured it). The profile's overhead makes the wall time a
// little longer than a plain run: the shares are what counts.
import { spawn } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type { Dataset } from "./data";
import { REPO_ROOT } from "./data";
import { nowMs } from "./stats";

export interface GcShareResult {
  name: string;
  wallMs: number;
  exitCode: number | null;
  /** GC pauses (perf_hooks) over the process's wall time. */
  gcPauseShare: number | null;
  gcPauseMs: number | null;
  collections: number | null;
  /** Samples in "(garbage collector)" over all non-idle samples of the CPU profile. */
  gcSampleShare: number | null;
}

export async function measureGcShare(dataset: Dataset, bin: string): Promise<GcShareResult> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "nadir-bench-gc-"));
  try {
    const report = path.join(dir, "gc.json");
    const args = ["--require", path.join(__dirname, "gcObserver.js"), "--cpu-prof", "--cpu-prof-dir", dir, bin, "check", "--format", "json", "--as-of", "2026-01-01", dataset.nadirPath];
    const start = nowMs();
    const exitCode = await new Promise<number | null>((resolve) => {
      const child = spawn(process.execPath, args, { stdio: ["ignore", "pipe", "ignore"], cwd: REPO_ROOT, env: { ...process.env, NADIR_BENCH_GC_OUT: report } });
      child.stdout.resume();
      child.on("close", (code) => resolve(code));
    });
    const wallMs = nowMs() - start;
    const gc = fs.existsSync(report) ? (JSON.parse(fs.readFileSync(report, "utf8")) as { gcMs: number; collections: number; wallMs: number }) : null;
    const profile = fs.readdirSync(dir).find((f) => f.endsWith(".cpuprofile"));
    return {
      name: dataset.name, wallMs, exitCode,
      gcPauseShare: gc ? gc.gcMs / gc.wallMs : null, gcPauseMs: gc ? gc.gcMs : null, collections: gc ? gc.collections : null,
      gcSampleShare: profile ? gcSamples(path.join(dir, profile)) : null,
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

interface CpuProfile {
  nodes: Array<{ id: number; callFrame: { functionName: string } }>;
  samples: number[];
  timeDeltas: number[];
}

/** Time in "(garbage collector)" over all sampled time but "(idle)". */
function gcSamples(file: string): number {
  const profile = JSON.parse(fs.readFileSync(file, "utf8")) as CpuProfile;
  const names = new Map(profile.nodes.map((n) => [n.id, n.callFrame.functionName]));
  let gc = 0;
  let busy = 0;
  profile.samples.forEach((id, i) => {
    const name = names.get(id);
    const dt = profile.timeDeltas[i] ?? 0;
    if (name === "(idle)") return;
    busy += dt;
    if (name === "(garbage collector)") gc += dt;
  });
  return busy > 0 ? gc / busy : 0;
}
