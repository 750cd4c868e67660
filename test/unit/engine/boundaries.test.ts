// Exact boundaries and lesion bookkeeping: percentages and millimetres at their thresholds, the
// iRECIST window edges, nodal CR, split / merged / too small, NE, new lesions and therapy lines.
import { strict as assert } from "assert";
import { run, series, addDays, diagnosticsOf, covered } from "./caseBuilder";

const B = "2025-01-01";
const one = (base: string, value: string) => run(`baseline ${B} { T1 target liver ${base} }\n${series("2025-03-01", 56, [value])}`).tps[0];

describe("engine: exact boundaries (R3)", () => {
  it("R3 +20.0 % with +5.0 mm is PD (nadir 25 -> 30 mm)", () => assert.equal(one("25 mm", "30 mm").target, "PD"));
  it("R3 +20.0 % with only +4.9 mm is not PD (nadir 24.5 -> 29.4 mm)", () => {
    const tp = one("24.5 mm", "29.4 mm");
    assert.equal(tp.target, "SD");
    assert.equal(tp.changeFromNadirPct, 20);
    assert.equal(tp.pdThreshold, 295); // 24.5 + 5 mm: the millimetre condition decides
  });
  it("R3 +19.9 % with +10 mm is not PD (nadir 50.3 -> 60.3 mm)", () => assert.equal(one("50.3 mm", "60.3 mm").target, "SD"));
  it("R3 -30.0 % is PR and -29.9 % is not (baseline 100 -> 70.1 mm)", () => {
    assert.equal(one("100 mm", "70 mm").target, "PR");
    assert.equal(one("100 mm", "70.1 mm").target, "SD");
  });
  it("R3 nadir 0: +5 mm is PD, +4.9 mm is not (NT present, so no overall CR for R6 to act on)", () => {
    const r = (v: string) => run(`baseline ${B} { T1 target liver 20 mm ; NT1 non-target bone present }\n${series("2025-03-01", 56, ["absent", v], "NT1 present")}`).tps[1].target;
    assert.equal(r("5 mm"), "PD");
    assert.notEqual(r("4.9 mm"), "PD");
  });
  it("R3 the nadir is the smallest earlier evaluable sum, never the current one, and never rises", () => {
    const r = run(`baseline ${B} { T1 target liver 50 mm }\n${series("2025-03-01", 56, ["40 mm", "not evaluated", "45 mm", "30 mm", "35 mm"])}`);
    assert.deepEqual(r.tps.map((t) => t.nadir), [500, 400, 400, 400, 300]);
    assert.deepEqual(r.tps.map((t) => t.nadirDate), [B, "2025-03-01", "2025-03-01", "2025-03-01", addDays("2025-03-01", 168)]);
  });
});

