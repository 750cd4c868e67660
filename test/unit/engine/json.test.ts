// The spec's JSON (nadir-language.md, "What the tools report"): field names and order, rounding
// to one decimal, nulls, and iResponse / iBestResponse only under iRECIST.
import { strict as assert } from "assert";
import * as fs from "fs";
import * as path from "path";
import { analyze } from "../../../server/src/core/analyze";
import { assessmentJson } from "../../../server/src/core/engine/json";
import { REPO_ROOT } from "../../helpers/paths";
import { kase } from "./caseBuilder";

const today = 20000;

describe("engine: JSON of the spec", () => {
  it("PT-0042: the first time point is exactly the spec's example", () => {
    const text = fs.readFileSync(path.join(REPO_ROOT, "examples", "PT-0042.nadir"), "utf8");
    const json = assessmentJson(analyze(text, { today }), "cases/PT-0042.nadir");
    assert.equal(json.file, "cases/PT-0042.nadir");
    const patient = json.patients[0];
    assert.deepEqual([patient.id, patient.criteria, patient.complete], ["PT-0042", "iRECIST", true]);
    assert.equal(json.complete, true);
    const episode = patient.episodes[0];
    // Spec: "Under iRECIST an episode also carries recistProgressionDate" (issue 10 item 5), after progressionDate.
    assert.deepEqual(Object.keys(episode), ["therapy", "start", "baseline", "timepoints", "bestResponse", "iBestResponse", "progressionDate", "recistProgressionDate", "resistance", "complete"]);
    assert.deepEqual([episode.therapy, episode.start, episode.baseline], ["pembrolizumab", "2025-01-06", { date: "2025-01-02", sum: 77 }]);
    assert.deepEqual(episode.timepoints[0], {
      date: "2025-03-01", sum: 44, nadir: 77, changeFromBaselinePct: -42.9, changeFromNadirPct: -42.9, changeFromNadirMm: -33,
      target: "PR", nonTarget: "NON-CR/NON-PD", newLesions: "no", newLesionTargetSum: null, response: "PR", iResponse: "iPR",
    });
    assert.deepEqual([episode.bestResponse, episode.iBestResponse, episode.progressionDate], ["PR", "iPR", null]);
    // The second scan: new lesions NL1 (NLT 12 mm) and NL2 make iUPD; NL3 is equivocal.
    assert.deepEqual(
      [episode.timepoints[1].sum, episode.timepoints[1].newLesions, episode.timepoints[1].newLesionTargetSum, episode.timepoints[1].response, episode.timepoints[1].iResponse],
      [50, "yes", 12, "PD", "iUPD"],
    );
    for (const d of json.diagnostics) {
      assert.deepEqual(Object.keys(d), ["code", "severity", "message", "range"]);
      assert.ok(d.range.start.line >= 0 && d.range.end.character >= 0);
    }
    const progression = json.diagnostics.find((d) => d.code === "progression");
    assert.deepEqual(progression?.range, { start: { line: 30, character: 7 }, end: { line: 30, character: 17 } });
  });

  it("RECIST 1.1 patients have no iResponse or iBestResponse; unknowns are null; values round to one decimal", () => {
    const text = kase(`
      baseline 2025-01-01 { T1 target liver 33.3 mm ; T2 target lung 33.4 mm }
      scan 2025-03-01 { T1 20.1 mm ; T2 not evaluated }
      scan 2025-04-26 { T1 20.1 mm ; T2 22.2 mm }
    `);
    const json = assessmentJson(analyze(text, { today }), "-");
    const episode = json.patients[0].episodes[0];
    assert.equal(json.patients[0].criteria, "RECIST1.1");
    assert.deepEqual(Object.keys(episode), ["therapy", "start", "baseline", "timepoints", "bestResponse", "progressionDate", "resistance", "complete"]);
    assert.deepEqual([episode.therapy, episode.start, episode.baseline], [null, "2025-01-01", { date: "2025-01-01", sum: 66.7 }]);
    const [ne, pr] = episode.timepoints;
    assert.equal("iResponse" in ne, false);
    assert.deepEqual([ne.sum, ne.changeFromBaselinePct, ne.changeFromNadirPct, ne.changeFromNadirMm, ne.target, ne.nonTarget, ne.response], [null, null, null, null, "NE", null, "NE"]);
    // 42.3 / 66.7 - 1 = -36.58 % -> -36.6; the nadir is still the baseline (the NE TP has no sum).
    assert.deepEqual([pr.sum, pr.nadir, pr.changeFromBaselinePct, pr.changeFromNadirPct, pr.changeFromNadirMm], [42.3, 66.7, -36.6, -36.6, -24.4]);
  });

  it("marks the patient and the episode an error touches as incomplete, with the codes and ranges; other episodes and patients stay complete", () => {
    const text = [
      "patient A {",
      "  therapy nivolumab from 2025-01-06 immunotherapy",
      "  therapy docetaxel from 2025-06-02 chemotherapy",
      "  baseline 2025-01-02 CT {",
      "    T1 target liver 42 mm",
      "    T2 target lung 30 mn",
      "  }",
      "  scan 2025-03-01 CT {",
      "    T1 40 mm",
      "  }",
      "  baseline 2025-05-30 CT {",
      "    T1 target liver 50 mm",
      "  }",
      "  scan 2025-08-01 CT {",
      "    T1 45 mm",
      "  }",
      "}",
      "patient B {",
      "  baseline 2025-01-02 CT {",
      "    T1 target liver 42 mm",
      "  }",
      "}",
      "stray line",
      "",
    ].join("\n");
    const json = assessmentJson(analyze(text, { today }), "-");
    const [a, b] = json.patients;
    assert.equal(json.complete, false, "an error outside every patient block makes the file incomplete");
    assert.equal(a.complete, false);
    assert.deepEqual(a.incompleteBecause, [{ code: "syntax-error", range: { start: { line: 5, character: 19 }, end: { line: 5, character: 21 } } }]);
    assert.deepEqual(a.episodes.map((e) => e.complete), [false, true], "only the episode whose baseline holds the error (its scans are pre-treatment scans of the next, R12)");
    assert.deepEqual(a.episodes[0].incompleteBecause, a.incompleteBecause);
    assert.equal("incompleteBecause" in a.episodes[1], false);
    assert.deepEqual([b.complete, "incompleteBecause" in b], [true, false]);
  });

  it("an error on a patient-level line makes every episode of the patient incomplete", () => {
    const text = kase(`
      ctdna 2025-01-01 vaf 2,4 %
      baseline 2025-01-01 { T1 target liver 33.3 mm }
      scan 2025-03-01 { T1 20.1 mm }
    `);
    const json = assessmentJson(analyze(text, { today }), "-");
    assert.equal(json.patients[0].complete, false);
    assert.deepEqual(json.patients[0].episodes.map((e) => [e.complete, e.incompleteBecause?.map((r) => r.code)]), [[false, ["syntax-error"]]]);
  });

  it("a file without patients has empty arrays", () => {
    assert.deepEqual(assessmentJson(analyze("# nothing\n", { today }), "empty.nadir"), { file: "empty.nadir", complete: true, patients: [], diagnostics: [] });
  });
});
