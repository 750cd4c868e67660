// Issue 11: the seven iRECIST defects (test/fixtures/irecist/defects.nadir, each patient's comment
// is the answer), the class around each, and the R10 clarifications of both rounds and "RECIST 1.1
// after progression" at their boundaries (days 25/26, 27/28, 56/58/59; +4.9/+5.0 mm; 20 %
// exactly; nodes 9.9/10.0 mm).
import { strict as assert } from "assert";
import * as fs from "fs";
import * as path from "path";
import { analyze } from "../../../server/src/core/analyze";
import type { EpisodeAssessment } from "../../../server/src/core/engine/types";
import { patientsJson } from "../../../server/src/core/engine/json";
import { REPO_ROOT } from "../../helpers/paths";
import { run, addDays, diagnosticsOf, TODAY } from "./caseBuilder";

const DEFECTS = fs.readFileSync(path.join(REPO_ROOT, "test", "fixtures", "irecist", "defects.nadir"), "utf8");
const B = "2025-01-01";

function defect(id: string): EpisodeAssessment {
  const a = analyze(DEFECTS, { today: TODAY });
  assert.equal(a.diagnostics.filter((d) => d.severity === "error").length, 0);
  const p = a.assessment.patients.find((x) => x.id === id);
  if (!p) throw new Error(`no patient ${id}`);
  return p.episodes[0];
}
const iResponses = (e: EpisodeAssessment) => e.timepoints.map((t) => t.iResponse);
const rules = (e: EpisodeAssessment, k: number) => e.timepoints[k].explanation.map((x) => x.rule);
const ir = (body: string, settings = {}) => run(`criteria iRECIST\n${body}`, settings);

describe("iRECIST defects of issue 11 (the case files' answers)", () => {
  it("A: a nodal non-target growing 7.9 -> 9.9 mm (below 10 mm) is no progression: 2024-06-10 is iUPD, not iCPD", () => {
    const e = defect("A");
    assert.deepEqual(iResponses(e), ["iUPD", "iUPD"]);
    assert.ok(rules(e, 1).includes("R10 (measured nodal non-target)"));
    assert.equal(e.timepoints[1].nonTarget, "CR");
  });
  it("B: a first iUPD with a target not evaluated has no target reference (no '+18 mm from 0 mm'): 2023-05-22 is not iCPD", () => {
    const e = defect("B");
    assert.deepEqual(iResponses(e), ["iUPD", "iUPD"]);
    assert.ok(rules(e, 0).includes("R10 (run reference)") && rules(e, 1).includes("R10 (run reference)"));
    assert.equal(e.progressionDate, null);
    assert.ok(!e.timepoints[1].explanation.some((x) => /from 0 mm/.test(x.text)));
  });
  it("C: a lesion still equivocal at the reset is not known; unequivocal later it is a new iUPD: 2023-07-10 is iUPD, not iPR", () => {
    const e = defect("C");
    assert.deepEqual(iResponses(e), ["iUPD", "iSD", "iUPD"]);
    assert.ok(rules(e, 1).includes("R10 (equivocal lesions and resets)"));
  });
  it("D: a scan 20 days after the first iUPD is disregarded; 49 days after it the targets newly meet RECIST PD (another category): iCPD", () => {
    const e = defect("D");
    assert.deepEqual(iResponses(e), ["iUPD", "iUPD", "iCPD"]);
    assert.ok(rules(e, 1).includes("R10 (early scan disregarded)"));
    assert.ok(rules(e, 2).includes("R10 (which growth confirms)"));
    assert.equal(e.progressionDate, "2023-02-06");
  });
  it("E: the 26-day limit counts from the first iUPD, not the last still-iUPD scan: 2023-04-28 (+10.2 mm) is iCPD", () => {
    const e = defect("E");
    assert.deepEqual(iResponses(e), ["iUPD", "iUPD", "iCPD"]);
    assert.equal(e.progressionDate, "2022-11-17");
    assert.ok(!rules(e, 2).includes("R10 (early scan disregarded)"));
  });
  it("F: a new node that never reaches 10 mm is no lesion and no growth; a target not evaluated in the run: NE, not iCPD", () => {
    const e = defect("F");
    assert.deepEqual(iResponses(e), ["iSD", "iUPD", "NE"]);
    assert.ok(rules(e, 2).includes("R10 (new node)") && rules(e, 2).includes("R10 (lesion not evaluated in a run)"));
  });
  it("G: a new lesion not evaluated makes the TP NE (no reset, the 22.6 mm stays its history); +27.2 mm later: iCPD, not iPR", () => {
    const e = defect("G");
    assert.deepEqual(iResponses(e), ["iUPD", "NE", "iCPD"]);
    assert.ok(rules(e, 1).includes("R10 (new lesion not evaluated)"));
    assert.ok(e.timepoints[2].explanation.some((x) => /NLT sum of measures 49\.8 mm is \+27\.2 mm from 22\.6 mm/.test(x.text)));
  });
});

