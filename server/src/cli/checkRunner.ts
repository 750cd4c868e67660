// Runs the analysis of many case files for `nadir check`: in this thread for small runs, on
// worker threads (one per core, at most MAX_WORKERS) for large ones. Results come back in input
// order whatever order the workers finish in, so output is stable.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { Worker } from "worker_threads";
import { CliError } from "./command";
import type { CaseInput } from "./files";
import { readCaseInput } from "./files";
import { loadSettingsFor, SettingsFlags } from "./config";
import { analyze } from "../core/analyze";
import type { CoreDiagnostic } from "../core/diagnostics";
import type { PatientIdAt } from "../core/check/families/patientIds";
import { jsonFile, JsonFile } from "./output/json";

/** Below this many files a worker's start-up costs more than it saves. */
export const WORKER_THRESHOLD = 32;
const MAX_WORKERS = 8;
const WORKER_SCRIPT = path.join(__dirname, "checkWorker.js");

export interface CheckJob {
  flags: SettingsFlags;
  today: number | undefined;
  cwd: string;
  /** Also build the JSON report entry (it needs the analysis, which stays in the worker). */
  json: boolean;
}

export interface CheckedInput {
  path: string;
  text: string;
  diagnostics: CoreDiagnostic[];
  /** Each patient block's id and its range, for the checks across files. */
  patients: PatientIdAt[];
  json?: JsonFile;
}

export interface RunOptions {
  /** Worker threads to use: null chooses by size and cores; 1 keeps everything in this thread. */
  jobs: number | null;
  onProgress?: (done: number, total: number) => void;
}

export async function checkOne(input: CaseInput, job: CheckJob, stdin: NodeJS.ReadableStream): Promise<CheckedInput> {
  const text = await readCaseInput(input, stdin);
  const settings = loadSettingsFor(input.absolute, job.flags, job.cwd);
  const analysis = analyze(text, { settings, today: job.today });
  const patients = analysis.model.patients.map((p) => ({ id: p.id, start: p.idSpan.start, end: p.idSpan.end }));
  return { path: input.display, text, diagnostics: analysis.diagnostics, patients, ...(job.json ? { json: jsonFile(input.display, analysis) } : {}) };
}

export function workerCount(inputs: CaseInput[], jobs: number | null): number {
  // Standard input can only be read here, and a bundled CLI may ship without the worker script.
  if (inputs.some((i) => i.absolute === null) || !fs.existsSync(WORKER_SCRIPT)) return 1;
  if (jobs !== null) return Math.max(1, Math.min(jobs, inputs.length));
  if (inputs.length < WORKER_THRESHOLD) return 1;
  return Math.max(1, Math.min(os.availableParallelism(), MAX_WORKERS));
}

export async function checkAll(inputs: CaseInput[], job: CheckJob, stdin: NodeJS.ReadableStream, options: RunOptions): Promise<CheckedInput[]> {
  const workers = workerCount(inputs, options.jobs);
  if (workers <= 1) {
    const results: CheckedInput[] = [];
    for (const input of inputs) {
      results.push(await checkOne(input, job, stdin));
      options.onProgress?.(results.length, inputs.length);
    }
    return results;
  }
  return checkOnWorkers(inputs, job, workers, options);
}

/** What a worker is sent: a batch of consecutive inputs, the first at `index`. */
export interface WorkerBatch {
  index: number;
  inputs: CaseInput[];
}

/** A worker's reply: the results of a whole batch, or the error of one of its inputs (which stops the run). */
export type WorkerReply = { index: number; results: CheckedInput[] } | { index: number; error: string; exitCode: number | null };

/**
 * Inputs per message. One file per message kept each worker waiting for the main thread between
 * files (a fifth of its time in postMessage, a third idle, on 10,000 small files); batches of up to
 * 64, and two batches in flight per worker, keep them busy while the last batches still spread
 * the work evenly.
 */
export function batchSize(inputs: number, workers: number): number {
  return Math.max(1, Math.min(64, Math.floor(inputs / (workers * 8))));
}

function checkOnWorkers(inputs: CaseInput[], job: CheckJob, count: number, options: RunOptions): Promise<CheckedInput[]> {
  return new Promise((resolve, reject) => {
    const results: CheckedInput[] = new Array(inputs.length);
    const pool: Worker[] = [];
    const size = batchSize(inputs.length, count);
    let next = 0;
    let done = 0;
    let failed = false;
    const stop = (error?: Error) => {
      failed = failed || error !== undefined;
      for (const w of pool) void w.terminate();
      if (error) reject(error);
      else resolve(results);
    };
    const feed = (worker: Worker) => {
      if (next < inputs.length) {
        const batch: WorkerBatch = { index: next, inputs: inputs.slice(next, next + size) };
        worker.postMessage(batch);
        next += batch.inputs.length;
      }
    };
    for (let i = 0; i < count; i++) {
      const worker = new Worker(WORKER_SCRIPT, { workerData: { job } });
      pool.push(worker);
      worker.on("message", (reply: WorkerReply) => {
        if (failed) return;
        if ("error" in reply) return stop(reply.exitCode === null ? new Error(reply.error) : new CliError(reply.error, reply.exitCode));
        for (let k = 0; k < reply.results.length; k++) results[reply.index + k] = reply.results[k];
        done += reply.results.length;
        options.onProgress?.(done, inputs.length);
        if (done === inputs.length) stop();
        else feed(worker);
      });
      worker.on("error", (e) => !failed && stop(e));
      feed(worker);
      feed(worker);
    }
  });
}
