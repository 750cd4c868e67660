// Every row of RECIST 1.1 tables 1 and 2 (R7) and of iRECIST table 2 (R10, PMC5648544), each in
// both columns: no previous iUPD, and after an iUPD.
import { strict as assert } from "assert";
import { run } from "./caseBuilder";

const B = "2025-01-01";
const baseline = `baseline ${B} { T1 target liver 50 mm ; NT1 non-target bone present }`;

/** One follow-up scan, 56 days after the baseline. */
function one(lines: string, settings = {}) {
  const r = run(`${baseline}\nscan 2025-02-26 { ${lines} }`, settings);
  return { target: r.tps[0].target, nonTarget: r.tps[0].nonTarget, newLesions: r.tps[0].newLesions, response: r.tps[0].response, rule: r.tps[0].explanation.find((x) => x.rule.startsWith("R7"))?.rule };
}

describe("engine: RECIST 1.1 overall response (R7)", () => {
  describe("table 1 (target disease)", () => {
    const cases: Array<[string, string, [string, string, string, string]]> = [
      ["CR | CR | No -> CR", "T1 absent ; NT1 absent", ["CR", "CR", "no", "CR"]],
      ["CR | NON-CR/NON-PD | No -> PR", "T1 absent ; NT1 present", ["CR", "NON-CR/NON-PD", "no", "PR"]],
      ["CR | NE | No -> PR", "T1 absent ; NT1 not evaluated", ["CR", "NE", "no", "PR"]],
      ["PR | NON-PD | No -> PR", "T1 30 mm ; NT1 present", ["PR", "NON-CR/NON-PD", "no", "PR"]],
      ["PR | NE | No -> PR", "T1 30 mm ; NT1 not evaluated", ["PR", "NE", "no", "PR"]],
      ["SD | NON-PD | No -> SD", "T1 45 mm ; NT1 present", ["SD", "NON-CR/NON-PD", "no", "SD"]],
      ["SD | NE | No -> SD", "T1 45 mm ; NT1 not evaluated", ["SD", "NE", "no", "SD"]],
      ["NE | NON-PD | No -> NE", "T1 not evaluated ; NT1 present", ["NE", "NON-CR/NON-PD", "no", "NE"]],
      ["PD | any | any -> PD", "T1 60 mm ; NT1 absent", ["PD", "CR", "no", "PD"]],
      ["any | PD | any -> PD", "T1 30 mm ; NT1 progressed", ["PR", "PD", "no", "PD"]],
      ["any | any | Yes -> PD", "T1 30 mm ; NT1 present ; NL1 new lung 12 mm", ["PR", "NON-CR/NON-PD", "yes", "PD"]],
    ];
    for (const [row, lines, expected] of cases) {
      it(`R7 table 1 row ${row}`, () => {
        const got = one(lines);
        assert.deepEqual([got.target, got.nonTarget, got.newLesions, got.response], expected);
        assert.equal(got.rule, "R7 table 1");
      });
    }
    it("R6 an equivocal new lesion does not make PD", () => {
      assert.deepEqual(one("T1 30 mm ; NT1 present ; NL1 new equivocal lung 6 mm").response, "PR");
      assert.equal(one("T1 30 mm ; NT1 present ; NL1 new equivocal lung 6 mm").newLesions, "equivocal");
    });
    it("R5/R16 every NT gone but a marker above its upper limit: NON-CR/NON-PD, so CR targets give PR", () => {
      const r = run(`${baseline}\nmarker 2025-02-20 CEA 12 ng/mL uln 5\nscan 2025-02-26 { T1 absent ; NT1 absent }`);
      assert.deepEqual([r.tps[0].nonTarget, r.tps[0].response], ["NON-CR/NON-PD", "PR"]);
    });
  });

  describe("table 2 (non-target disease only)", () => {
    const nt = (lines: string) => {
      const r = run(`baseline ${B} { NT1 non-target bone present ; NT2 non-target node 12 mm }\nscan 2025-02-26 { ${lines} }`);
      return [r.tps[0].target, r.tps[0].nonTarget, r.tps[0].response, r.tps[0].explanation.find((x) => x.rule.startsWith("R7"))?.rule];
    };
    it("R7 table 2 row CR | No -> CR (a node below 10 mm counts as gone)", () => assert.deepEqual(nt("NT1 absent ; NT2 9 mm"), [null, "CR", "CR", "R7 table 2"]));
    it("R7 table 2 row NON-CR/NON-PD | No -> NON-CR/NON-PD", () => assert.deepEqual(nt("NT1 present ; NT2 absent"), [null, "NON-CR/NON-PD", "NON-CR/NON-PD", "R7 table 2"]));
    it("R7 table 2 row NE | No -> NE", () => assert.deepEqual(nt("NT1 not evaluated ; NT2 absent"), [null, "NE", "NE", "R7 table 2"]));
    it("R7 table 2 row PD | any -> PD", () => assert.deepEqual(nt("NT1 progressed ; NT2 absent"), [null, "PD", "PD", "R7 table 2"]));
    it("R7 table 2 row any | Yes -> PD", () => assert.deepEqual(nt("NT1 present ; NT2 absent ; NL1 new liver 15 mm"), [null, "NON-CR/NON-PD", "PD", "R7 table 2"]));
  });
});