describe("R10 measured nodal non-targets (class of A)", () => {
  const base = `baseline ${B} { T1 target liver 50 mm ; NT1 non-target node 12 mm ; NT2 non-target bone present }`;
  it("R10 iUPD from NT progression: a node back at 10.0 mm after 8 mm is a further increase (iCPD); at 9.9 mm it is nothing (reset)", () => {
    const body = (nt1: string) => `${base}\nscan 2025-03-01 { T1 50 mm ; NT1 8 mm ; NT2 progressed }\nscan 2025-04-05 { T1 50 mm ; NT1 ${nt1} ; NT2 present }`;
    assert.deepEqual(ir(body("10 mm")).iResponses, ["iUPD", "iCPD"]);
    assert.deepEqual(ir(body("9.9 mm")).iResponses, ["iUPD", "iSD"]);
  });
  it("R10 a node growing while it stays >= 10 mm (12 -> 18 mm) is no increase", () => {
    assert.deepEqual(ir(`${base}\nscan 2025-03-01 { T1 50 mm ; NT1 12 mm ; NT2 progressed }\nscan 2025-04-05 { T1 50 mm ; NT1 18 mm ; NT2 present }`).iResponses, ["iUPD", "iSD"]);
  });
  it("R10 a node crossing 10 mm is `increased`, never `progressed`: it does not confirm an iUPD from the targets, and is no RECIST NT PD", () => {
    const r = ir(`${base}\nscan 2025-03-01 { T1 60 mm ; NT1 8 mm ; NT2 present }\nscan 2025-04-05 { T1 60 mm ; NT1 10 mm ; NT2 present }`);
    assert.deepEqual(r.iResponses, ["iUPD", "iUPD"]);
    assert.equal(r.tps[1].nonTarget, "NON-CR/NON-PD");
  });
  it("R10 'after < 10 mm at any earlier TP': the last known size counts across a TP where the node was not evaluated", () => {
    const r = ir(`${base}\nscan 2025-03-01 { T1 50 mm ; NT1 9.9 mm ; NT2 progressed }\nscan 2025-04-05 { T1 50 mm ; NT1 not evaluated ; NT2 present }\nscan 2025-05-10 { T1 50 mm ; NT1 10 mm ; NT2 present }`);
    assert.deepEqual(r.iResponses, ["iUPD", "NE", "iCPD"]);
  });
  it("R5/R10 outside a run a node back at 10 mm is no progression (previous response PR, not CR)", () => {
    const r = ir(`${base}\nscan 2025-03-01 { T1 30 mm ; NT1 8 mm ; NT2 present }\nscan 2025-04-05 { T1 30 mm ; NT1 10 mm ; NT2 present }`);
    assert.deepEqual([r.responses, r.iResponses], [["PR", "PR"], ["iPR", "iPR"]]);
  });
  it("R6 after an overall CR a node back at 10.0 mm is PD / iUPD; at 9.9 mm it stays CR / iCR", () => {
    const body = (nt: string) => `baseline ${B} { T1 target liver 50 mm ; NT1 non-target node 12 mm }\nscan 2025-03-01 { T1 absent ; NT1 9.9 mm }\nscan 2025-04-05 { T1 absent ; NT1 ${nt} }`;
    assert.deepEqual([ir(body("10 mm")).responses, ir(body("10 mm")).iResponses], [["CR", "PD"], ["iCR", "iUPD"]]);
    assert.deepEqual([ir(body("9.9 mm")).responses, ir(body("9.9 mm")).iResponses], [["CR", "CR"], ["iCR", "iCR"]]);
  });
});

