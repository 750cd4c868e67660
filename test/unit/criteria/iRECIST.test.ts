// iRECIST in the criteria registry (R9, R10): its reading carries iResponse with the state of the
// iUPD run (pending, confirmed, negated), iBOR and the date of progression at the first iUPD.
import { strict as assert } from "assert";
import { run } from "../engine/caseBuilder";
import { readingOf, states } from "./readings";
import { criterion } from "../../../server/src/core/criteria/registry";

describe("iRECIST (R10) in the registry", () => {
  const BASE = `criteria iRECIST
baseline 2025-01-02 { T1 target liver 50 mm }
scan 2025-03-03 { T1 50 mm }
scan 2025-04-28 { T1 60 mm }`;

  it("an iUPD awaiting its scan is pending; confirmed as iCPD, every iUPD of the run is confirmed", () => {
    assert.deepEqual(states(run(BASE), "iRECIST"), ["iSD", "iUPD/pending"]);
    const r = run(`${BASE}\nscan 2025-05-26 { T1 66 mm }`);
    assert.deepEqual(states(r, "iRECIST"), ["iSD", "iUPD/confirmed", "iCPD/confirmed"]);
    assert.deepEqual([readingOf(r, "iRECIST").progressionDate, readingOf(r, "iRECIST").confirmedBy], ["2025-04-28", "2025-05-26"]);
  });

  it("a reset negates the run (R10), and iBOR is the reading's best response", () => {
    const r = run(`${BASE}\nscan 2025-05-26 { T1 45 mm }`);
    assert.deepEqual(states(r, "iRECIST"), ["iSD", "iUPD/negated", "iSD"]);
    assert.equal(readingOf(r, "iRECIST").bestResponse, r.episode.iBestResponse);
  });

  it("progressionEvents: iUPD is unconfirmed progression (UPD), iCPD progression (PD); confirmed progression dated at the first iUPD", () => {
    const r = run(`${BASE}\nscan 2025-05-26 { T1 66 mm }`);
    const events = criterion("iRECIST").progressionEvents(r.episode)!;
    assert.deepEqual(events.responses.map((e) => e.category), ["SD", "UPD", "PD"]);
    assert.deepEqual(events.progression, { date: "2025-04-28", confirmedBy: "2025-05-26" });
    assert.equal(events.bestResponseUpTo("2025-04-28"), "iSD");
    assert.equal(criterion("irRC").progressionEvents(r.episode), null, "not read: no events");
  });
});
