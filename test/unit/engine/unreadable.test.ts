// Issue 10, item 1: never a response computed from part of the data. A value that cannot be read
// (a syntax error on a lesion line) is unknown, which is not "not evaluated": its time point gets
// NE, whatever the lesions that were read show (R4's "the measured targets already meet PD" does
// not apply), and a target whose baseline value cannot be read leaves the episode without sums
// and responses. Every such episode and patient is reported incomplete.
import { strict as assert } from "assert";
import { analyze } from "../../../server/src/core/analyze";
import { resolveSettings } from "../../../server/src/core/settings";
import { assessmentJson } from "../../../server/src/core/engine/json";
import { kase, TODAY } from "./caseBuilder";

function assess(body: string, criteria: "RECIST1.1" | "iRECIST" = "RECIST1.1") {
  const analysis = analyze(kase(body), { settings: resolveSettings({ criteria }), today: TODAY });
  const patient = analysis.assessment.patients[0];
  const episode = patient.episodes[0];
  return { analysis, patient, episode, tps: episode.timepoints, trace: (i: number) => episode.timepoints[i].explanation.map((e) => `${e.rule}: ${e.text}`).join("\n") };
}

const BASELINE = "baseline 2025-01-02 { T1 target liver 50 mm ; T2 target lung 30 mm ; NT1 non-target bone present }";

