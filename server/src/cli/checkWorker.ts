// Worker thread of `nadir check` (see checkRunner): analyses a batch of files per message and
// replies with their results as plain data, or with the error that would have stopped the run.
import { parentPort, workerData } from "worker_threads";
import { checkOne, CheckJob, CheckedInput, WorkerBatch, WorkerReply } from "./checkRunner";
import { CliError } from "./command";

const job = (workerData as { job: CheckJob }).job;

parentPort?.on("message", async (batch: WorkerBatch) => {
  const results: CheckedInput[] = [];
  let reply: WorkerReply;
  try {
    for (const input of batch.inputs) results.push(await checkOne(input, job, process.stdin));
    reply = { index: batch.index, results };
  } catch (e) {
    const exitCode = e instanceof CliError ? e.exitCode : null;
    reply = { index: batch.index + results.length, error: e instanceof Error ? (exitCode === null ? e.stack ?? e.message : e.message) : String(e), exitCode };
  }
  parentPort?.postMessage(reply);
});
