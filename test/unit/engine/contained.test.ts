// Issue 10, item 7: an error inside a check or a stage of the engine is contained. A check family
// or an engine stage that throws costs one `internal-error` naming it and the exception, on the
// node it was working on; every other diagnostic is still there, and the patient is reported
// incomplete with no fabricated result.
import { strict as assert } from "assert";
import { analyze, Analysis } from "../../../server/src/core/analyze";
import { assessmentJson } from "../../../server/src/core/engine/json";
import { CodeTable } from "../../../server/src/core/codes";
import * as episodeModule from "../../../server/src/core/engine/episode";
import * as clinicalModule from "../../../server/src/core/engine/clinical";
import * as settingsModule from "../../../server/src/core/engine/effectiveSettings";
import * as classifyModule from "../../../server/src/core/engine/resistance/classify";
import * as biomarkersModule from "../../../server/src/core/engine/biomarkers";
import { LineIndex } from "../../../server/src/core/text/lineIndex";
import { throwingFamily, throwingForPatient, withFamily, withReplacedExport } from "../../helpers/faults";
import { TODAY } from "./caseBuilder";

const TEXT = `patient A {
  criteria iRECIST
  therapy pembrolizumab from 2025-01-06 immunotherapy
  baseline 2025-01-02 CT {
    T1 target liver 42 mm
    T2 target lvier 20 mm
  }
  scan 2025-03-01 CT {
    T1 60 mm
    T2 30 mm
  }
}
patient B {
  baseline 2025-01-02 CT {
    T1 target liver 42 mm
  }
  scan 2025-03-01 CT {
    T1 20 mm
    T9 12 mm
  }
}
`;

const run = (): Analysis => analyze(TEXT, { today: TODAY });

/** Diagnostics as "line code", without the internal errors. */
function others(a: Analysis): string[] {
  const index = new LineIndex(a.text);
  return a.diagnostics.filter((d) => d.code !== "internal-error").map((d) => `${index.positionAt(d.start).line + 1} ${d.code}: ${d.message}`);
}

function internal(a: Analysis): Array<{ line: number; covered: string; message: string }> {
  const index = new LineIndex(a.text);
  return a.diagnostics.filter((d) => d.code === "internal-error").map((d) => ({ line: index.positionAt(d.start).line + 1, covered: a.text.slice(d.start, d.end), message: d.message }));
}