describe("engine: lesion values (R2, R4, R6)", () => {
  it("R2 nodal CR: a node at 9.9 mm is gone, at 10 mm it is not (sum > 0 either way)", () => {
    const at = (v: string) => run(`baseline ${B} { N1 target node 20 mm }\n${series("2025-03-01", 56, [v]).replace("T1", "N1")}`).tps[0];
    assert.deepEqual([at("9.9 mm").target, at("9.9 mm").sum], ["CR", 99]);
    assert.deepEqual([at("10 mm").target, at("10 mm").sum], ["PR", 100]);
  });
  it("R2 a split lesion adds its fragments", () => {
    const tp = run(`baseline ${B} { T1 target liver 30 mm ; T2 target lung 20 mm }\nscan 2025-03-01 { T1 split 10 mm + 1.2 cm ; T2 20 mm }`).tps[0];
    assert.equal(tp.sum, 420);
    assert.deepEqual(tp.terms[0], { lesionId: "T1", tenths: 220, source: "split" });
  });
  it("R2 merged lesions: the coalesced one carries the diameter, the other counts 0", () => {
    const tp = run(`baseline ${B} { T1 target liver 30 mm ; T2 target liver 20 mm }\nscan 2025-03-01 { T1 45 mm ; T2 merged into T1 }`).tps[0];
    assert.equal(tp.sum, 450);
    assert.deepEqual(tp.terms[1], { lesionId: "T2", tenths: 0, source: "merged" });
  });
  it("R2 too small counts 5 mm; a measured 3 mm counts as measured", () => {
    const r = run(`baseline ${B} { T1 target liver 30 mm ; T2 target lung 20 mm }\nscan 2025-03-01 { T1 too small ; T2 3 mm }`);
    assert.equal(r.tps[0].sum, 80);
    assert.match(r.tps[0].explanation[0].text, /T1 5 \(too small\) \+ T2 3 = 8 mm/);
  });
  it("R4 NE propagates: a missing target makes the sum null and the TP NE, and the nadir skips it", () => {
    const r = run(`criteria iRECIST\nbaseline ${B} { T1 target liver 30 mm ; T2 target lung 20 mm }\nscan 2025-03-01 { T1 30 mm }\nscan 2025-04-26 { T1 30 mm ; T2 20 mm }`);
    assert.deepEqual([r.tps[0].sum, r.tps[0].target, r.tps[0].response, r.tps[0].iResponse], [null, "NE", "NE", "NE"]);
    assert.deepEqual([r.tps[1].nadir, r.tps[1].nadirDate], [500, B]);
  });
  it("R6 an equivocal new lesion later unequivocal: PD at that scan, dated to its first appearance", () => {
    const r = run(`baseline ${B} { T1 target liver 50 mm }\nscan 2025-03-01 { T1 45 mm ; NL1 new equivocal lung 6 mm }\nscan 2025-04-26 { T1 45 mm ; NL1 8 mm }`);
    assert.deepEqual(r.responses, ["SD", "PD"]);
    assert.deepEqual(r.tps.map((t) => t.newLesions), ["equivocal", "yes"]);
    assert.equal(r.episode.progressionDate, "2025-03-01");
    assert.match(diagnosticsOf(r, "progression")[0].message, /PD dated 2025-03-01/);
    assert.equal(diagnosticsOf(r, "equivocal-new-lesion").length, 0);
  });
  it("R6 an equivocal new lesion still equivocal at the last scan is reported on its line", () => {
    const r = run(`baseline ${B} { T1 target liver 50 mm }\nscan 2025-03-01 { T1 45 mm ; NL1 new equivocal lung 6 mm }`);
    const d = diagnosticsOf(r, "equivocal-new-lesion");
    assert.equal(d.length, 1);
    assert.equal(covered(r, d[0]), "NL1 new equivocal lung 6 mm");
  });
  it("R6 a new node counts only with SA >= 10 mm; 10 to < 15 mm is borderline", () => {
    const at = (v: string) => run(`baseline ${B} { T1 target liver 50 mm }\nscan 2025-03-01 { T1 45 mm ; NN1 new node ${v} }`);
    assert.deepEqual([at("9.9 mm").tps[0].newLesions, at("9.9 mm").tps[0].response], ["no", "SD"]);
    assert.deepEqual([at("10 mm").tps[0].newLesions, at("10 mm").tps[0].response], ["yes", "PD"]);
    assert.equal(diagnosticsOf(at("10 mm"), "new-node-borderline").length, 1);
    assert.equal(diagnosticsOf(at("14.9 mm"), "new-node-borderline").length, 1);
    assert.equal(diagnosticsOf(at("15 mm"), "new-node-borderline").length, 0);
  });
  it("R6 a lesion reappearing after an overall CR is PD even with less than +5 mm; after a PR it is not", () => {
    const afterCr = run(`baseline ${B} { T1 target liver 30 mm }\n${series("2025-03-01", 56, ["absent", "3 mm"])}`);
    assert.deepEqual(afterCr.responses, ["CR", "PD"]);
    const node = run(`baseline ${B} { N1 target node 20 mm }\nscan 2025-03-01 { N1 8 mm }\nscan 2025-04-26 { N1 11 mm }`);
    assert.deepEqual(node.responses, ["CR", "PD"]);
    const afterPr = run(`baseline ${B} { T1 target liver 30 mm ; NT1 non-target bone present }\nscan 2025-03-01 { T1 10 mm ; NT1 absent }\nscan 2025-04-26 { T1 10 mm ; NT1 present }`);
    assert.deepEqual(afterPr.responses, ["PR", "PR"]);
  });
});

describe("engine: new-lesion targets (R10)", () => {
  it("R10 NLT: measurable new lesions, at most 5 in total and 2 per organ; the rest (and small ones, nodes < 15 mm) are NLNT", () => {
    const r = run(`criteria iRECIST\nbaseline ${B} { T1 target liver 50 mm }\nscan 2025-03-01 { T1 50 mm ; NL1 new liver 12 mm ; NL2 new liver 12 mm ; NL3 new liver 12 mm ; NL4 new lung 12 mm ; NL5 new lung 12 mm ; NL6 new adrenal 12 mm ; NL7 new bone 12 mm ; NL8 new kidney 8 mm ; NN1 new node 14 mm }`);
    assert.equal(r.tps[0].newLesionTargetSum, 600);
    const text = r.tps[0].explanation.map((x) => x.text).join("\n");
    for (const id of ["NL1", "NL2", "NL4", "NL5", "NL6"]) assert.match(text, new RegExp(`${id} \\([a-z]+ 12 mm, NLT\\)`));
    for (const id of ["NL3", "NL7", "NL8", "NN1"]) assert.match(text, new RegExp(`${id} \\([a-z]+ [0-9]+ mm, NLNT\\)`));
  });
});

