// Inputs the fuzz campaign (issue 16) found failing, minimised (`npm run fuzz -- replay --minimise`),
// each with what went wrong and what must hold now. Every one also passes the whole oracle.
import { strict as assert } from "assert";
import * as fs from "fs";
import { Random } from "../../bench/random";
import { analyze } from "../../server/src/core/analyze";
import { checkText, scratchDirectory, TODAY } from "./fuzz/oracle";
import { checkEncodedDiagnostics } from "./fuzz/encoded";

interface Regression {
  name: string;
  /** Seed and input of the campaign that found it. */
  found: string;
  text: string;
  /** What must hold now, beyond passing the oracle. */
  check?: (text: string) => void;
}

const REGRESSIONS: Regression[] = [
  {
    name: "a schedule interval beyond the calendar (R13): the engine threw computing the next due date; now invalid-value, and the schedule is ignored",
    found: "seed 16, input 47",
    text: "patient\nschedule every 99999999 week\nbaseline 2025-01-02{",
    check: (text) => {
      const analysis = analyze(text, { today: TODAY });
      const invalid = analysis.diagnostics.filter((d) => d.code === "invalid-value");
      assert.equal(invalid.length, 1);
      assert.equal(text.slice(invalid[0].start, invalid[0].end), "99999999");
      assert.match(invalid[0].message, /not plausible \(more than ten years, 3653 days\)/);
      assert.equal(analysis.model.patients[0].settings.scheduleDays, undefined);
      // Ten years is the longest plausible interval: 521 weeks is 3,647 days, 522 weeks 3,654.
      const days = (n: string) => analyze(`patient P {\n  schedule every ${n}\n}\n`, { today: TODAY });
      assert.equal(days("3653 days").model.patients[0].settings.scheduleDays, 3653);
      assert.equal(days("3654 days").model.patients[0].settings.scheduleDays, undefined);
      assert.equal(days("521 weeks").model.patients[0].settings.scheduleDays, 3647);
      assert.ok(days("522 weeks").diagnostics.some((d) => d.code === "invalid-value"));
    },
  },
];

describe("fuzz regressions: minimised inputs the campaign found (issue 16)", function () {
  this.timeout(60_000);
  const scratch = scratchDirectory();
  after(() => fs.rmSync(scratch, { recursive: true, force: true }));

  for (const regression of REGRESSIONS) {
    it(`${regression.name} (${regression.found})`, async () => {
      regression.check?.(regression.text);
      for (let turn = 0; turn < 20; turn++) {
        await checkText(regression.text, { scratch, rng: new Random(turn), turn, encodedDiagnostics: checkEncodedDiagnostics });
      }
    });
  }
});
