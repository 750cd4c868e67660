// In-process latency of per-patient incremental re-analysis (core/incremental) for the same
// one-character edits the language-server benchmark replays: what an edit costs the core once the
// server re-analyses only the edited patient, beside a full analyze() of the same text.
import * as fs from "fs";
import { analyze } from "../server/src/core/analyze";
import { reanalyze } from "../server/src/core/incremental/reanalyze";
import { parseDay } from "../server/src/core/util/dates";
import type { Dataset } from "./data";
import { nowMs, percentile } from "./stats";

const EDITS = 200;
const OPTIONS = { today: parseDay("2026-01-01") as number };

export interface IncrementalResult {
  name: string;
  fullAnalyzeMs: number;
  edits: number;
  incremental: number;
  p50Ms: number;
  p95Ms: number;
}

export function measureIncremental(dataset: Dataset): IncrementalResult {
  const text = fs.readFileSync(dataset.nadirPath, "utf8");
  const start = nowMs();
  let analysis = analyze(text, OPTIONS);
  const fullAnalyzeMs = nowMs() - start;
  // The last digit of a measurement in the middle of the file, retyped back and forth.
  const at = text.indexOf(" mm\n", Math.floor(text.length / 2)) - 1;
  const original = text[at];
  const other = original === "7" ? "8" : "7";
  const times: number[] = [];
  let incremental = 0;
  for (let i = 0; i < EDITS; i++) {
    const t = nowMs();
    const result = reanalyze(analysis, { start: at, end: at + 1, text: i % 2 === 0 ? other : original }, OPTIONS);
    times.push(nowMs() - t);
    if (result.incremental) incremental++;
    analysis = result.analysis;
  }
  return { name: dataset.name, fullAnalyzeMs, edits: EDITS, incremental, p50Ms: percentile(times, 50), p95Ms: percentile(times, 95) };
}
