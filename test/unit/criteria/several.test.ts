// Several criteria at once (P3, P5, Decisions 14 and 16): the first is primary (response/iResponse,
// progression diagnostics), the others side by side; `criteriaRead` and `readings` in the JSON with
// exact field names, units, confirmation, neReason, null percentages against a nadir of 0 and
// rounding half away from zero; repeated and unknown names; criteria-disagree.
import { strict as assert } from "assert";
import { analyze } from "../../../server/src/core/analyze";
import { patientsJson } from "../../../server/src/core/engine/json";
import { resolveSettings } from "../../../server/src/core/settings";
import { kase, TODAY } from "../engine/caseBuilder";
import { runInProcess } from "../../helpers/runCli";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

function json(body: string, settings = {}) {
  const a = analyze(kase(body), { settings: resolveSettings(settings), today: TODAY });
  return { analysis: a, patient: patientsJson(a.assessment, a.text)[0] };
}

const CASE = `therapy pembrolizumab from 2025-01-06 immunotherapy
baseline 2025-01-02 { T1 target liver 30 x 20 mm ; T2 target lung 20 x 10 mm }
scan 2025-03-03 { T1 20 x 15 mm ; T2 10 x 10 mm }
scan 2025-04-28 { T1 20 x 15 mm ; T2 10 x 10 mm ; NL1 new liver 12 x 10 mm }`;

