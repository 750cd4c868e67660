// Parse and parse+assess throughput of the core, each beside JSON.parse of the same cohort
// serialised as JSON, measured in the same process and run so that the ratios survive noise.
import * as fs from "fs";
import { parseText } from "../server/src/core/syntax/parse";
import { buildModel } from "../server/src/core/model/build";
import { checkStructure } from "../server/src/core/check";
import { assessCase } from "../server/src/core/engine";
import { analyze } from "../server/src/core/analyze";
import { DEFAULT_SETTINGS } from "../server/src/core/settings";
import { parseDay } from "../server/src/core/util/dates";
import type { Dataset } from "./data";
import { nowMs, timeBest } from "./stats";

/** A fixed "today" so that due/overdue diagnostics, and so the work done, are the same every run. */
const TODAY = parseDay("2026-01-01") as number;

export interface ThroughputResult {
  name: string;
  patients: number;
  nadirBytes: number;
  jsonBytes: number;
  runs: number;
  jsonMs: number;
  parseMs: number;
  analyzeMs: number;
  jsonMBps: number;
  parseMBps: number;
  analyzeMBps: number;
  /** nadir MB/s divided by JSON.parse MB/s. */
  parseRatio: number;
  analyzeRatio: number;
  diagnostics: number;
}

export function measureThroughput(dataset: Dataset): ThroughputResult {
  const text = fs.readFileSync(dataset.nadirPath, "utf8");
  const json = fs.readFileSync(dataset.jsonPath, "utf8");
  const nadirBytes = Buffer.byteLength(text);
  const jsonBytes = Buffer.byteLength(json);
  // Big inputs: two runs keep the benchmark within minutes; tiny ones: many runs for stability.
  const big = nadirBytes > 5_000_000;
  const [minRuns, minTotalMs] = big ? [2, 0] : [3, 500];
  const jsonMs = timeBest(() => JSON.parse(json), minRuns, minTotalMs).ms;
  const parse = timeBest(() => parseText(text), minRuns, minTotalMs);
  let diagnostics = 0;
  const analyzeMs = timeBest(() => {
    diagnostics = analyze(text, { today: TODAY }).diagnostics.length;
  }, minRuns, minTotalMs).ms;
  const mbps = (bytes: number, ms: number) => bytes / 1e6 / (ms / 1000);
  const jsonMBps = mbps(jsonBytes, jsonMs);
  const parseMBps = mbps(nadirBytes, parse.ms);
  const analyzeMBps = mbps(nadirBytes, analyzeMs);
  return {
    name: dataset.name, patients: dataset.patients, nadirBytes, jsonBytes, runs: parse.runs, jsonMs, parseMs: parse.ms, analyzeMs,
    jsonMBps, parseMBps, analyzeMBps, parseRatio: parseMBps / jsonMBps, analyzeRatio: analyzeMBps / jsonMBps, diagnostics,
  };
}

export interface StageTimes {
  name: string;
  parseMs: number;
  modelMs: number;
  checkMs: number;
  assessMs: number;
}

/** Where analyze() spends its time, stage by stage (one run each), to show what to speed up. */
export function measureStages(dataset: Dataset): StageTimes {
  const text = fs.readFileSync(dataset.nadirPath, "utf8");
  const stage = <T>(run: () => T): [T, number] => {
    const start = nowMs();
    const result = run();
    return [result, nowMs() - start];
  };
  const [parsed, parseMs] = stage(() => parseText(text));
  const [model, modelMs] = stage(() => buildModel(parsed.file));
  const [, checkMs] = stage(() => checkStructure(parsed.file, model, text));
  const [, assessMs] = stage(() => assessCase(model, DEFAULT_SETTINGS, { today: TODAY }));
  return { name: dataset.name, parseMs, modelMs, checkMs, assessMs };
}
