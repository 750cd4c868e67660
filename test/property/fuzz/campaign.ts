// The fuzz campaign's worker (issue 16, item 4): runs inputs `from..to` of a seed through the oracle
// and reports to its parent (scripts/fuzz.js) over IPC: the index being run (so a hang is pinned to
// its input), each failure with its stage and message, each input slower than the budget, and the
// totals. Failures do not stop the chunk: every one is reported and saved (text, recipe, error).
// Also: replaying one input and minimising a failing one (line, then character deletion while the
// same stage still fails), for the regression test that every bug found gets.
import * as fs from "fs";
import * as path from "path";
import { Random } from "../../../bench/random";
import { Mutator } from "./mutate";
import { checkText, FuzzFailure, scratchDirectory } from "./oracle";
import { checkEncodedDiagnostics } from "./encoded";

export interface InputOutcome {
  index: number;
  /** CPU time of the process (user + system) for this input: on a shared machine wall time says little. */
  ms: number;
  failure: { stage: string; message: string } | null;
}

export class Campaign {
  private readonly mutator = new Mutator();
  private readonly scratch = scratchDirectory();

  async run(seed: number, index: number): Promise<InputOutcome> {
    const input = this.mutator.input(seed, index);
    return this.runText(input.text, seed, index);
  }

  async runText(text: string, seed: number, index: number): Promise<InputOutcome> {
    const started = process.cpuUsage();
    let failure: InputOutcome["failure"] = null;
    try {
      await checkText(text, { scratch: this.scratch, rng: new Random((seed ^ Math.imul(index, 2654435761)) >>> 0), encodedDiagnostics: checkEncodedDiagnostics, turn: index });
    } catch (e) {
      failure = e instanceof FuzzFailure ? { stage: e.stage, message: e.message } : { stage: "oracle", message: e instanceof Error ? e.stack ?? e.message : String(e) };
    }
    const used = process.cpuUsage(started);
    return { index, ms: (used.user + used.system) / 1000, failure };
  }

  input(seed: number, index: number) {
    return this.mutator.input(seed, index);
  }

  dispose(): void {
    fs.rmSync(this.scratch, { recursive: true, force: true });
  }
}

/** Smallest text (by deleting lines, then characters) on which `stage` still fails. */
export async function minimise(campaign: Campaign, text: string, seed: number, index: number, stageName: string): Promise<string> {
  const fails = async (candidate: string) => (await campaign.runText(candidate, seed, index)).failure?.stage === stageName;
  let current = text;
  for (const unit of ["\n", ""] as const) {
    let size = Math.max(1, Math.floor(current.split(unit).length / 2));
    while (size >= 1) {
      let parts = current.split(unit);
      let removed = false;
      for (let at = 0; at < parts.length; ) {
        const candidate = [...parts.slice(0, at), ...parts.slice(at + size)].join(unit);
        if (candidate !== current && (await fails(candidate))) {
          current = candidate;
          parts = current.split(unit);
          removed = true;
        } else {
          at += size;
        }
      }
      if (!removed) size = Math.floor(size / 2);
    }
  }
  return current;
}

// ---------------------------------------------------------------------------------------------
// Worker entry: `node worker.js SEED FROM TO BUDGET_MS FAILURE_DIR` under scripts/fuzz.js.

type Report =
  | { type: "at"; index: number }
  | { type: "failure"; index: number; stage: string; message: string; recipe: string[] }
  | { type: "slow"; index: number; ms: number }
  | { type: "done"; from: number; to: number; inputs: number; failures: number; slow: number; totalMs: number; maxMs: number; maxIndex: number };

export async function runWorker(argv: string[]): Promise<void> {
  const [seed, from, to, budgetMs] = argv.slice(0, 4).map(Number);
  const failureDir = argv[4];
  const send = (report: Report) => (process.send ? process.send(report) : process.stdout.write(`${JSON.stringify(report)}\n`));
  const campaign = new Campaign();
  let failures = 0;
  let slow = 0;
  let totalMs = 0;
  let maxMs = 0;
  let maxIndex = from;
  try {
    for (let index = from; index < to; index++) {
      send({ type: "at", index });
      const outcome = await campaign.run(seed, index);
      totalMs += outcome.ms;
      if (outcome.ms > maxMs) [maxMs, maxIndex] = [outcome.ms, index];
      if (outcome.ms > budgetMs) {
        slow++;
        send({ type: "slow", index, ms: outcome.ms });
      }
      if (outcome.failure) {
        failures++;
        const input = campaign.input(seed, index);
        fs.mkdirSync(failureDir, { recursive: true });
        const base = path.join(failureDir, `seed${seed}-input${index}`);
        fs.writeFileSync(`${base}.nadir`, input.text);
        fs.writeFileSync(`${base}.txt`, `${outcome.failure.message}\n\nrecipe:\n${input.recipe.join("\n")}\n`);
        send({ type: "failure", index, stage: outcome.failure.stage, message: outcome.failure.message.slice(0, 2000), recipe: input.recipe });
      }
    }
  } finally {
    campaign.dispose();
  }
  send({ type: "done", from, to, inputs: to - from, failures, slow, totalMs, maxMs, maxIndex });
}