describe("R10 the run's reference from evaluable values (class of B)", () => {
  it("R10 iUPD by R4 (measured targets alone PD): the first complete sum of the run is the reference; +4.9 mm from it stays iUPD, +5.0 mm is iCPD", () => {
    const body = (t2: string) => `baseline ${B} { T1 target liver 30 mm ; T2 target lung 30 mm }\nscan 2025-03-01 { T1 not evaluated ; T2 80 mm }\nscan 2025-04-05 { T1 30 mm ; T2 80 mm }\nscan 2025-05-10 { T1 30 mm ; T2 ${t2} }`;
    const r = ir(body("84.9 mm"));
    assert.deepEqual(r.iResponses, ["iUPD", "iUPD", "iUPD"]);
    assert.ok(r.tps[1].explanation.some((x) => x.rule === "R10 (run reference)" && /110 mm/.test(x.text)));
    assert.deepEqual(ir(body("85 mm")).iResponses, ["iUPD", "iUPD", "iCPD"]);
  });
  it("R10 an NLT not measured at the first iUPD: the NLT SOM reference is the next TP with every NLT measured", () => {
    const body = (nl2: string) => `baseline ${B} { T1 target liver 50 mm }
      scan 2025-03-01 { T1 50 mm ; NL1 new lung 20 mm }
      scan 2025-04-05 { T1 30 mm ; NL1 20 mm }
      scan 2025-05-10 { T1 30 mm ; NL1 not evaluated ; NL2 new liver 15 mm }
      scan 2025-06-14 { T1 30 mm ; NL1 20 mm ; NL2 15 mm }
      scan 2025-07-19 { T1 30 mm ; NL1 20 mm ; NL2 ${nl2} }`;
    assert.deepEqual(ir(body("19.9 mm")).iResponses, ["iUPD", "iPR", "iUPD", "iUPD", "iUPD"]);
    assert.deepEqual(ir(body("20 mm")).iResponses, ["iUPD", "iPR", "iUPD", "iUPD", "iCPD"]);
  });
});

describe("R10 equivocal and disregarded lesions at a reset (class of C)", () => {
  it("R10 an equivocal lesion at the first iUPD that becomes unequivocal inside the run is an additional new lesion: iCPD", () => {
    const r = ir(`baseline ${B} { T1 target liver 50 mm }\nscan 2025-03-01 { T1 60 mm ; NL1 new equivocal lung 12 mm }\nscan 2025-04-05 { T1 60 mm ; NL1 12 mm }`);
    assert.deepEqual(r.iResponses, ["iUPD", "iCPD"]);
    assert.match(diagnosticsOf(r, "confirmed-progression")[0].message, /additional new lesion NL1 \(lung\)/);
  });
  it("R10 a lesion first seen on a disregarded early scan is not known at the reset: back at 4.9 mm it is a new iUPD, whereas a known one is not", () => {
    const early = ir(`baseline ${B} { T1 target liver 50 mm }
      scan 2025-03-01 { T1 60 mm }
      scan 2025-03-15 { T1 60 mm ; NL1 new lung 12 mm }
      scan 2025-04-05 { T1 45 mm ; NL1 absent }
      scan 2025-05-10 { T1 45 mm ; NL1 4.9 mm }`);
    assert.deepEqual(early.iResponses, ["iUPD", "iUPD", "iSD", "iUPD"]);
    assert.ok(early.tps[2].explanation.some((x) => x.rule === "R10 (equivocal lesions and resets)" && /first seen on a disregarded early scan/.test(x.text)));
    const known = ir(`baseline ${B} { T1 target liver 50 mm }
      scan 2025-03-01 { T1 60 mm ; NL1 new lung 12 mm }
      scan 2025-04-05 { T1 45 mm ; NL1 absent }
      scan 2025-05-10 { T1 45 mm ; NL1 4.9 mm }`);
    assert.deepEqual(known.iResponses, ["iUPD", "iSD", "iSD"]);
  });
});