describe("engine: iRECIST window edges (R10, R13)", () => {
  // iUPD on 2025-03-01 (50 -> 60 mm); the next scan N days later shows +5 mm.
  const next = (days: number) => run(`criteria iRECIST\nbaseline ${B} { T1 target liver 50 mm }\nscan 2025-03-01 { T1 60 mm }\nscan ${addDays("2025-03-01", days)} { T1 65 mm }`);
  it("R10 25 days: too early, growth ignored, still iUPD", () => {
    const r = next(25);
    assert.deepEqual(r.iResponses, ["iUPD", "iUPD"]);
    assert.equal(diagnosticsOf(r, "confirmation-too-early").length, 1);
    assert.deepEqual(diagnosticsOf(r, "confirmation-too-early")[0].data, { iupdDate: "2025-03-01", windowFrom: "2025-03-29", windowTo: "2025-04-26" });
  });
  for (const days of [26, 56, 58]) {
    it(`R10 ${days} days: counts and confirms iCPD without a window warning`, () => {
      const r = next(days);
      assert.deepEqual(r.iResponses, ["iUPD", "iCPD"]);
      assert.equal(diagnosticsOf(r, "confirmation-too-early").length + diagnosticsOf(r, "confirmation-window-missed").length, 0);
    });
  }
  it("R10 59 days: still counts (iCPD) but the window was missed", () => {
    const r = next(59);
    assert.deepEqual(r.iResponses, ["iUPD", "iCPD"]);
    assert.equal(diagnosticsOf(r, "confirmation-window-missed").length, 1);
  });
  it("R13 as of +58 days the confirmation is due; as of +59 days it is an unconfirmed pseudo-progression", () => {
    const body = (asOf: string) => `criteria iRECIST\nas of ${asOf}\nbaseline ${B} { T1 target liver 50 mm }\nscan 2025-03-01 { T1 60 mm }`;
    const due = run(body(addDays("2025-03-01", 58)));
    assert.deepEqual(due.codes.filter((c) => c.startsWith("confirmation") || c.startsWith("unconfirmed")), ["confirmation-due"]);
    assert.deepEqual(diagnosticsOf(due, "confirmation-due")[0].data, { iupdDate: "2025-03-01", windowFrom: "2025-03-29", windowTo: "2025-04-26" });
    assert.equal(covered(due, diagnosticsOf(due, "confirmation-due")[0]), "2025-03-01");
    const missed = run(body(addDays("2025-03-01", 59)));
    assert.deepEqual(missed.codes.filter((c) => c.startsWith("confirmation") || c.startsWith("unconfirmed")), ["unconfirmed-pseudoprogression"]);
    assert.deepEqual(due.episode.pendingConfirmation, { iupdDate: "2025-03-01", from: "2025-03-29", to: "2025-04-26" });
  });
});

describe("engine: episodes (R15)", () => {
  it("R15 a second therapy line re-baselines: its own nadir, best response and progression", () => {
    const r = run(`
      therapy pembrolizumab from 2025-01-01 immunotherapy
      therapy docetaxel from 2025-06-01 chemotherapy
      baseline ${B} { T1 target liver 50 mm }
      scan 2025-03-01 { T1 30 mm }
      scan 2025-04-26 { T1 35 mm }
      baseline 2025-05-28 { T1 target liver 40 mm ; T2 target lung 20 mm }
      scan 2025-07-26 { T1 40 mm ; T2 10 mm }
      scan 2025-09-20 { T1 40 mm ; T2 30 mm }
    `);
    const [first, second] = r.patient.episodes;
    assert.equal(r.patient.episodes.length, 2);
    assert.deepEqual([first.therapy, first.bestResponse, first.progressionDate, first.timepoints.length], ["pembrolizumab", "PR", null, 2]);
    assert.deepEqual([second.therapy, second.baseline?.sum, second.timepoints.map((t) => t.nadir), second.timepoints.map((t) => t.response)], ["docetaxel", 600, [600, 500], ["SD", "PD"]]);
    assert.deepEqual([second.bestResponse, second.progressionDate], ["SD", "2025-09-20"]);
  });
});
