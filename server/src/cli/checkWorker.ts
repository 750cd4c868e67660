// Worker thread of `nadir check` (see checkRunner): analyses one file per message and replies
// with plain data, or with the error that would have stopped the run.
import { parentPort, workerData } from "worker_threads";
import { checkOne, CheckJob } from "./checkRunner";
import type { CaseInput } from "./files";
import { CliError } from "./command";

const job = (workerData as { job: CheckJob }).job;

parentPort?.on("message", async (message: { index: number; input: CaseInput }) => {
  try {
    const result = await checkOne(message.input, job, process.stdin);
    parentPort?.postMessage({ index: message.index, result });
  } catch (e) {
    const exitCode = e instanceof CliError ? e.exitCode : null;
    parentPort?.postMessage({ index: message.index, error: e instanceof Error ? (exitCode === null ? e.stack ?? e.message : e.message) : String(e), exitCode });
  }
});