describe("R10 every window and early-scan limit from the first iUPD of the run (class of D and E)", () => {
  // iUPD on 2025-03-01 (50 -> 60 mm).
  const start = `baseline ${B} { T1 target liver 50 mm }\nscan 2025-03-01 { T1 60 mm }`;
  const at = (days: number, value: string, extra = "") => `scan ${addDays("2025-03-01", days)} { T1 ${value}${extra} }`;
  it("R10 after a still-iUPD scan (day 27, +2 mm), a scan 14 days later (day 41) is not early: +5 mm from the first iUPD confirms", () => {
    const r = ir(`${start}\n${at(27, "62 mm")}\n${at(41, "65 mm")}`);
    assert.deepEqual(r.iResponses, ["iUPD", "iUPD", "iCPD"]);
    assert.equal(diagnosticsOf(r, "confirmation-too-early").length, 0);
  });
  for (const [days, expected] of [[25, "iUPD"], [26, "iCPD"]] as const) {
    it(`R10 after an early scan (day 10), +5 mm on day ${days} from the first iUPD: ${expected}`, () => {
      const r = ir(`${start}\n${at(10, "70 mm")}\n${at(days, "65 mm")}`);
      assert.deepEqual(r.iResponses, ["iUPD", "iUPD", expected]);
      for (const d of diagnosticsOf(r, "confirmation-too-early")) assert.deepEqual(d.data, { iupdDate: "2025-03-01", windowFrom: "2025-03-29", windowTo: "2025-04-26" });
    });
  }
  for (const days of [27, 28, 56, 58]) {
    it(`R10 the first counted scan on day ${days} after the first iUPD (an early scan before it): counts, no window warning`, () => {
      const r = ir(`${start}\n${at(10, "70 mm")}\n${at(days, "65 mm")}`);
      assert.deepEqual(r.iResponses, ["iUPD", "iUPD", "iCPD"]);
      assert.equal(diagnosticsOf(r, "confirmation-window-missed").length, 0);
    });
  }
  it("R10 the first counted scan on day 59 (after an early and a not-evaluated scan): counts, the window was missed", () => {
    const r = ir(`${start}\n${at(10, "70 mm")}\n${at(40, "not evaluated")}\n${at(59, "65 mm")}`);
    assert.deepEqual(r.iResponses, ["iUPD", "iUPD", "NE", "iCPD"]);
    assert.deepEqual(diagnosticsOf(r, "confirmation-window-missed").map((d) => d.data), [{ iupdDate: "2025-03-01" }]);
  });
  it("R10/R13 pending window from the first iUPD after early and not-evaluated scans: due as of day 58, unconfirmed as of day 59", () => {
    const body = (asOf: number) => `as of ${addDays("2025-03-01", asOf)}\n${start}\n${at(20, "70 mm")}\n${at(40, "not evaluated")}`;
    const due = ir(body(58));
    assert.deepEqual(due.episode.pendingConfirmation, { iupdDate: "2025-03-01", from: "2025-03-29", to: "2025-04-26" });
    assert.deepEqual(diagnosticsOf(due, "confirmation-due").map((d) => d.data), [{ iupdDate: "2025-03-01", windowFrom: "2025-03-29", windowTo: "2025-04-26" }]);
    assert.equal(diagnosticsOf(ir(body(59)), "unconfirmed-pseudoprogression").length, 1);
  });
  it("R10 a scan that would reset is disregarded when early (day 14); the same values on day 35 reset", () => {
    assert.deepEqual(ir(`${start}\n${at(14, "50 mm")}\n${at(35, "50 mm")}`).iResponses, ["iUPD", "iUPD", "iSD"]);
  });
  it("R10 an early scan's sizes enter no iRECIST nadir (RECIST 1.1 still uses them)", () => {
    const r = ir(`baseline ${B} { T1 target liver 50 mm }
      scan 2025-02-15 { T1 30 mm }
      scan 2025-03-29 { T1 30 mm ; NL1 new lung 12 mm }
      scan 2025-04-08 { T1 10 mm ; NL1 12 mm }
      scan 2025-05-08 { T1 16 mm ; NL1 12 mm }`);
    assert.deepEqual(r.iResponses, ["iPR", "iUPD", "iUPD", "iPR"]);
    assert.deepEqual([r.tps[3].target, r.tps[3].nadir, r.responses[3]], ["PD", 100, "PD"]);
    assert.ok(r.tps[3].explanation.some((x) => x.rule === "R10 (early scan disregarded)" && /iRECIST nadir leaves out/.test(x.text)));
  });
  it("R10 FAQ exception: an early scan with clinical deterioration counts only with an unequivocal additional new lesion", () => {
    assert.deepEqual(ir(`${start}\n${at(20, "61 mm", " ; NL1 new lung 12 mm ; clinical deterioration")}`).iResponses, ["iUPD", "iCPD"]);
    assert.deepEqual(ir(`${start}\n${at(20, "61 mm", " ; NL1 new equivocal lung 12 mm ; clinical deterioration")}`).iResponses, ["iUPD", "iUPD"]);
    const r = ir(`${start}\n${at(20, "61 mm", " ; NL1 new lung 12 mm ; clinical deterioration")}`);
    assert.ok(r.tps[1].explanation.some((x) => x.rule === "R10 (early scan, FAQ exception)"));
    assert.equal(diagnosticsOf(r, "confirmation-too-early").length, 0);
  });
  it("R10 an early scan is reported with the run's state even when a value is missing there; RECIST 1.1 says PD", () => {
    const r = ir(`${start}\n${at(12, "not evaluated")}`);
    assert.deepEqual([r.iResponses, r.responses], [["iUPD", "iUPD"], ["PD", "PD"]]);
  });
});

