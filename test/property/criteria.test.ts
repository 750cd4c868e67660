// Every criterion's PD holds exactly when its thresholds hold (issue 14), by fast-check with a
// fixed seed: random series of two targets (two diameters each, so that irRC can read them),
// checked against the thresholds written out here in integer arithmetic, not against the engine:
// RECIST 1.1 target PD (R3), the first iUPD of iRECIST (R10), irRC irPD (R27), irRECIST irPD (R29),
// imRECIST PD (R30); the nadir is the smallest earlier burden, baseline included.
import { strict as assert } from "assert";
import fc from "fast-check";
import { analyze } from "../../server/src/core/analyze";
import { formatMm } from "../../server/src/core/util/numbers";
import { formatDay, parseDay } from "../../server/src/core/util/dates";
import type { CriteriaId } from "../../server/src/core/criteria/types";

const SEED = 20260114;
const RUNS = 250;
const START = parseDay("2025-01-01") as number;
const TODAY = START + 2000;

/** Two diameters of a lesion, in tenths: long >= short. */
const lesion = fc.tuple(fc.integer({ min: 10, max: 600 }), fc.integer({ min: 10, max: 600 })).map(([a, b]) => [Math.max(a, b), Math.min(a, b)] as const);
const scan = fc.tuple(lesion, lesion);

function text(criteria: string, baseline: readonly [readonly [number, number], readonly [number, number]], scans: Array<readonly [readonly [number, number], readonly [number, number]]>): string {
  const v = ([a, b]: readonly [number, number]) => `${formatMm(a)} x ${formatMm(b)} mm`;
  const lines = [`patient P {`, `  criteria ${criteria}`, `  baseline ${formatDay(START)} CT {`, `    T1 target liver ${v(baseline[0])}`, `    T2 target lung ${v(baseline[1])}`, "  }"];
  scans.forEach((s, k) => lines.push(`  scan ${formatDay(START + 56 * (k + 1))} CT {`, `    T1 ${v(s[0])}`, `    T2 ${v(s[1])}`, "  }"));
  lines.push("}");
  return `${lines.join("\n")}\n`;
}

const recistPd = (b: number, n: number) => b * 5 >= n * 6 && b - n >= 50;
const irrcPd = (b: number, n: number) => b * 4 >= n * 5 && b > n;
const sumOf = (s: readonly [readonly [number, number], readonly [number, number]]) => s[0][0] + s[1][0];
const productOf = (s: readonly [readonly [number, number], readonly [number, number]]) => s[0][0] * s[0][1] + s[1][0] * s[1][1];

describe("property: every criterion's PD holds exactly when its thresholds hold (R3, R10, R27, R29, R30)", () => {
  const cases: Array<{ id: CriteriaId; burden: typeof sumOf; pd: typeof recistPd }> = [
    { id: "RECIST1.1", burden: sumOf, pd: recistPd },
    { id: "irRC", burden: productOf, pd: irrcPd },
    { id: "irRECIST", burden: sumOf, pd: recistPd },
    { id: "imRECIST", burden: sumOf, pd: recistPd },
  ];
  for (const { id, burden, pd } of cases) {
    it(`${id}: the time point is PD exactly when the burden against the nadir of the baseline and earlier time points meets the thresholds`, () => {
      fc.assert(
        fc.property(scan, fc.array(scan, { minLength: 1, maxLength: 7 }), (baseline, scans) => {
          const a = analyze(text(`RECIST1.1 iRECIST irRC irRECIST imRECIST`, baseline, scans), { today: TODAY });
          const episode = a.assessment.patients[0].episodes[0];
          const readings = episode.readings?.[id]?.timepoints ?? [];
          let nadir = burden(baseline);
          scans.forEach((s, k) => {
            const b = burden(s);
            const expected = pd(b, nadir);
            const actual = id === "RECIST1.1" ? episode.timepoints[k].target === "PD" : readings[k].category === "PD";
            assert.equal(actual, expected, `${id} TP ${k + 1}: burden ${b}, nadir ${nadir}`);
            assert.equal(readings[k].burden, b);
            assert.equal(readings[k].nadir, nadir);
            nadir = Math.min(nadir, b);
          });
        }),
        { seed: SEED, numRuns: RUNS },
      );
    });
  }

  it("iRECIST: the first iUPD falls exactly on the first time point whose target sum meets RECIST 1.1 PD (R10)", () => {
    fc.assert(
      fc.property(scan, fc.array(scan, { minLength: 1, maxLength: 7 }), (baseline, scans) => {
        const a = analyze(text("iRECIST", baseline, scans), { today: TODAY });
        const tps = a.assessment.patients[0].episodes[0].timepoints;
        let nadir = sumOf(baseline);
        let expected = -1;
        scans.forEach((s, k) => {
          if (expected < 0 && recistPd(sumOf(s), nadir)) expected = k;
          nadir = Math.min(nadir, sumOf(s));
        });
        assert.equal(tps.findIndex((tp) => tp.iResponse === "iUPD"), expected);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });
});
