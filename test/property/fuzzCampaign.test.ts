// The fuzz campaign's short, fixed-seed run (issue 16, item 4): the same inputs and oracle as
// `npm run fuzz -- campaign` (a million inputs, recorded in the README), bounded for `npm test`.
import { strict as assert } from "assert";
import { Random } from "../../bench/random";
import { Campaign } from "./fuzz/campaign";
import { checkText, FuzzFailure, scratchDirectory } from "./fuzz/oracle";
import { Mutator, vocabulary } from "./fuzz/mutate";
import * as fs from "fs";

const SEED = 16;
const INPUTS = 120;

describe("fuzz campaign: grammar-aware mutations through every handler, the formatter and the CLI (issue 16)", function () {
  this.timeout(120_000);

  it("builds each input from its seed and index alone, from the grammar's vocabulary", () => {
    const [a, b] = [new Mutator(), new Mutator()];
    for (const index of [0, 1, 999_999]) assert.deepEqual(a.input(SEED, index), b.input(SEED, index));
    assert.notEqual(a.input(SEED, 0).text, a.input(SEED, 1).text);
    const words = vocabulary();
    for (const word of ["baseline", "non-target", "not evaluated", "copies/mL", "liver", "iRECIST"]) assert.ok(words.includes(word), word);
  });

  it(`${INPUTS} inputs of seed ${SEED}: no crash, no invalid range or edit, no non-idempotent or meaning-changing format, no CLI failure`, async () => {
    const campaign = new Campaign();
    const failures: string[] = [];
    try {
      for (let index = 0; index < INPUTS; index++) {
        const outcome = await campaign.run(SEED, index);
        if (outcome.failure) failures.push(`input ${index}: ${outcome.failure.message.slice(0, 400)} (replay: npm run fuzz -- replay --seed ${SEED} --index ${index})`);
      }
    } finally {
      campaign.dispose();
    }
    assert.deepEqual(failures, []);
  });

  it("names the stage that failed", async () => {
    const scratch = scratchDirectory();
    try {
      await assert.rejects(
        checkText("patient X {\n}\n", { scratch, rng: new Random(1), turn: 0, encodedDiagnostics: () => assert.fail("a wrong encoding") }),
        (e: unknown) => e instanceof FuzzFailure && e.stage === "diagnostics" && /a wrong encoding/.test(e.message),
      );
    } finally {
      fs.rmSync(scratch, { recursive: true, force: true });
    }
  });
});