describe("R6/R10 new nodes below 10 mm (class of F)", () => {
  it("R6 a new node at 9.9 mm is no new lesion; at 10.0 mm it is", () => {
    const body = (v: string) => `baseline ${B} { T1 target liver 50 mm }\nscan 2025-03-01 { T1 50 mm ; NL1 new node ${v} }`;
    assert.deepEqual([ir(body("9.9 mm")).responses, ir(body("9.9 mm")).iResponses, ir(body("9.9 mm")).tps[0].newLesions], [["SD"], ["iSD"], "no"]);
    assert.deepEqual([ir(body("10 mm")).responses, ir(body("10 mm")).iResponses], [["PD"], ["iUPD"]]);
  });
  it("R10 inside a run a new node growing below 10 mm is no growth; reaching 10.0 mm it is an additional new lesion", () => {
    const body = (v: string) => `baseline ${B} { T1 target liver 50 mm }\nscan 2025-03-01 { T1 50 mm ; NL1 new lung 12 mm ; NL2 new node 8 mm }\nscan 2025-04-05 { T1 50 mm ; NL1 12 mm ; NL2 ${v} }`;
    assert.deepEqual(ir(body("9.9 mm")).iResponses, ["iUPD", "iUPD"]);
    assert.deepEqual(ir(body("10 mm")).iResponses, ["iUPD", "iCPD"]);
  });
  it("R10 a new node that counts (NLNT, 12 mm): any increase confirms; back below 10 mm it is gone (reset)", () => {
    const body = (v: string) => `baseline ${B} { T1 target liver 50 mm }\nscan 2025-03-01 { T1 50 mm ; NL1 new node 12 mm }\nscan 2025-04-05 { T1 50 mm ; NL1 ${v} }`;
    assert.deepEqual(ir(body("12.1 mm")).iResponses, ["iUPD", "iCPD"]);
    assert.deepEqual(ir(body("9.9 mm")).iResponses, ["iUPD", "iSD"]);
  });
});