describe("several criteria (P3, P5)", () => {
  it("the first is primary: JSON criteria, iResponse, the progression diagnostic; the others in criteriaRead and readings", () => {
    const { analysis, patient } = json(`criteria iRECIST irRC imRECIST\n${CASE}`);
    assert.equal(patient.criteria, "iRECIST");
    assert.deepEqual(patient.criteriaRead, ["iRECIST", "irRC", "imRECIST"]);
    const tp = patient.episodes[0].timepoints[1];
    assert.equal(tp.iResponse, "iUPD");
    assert.deepEqual(Object.keys(tp.readings ?? {}), ["iRECIST", "irRC", "imRECIST"]);
    assert.deepEqual(Object.keys(tp.readings!.irRC), ["burden", "unit", "nadir", "changeFromBaselinePct", "changeFromNadirPct", "response", "confirmation", "neReason"]);
    assert.deepEqual(tp.readings!.irRC, { burden: 520, unit: "mm2", nadir: 400, changeFromBaselinePct: -35, changeFromNadirPct: 30, response: "irPD", confirmation: "pending", neReason: null });
    assert.deepEqual(tp.readings!.imRECIST, { burden: 42, unit: "mm", nadir: 30, changeFromBaselinePct: -16, changeFromNadirPct: 40, response: "PD", confirmation: "pending", neReason: null });
    assert.deepEqual(patient.episodes[0].readings, {
      iRECIST: { bestResponse: "iPR", progressionDate: null },
      irRC: { bestResponse: "irSD", progressionDate: null },
      imRECIST: { bestResponse: "PR", progressionDate: null },
    });
    const progression = analysis.diagnostics.filter((d) => d.code === "progression");
    assert.equal(progression.length, 1);
    assert.match(progression[0].message, /iUPD\. Confirmation window/);
  });

  it("Decision 14: iResponse and iBestResponse whenever iRECIST is listed, primary or not; recistProgressionDate when the primary is not RECIST 1.1", () => {
    const { patient } = json(`criteria irRC iRECIST\n${CASE}`);
    const episode = patient.episodes[0];
    assert.equal(episode.timepoints[0].iResponse, "iPR");
    assert.equal(episode.iBestResponse, "iPR");
    assert.ok("recistProgressionDate" in episode);
    const recistFirst = json(`criteria RECIST1.1 iRECIST\n${CASE}`).patient.episodes[0];
    assert.ok(!("recistProgressionDate" in recistFirst));
    assert.equal(recistFirst.progressionDate, "2025-04-28");
  });

  it("one criterion other than RECIST 1.1 and iRECIST also gets criteriaRead and readings; RECIST 1.1 or iRECIST alone gets neither", () => {
    assert.deepEqual(json(`criteria irRC\n${CASE}`).patient.criteriaRead, ["irRC"]);
    for (const c of ["RECIST 1.1", "iRECIST"]) {
      const { patient } = json(`criteria ${c}\n${CASE}`);
      assert.ok(!("criteriaRead" in patient), c);
      assert.ok(!("readings" in patient.episodes[0]) && !("readings" in patient.episodes[0].timepoints[0]), c);
    }
  });

  it("Decision 14: a repeated name warns duplicate-criteria and is ignored; an unknown name is invalid-value and dropped", () => {
    const { analysis, patient } = json(`criteria irRC IRRC WHO iRECIST\n${CASE}`);
    assert.deepEqual(patient.criteriaRead, ["irRC", "iRECIST"]);
    const at = (code: string) => analysis.diagnostics.filter((d) => d.code === code).map((d) => `${d.severity} ${analysis.text.slice(d.start, d.end)}`);
    assert.deepEqual(at("duplicate-criteria"), ["warning IRRC"]);
    assert.deepEqual(at("invalid-value"), ["error WHO"]);
    assert.match(analysis.diagnostics.find((d) => d.code === "invalid-value")!.message, /^Unknown criteria `WHO`: Nadir reads RECIST1\.1, iRECIST, irRC, irRECIST or imRECIST\. It is left out/);
  });

  it("P5: percentages against a nadir of 0 are null; numbers are rounded to one decimal, half away from zero", () => {
    const { patient } = json(`criteria irRC imRECIST
baseline 2025-01-02 { T1 target liver 20 x 20 mm ; T2 target lung 42.5 x 30.1 mm }
scan 2025-03-03 { T1 35.1 x 10 mm ; T2 42.5 x 30.1 mm }
scan 2025-04-28 { T1 absent ; T2 absent }
scan 2025-05-26 { T1 10 x 10 mm ; T2 absent }`);
    const [first, , third] = patient.episodes[0].timepoints;
    // T1: 400 -> 351 mm²; T2 1279.25 mm² both times: -49 / 1679.25 = -2.918 %.
    assert.deepEqual([first.readings!.irRC.burden, first.readings!.irRC.nadir], [1630.3, 1679.3]);
    assert.equal(first.readings!.irRC.changeFromBaselinePct, -2.9);
    assert.deepEqual([third.readings!.irRC.nadir, third.readings!.irRC.changeFromNadirPct, third.readings!.imRECIST.changeFromNadirPct], [0, null, null]);
    assert.equal(third.readings!.irRC.response, "irPD");
  });

  it("P5: rounding of a burden in mm² and of a percentage is half away from zero (-12.25 % -> -12.3 %)", () => {
    const { patient } = json(`criteria irRC\nbaseline 2025-01-02 { T1 target liver 20 x 20 mm }\nscan 2025-03-03 { T1 35.1 x 10 mm }`);
    const r = patient.episodes[0].timepoints[0].readings!.irRC;
    assert.deepEqual([r.burden, r.changeFromBaselinePct], [351, -12.3]);
  });

  it("P5: neReason says why a reading is NE", () => {
    const { patient } = json(`criteria irRC imRECIST\nbaseline 2025-01-02 { T1 target liver 30 mm }\nscan 2025-03-03 { T1 20 mm }`);
    const r = patient.episodes[0].timepoints[0].readings!;
    assert.equal(r.irRC.response, "NE");
    assert.match(r.irRC.neReason ?? "", /T1 has one diameter at baseline/);
    assert.equal(r.imRECIST.neReason, null);
  });

  it("R25 criteria-disagree names each criterion's response and what it saw, once per scan where they differ", () => {
    const { analysis } = json(`criteria RECIST1.1 imRECIST\n${CASE.replace("NL1 new liver 12 x 10 mm", "NL1 new liver 8 mm")}`);
    const disagree = analysis.diagnostics.filter((d) => d.code === "criteria-disagree");
    assert.equal(disagree.length, 1);
    assert.equal(analysis.text.slice(disagree[0].start, disagree[0].end), "2025-04-28");
    assert.match(disagree[0].message, /^The criteria disagree at this scan: RECIST 1\.1 PD \(.*new lesions yes: PD\); imRECIST PR \(burden 30 mm .*new non-measured: NL1: PR\) \(R25\)\.$/);
  });

  it("--criteria, nadir.config.json and the settings take several names (spaces or commas)", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "nadir-criteria-"));
    try {
      fs.writeFileSync(path.join(dir, "a.nadir"), kase(CASE));
      const flag = await runInProcess(["assess", "--format", "json", "--as-of", "2025-06-01", "--criteria", "iRECIST,irRC", "a.nadir"], { cwd: dir });
      assert.deepEqual(JSON.parse(flag.stdout).files[0].patients[0].criteriaRead, ["iRECIST", "irRC"]);
      fs.writeFileSync(path.join(dir, "nadir.config.json"), JSON.stringify({ criteria: "imRECIST RECIST 1.1" }));
      const config = await runInProcess(["assess", "--format", "json", "--as-of", "2025-06-01", "a.nadir"], { cwd: dir });
      assert.deepEqual(JSON.parse(config.stdout).files[0].patients[0].criteriaRead, ["imRECIST", "RECIST1.1"]);
      assert.equal(resolveSettings({ criteria: ["irRECIST", "iRECIST"] }).criteria, "irRECIST iRECIST");
      assert.equal(resolveSettings({ criteria: "irRC irRC" }).criteria, "RECIST1.1", "a repeated name in a setting is refused");
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
