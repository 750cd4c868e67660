// RECIST 1.1 in the criteria registry: its reading is the engine's version-1 result (response,
// sum, nadir, best response, date of progression), and its progression events give what other
// rules read (R3-R9).
import { strict as assert } from "assert";
import { run } from "../engine/caseBuilder";
import { readingOf, states } from "./readings";
import { criterion } from "../../../server/src/core/criteria/registry";

describe("RECIST 1.1 (R3-R9) in the registry", () => {
  const CASE = `baseline 2025-01-02 { T1 target liver 50 mm }
scan 2025-03-03 { T1 30 mm }
scan 2025-04-28 { T1 40 mm }
scan 2025-05-26 { T1 30 mm }`;

  it("its reading is the version-1 result: responses, sums, best response, date of progression (sticky PD, R7)", () => {
    const r = run(CASE);
    assert.deepEqual(states(r, "RECIST1.1"), ["PR", "PD", "PD"]);
    assert.deepEqual(readingOf(r, "RECIST1.1").timepoints.map((t) => [t.burden, t.nadir]), [[300, 500], [400, 300], [300, 300]]);
    assert.deepEqual([readingOf(r, "RECIST1.1").bestResponse, readingOf(r, "RECIST1.1").progressionDate], [r.episode.bestResponse, r.episode.progressionDate]);
  });

  it("progressionEvents: the responses, the progression (a PD needs no confirming scan) and the best response up to a date", () => {
    const r = run(CASE);
    const events = criterion("RECIST1.1").progressionEvents(r.episode)!;
    assert.deepEqual(events.responses.map((e) => `${e.date} ${e.response} ${e.category}`), ["2025-03-03 PR PR", "2025-04-28 PD PD", "2025-05-26 PD PD"]);
    assert.deepEqual(events.progression, { date: "2025-04-28", confirmedBy: null });
    assert.deepEqual([events.bestResponseUpTo("2025-03-03"), events.bestResponseUpTo("2025-05-26")], ["PR", "PR"]);
  });

  it("with `confirm responses`, a PR's confirmation state is in its reading (R8)", () => {
    const r = run(`confirm responses\n${CASE}`);
    assert.deepEqual(states(r, "RECIST1.1"), ["PR/negated", "PD", "PD"]);
  });
});