describe("engine: iRECIST time-point response (R10, iRECIST table 2)", () => {
  const i = (scans: string[]) => run(`criteria iRECIST\n${baseline}\n${scans.map((s, k) => `scan 2025-0${k + 3}-01 { ${s} }`).join("\n")}`).iResponses;
  // An iUPD by the targets (50 -> 60 mm) before the row's scan, 28-31 days earlier.
  const iupdByTarget = "T1 60 mm ; NT1 present";
  const iupdByNewLesion = "T1 45 mm ; NT1 present ; NL1 new lung 12 mm ; NL2 new bone present";

  it("R10 row iCR | iCR | no -> iCR, also after an iUPD", () => {
    assert.deepEqual(i(["T1 absent ; NT1 absent"]), ["iCR"]);
    assert.deepEqual(i([iupdByTarget, "T1 absent ; NT1 absent"]), ["iUPD", "iCR"]);
  });
  it("R10 row iCR | non-iCR/non-iUPD | no -> iPR, also after an iUPD", () => {
    assert.deepEqual(i(["T1 absent ; NT1 present"]), ["iPR"]);
    assert.deepEqual(i([iupdByTarget, "T1 absent ; NT1 present"]), ["iUPD", "iPR"]);
  });
  it("R10 row iPR | non-iCR/non-iUPD | no -> iPR, also after an iUPD", () => {
    assert.deepEqual(i(["T1 30 mm ; NT1 present"]), ["iPR"]);
    assert.deepEqual(i([iupdByTarget, "T1 30 mm ; NT1 present"]), ["iUPD", "iPR"]);
  });
  it("R10 row iSD | non-iCR/non-iUPD | no -> iSD, also after an iUPD", () => {
    assert.deepEqual(i(["T1 45 mm ; NT1 present"]), ["iSD"]);
    assert.deepEqual(i([iupdByTarget, "T1 45 mm ; NT1 present"]), ["iUPD", "iSD"]);
  });
  it("R10 row target and NT without growth, new lesions yes after an iUPD: remains iUPD; NLT SOM +5 mm, an NLNT increase or more new lesions confirm iCPD", () => {
    assert.deepEqual(i([iupdByNewLesion, "T1 45 mm ; NT1 present ; NL1 12 mm ; NL2 present"]), ["iUPD", "iUPD"]);
    assert.deepEqual(i([iupdByNewLesion, "T1 45 mm ; NT1 present ; NL1 17 mm ; NL2 present"]), ["iUPD", "iCPD"]);
    assert.deepEqual(i([iupdByNewLesion, "T1 45 mm ; NT1 present ; NL1 16.9 mm ; NL2 present"]), ["iUPD", "iUPD"]);
    assert.deepEqual(i([iupdByNewLesion, "T1 45 mm ; NT1 present ; NL1 12 mm ; NL2 increased"]), ["iUPD", "iCPD"]);
    assert.deepEqual(i([iupdByNewLesion, "T1 45 mm ; NT1 present ; NL1 12 mm ; NL2 present ; NL3 new liver 11 mm"]), ["iUPD", "iCPD"]);
  });
  it("R10 row iSD/iPR/iCR | NT iUPD | no -> iUPD; remains iUPD unless the NT increases further (need not be unequivocal)", () => {
    assert.deepEqual(i(["T1 45 mm ; NT1 progressed"]), ["iUPD"]);
    assert.deepEqual(i(["T1 45 mm ; NT1 progressed", "T1 45 mm ; NT1 increased"]), ["iUPD", "iCPD"]);
  });
  it("R10 row target iUPD | NT non-iCR/non-iUPD or iCR | no -> iUPD; remains iUPD unless the sum grows >= 5 mm more", () => {
    assert.deepEqual(i([iupdByTarget, "T1 64.9 mm ; NT1 present"]), ["iUPD", "iUPD"]);
    assert.deepEqual(i([iupdByTarget, "T1 65 mm ; NT1 present"]), ["iUPD", "iCPD"]);
    assert.deepEqual(i(["T1 60 mm ; NT1 absent", "T1 60 mm ; NT1 absent"]), ["iUPD", "iUPD"]);
  });
  it("R10 row target iUPD | NT iUPD | no -> iUPD; target +5 mm or any further NT increase confirms", () => {
    assert.deepEqual(i(["T1 60 mm ; NT1 progressed"]), ["iUPD"]);
    assert.deepEqual(i(["T1 60 mm ; NT1 progressed", "T1 65 mm ; NT1 present"]), ["iUPD", "iCPD"]);
    assert.deepEqual(i(["T1 60 mm ; NT1 progressed", "T1 61 mm ; NT1 increased"]), ["iUPD", "iCPD"]);
  });
  it("R10 row target iUPD | NT iUPD | new yes -> iUPD; further growth in any category confirms, none keeps iUPD", () => {
    const first = "T1 60 mm ; NT1 progressed ; NL1 new lung 12 mm";
    assert.deepEqual(i([first]), ["iUPD"]);
    assert.deepEqual(i([first, "T1 60 mm ; NT1 present ; NL1 12 mm"]), ["iUPD", "iUPD"]);
    assert.deepEqual(i([first, "T1 60 mm ; NT1 present ; NL1 18 mm"]), ["iUPD", "iCPD"]);
  });
  it("R10 iUPD from a new lesion, then target PD against the nadir (a category not the cause) confirms iCPD", () => {
    assert.deepEqual(i(["T1 50 mm ; NT1 present ; NL1 new lung 12 mm", "T1 60 mm ; NT1 present ; NL1 12 mm"]), ["iUPD", "iCPD"]);
  });
  it("R10 FAQ decision: new lesions unchanged but targets shrink further and meet PR: iPR, and the bar is reset", () => {
    const r = i(["T1 45 mm ; NT1 present ; NL1 new lung 12 mm", "T1 30 mm ; NT1 present ; NL1 12 mm", "T1 30 mm ; NT1 present ; NL1 12 mm"]);
    assert.deepEqual(r, ["iUPD", "iPR", "iPR"]);
  });
  it("R10 FAQ decision: PR met before the new-lesion iUPD and no measurement changes afterwards: remains iUPD", () => {
    assert.deepEqual(i(["T1 30 mm ; NT1 present", "T1 30 mm ; NT1 present ; NL1 new lung 12 mm", "T1 30 mm ; NT1 present ; NL1 12 mm"]), ["iPR", "iUPD", "iUPD"]);
  });
  it("R10 after a reset, known new lesions make a new iUPD only by growth (NLT SOM >= 20 % and >= 5 mm) or further new lesions", () => {
    const scans = ["T1 45 mm ; NT1 present ; NL1 new lung 12 mm", "T1 30 mm ; NT1 present ; NL1 12 mm"];
    assert.deepEqual(i([...scans, "T1 30 mm ; NT1 present ; NL1 14 mm"]), ["iUPD", "iPR", "iPR"]);
    assert.deepEqual(i([...scans, "T1 30 mm ; NT1 present ; NL1 17 mm"]), ["iUPD", "iPR", "iUPD"]);
    assert.deepEqual(i([...scans, "T1 30 mm ; NT1 present ; NL1 12 mm ; NL2 new liver 10 mm"]), ["iUPD", "iPR", "iUPD"]);
  });
  it("R10 NE after an iUPD keeps it pending; the next evaluable scan can still confirm against the first iUPD", () => {
    assert.deepEqual(i([iupdByTarget, "T1 not evaluated ; NT1 present", "T1 65 mm ; NT1 present"]), ["iUPD", "NE", "iCPD"]);
  });
  it("R10 non-target-only disease is iCR or NON-iCR/NON-iUPD", () => {
    const r = run(`criteria iRECIST\nbaseline ${B} { NT1 non-target bone present }\nscan 2025-03-01 { NT1 present }\nscan 2025-04-01 { NT1 absent }`);
    assert.deepEqual(r.iResponses, ["NON-iCR/NON-iUPD", "iCR"]);
  });
});