describe("R10 new lesions not evaluated (class of G)", () => {
  it("R10 the measured new-lesion targets alone confirm (+5.0 mm: iCPD); short of it (+4.9 mm) the TP is NE", () => {
    const body = (v: string) => `baseline ${B} { T1 target liver 50 mm }\nscan 2025-03-01 { T1 50 mm ; NL1 new lung 20 mm ; NL2 new liver 15 mm }\nscan 2025-04-05 { T1 50 mm ; NL1 not evaluated ; NL2 ${v} }`;
    assert.deepEqual(ir(body("40 mm")).iResponses, ["iUPD", "iCPD"]);
    assert.deepEqual(ir(body("39.9 mm")).iResponses, ["iUPD", "NE"]);
  });
  it("R10 a known new lesion not evaluated after a reset: NE (RECIST 1.1: PD, sticky)", () => {
    const r = ir(`baseline ${B} { T1 target liver 50 mm }\nscan 2025-03-01 { T1 50 mm ; NL1 new lung 12 mm }\nscan 2025-04-05 { T1 30 mm ; NL1 12 mm }\nscan 2025-05-10 { T1 30 mm ; NL1 not evaluated }`);
    assert.deepEqual([r.iResponses, r.responses], [["iUPD", "iPR", "NE"], ["PD", "PD", "PD"]]);
  });
  it("R6 `not evaluated` never makes an equivocal lesion unequivocal; shown later, PD dates back to its first appearance", () => {
    const r = ir(`baseline ${B} { T1 target liver 50 mm }\nscan 2025-03-01 { T1 50 mm ; NL1 new equivocal lung 12 mm }\nscan 2025-04-05 { T1 50 mm ; NL1 not evaluated }\nscan 2025-05-10 { T1 50 mm ; NL1 12 mm }`);
    assert.deepEqual([r.responses, r.iResponses, r.tps[1].newLesions], [["SD", "SD", "PD"], ["iSD", "iSD", "iUPD"], "equivocal"]);
    assert.equal(r.episode.recistProgressionDate, "2025-03-01");
  });
});

