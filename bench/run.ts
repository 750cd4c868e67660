// `npm run bench`: generates the inputs (once), measures throughput, incremental re-analysis,
// `nadir check` (a directory of 10,000 files, and the garbage collector's share on every cohort) and
// the language server on every cohort, prints the tables and writes bench/results/latest.json.
// Select parts with `npm run bench -- throughput incremental encoding check gc lsp` (default: all), and
// cohorts with `--only NAME,NAME`. NADIR_BENCH_BIN=path/to/bin/nadir.js measures another build's
// CLI and server on the same inputs (before/after figures); the results then go to
// bench/results/<NADIR_BENCH_LABEL or "other">.json instead of latest.json.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { prepareData, REPO_ROOT } from "./data";
import { measureStages, measureThroughput, StageTimes } from "./throughput";
import { measureCheck } from "./checkCli";
import { IncrementalResult, measureIncremental } from "./incremental";
import { measureLsp } from "./lsp";
import { measureGcShare, GcShareResult } from "./gcShare";
import { measureEncoding, EncodingResult } from "./encoding";
import { NADIR_BIN } from "./data";
import { BenchResults, evaluateTargets, formatReport } from "./report";

const PARTS = ["throughput", "incremental", "encoding", "check", "gc", "lsp"] as const;

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const asked = argv.filter((a) => (PARTS as readonly string[]).includes(a));
  const wanted = new Set(asked.length ? asked : PARTS);
  const onlyAt = argv.indexOf("--only");
  const only = onlyAt >= 0 ? new Set((argv[onlyAt + 1] ?? "").split(",")) : null;
  const log = (line: string) => process.stderr.write(`bench: ${line}\n`);
  const loadAtStart = os.loadavg()[0];
  const data = prepareData(log);
  const cohorts = data.cohorts.filter((c) => !only || only.has(c.name));

  const throughput = [];
  let stages: StageTimes | null = null;
  if (wanted.has("throughput")) {
    for (const dataset of cohorts) {
      log(`throughput ${dataset.name}`);
      throughput.push(measureThroughput(dataset));
    }
    if (!only || only.has(data.big.name)) stages = measureStages(data.big);
  }
  const incremental: IncrementalResult[] = [];
  if (wanted.has("incremental")) {
    for (const dataset of cohorts.filter((c) => c.name === "1000-patients" || data.tenMb.includes(c))) {
      log(`incremental re-analysis ${dataset.name}`);
      incremental.push(measureIncremental(dataset));
    }
  }
  const encoding: EncodingResult[] = [];
  if (wanted.has("encoding")) {
    for (const dataset of cohorts.filter((c) => c.patients >= 1000)) {
      log(`encoding diagnostics ${dataset.name}`);
      encoding.push(measureEncoding(dataset));
    }
  }
  let check = null;
  if (wanted.has("check")) {
    log("nadir check on the directory");
    check = await measureCheck(data.directory);
  }
  const gc: GcShareResult[] = [];
  if (wanted.has("gc")) {
    for (const dataset of cohorts) {
      log(`garbage collection in nadir check ${dataset.name}`);
      gc.push(await measureGcShare(dataset, NADIR_BIN));
    }
  }
  let lsp = null;
  if (wanted.has("lsp")) lsp = await measureLsp(cohorts, log);
  const partial = {
    date: new Date().toISOString(), node: process.version, cpus: os.availableParallelism(), cpuModel: os.cpus()[0]?.model ?? "unknown",
    bin: path.relative(REPO_ROOT, NADIR_BIN) || NADIR_BIN,
    loadAverage: { start: loadAtStart, end: os.loadavg()[0] },
    throughput, stages, incremental, encoding, check, gc, lsp,
  };
  const results: BenchResults = { ...partial, targets: evaluateTargets(partial) };
  process.stdout.write(formatReport(results));
  const resultsDir = path.join(REPO_ROOT, "bench", "results");
  fs.mkdirSync(resultsDir, { recursive: true });
  const name = process.env.NADIR_BENCH_BIN ? `${process.env.NADIR_BENCH_LABEL || "other"}.json` : "latest.json";
  fs.writeFileSync(path.join(resultsDir, name), JSON.stringify(results, null, 2) + "\n");
  log(`wrote ${path.relative(REPO_ROOT, path.join(resultsDir, name))}`);
}

main().catch((e) => {
  process.stderr.write(`bench: failed: ${e instanceof Error ? e.stack ?? e.message : String(e)}\n`);
  process.exitCode = 1;
});
