// `npm run bench`: generates the inputs (once), measures throughput, `nadir check` and the language
// server, prints the table and writes bench/results/latest.json. Select parts with
// `npm run bench -- throughput check lsp` (default: all).
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { prepareData, REPO_ROOT } from "./data";
import { measureStages, measureThroughput, StageTimes } from "./throughput";
import { measureCheck } from "./checkCli";
import { IncrementalResult, measureIncremental } from "./incremental";
import { measureLsp } from "./lsp";
import { BenchResults, evaluateTargets, formatReport } from "./report";

const PARTS = ["throughput", "incremental", "check", "lsp"] as const;

async function main(): Promise<void> {
  const asked = process.argv.slice(2).filter((a) => (PARTS as readonly string[]).includes(a));
  const wanted = new Set(asked.length ? asked : PARTS);
  const log = (line: string) => process.stderr.write(`bench: ${line}\n`);
  const loadAtStart = os.loadavg()[0];
  const data = prepareData(log);

  const throughput = [];
  let stages: StageTimes | null = null;
  if (wanted.has("throughput")) {
    for (const dataset of data.cohorts) {
      log(`throughput ${dataset.name}`);
      throughput.push(measureThroughput(dataset));
    }
    stages = measureStages(data.big);
  }
  const incremental: IncrementalResult[] = [];
  if (wanted.has("incremental")) {
    for (const name of ["1000-patients", "10MB-cohort"]) {
      log(`incremental re-analysis ${name}`);
      incremental.push(measureIncremental(data.cohorts.find((c) => c.name === name)!));
    }
  }
  let check = null;
  if (wanted.has("check")) {
    log("nadir check on the directory");
    check = await measureCheck(data.directory);
  }
  let lsp = null;
  if (wanted.has("lsp")) {
    log("language server");
    const byName = (name: string) => data.cohorts.find((c) => c.name === name)!;
    lsp = await measureLsp([byName("1000-patients"), data.big, byName("10000-patients")]);
  }
  const partial = {
    date: new Date().toISOString(), node: process.version, cpus: os.availableParallelism(), cpuModel: os.cpus()[0]?.model ?? "unknown",
    loadAverage: { start: loadAtStart, end: os.loadavg()[0] },
    throughput, stages, incremental, check, lsp,
  };
  const results: BenchResults = { ...partial, targets: evaluateTargets(partial) };
  process.stdout.write(formatReport(results));
  const resultsDir = path.join(REPO_ROOT, "bench", "results");
  fs.mkdirSync(resultsDir, { recursive: true });
  fs.writeFileSync(path.join(resultsDir, "latest.json"), JSON.stringify(results, null, 2) + "\n");
  log(`wrote ${path.relative(REPO_ROOT, path.join(resultsDir, "latest.json"))}`);
}

main().catch((e) => {
  process.stderr.write(`bench: failed: ${e instanceof Error ? e.stack ?? e.message : String(e)}\n`);
  process.exitCode = 1;
});