describe("engine: errors inside checks and stages are contained (issue 10, item 7)", () => {
  const clean = run();

  it("the case has diagnostics of every layer to lose (structural, clinical)", () => {
    const codes = clean.diagnostics.map((d) => d.code);
    for (const code of ["unknown-organ", "unknown-lesion", "progression"] as const) assert.ok(codes.includes(code), code);
    assert.equal(CodeTable["internal-error"].severity, "error");
  });

  it("a structural check that throws: one internal-error on the node it checked, naming the family and the exception; all else kept", () => {
    const a = withFamily(throwingFamily(["T2"], ["B"]), run);
    assert.deepStrictEqual(others(a), others(clean));
    const found = internal(a);
    assert.deepStrictEqual(found.map((f) => [f.line, f.covered]), [[6, "T2 target lvier 20 mm"], [10, "T2 30 mm"], [13, "B"]]);
    assert.match(found[0].message, /^Internal error in the structural check family `test: throws on purpose` \(Lesion\): TypeError: cannot read lesion T2\./);
    assert.match(found[2].message, /\(Patient\): RangeError: patient B out of range/);
    // Both patients are incomplete; their results are still computed (checks do not feed the engine).
    assert.deepStrictEqual(a.assessment.patients.map((p) => [p.id, p.complete]), [["A", false], ["B", false]]);
    assert.deepStrictEqual(a.assessment.patients[0].episodes[0].incompleteBecause.map((d) => d.code), ["internal-error", "internal-error"]);
    // Once removed, the family is gone.
    assert.deepStrictEqual(internal(run()), []);
  });

  it("an episode's assessment that throws: internal-error on its baseline, no fabricated results, the other patient intact", () => {
    const a = withReplacedExport(episodeModule, "assessEpisode", throwingForPatient(episodeModule.assessEpisode, "A", new Error("boom in episode")), run);
    const found = internal(a);
    assert.deepStrictEqual(found.map((f) => [f.line, f.covered]), [[4, "2025-01-02"]]);
    assert.match(found[0].message, /^Internal error in the response assessment of episode 1: Error: boom in episode\./);
    const [pa, pb] = a.assessment.patients;
    assert.equal(pa.complete, false);
    assert.deepStrictEqual([pa.episodes[0].timepoints, pa.episodes[0].bestResponse, pa.episodes[0].iBestResponse, pa.episodes[0].progressionDate, pa.episodes[0].complete], [[], null, null, null, false]);
    assert.deepStrictEqual(JSON.stringify(pb.episodes), JSON.stringify(clean.assessment.patients[1].episodes));
    // Structural diagnostics all stay; patient A's clinical ones are gone with its assessment, B's stay.
    const structural = (x: Analysis) => others(x).filter((l) => !/progression|near-progression|confirmation|hyperprogression/.test(l));
    assert.deepStrictEqual(structural(a), structural(clean));
    const json = assessmentJson(a, "case.nadir");
    assert.deepStrictEqual(json.patients[0].incompleteBecause!.map((r) => r.code), ["internal-error"]);
    assert.equal(json.patients[1].complete, false); // B has its own unknown-lesion error
  });

  it("a clinical-diagnostic producer that throws: internal-error, the time points stay, the episode is incomplete", () => {
    const a = withReplacedExport(clinicalModule, "clinicalDiagnostics", (() => { throw new Error("boom in clinical"); }) as never, run);
    const found = internal(a);
    assert.deepStrictEqual(found.map((f) => f.line), [4, 14]);
    assert.match(found[0].message, /^Internal error in the clinical diagnostics of episode 1 \(progression, confirmation, follow-up, ctDNA, hyperprogression\): Error: boom in clinical\./);
    assert.deepStrictEqual(a.assessment.patients.map((p) => p.episodes[0].timepoints.map((t) => t.response)), clean.assessment.patients.map((p) => p.episodes[0].timepoints.map((t) => t.response)));
    assert.ok(a.assessment.patients.every((p) => !p.complete && p.episodes.every((e) => !e.complete)));
    assert.ok(!a.diagnostics.some((d) => d.code === "progression"));
  });

  it("the resistance classification that throws: internal-error on the episode's baseline, no resistance result (JSON null), the responses stay", () => {
    const a = withReplacedExport(classifyModule, "classifyResistance", (() => { throw new Error("boom in resistance"); }) as never, run);
    const found = internal(a);
    assert.deepStrictEqual(found.map((f) => [f.line, f.covered]), [[4, "2025-01-02"], [14, "2025-01-02"]]);
    assert.match(found[0].message, /^Internal error in the resistance classification of episode 1: Error: boom in resistance\./);
    assert.deepStrictEqual(a.assessment.patients.map((p) => p.episodes[0].timepoints.map((t) => t.response)), clean.assessment.patients.map((p) => p.episodes[0].timepoints.map((t) => t.response)));
    const json = assessmentJson(a, "-");
    assert.deepStrictEqual(json.patients.map((p) => p.episodes[0].resistance), [null, null]);
    assert.ok(a.assessment.patients.every((p) => !p.episodes[0].complete));
    assert.ok(a.diagnostics.some((d) => d.code === "progression"), "the clinical diagnostics are still there");
  });

  it("the biopsy findings that throw: internal-error on the patient's id, no biomarkers, the rest assessed", () => {
    const a = withReplacedExport(biomarkersModule, "assessBiomarkers", (() => { throw new Error("boom in biopsies"); }) as never, run);
    const found = internal(a);
    assert.deepStrictEqual(found.map((f) => [f.line, f.covered]), [[1, "A"], [13, "B"]]);
    assert.match(found[0].message, /^Internal error in the biopsy findings of this patient \(R31-R34\): Error: boom in biopsies\./);
    assert.deepStrictEqual(assessmentJson(a, "-").patients.map((p) => p.biomarkers), [[], []]);
    assert.equal(a.assessment.patients[0].episodes[0].resistance?.class, clean.assessment.patients[0].episodes[0].resistance?.class);
  });

  it("a patient's assessment that throws before its episodes: internal-error on its header, no episodes, the other patient intact", () => {
    const a = withReplacedExport(settingsModule, "effectiveSettings", throwingForPatient(settingsModule.effectiveSettings, "B", new Error("boom in settings")), run);
    const found = internal(a);
    assert.deepStrictEqual(found.map((f) => [f.line, f.covered]), [[13, "B"]]);
    assert.match(found[0].message, /^Internal error in the response assessment of this patient: Error: boom in settings\./);
    const pb = a.assessment.patients[1];
    assert.deepStrictEqual([pb.id, pb.episodes.length, pb.complete], ["B", 0, false]);
    assert.deepStrictEqual(JSON.stringify(a.assessment.patients[0].episodes), JSON.stringify(clean.assessment.patients[0].episodes));
  });
});
