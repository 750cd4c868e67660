// imRECIST (R25, R30): new measurable lesions added to the sum, non-targets never PD, PD confirmed
// >= 28 days later, a negated PD is a "spike", the best response stops at a confirmed PD.
import { strict as assert } from "assert";
import { diagnosticsOf, run } from "../engine/caseBuilder";
import { burdens, readingOf, states, tps } from "./readings";

describe("imRECIST (R30)", () => {
  const BASE = `criteria imRECIST
baseline 2025-01-02 { T1 target liver 30 mm ; T2 target lung 20 mm ; NT1 non-target bone present }
scan 2025-03-03 { T1 20 mm ; T2 15 mm ; NT1 present }`;

  it("R30 non-target lesions never make PD: a non-target `progressed` leaves imRECIST at its sum's category", () => {
    const r = run(`${BASE}\nscan 2025-04-28 { T1 20 mm ; T2 15 mm ; NT1 progressed }`);
    assert.deepEqual([states(r, "imRECIST")[1], r.responses[1]], ["PR", "PD"]);
  });

  it("R30 reference scenario 4: target CR with a new non-measurable lesion is PR, not CR", () => {
    const r = run(`criteria imRECIST\nbaseline 2025-01-02 { T1 target lung 20 x 20 mm }\nscan 2025-03-03 { T1 absent ; NL1 new lung 4 x 4 mm }`);
    assert.deepEqual(states(r, "imRECIST"), ["PR"]);
  });

  it("R30 CR needs every non-target gone and, Decision 12, every marker within normal limits", () => {
    const cr = run(`criteria imRECIST\nbaseline 2025-01-02 { T1 target liver 30 mm }\nscan 2025-03-03 { T1 absent }`);
    assert.deepEqual(states(cr, "imRECIST"), ["CR"]);
    const marker = run(`criteria imRECIST\nmarker 2025-02-20 CEA 12 ng/mL uln 5\nbaseline 2025-01-02 { T1 target liver 30 mm }\nscan 2025-03-03 { T1 absent }`);
    assert.deepEqual([states(marker, "imRECIST")[0], marker.responses[0]], ["PR", "CR"]);
  });

  it("R30 a PD negated at the next assessment is a spike: not a progression event, named in the explanation", () => {
    const r = run(`${BASE}\nscan 2025-04-28 { T1 30 mm ; T2 15 mm ; NT1 present }\nscan 2025-05-26 { T1 20 mm ; T2 15 mm ; NT1 present }`);
    assert.deepEqual(states(r, "imRECIST"), ["PR", "PD/negated", "PR"]);
    assert.equal(readingOf(r, "imRECIST").progressionDate, null);
    assert.ok(tps(r, "imRECIST")[2].explanation.some((e) => /spike/.test(e.text)), JSON.stringify(tps(r, "imRECIST")[2].explanation));
  });

  it("R30 (Decision) the best response stops at a confirmed PD; a later response is information response-after-confirmed-progression", () => {
    const r = run(`${BASE}
scan 2025-04-28 { T1 30 mm ; T2 15 mm ; NT1 present }
scan 2025-05-26 { T1 31 mm ; T2 15 mm ; NT1 present }
scan 2025-06-23 { T1 5 mm ; T2 5 mm ; NT1 present }`);
    assert.deepEqual(states(r, "imRECIST"), ["PR", "PD/confirmed", "PD/confirmed", "PR"]);
    assert.deepEqual([readingOf(r, "imRECIST").bestResponse, readingOf(r, "imRECIST").progressionDate], ["PR", "2025-04-28"]);
    const info = diagnosticsOf(r, "response-after-confirmed-progression");
    assert.equal(info.length, 1);
    assert.match(info[0].message, /^PR under imRECIST after the progression of 2025-04-28, confirmed on 2025-05-26/);
  });

  it("Decision 10: a run still pending counts as PD for the best response, shown PD (unconfirmed)", () => {
    const r = run(`criteria imRECIST\ntherapy pembrolizumab from 2025-01-06 immunotherapy\nbaseline 2025-01-02 { T1 target liver 30 mm }\nscan 2025-01-30 { T1 40 mm }`);
    const reading = readingOf(r, "imRECIST");
    assert.deepEqual([reading.bestResponse, reading.bestConfirmation, reading.progressionDate], ["PD", "pending", null]);
  });

  it("R25 no target at baseline: CR or NON-CR/NON-PD, and the new-lesion burden in no-measurable-baseline", () => {
    const r = run(`criteria imRECIST
baseline 2025-01-02 { NT1 non-target bone present }
scan 2025-03-03 { NT1 present ; NL1 new liver 12 mm }
scan 2025-04-28 { NT1 absent ; NL1 absent }`);
    assert.deepEqual(states(r, "imRECIST"), ["NON-CR/NON-PD", "CR"]);
    assert.deepEqual(burdens(r, "imRECIST"), [120, 0]);
    assert.match(diagnosticsOf(r, "no-measurable-baseline")[0].message, /New measurable lesions: 2025-03-03 12 mm/);
  });

  it("R4 by analogy: a lesion of the sum not evaluated is NE unless the measured ones already show PD", () => {
    const ne = run(`${BASE}\nscan 2025-04-28 { T1 20 mm ; T2 not evaluated ; NT1 present }`);
    assert.deepEqual(states(ne, "imRECIST")[1], "NE");
    assert.match(tps(ne, "imRECIST")[1].neReason ?? "", /T2 not evaluated/);
    const pd = run(`${BASE}\nscan 2025-04-28 { T1 60 mm ; T2 not evaluated ; NT1 present }`);
    assert.deepEqual(states(pd, "imRECIST")[1], "PD/pending");
  });
});