describe("R10 clarifications: after iCPD, which growth confirms, other categories, targets not evaluated, NLT nadir, previous iCR", () => {
  it("R10 iCPD is terminal for the episode: later TPs stay iCPD whatever they show; a new therapy line starts afresh (R15)", () => {
    const r = run(`criteria iRECIST
      therapy a from ${B} immunotherapy
      baseline ${B} { T1 target liver 50 mm }
      scan 2025-03-01 { T1 60 mm }
      scan 2025-04-05 { T1 66 mm }
      scan 2025-05-10 { T1 20 mm }
      scan 2025-06-14 { T1 not evaluated }
      therapy b from 2025-07-01 chemotherapy
      baseline 2025-06-28 { T2 target lung 40 mm }
      scan 2025-08-20 { T2 20 mm }`);
    assert.deepEqual(r.iResponses, ["iUPD", "iCPD", "iCPD", "iCPD"]);
    assert.ok(r.tps[2].explanation.some((x) => x.rule === "R10 (after iCPD)"));
    assert.equal(r.tps[2].target, "PR");
    const second = r.patient.episodes[1];
    assert.deepEqual(second.timepoints.map((t) => t.iResponse), ["iPR"]);
  });
  it("R10 which growth confirms: iUPD from a new lesion, then targets +20 % exactly (and +5 mm) over the nadir: iCPD; 1 % short, or +20 % with +4.9 mm: iUPD", () => {
    const body = (base: string, value: string) => `baseline ${B} { T1 target liver ${base} }\nscan 2025-03-01 { T1 ${base} ; NL1 new lung 12 mm }\nscan 2025-04-05 { T1 ${value} ; NL1 12 mm }`;
    assert.deepEqual(ir(body("50 mm", "60 mm")).iResponses, ["iUPD", "iCPD"]);
    assert.deepEqual(ir(body("50 mm", "59.9 mm")).iResponses, ["iUPD", "iUPD"]);
    assert.deepEqual(ir(body("50 mm", "55.1 mm")).iResponses, ["iUPD", "iUPD"]);
    assert.deepEqual(ir(body("25 mm", "30 mm")).iResponses, ["iUPD", "iCPD"]);
    assert.deepEqual(ir(body("24.5 mm", "29.4 mm")).iResponses, ["iUPD", "iUPD"]);
  });
  it("R10 which growth confirms: NT did not qualify, so `increased` does not confirm and `progressed` does", () => {
    const body = (nt: string) => `baseline ${B} { T1 target liver 50 mm ; NT1 non-target bone present }\nscan 2025-03-01 { T1 60 mm ; NT1 present }\nscan 2025-04-05 { T1 60 mm ; NT1 ${nt} }`;
    assert.deepEqual(ir(body("increased")).iResponses, ["iUPD", "iUPD"]);
    assert.deepEqual(ir(body("progressed")).iResponses, ["iUPD", "iCPD"]);
  });
  it("R10 progression in another category counts at a TP that would otherwise reset (NT progressed 49 days after a target iUPD)", () => {
    const r = ir(`baseline ${B} { T1 target liver 50 mm ; NT1 non-target bone present }\nscan 2025-03-01 { T1 60 mm ; NT1 present }\nscan ${addDays("2025-03-01", 49)} { T1 50 mm ; NT1 progressed }`);
    assert.deepEqual(r.iResponses, ["iUPD", "iCPD"]);
  });
  it("R10 a target not evaluated: in a run NE unless another category confirms; outside a run NE unless RECIST PD (iUPD)", () => {
    const inRun = (nt: string) => `baseline ${B} { T1 target liver 50 mm ; T2 target lung 20 mm ; NT1 non-target bone present }\nscan 2025-03-01 { T1 70 mm ; T2 20 mm ; NT1 present }\nscan 2025-04-05 { T1 70 mm ; T2 not evaluated ; NT1 ${nt} }`;
    assert.deepEqual(ir(inRun("present")).iResponses, ["iUPD", "NE"]);
    assert.deepEqual(ir(inRun("progressed")).iResponses, ["iUPD", "iCPD"]);
    const outside = (extra: string) => `baseline ${B} { T1 target liver 50 mm ; T2 target lung 20 mm }\nscan 2025-03-01 { T1 50 mm ; T2 not evaluated${extra} }`;
    assert.deepEqual(ir(outside("")).iResponses, ["NE"]);
    assert.deepEqual(ir(outside(" ; NL1 new liver 12 mm")).iResponses, ["iUPD"]);
  });
  it("R10 the NLT SOM nadir restarts at the resetting TP: +20 % and +5.0 mm from it is a new iUPD, 29.9 mm is not", () => {
    const body = (v: string) => `baseline ${B} { T1 target liver 50 mm }\nscan 2025-03-01 { T1 50 mm ; NL1 new lung 30 mm }\nscan 2025-04-05 { T1 30 mm ; NL1 25 mm }\nscan 2025-05-10 { T1 30 mm ; NL1 ${v} }`;
    const r = ir(body("30 mm"));
    assert.deepEqual(r.iResponses, ["iUPD", "iPR", "iUPD"]);
    assert.ok(r.tps[1].explanation.some((x) => x.rule === "R10 (new-lesion nadir after a reset)" && /25 mm/.test(x.text)));
    assert.deepEqual(ir(body("29.9 mm")).iResponses, ["iUPD", "iPR", "iPR"]);
    // The nadir is the smallest NLT SOM from the reset on.
    const lower = (v: string) => `${body("20 mm")}\nscan 2025-06-14 { T1 30 mm ; NL1 ${v} }`;
    assert.deepEqual(ir(lower("25 mm")).iResponses, ["iUPD", "iPR", "iPR", "iUPD"]);
    assert.deepEqual(ir(lower("24.9 mm")).iResponses, ["iUPD", "iPR", "iPR", "iPR"]);
  });
  it("R6/R10 'previous response CR' under iRECIST is the previous iRECIST response: after a reset to iCR a node target back at 10.0 mm is iUPD", () => {
    const body = (v: string) => `baseline ${B} { T1 target node 20 mm }\nscan 2025-03-01 { T1 8 mm }\nscan 2025-04-05 { T1 8 mm ; NL1 new lung 12 mm }\nscan 2025-05-10 { T1 8 mm ; NL1 absent }\nscan 2025-06-14 { T1 ${v} ; NL1 absent }`;
    const r = ir(body("10 mm"));
    assert.deepEqual([r.responses, r.iResponses], [["CR", "PD", "PD", "PD"], ["iCR", "iUPD", "iCR", "iUPD"]]);
    assert.ok(r.tps[3].explanation.some((x) => x.rule === "R10 (previous response iCR, R6)"));
    assert.deepEqual(ir(body("9.9 mm")).iResponses, ["iCR", "iUPD", "iCR", "iCR"]);
  });
  it("R8 under iRECIST an iPR is confirmed by an iPR 28 days later, not 27", () => {
    const body = (days: number) => `confirm responses\nbaseline ${B} { T1 target liver 50 mm }\nscan 2025-03-01 { T1 30 mm }\nscan ${addDays("2025-03-01", days)} { T1 30 mm }`;
    assert.equal(ir(body(27)).episode.iBestResponse, "iSD");
    assert.equal(ir(body(28)).episode.iBestResponse, "iPR");
  });
});

