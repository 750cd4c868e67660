// The benchmark's table and its targets (issue 7), as plain text for the terminal and the README.
import type { StageTimes, ThroughputResult } from "./throughput";
import type { CheckResult } from "./checkCli";
import type { LspResult } from "./lsp";
import type { IncrementalResult } from "./incremental";

export interface BenchResults {
  date: string;
  node: string;
  cpus: number;
  cpuModel: string;
  /** 1-minute load average when the run started and ended: other processes skew every figure. */
  loadAverage: { start: number; end: number };
  throughput: ThroughputResult[];
  stages: StageTimes | null;
  incremental: IncrementalResult[];
  check: CheckResult | null;
  lsp: LspResult | null;
  targets: TargetResult[];
}

export interface TargetResult {
  name: string;
  limit: string;
  measured: string;
  met: boolean | null;
}

const mb = (bytes: number) => (bytes >= 1e6 ? `${(bytes / 1e6).toFixed(1)} MB` : `${(bytes / 1e3).toFixed(1)} KB`);
const ms = (value: number | null | undefined) => (value === null || value === undefined || Number.isNaN(value) ? "n/a" : value >= 100 ? `${value.toFixed(0)} ms` : `${value.toFixed(1)} ms`);
const rate = (value: number) => `${value.toFixed(1)} MB/s`;
const ratio = (value: number) => `${value.toFixed(3)}x`;

export function evaluateTargets(results: Omit<BenchResults, "targets">): TargetResult[] {
  const targets: TargetResult[] = [];
  const big = results.throughput.find((t) => t.name === "10MB-cohort");
  if (big) targets.push({ name: "parse + assess throughput (10 MB cohort)", limit: ">= 10 MB/s", measured: rate(big.analyzeMBps), met: big.analyzeMBps >= 10 });
  const lspFile = (name: string) => results.lsp?.files.find((f) => f.name === name);
  const thousand = lspFile("1000-patients");
  const tenMb = lspFile("10MB-cohort");
  targets.push(edited("p95 edit -> diagnostics (1,000 patients)", 25, thousand));
  targets.push(edited("p95 edit -> diagnostics (10 MB cohort)", 100, tenMb));
  const files = results.lsp?.files ?? [];
  const worst = (pick: (f: (typeof files)[number]) => number) => (files.length ? Math.max(...files.map(pick)) : null);
  const hover = worst((f) => f.hoverP95Ms);
  const completion = worst((f) => f.completionP95Ms);
  // NaN (not measured on some file) must not pass as met.
  const known = (v: number | null) => (v === null || Number.isNaN(v) ? null : v);
  targets.push({ name: "hover p95 (worst file)", limit: "<= 5 ms", measured: ms(hover), met: known(hover) === null ? null : hover! <= 5 });
  targets.push({ name: "completion p95 (worst file)", limit: "<= 5 ms", measured: ms(completion), met: known(completion) === null ? null : completion! <= 5 });
  const check = results.check;
  const run = check?.allCores ?? null;
  targets.push({
    name: "nadir check, 10,000 files, all cores", limit: "<= 15 s",
    measured: run ? `${(run.wallMs / 1000).toFixed(1)} s` : check?.oneWorker ? `no --jobs; one worker ${(check.oneWorker.wallMs / 1000).toFixed(1)} s` : "n/a",
    met: run ? run.problem === null && run.wallMs <= 15_000 : null,
  });
  const rss = tenMb?.rssAfterOpenMb ?? null;
  targets.push({ name: "server memory, 10 MB cohort open", limit: "<= 250 MB", measured: rss === null ? "n/a" : `${rss.toFixed(0)} MB`, met: rss === null ? null : rss <= 250 });
  return targets;
}

function edited(name: string, limit: number, file: { editP95Ms: number; edits: number } | undefined): TargetResult {
  if (!file || file.edits === 0 || Number.isNaN(file.editP95Ms)) return { name, limit: `<= ${limit} ms`, measured: "n/a", met: null };
  return { name, limit: `<= ${limit} ms`, measured: `${ms(file.editP95Ms)} (${file.edits} edits)`, met: file.editP95Ms <= limit };
}

export function formatReport(results: BenchResults): string {
  const out: string[] = [];
  out.push(`Nadir benchmark, ${results.date}, node ${results.node}, ${results.cpus} cores (${results.cpuModel}), load average ${results.loadAverage.start.toFixed(1)} at start, ${results.loadAverage.end.toFixed(1)} at end`);
  out.push("");
  out.push("Throughput (best run; ratio = Nadir MB/s / JSON.parse MB/s of the same cohort as JSON)");
  out.push(table(
    ["input", "patients", "size", "JSON.parse", "parse", "ratio", "parse+assess", "ratio"],
    results.throughput.map((t) => [t.name, String(t.patients), mb(t.nadirBytes), rate(t.jsonMBps), rate(t.parseMBps), ratio(t.parseRatio), rate(t.analyzeMBps), ratio(t.analyzeRatio)]),
  ));
  if (results.stages) {
    const s = results.stages;
    out.push(`  analyze() stages on ${s.name}: parse ${ms(s.parseMs)}, model ${ms(s.modelMs)}, checks ${ms(s.checkMs)}, assess ${ms(s.assessMs)}`);
  }
  if (results.incremental.length > 0) {
    out.push("");
    out.push("Incremental re-analysis of one edited patient (core, in-process, 200 one-character edits)");
    out.push(table(["input", "full analyze", "incremental", "p50", "p95"], results.incremental.map((r) => [r.name, ms(r.fullAnalyzeMs), `${r.incremental}/${r.edits}`, ms(r.p50Ms), ms(r.p95Ms)])));
  }
  out.push("");
  out.push("nadir check on 10,000 single-patient files");
  if (!results.check || !results.check.available) out.push(`  ${results.check?.note ?? "not measured"}`);
  else {
    const runs = [results.check.oneWorker, results.check.allCores].filter((r): r is NonNullable<typeof r> => r !== null);
    out.push(table(["run", "wall time", "exit", "problem"], runs.map((r) => [r.label, `${(r.wallMs / 1000).toFixed(2)} s`, String(r.exitCode), r.problem ?? ""])));
    out.push(`  ${results.check.note}`);
  }
  out.push("");
  out.push("Language server over stdio (debounce 0, nothing subtracted)");
  if (!results.lsp || !results.lsp.available) out.push(`  ${results.lsp?.note ?? "not measured"}`);
  else {
    out.push(table(
      ["file", "size", "open->diags", "edits", "edit p50", "edit p95", "hover p95", "completion p95", "RSS after open"],
      results.lsp.files.map((f) => [f.name, mb(f.bytes), ms(f.openToDiagnosticsMs), String(f.edits), ms(f.editP50Ms), ms(f.editP95Ms), ms(f.hoverP95Ms), ms(f.completionP95Ms), f.rssAfterOpenMb === null ? "n/a" : `${f.rssAfterOpenMb.toFixed(0)} MB`]),
    ));
    for (const f of results.lsp.files) if (f.problem) out.push(`  ${f.name}: stopped early: ${f.problem}`);
  }
  out.push("");
  out.push("Targets");
  out.push(table(["target", "limit", "measured", "result"], results.targets.map((t) => [t.name, t.limit, t.measured, t.met === null ? "not measured" : t.met ? "met" : "MISSED"])));
  return out.join("\n") + "\n";
}

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => "  " + cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ");
  return [line(header), "  " + widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}
