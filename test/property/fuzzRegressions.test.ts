// Inputs the fuzz campaign (issue 16) found failing, minimised (`npm run fuzz -- replay --minimise`),
// each with what went wrong and what must hold now. Every one also passes the whole oracle.
import { strict as assert } from "assert";
import * as fs from "fs";
import { Random } from "../../bench/random";
import { analyze } from "../../server/src/core/analyze";
import { formatLineRange, formatText } from "../../server/src/core/format";
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
  {
    name: "range formatting after a lone CR: the blank line it wrote joined the CR into one CRLF break and a line was lost; the neighbouring break is now rewritten too",
    found: "seed 2, inputs 1664 and 2444 (pilot run)",
    text: "\ny\r\r\r\r}\r",
    check: (text) => {
      const lf = (t: string) => t.replace(/\r\n?/g, "\n");
      const whole = formatText(text);
      assert.equal(whole, "y\n\n}\n");
      const lines = text.split(/\r\n|\r|\n/).length;
      for (let from = 0; from < lines; from++) {
        for (let to = from; to < lines; to++) {
          const edit = formatLineRange(text, from, to);
          if (!edit) continue;
          const ranged = text.slice(0, edit.start) + edit.text + text.slice(edit.end);
          assert.equal(lf(formatText(ranged)), lf(whole), `lines ${from}-${to}: ${JSON.stringify(ranged)}`);
        }
      }
      const edit = formatLineRange(text, 2, 4)!;
      assert.deepEqual([edit.start, edit.end, edit.text], [2, 6, "\n\n"], "the CR ending line 1 is rewritten with the blank line");
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
