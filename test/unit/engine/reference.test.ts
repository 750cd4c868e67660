// The reference scenarios 1-10 at the end of shared/domain/response-rules.md.
import { strict as assert } from "assert";
import { run, series, diagnosticsOf, addDays } from "./caseBuilder";

const B = "2025-01-01";

describe("engine: reference scenarios (response-rules.md)", () => {
  describe("scenario 1: exact boundaries (R3)", () => {
    it("R3 baseline 100 -> 70 is PR (exactly -30.0 %)", () => {
      const r = run(`baseline ${B} { T1 target liver 100 mm }\n${series("2025-03-01", 56, ["70 mm"])}`);
      assert.equal(r.tps[0].target, "PR");
      assert.equal(r.tps[0].changeFromBaselinePct, -30);
    });
    it("R3 baseline 100 -> 71 is SD", () => {
      const r = run(`baseline ${B} { T1 target liver 100 mm }\n${series("2025-03-01", 56, ["71 mm"])}`);
      assert.equal(r.tps[0].target, "SD");
    });
    it("R3 nadir 50 -> 60 is PD (+20 %, +10 mm)", () => {
      const r = run(`baseline ${B} { T1 target liver 50 mm }\n${series("2025-03-01", 56, ["60 mm"])}`);
      assert.deepEqual([r.tps[0].target, r.tps[0].response, r.tps[0].nadir, r.tps[0].changeFromNadirPct], ["PD", "PD", 500, 20]);
    });
    it("R3 nadir 20 -> 24 is SD (+20 % but only +4 mm), -> 25 is PD", () => {
      assert.equal(run(`baseline ${B} { T1 target liver 20 mm }\n${series("2025-03-01", 56, ["24 mm"])}`).tps[0].target, "SD");
      assert.equal(run(`baseline ${B} { T1 target liver 20 mm }\n${series("2025-03-01", 56, ["25 mm"])}`).tps[0].target, "PD");
    });
  });

  it("scenario 2 (R3 nadir 0): CR of targets with NT present is PR, then +6 mm from a nadir of 0 is PD", () => {
    const r = run(`
      baseline ${B} { T1 target liver 30 mm ; T2 target lung 20 mm ; NT1 non-target bone present }
      scan 2025-03-01 { T1 absent ; T2 absent ; NT1 present }
      scan 2025-04-26 { T1 6 mm ; T2 absent ; NT1 present }
    `);
    assert.deepEqual(r.tps.map((t) => [t.target, t.response]), [["CR", "PR"], ["PD", "PD"]]);
    assert.equal(r.tps[1].nadir, 0);
    assert.equal(r.tps[1].changeFromNadirPct, null);
    assert.equal(r.tps[1].changeFromNadirTenths, 60);
  });

  describe("scenario 3 (R4): a target not evaluated", () => {
    const body = (t2: string) => `
      baseline ${B} { T1 target liver 20 mm ; T2 target liver 20 mm ; T3 target lung 20 mm ; T4 target lung 20 mm ; T5 target adrenal 20 mm }
      scan 2025-03-01 { T1 10 mm ; T2 10 mm ; T3 10 mm ; T4 10 mm ; T5 10 mm }
      scan 2025-04-26 { T1 10 mm ; T2 10 mm ; T3 10 mm ; T4 10 mm ; T5 10 mm }
      scan 2025-06-21 { T1 not evaluated ; T2 ${t2} ; T3 20 mm ; T4 10 mm ; T5 10 mm }
    `;
    it("R4 the other four already sum >= 1.2 x nadir and >= nadir + 5 mm: PD, not NE", () => {
      const r = run(body("20 mm"));
      assert.equal(r.tps[2].sum, null);
      assert.deepEqual([r.tps[2].target, r.tps[2].response], ["PD", "PD"]);
    });
    it("R4 the other four below the PD threshold: NE", () => {
      const r = run(body("13 mm"));
      assert.deepEqual([r.tps[2].target, r.tps[2].response], ["NE", "NE"]);
    });
  });

  it("scenario 4 (R3 nodal CR): node 20 -> 8 mm, other targets 0, no NT: CR with a sum of 8 mm", () => {
    const r = run(`
      baseline ${B} { N1 target node 20 mm ; T1 target liver 15 mm }
      scan 2025-03-01 { N1 8 mm ; T1 absent }
    `);
    assert.deepEqual([r.tps[0].sum, r.tps[0].target, r.tps[0].response], [80, "CR", "CR"]);
  });

  describe("scenario 5 (R3 decision): continuing PR", () => {
    const body = `baseline ${B} { T1 target liver 100 mm ; NT1 non-target bone present }\n${series("2025-03-01", 56, ["70 mm", "70 mm", "80 mm", "80 mm", "80 mm"], "NT1 present")}`;
    it("R3 sums 100, 70, 70, 80, 80, 80 are PR at every TP", () => {
      assert.deepEqual(run(body).responses, ["PR", "PR", "PR", "PR", "PR"]);
    });
    it("R3 continuingPR=off follows the strict tables: SD once the sum is no longer 30 % below baseline", () => {
      assert.deepEqual(run(body, { continuingPR: "off" }).responses, ["PR", "PR", "SD", "SD", "SD"]);
    });
    it("R3 with confirmation required, an unconfirmed PR followed by a TP no longer meeting PR is SD (setting on) or PR (ongoing-unconfirmed)", () => {
      const short = `baseline ${B} { T1 target liver 100 mm }\n${series("2025-03-01", 56, ["70 mm", "80 mm"])}`;
      assert.deepEqual(run(short, { confirmResponses: true }).responses, ["PR", "SD"]);
      assert.deepEqual(run(short, { confirmResponses: true, continuingPR: "ongoing-unconfirmed" }).responses, ["PR", "PR"]);
      // Once confirmed (70 then 70, 56 days apart), a later 80 stays PR.
      const confirmed = `baseline ${B} { T1 target liver 100 mm }\n${series("2025-03-01", 56, ["70 mm", "70 mm", "80 mm"])}`;
      assert.deepEqual(run(confirmed, { confirmResponses: true }).responses, ["PR", "PR", "PR"]);
    });
  });

  it("scenario 6 (R10 additive confirmation): 60 (nadir 50) iUPD, 64 still iUPD, 66 iCPD dated at the first iUPD", () => {
    const r = run(`criteria iRECIST\nbaseline ${B} { T1 target liver 50 mm }\n${series("2025-03-01", 35, ["60 mm", "64 mm", "66 mm"])}`);
    assert.deepEqual(r.iResponses, ["iUPD", "iUPD", "iCPD"]);
    assert.equal(r.episode.progressionDate, "2025-03-01");
    assert.equal(diagnosticsOf(r, "confirmed-progression").length, 1);
    assert.match(diagnosticsOf(r, "confirmed-progression")[0].message, /66 mm is \+6 mm from 60 mm at the first iUPD/);
  });

  it("scenario 7 (R10 reset): iUPD, then iSD, then PD again is a new iUPD, not iCPD", () => {
    const r = run(`criteria iRECIST\nbaseline ${B} { T1 target liver 50 mm }\n${series("2025-03-01", 42, ["60 mm", "52 mm", "63 mm"])}`);
    assert.deepEqual(r.iResponses, ["iUPD", "iSD", "iUPD"]);
    assert.equal(r.episode.progressionDate, null);
    assert.equal(diagnosticsOf(r, "progression").length, 2);
  });

  describe("scenario 8 (R9 iBOR)", () => {
    it("R9 iUPD, NE, NE, NE, NE -> iBOR iUPD", () => {
      const r = run(`criteria iRECIST\nbaseline ${B} { T1 target liver 50 mm }\n${series("2025-03-01", 42, ["60 mm", "not evaluated", "not evaluated", "not evaluated", "not evaluated"])}`);
      assert.deepEqual(r.iResponses, ["iUPD", "NE", "NE", "NE", "NE"]);
      assert.equal(r.episode.iBestResponse, "iUPD");
    });
    it("R9 iUPD, iSD, iUPD, iCPD -> iBOR iSD (iRECIST table 3 example 5)", () => {
      const r = run(`criteria iRECIST\nbaseline ${B} { T1 target liver 50 mm }\n${series("2025-03-01", 42, ["60 mm", "52 mm", "63 mm", "70 mm"])}`);
      assert.deepEqual(r.iResponses, ["iUPD", "iSD", "iUPD", "iCPD"]);
      assert.equal(r.episode.iBestResponse, "iSD");
    });
  });

  describe("scenario 9 (R10 early scan): iUPD at day 56, next scan 14 days later", () => {
    const body = (extra: string) => `
      criteria iRECIST
      therapy nivolumab from ${B} immunotherapy
      baseline ${B} { T1 target liver 50 mm ; NT1 non-target bone present }
      scan ${addDays(B, 56)} { T1 60 mm ; NT1 present }
      scan ${addDays(B, 70)} { T1 70 mm ; NT1 present ${extra} }
    `;
    it("R10 growth only does not confirm (confirmation-too-early)", () => {
      const r = run(body(""));
      assert.deepEqual(r.iResponses, ["iUPD", "iUPD"]);
      assert.equal(diagnosticsOf(r, "confirmation-too-early").length, 1);
    });
    it("R10 an additional new lesion with clinical deterioration recorded confirms iCPD", () => {
      const r = run(body("; NL1 new lung 12 mm ; clinical deterioration"));
      assert.deepEqual(r.iResponses, ["iUPD", "iCPD"]);
      assert.equal(diagnosticsOf(r, "confirmation-too-early").length, 0);
      assert.equal(r.episode.progressionDate, addDays(B, 56));
    });
    it("R10 the new lesion without a recorded symptom or sign does not confirm", () => {
      const r = run(body("; NL1 new lung 12 mm"));
      assert.deepEqual(r.iResponses, ["iUPD", "iUPD"]);
      assert.equal(diagnosticsOf(r, "confirmation-too-early").length, 1);
    });
  });

  describe("scenario 10 (R11 ctDNA)", () => {
    const body = (second: string) => `
      criteria iRECIST
      therapy pembrolizumab from 2025-01-06 immunotherapy
      baseline 2025-01-02 { T1 target liver 50 mm }
      scan 2025-03-20 { T1 50 mm ; NL1 new lung 12 mm }
      ctdna 2025-01-02 vaf 2.0 %
      ctdna 2025-03-17 vaf ${second} %
    `;
    it("R11 VAF 2.0 % -> 0.1 % at week 10 (> 10-fold fall): favourable, supports pseudo-progression", () => {
      const r = run(body("0.1"));
      assert.equal(r.episode.ctdna?.profile, "favourable");
      assert.equal(r.episode.ctdna?.trend, "falling");
      const d = diagnosticsOf(r, "ctdna-supports-pseudoprogression");
      assert.equal(d.length, 1);
      assert.match(d[0].message, /2 % VAF \(2025-01-02\) -> 0\.1 % VAF \(2025-03-17\)/);
      assert.equal(diagnosticsOf(r, "ctdna-supports-progression").length, 0);
    });
    it("R11 VAF 2.0 % -> 3.5 %: unfavourable and rising, supports true progression", () => {
      const r = run(body("3.5"));
      assert.equal(r.episode.ctdna?.profile, "unfavourable");
      assert.equal(diagnosticsOf(r, "ctdna-supports-progression").length, 1);
      assert.equal(diagnosticsOf(r, "ctdna-supports-pseudoprogression").length, 0);
    });
  });
});