describe("engine: unreadable values are unknown, never a partial response (issue 10, R4)", () => {
  it("the issue's case: T1's baseline value unreadable -> no sums, every response NE, best NE, no progression date", () => {
    for (const criteria of ["RECIST1.1", "iRECIST"] as const) {
      const r = assess(`baseline 2025-01-02 { T1 target liver "seg 6" 4,2 cm ; T2 target lung 30 mm }
        scan 2025-03-01 { T1 40 mm ; T2 15 mm }
        scan 2025-05-01 { T1 90 mm ; T2 14 mm }`, criteria);
      assert.equal(r.episode.baseline!.sum, null);
      assert.deepStrictEqual(r.tps.map((t) => [t.sum, t.nadir, t.changeFromBaselinePct, t.target, t.response]), [[null, null, null, "NE", "NE"], [null, null, null, "NE", "NE"]]);
      assert.equal(r.episode.bestResponse, "NE");
      assert.equal(r.episode.progressionDate, null);
      if (criteria === "iRECIST") {
        assert.deepStrictEqual(r.tps.map((t) => t.iResponse), ["NE", "NE"]);
        assert.equal(r.episode.iBestResponse, "NE");
      }
      assert.match(r.trace(0), /T1's value on line 3 at the baseline could not be read/);
      assert.equal(r.episode.complete, false);
      assert.equal(r.patient.complete, false);
      assert.deepStrictEqual(r.episode.incompleteBecause.map((d) => d.code), ["syntax-error"]);
      assert.equal(r.analysis.diagnostics.filter((d) => d.code === "progression").length, 0);
    }
  });

  it("a follow-up target unreadable is NE even when the targets that were read already meet PD (R4 does not apply)", () => {
    const r = assess(`${BASELINE}
      scan 2025-03-01 { T1 100 mm ; T2 4,2 cm ; NT1 present }
      scan 2025-05-01 { T1 50 mm ; T2 30 mm ; NT1 present }`);
    assert.deepStrictEqual([r.tps[0].sum, r.tps[0].target, r.tps[0].response], [null, "NE", "NE"]);
    assert.match(r.trace(0), /T2's value on line 9 could not be read: target NE/);
    // The same scan with T2 `not evaluated` is PD by R4: the difference is the point.
    const ne = assess(`${BASELINE}\n scan 2025-03-01 { T1 100 mm ; T2 not evaluated ; NT1 present }`);
    assert.deepStrictEqual([ne.tps[0].target, ne.tps[0].response], ["PD", "PD"]);
    // The unreadable TP is no nadir: the next TP is judged against the baseline.
    assert.deepStrictEqual([r.tps[1].nadir, r.tps[1].response], [800, "SD"]);
    assert.equal(r.episode.complete, false);
  });

  it("a non-target unreadable: non-target NE and overall NE, even beside non-target progression or a new lesion", () => {
    const r = assess(`baseline 2025-01-02 { T1 target liver 50 mm ; NT1 non-target bone present ; NT2 non-target lung present }
      scan 2025-03-01 { T1 20 mm ; NT1 increasd ; NT2 progressed ; NL1 new liver 15 mm }`);
    assert.deepStrictEqual([r.tps[0].target, r.tps[0].nonTarget, r.tps[0].newLesions, r.tps[0].response], ["PR", "NE", "yes", "NE"]);
    assert.match(r.trace(0), /NT1's value on line \d+ could not be read: non-target NE/);
  });

  it("a new lesion unreadable, at its declaration or later: new lesions NE and overall NE", () => {
    const declared = assess(`${BASELINE}
      scan 2025-03-01 { T1 40 mm ; T2 20 mm ; NT1 present ; NL1 new liver 1,2 cm }
      scan 2025-05-01 { T1 40 mm ; T2 20 mm ; NT1 present ; NL1 12 mm }`);
    assert.deepStrictEqual(declared.tps.map((t) => [t.newLesions, t.response]), [["NE", "NE"], ["yes", "PD"]]);
    const later = assess(`${BASELINE}
      scan 2025-03-01 { T1 40 mm ; T2 20 mm ; NT1 present ; NL1 new liver 12 mm }
      scan 2025-05-01 { T1 40 mm ; T2 20 mm ; NT1 present ; NL1 1 2 mm }`);
    // The PD of 2025-03-01 came first: the later TP stays PD (R10 "RECIST 1.1 after progression"), its new-lesion category is NE.
    assert.deepStrictEqual(later.tps.map((t) => [t.newLesions, t.response]), [["yes", "PD"], ["NE", "PD"]]);
    assert.match(later.trace(1), /NL1's value on line \d+ could not be read/);
  });

  it("an unreadable line naming no lesion of the episode (a misspelt `new`) may be a new lesion: new lesions NE, overall NE", () => {
    const r = assess(`${BASELINE}\n scan 2025-03-01 { T1 40 mm ; T2 20 mm ; NT1 present ; NL1 nwe liver 12 mm }`);
    assert.deepStrictEqual([r.tps[0].target, r.tps[0].newLesions, r.tps[0].response], ["SD", "NE", "NE"]);
  });

  it("a baseline declaration that cannot be read may be a target: every response of the episode NE", () => {
    const r = assess(`baseline 2025-01-02 { T1 tagret liver 50 mm ; T2 target lung 30 mm }
      scan 2025-03-01 { T1 40 mm ; T2 10 mm }`);
    assert.deepStrictEqual([r.episode.baseline!.sum, r.tps[0].sum, r.tps[0].target, r.tps[0].response], [null, null, "NE", "NE"]);
    assert.match(r.trace(0), /T1's declaration on line 3 at the baseline could not be read/);
  });

  it("iRECIST: an unreadable TP after an iUPD neither confirms nor resets; the next TP still confirms", () => {
    const r = assess(`baseline 2025-01-02 { T1 target liver 50 mm ; T2 target lung 30 mm }
      scan 2025-03-01 { T1 70 mm ; T2 30 mm }
      scan 2025-04-05 { T1 4,2 cm ; T2 10 mm }
      scan 2025-04-20 { T1 80 mm ; T2 30 mm }`, "iRECIST");
    assert.deepStrictEqual(r.tps.map((t) => t.iResponse), ["iUPD", "NE", "iCPD"]);
    assert.match(r.trace(1), /iRECIST NE\. It neither starts, confirms nor resets an iUPD/);
  });

  it("an unreadable TP never starts an iUPD, even with a new lesion (iRECIST), and is never the first PD (RECIST 1.1); the new lesion is still dated where it was seen (R6)", () => {
    const body = `${BASELINE}
      scan 2025-03-01 { T1 40 mm ; T2 2,0 cm ; NT1 present ; NL1 new liver 20 mm }
      scan 2025-05-01 { T1 40 mm ; T2 20 mm ; NT1 present ; NL1 20 mm }`;
    const i = assess(body, "iRECIST");
    assert.deepStrictEqual(i.tps.map((t) => t.iResponse), ["NE", "iUPD"]);
    const r = assess(body);
    assert.deepStrictEqual(r.tps.map((t) => t.response), ["NE", "PD"]);
    // NL1 was read on 2025-03-01 (its line is fine): PD is dated when it first appeared (R6).
    assert.equal(r.episode.progressionDate, "2025-03-01");
    assert.match(r.analysis.diagnostics.find((d) => d.code === "progression")!.message, /PD dated 2025-03-01, when the new lesion was first seen \(that scan's own response is NE/);
    // Under iRECIST the date belongs to the run, which an unreadable TP never starts: nothing is confirmed here.
    assert.equal(i.episode.progressionDate, null);
    assert.equal(i.episode.recistProgressionDate, "2025-03-01");
  });

  describe("a progression established at an earlier TP outlives an unreadable value (R10 \"RECIST 1.1 after progression\", \"After iCPD\")", () => {
    it("RECIST 1.1: after an earlier PD TP, a TP with an unreadable value stays PD; its own categories are NE", () => {
      const r = assess(`${BASELINE}
        scan 2025-03-01 { T1 90 mm ; T2 30 mm ; NT1 present }
        scan 2025-05-01 { T1 4,2 cm ; T2 30 mm ; NT1 present }
        scan 2025-07-01 { T1 40 mm ; T2 30 mm ; NT1 abesnt }`);
      assert.deepStrictEqual(r.tps.map((t) => [t.target, t.nonTarget, t.response]), [["PD", "NON-CR/NON-PD", "PD"], ["NE", "NON-CR/NON-PD", "PD"], ["SD", "NE", "PD"]]);
      assert.deepStrictEqual([r.tps[1].sum, r.tps[2].sum], [null, 700]);
      assert.match(r.trace(1), /PD since 2025-03-01.*this TP's own response is NE: a value could not be read, but the PD rests on the earlier TP/);
      assert.equal(r.episode.progressionDate, "2025-03-01");
      assert.equal(r.episode.bestResponse, "PD");
      assert.equal(r.episode.complete, false);
    });

    it("RECIST 1.1: without an earlier PD, the same unreadable TP is NE and a later readable PD is the first PD", () => {
      const r = assess(`${BASELINE}
        scan 2025-03-01 { T1 40 mm ; T2 30 mm ; NT1 present }
        scan 2025-05-01 { T1 4,2 cm ; T2 30 mm ; NT1 present }
        scan 2025-07-01 { T1 90 mm ; T2 30 mm ; NT1 present }`);
      assert.deepStrictEqual(r.tps.map((t) => t.response), ["SD", "NE", "PD"]);
      assert.equal(r.episode.progressionDate, "2025-07-01");
    });

    it("iRECIST: after an earlier iCPD, a TP with an unreadable value stays iCPD (terminal for the episode)", () => {
      const r = assess(`baseline 2025-01-02 { T1 target liver 50 mm ; T2 target lung 30 mm }
        scan 2025-03-01 { T1 70 mm ; T2 30 mm }
        scan 2025-04-05 { T1 80 mm ; T2 30 mm }
        scan 2025-06-01 { T1 4,2 cm ; T2 10 mm }`, "iRECIST");
      assert.deepStrictEqual(r.tps.map((t) => [t.response, t.iResponse]), [["PD", "iUPD"], ["PD", "iCPD"], ["PD", "iCPD"]]);
      assert.match(r.trace(2), /R10 \(after iCPD\): iCPD since 2025-04-05 is terminal/);
      assert.equal(r.episode.progressionDate, "2025-03-01");
    });

    it("iRECIST: after an iUPD that is not yet confirmed, a TP with an unreadable value is NE (it confirms nothing), under both criteria's PD", () => {
      const r = assess(`baseline 2025-01-02 { T1 target liver 50 mm ; T2 target lung 30 mm }
        scan 2025-03-01 { T1 70 mm ; T2 30 mm }
        scan 2025-04-05 { T1 4,2 cm ; T2 30 mm }`, "iRECIST");
      assert.deepStrictEqual(r.tps.map((t) => [t.response, t.iResponse]), [["PD", "iUPD"], ["PD", "NE"]]);
      assert.equal(r.episode.progressionDate, null);
    });
  });

  it("JSON: the episode and the patient say complete: false with the syntax-error that made them so", () => {
    const r = assess(`${BASELINE}\n scan 2025-03-01 { T1 40 mm ; T2 2,0 cm ; NT1 present }`);
    const json = assessmentJson(r.analysis, "case.nadir");
    assert.equal(json.complete, true);
    assert.equal(json.patients[0].complete, false);
    assert.deepStrictEqual(json.patients[0].episodes[0].incompleteBecause!.map((x) => [x.code, x.range.start.line]), [["syntax-error", 8]]);
    assert.equal(json.patients[0].episodes[0].timepoints[0].response, "NE");
  });

  it("a pre-treatment scan that cannot be read leaves growth kinetics not computable (R12), not computed from an earlier scan", () => {
    const r = assess(`scan 2024-10-01 { T1 20 mm ; T2 10 mm }
      scan 2024-12-01 { T1 3,0 cm ; T2 20 mm }
      ${BASELINE}
      scan 2025-03-01 { T1 80 mm ; T2 60 mm ; NT1 present }`);
    const champiat = r.episode.hyperprogression.find((h) => h.definition === "champiat")!;
    assert.equal(champiat.computable, false);
  });
});