describe("RECIST 1.1 after progression (R3, R7, R10 clarifications)", () => {
  const body = `baseline ${B} { T1 target liver 100 mm }\nscan 2025-03-01 { T1 70 mm }\nscan 2025-04-26 { T1 70 mm ; NL1 new lung 12 mm }\nscan 2025-06-21 { T1 70 mm ; NL1 absent }\nscan 2025-08-16 { T1 80 mm ; NL1 absent }`;
  it("R7 PD is an event: later TPs stay PD with their own categories shown; continuing PR never bridges the PD", () => {
    const r = run(body);
    assert.deepEqual(r.responses, ["PR", "PD", "PD", "PD"]);
    assert.deepEqual(r.tps.map((t) => t.target), ["PR", "PR", "PR", "SD"]);
    assert.ok(r.tps[2].explanation.some((x) => x.rule === "R7 (after progression)" && /own categories above give PR/.test(x.text)));
    assert.deepEqual([r.episode.bestResponse, r.episode.progressionDate, r.episode.recistProgressionDate], ["PR", "2025-04-26", "2025-04-26"]);
  });
  it("R10 under iRECIST the same series resets and carries the PR from the reset on; recistProgressionDate keeps the RECIST 1.1 date", () => {
    const r = run(`criteria iRECIST\n${body}`);
    assert.deepEqual(r.iResponses, ["iPR", "iUPD", "iPR", "iPR"]);
    assert.deepEqual([r.episode.progressionDate, r.episode.recistProgressionDate], [null, "2025-04-26"]);
    const json = patientsJson(r.analysis.assessment, r.analysis.text)[0].episodes[0];
    assert.deepEqual([json.progressionDate, json.recistProgressionDate], [null, "2025-04-26"]);
  });
  it("R7 a RECIST 1.1 patient's JSON has no recistProgressionDate key (spec: iRECIST only); the engine carries it for every episode", () => {
    const r = run(body);
    const json = patientsJson(r.analysis.assessment, r.analysis.text)[0].episodes[0];
    assert.ok(!("recistProgressionDate" in json));
    assert.equal(r.episode.recistProgressionDate, r.episode.progressionDate);
  });
});
