// The benchmark's tables and its targets (issue 16), as plain text for the terminal and the README.
import type { StageTimes, ThroughputResult } from "./throughput";
import type { CheckResult } from "./checkCli";
import type { LspFileResult, LspResult } from "./lsp";
import type { IncrementalResult } from "./incremental";
import type { GcShareResult } from "./gcShare";
import type { EncodingResult } from "./encoding";

export interface BenchResults {
  date: string;
  node: string;
  cpus: number;
  cpuModel: string;
  /** The `nadir` measured (NADIR_BENCH_BIN, or this build's bin/nadir.js). */
  bin: string;
  /** 1-minute load average when the run started and ended: other processes skew every figure. */
  loadAverage: { start: number; end: number };
  throughput: ThroughputResult[];
  stages: StageTimes | null;
  incremental: IncrementalResult[];
  encoding: EncodingResult[];
  check: CheckResult | null;
  gc: GcShareResult[];
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
const seconds = (value: number) => (Number.isNaN(value) ? "n/a" : `${(value / 1000).toFixed(2)} s`);
const rate = (value: number) => `${value.toFixed(1)} MB/s`;
const ratio = (value: number) => `${value.toFixed(3)}x`;
const share = (value: number | null) => (value === null ? "n/a" : `${(100 * value).toFixed(1)} %`);
/** NaN (not measured on some file) must not pass as met. */
const known = (v: number | null | undefined): v is number => v !== null && v !== undefined && !Number.isNaN(v);

const TEN_MB = /^10MB-/;

export function evaluateTargets(results: Omit<BenchResults, "targets">): TargetResult[] {
  const targets: TargetResult[] = [];
  const big = results.throughput.find((t) => t.name === "10MB-cohort");
  targets.push(big
    ? { name: "parse + assess throughput (10 MB cohort)", limit: ">= 10 MB/s", measured: rate(big.analyzeMBps), met: big.analyzeMBps >= 10 }
    : { name: "parse + assess throughput (10 MB cohort)", limit: ">= 10 MB/s", measured: "n/a", met: null });
  const gc = results.gc.find((g) => g.name === "10MB-cohort");
  targets.push({ name: "GC share of nadir check (10 MB cohort, CPU profile)", limit: "<= 10 %", measured: share(gc?.gcSampleShare ?? null), met: known(gc?.gcSampleShare) ? gc!.gcSampleShare! <= 0.1 : null });
  const files = results.lsp?.files ?? [];
  const tenMb = files.filter((f) => TEN_MB.test(f.name));
  const thousand = files.filter((f) => f.name === "1000-patients");
  targets.push(worstOf("p95 edit -> diagnostics, 1,000 patients (digit / line edits)", "<= 16 ms", 16, thousand, (f) => [f.editP95Ms, f.lineEditP95Ms], ms));
  targets.push(worstOf("p95 edit -> diagnostics, every 10 MB cohort (digit / line edits)", "<= 50 ms", 50, tenMb, (f) => [f.editP95Ms, f.lineEditP95Ms], ms));
  targets.push(worstOf("open -> first diagnostics, every 10 MB cohort", "<= 1.5 s", 1500, tenMb, (f) => [f.openToDiagnosticsMs], seconds));
  const rss = tenMb.filter((f) => f.rssAfterOpenMb !== null);
  const worstRss = rss.length ? Math.max(...rss.map((f) => f.rssAfterOpenMb!)) : null;
  const worstRssFile = rss.find((f) => f.rssAfterOpenMb === worstRss);
  targets.push({
    name: "server RSS with a 10 MB cohort open (worst)", limit: "<= 200 MB (<= 20x the text)",
    measured: worstRss === null ? "n/a" : `${worstRss.toFixed(0)} MB (${worstRssFile!.name}, ${(worstRss * 1048576 / worstRssFile!.bytes).toFixed(0)}x)`,
    met: worstRss === null ? null : worstRss <= 200,
  });
  targets.push(worstOf("hover p95 (worst file)", "<= 5 ms", 5, files, (f) => [f.hoverP95Ms], ms));
  targets.push(worstOf("completion p95 (worst file)", "<= 5 ms", 5, files, (f) => [f.completionP95Ms], ms));
  const run = results.check?.allCores ?? null;
  targets.push({
    name: "nadir check, 10,000 files, all cores", limit: "<= 6 s",
    measured: run ? seconds(run.wallMs) : results.check?.oneWorker ? `no --jobs; one worker ${seconds(results.check.oneWorker.wallMs)}` : "n/a",
    met: run ? run.problem === null && run.wallMs <= 6_000 : null,
  });
  return targets;
}

/** The worst of the figures `pick` gives over `files`, against `limit`; n/a when any is missing. */
function worstOf(name: string, limitText: string, limit: number, files: LspFileResult[], pick: (f: LspFileResult) => number[], show: (v: number) => string): TargetResult {
  const values = files.flatMap(pick);
  if (files.length === 0 || values.some((v) => !known(v))) return { name, limit: limitText, measured: "n/a", met: null };
  const worst = Math.max(...values);
  const file = files.find((f) => pick(f).includes(worst))!;
  return { name, limit: limitText, measured: files.length > 1 ? `${show(worst)} (${file.name})` : show(worst), met: worst <= limit };
}

export function formatReport(results: BenchResults): string {
  const out: string[] = [];
  out.push(`Nadir benchmark, ${results.date}, node ${results.node}, ${results.cpus} cores (${results.cpuModel}), load average ${results.loadAverage.start.toFixed(1)} at start, ${results.loadAverage.end.toFixed(1)} at end`);
  out.push(`nadir measured: ${results.bin}`);
  out.push("");
  out.push("Throughput (best run; ratio = Nadir MB/s / JSON.parse MB/s of the same cohort as JSON)");
  out.push(table(
    ["input", "patients", "size", "diagnostics", "JSON.parse", "parse", "ratio", "parse+assess", "ratio"],
    results.throughput.map((t) => [t.name, String(t.patients), mb(t.nadirBytes), String(t.diagnostics), rate(t.jsonMBps), rate(t.parseMBps), ratio(t.parseRatio), rate(t.analyzeMBps), ratio(t.analyzeRatio)]),
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
  if (results.encoding.length > 0) {
    out.push("");
    out.push("Encoding a publish of every diagnostic, in-process (the old path; pieces now: all, reused after a same-line-count edit, moved after a line edit, or re-encoded)");
    out.push(table(
      ["input", "diagnostics", "publish", "convert+stringify", "encode all", "reuse", "move", "re-encode later"],
      results.encoding.map((e) => [e.name, String(e.diagnostics), mb(e.publishBytes), ms(e.convertAndStringifyMs), ms(e.encodeAllMs), ms(e.reuseMs), ms(e.moveMs), ms(e.reencodeLaterMs)]),
    ));
  }
  out.push("");
  out.push("nadir check on 10,000 single-patient files");
  if (!results.check || !results.check.available) out.push(`  ${results.check?.note ?? "not measured"}`);
  else {
    const runs = [results.check.oneWorker, results.check.allCores].filter((r): r is NonNullable<typeof r> => r !== null);
    out.push(table(["run", "wall time", "exit", "problem"], runs.map((r) => [r.label, seconds(r.wallMs), String(r.exitCode), r.problem ?? ""])));
    out.push(`  ${results.check.note}`);
  }
  if (results.gc.length > 0) {
    out.push("");
    out.push("nadir check --format json on each cohort: garbage collector's share (CPU profile samples; perf_hooks pauses over wall time)");
    out.push(table(["input", "wall (profiled)", "GC (profile)", "GC pauses", "collections", "exit"], results.gc.map((g) => [g.name, seconds(g.wallMs), share(g.gcSampleShare), share(g.gcPauseShare), String(g.collections ?? "n/a"), String(g.exitCode)])));
  }
  out.push("");
  out.push("Language server over stdio (debounce 0, nothing subtracted; line edits add or remove a line, moving every later diagnostic)");
  if (!results.lsp || !results.lsp.available) out.push(`  ${results.lsp?.note ?? "not measured"}`);
  else {
    out.push(table(
      ["file", "size", "diagnostics", "open->first", "open->all", "edit p50", "edit p95", "line p50", "line p95", "hover p95", "compl. p95", "RSS", "publish", "client parse"],
      results.lsp.files.map((f) => [
        f.name, mb(f.bytes), `${f.diagnostics}${f.firstDiagnostics !== f.diagnostics ? ` (${f.firstDiagnostics} first)` : ""}`, ms(f.openToDiagnosticsMs), ms(f.openToAllDiagnosticsMs),
        ms(f.editP50Ms), ms(f.editP95Ms), ms(f.lineEditP50Ms), ms(f.lineEditP95Ms), ms(f.hoverP95Ms), ms(f.completionP95Ms),
        f.rssAfterOpenMb === null ? "n/a" : `${f.rssAfterOpenMb.toFixed(0)} MB`, mb(f.publishBytes), ms(f.clientParseMs),
      ]),
    ));
    for (const f of results.lsp.files) if (f.problem) out.push(`  ${f.name}: stopped early: ${f.problem}`);
  }
  out.push("");
  out.push("Targets (issue 16)");
  out.push(table(["target", "limit", "measured", "result"], results.targets.map((t) => [t.name, t.limit, t.measured, t.met === null ? "not measured" : t.met ? "met" : "MISSED"])));
  return out.join("\n") + "\n";
}

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => "  " + cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ");
  return [line(header), "  " + widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}
