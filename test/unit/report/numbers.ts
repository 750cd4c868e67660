// Holds a text report's numbers against the `nadir assess --format json` values of the same scan:
// the sums, their changes, the categories, the best response and the impression's numbers.
import { strict as assert } from "assert";
import type { JsonEpisode, JsonTimepoint } from "../../../server/src/core/engine/json";
import { round1 } from "../../../server/src/core/util/numbers";

const num = (s: string) => Number(s);

/** Every number the text report prints about sums and responses equals the JSON's. */
export function checkTextAgainstJson(text: string, episode: JsonEpisode, tp: JsonTimepoint | null, where: string): void {
  const line = (re: RegExp) => text.split("\n").map((l) => re.exec(l)).find((m) => m !== null) ?? null;
  const sum = tp ? tp.sum : episode.baseline?.sum ?? null;
  const printedSum = line(/^Sum of target diameters:\s+([\d.]+) mm$/);
  if (sum === null) assert.equal(printedSum, null, `${where}: no sum printed when the JSON has none`);
  else assert.equal(num(printedSum![1]), sum, `${where}: sum`);
  if (!tp) return;
  const base = episode.baseline?.sum ?? null;
  const printedBase = line(/^Baseline sum:\s+([\d.]+) mm \((\d{4}-\d{2}-\d{2})\)$/);
  if (base !== null) assert.equal(num(printedBase![1]), base, `${where}: baseline sum`);
  const fromBase = line(/^Change from baseline:\s+([+-]?[\d.]+) mm, ([+-][\d.]+) %$/);
  if (tp.changeFromBaselinePct !== null && sum !== null && base !== null) {
    assert.equal(num(fromBase![2]), tp.changeFromBaselinePct, `${where}: % from baseline`);
    assert.equal(num(fromBase![1]), round1(sum - base), `${where}: mm from baseline`);
  } else assert.equal(fromBase, null, `${where}: no change from baseline without one in the JSON`);
  const nadir = line(/^Nadir sum:\s+([\d.]+) mm \((\d{4}-\d{2}-\d{2})\)$/);
  if (tp.nadir !== null) assert.equal(num(nadir![1]), tp.nadir, `${where}: nadir`);
  else assert.equal(nadir, null, `${where}: no nadir printed`);
  const fromNadir = line(/^Change from nadir:\s+([+-]?[\d.]+) mm, ([+-][\d.]+) %$/);
  if (tp.changeFromNadirPct !== null && tp.changeFromNadirMm !== null) {
    assert.equal(num(fromNadir![1]), tp.changeFromNadirMm, `${where}: mm from nadir`);
    assert.equal(num(fromNadir![2]), tp.changeFromNadirPct, `${where}: % from nadir`);
  }
  assert.ok(text.includes(`\nTarget response: ${tp.target ?? "none"}`), `${where}: target category ${tp.target}`);
  assert.ok(text.includes(`\nNon-target response: ${tp.nonTarget ?? "none"}`), `${where}: non-target category ${tp.nonTarget}`);
  assert.ok(text.includes(`\nNew lesions: ${tp.newLesions}\n`), `${where}: new lesions ${tp.newLesions}`);
  assert.ok(text.includes(`\nOverall response (RECIST 1.1, R7): ${tp.response}: `), `${where}: response ${tp.response}`);
  if (tp.iResponse !== undefined) assert.ok(text.includes(`\nOverall response (iRECIST, R10): ${tp.iResponse}: `), `${where}: iResponse ${tp.iResponse}`);
  assert.ok(text.includes(`\nBest overall response (R8): ${episode.bestResponse ?? "none yet"}\n`), `${where}: best ${episode.bestResponse}`);
  if (episode.iBestResponse !== undefined) assert.ok(text.includes(`\nBest overall response (iRECIST, R9): ${episode.iBestResponse ?? "none yet"}\n`), `${where}: iBOR`);
  // The impression repeats the sum, the change from baseline, the baseline and the nadir.
  const impression = text.slice(text.indexOf("\nIMPRESSION\n")).replace(/\n\s+/g, " ");
  const said = /Sum of target diameters ([\d.]+) mm, ([+-][\d.]+) % from baseline \(([\d.]+) mm, [\d-]+\)(?:, ([+-][\d.]+) % \(([+-][\d.]+) mm\) from the nadir \(([\d.]+) mm, [\d-]+\))?/.exec(impression);
  if (sum !== null && base !== null && tp.changeFromBaselinePct !== null) {
    assert.ok(said, `${where}: the impression gives the sum`);
    assert.deepEqual([num(said[1]), num(said[2]), num(said[3])], [sum, tp.changeFromBaselinePct, base], `${where}: impression numbers`);
    if (said[4] !== undefined) assert.deepEqual([num(said[4]), num(said[5]), num(said[6])], [tp.changeFromNadirPct, tp.changeFromNadirMm, tp.nadir], `${where}: impression nadir numbers`);
  }
}
