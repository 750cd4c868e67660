// `npm run fuzz -- replay --seed S --index I [--minimise] [--out FILE]` (scripts/fuzz.js): rebuilds
// input I of seed S, runs it through the oracle, prints the recipe and the outcome and, with
// --minimise, writes the smallest text on which the same stage still fails (for a regression test).
import * as fs from "fs";
import { Campaign, minimise } from "./campaign";

export async function replay(seed: number, index: number, shrink: boolean, out: string | null): Promise<number> {
  const campaign = new Campaign();
  try {
    const input = campaign.input(seed, index);
    process.stdout.write(`seed ${seed} input ${index} (${input.text.length} characters)\nrecipe:\n  ${input.recipe.join("\n  ")}\n`);
    const outcome = await campaign.runText(input.text, seed, index);
    if (!outcome.failure) {
      process.stdout.write(`passed in ${outcome.ms.toFixed(1)} ms\n`);
      if (out) fs.writeFileSync(out, input.text);
      return 0;
    }
    process.stdout.write(`FAILED (${outcome.failure.stage}) in ${outcome.ms.toFixed(1)} ms:\n${outcome.failure.message}\n`);
    const text = shrink ? await minimise(campaign, input.text, seed, index, outcome.failure.stage) : input.text;
    if (shrink) process.stdout.write(`minimised to ${text.length} characters:\n${JSON.stringify(text)}\n`);
    if (out) fs.writeFileSync(out, text);
    return 1;
  } finally {
    campaign.dispose();
  }
}
