// Best overall response (R8, R9): RECIST 1.1 table 3 with confirmation, the minimum SD duration,
// and the eight iBOR scenarios of iRECIST table 3.
import { strict as assert } from "assert";
import { bestOverallResponse, iBestOverallResponse } from "../../../server/src/core/engine/best";
import type { IResponse, OverallResponse } from "../../../server/src/core/engine/types";
import { run, series, diagnosticsOf } from "./caseBuilder";

const START = 0;
/** TPs every 56 days from the start: the first one meets a 42-day SD minimum. */
function tps<R>(responses: R[], step = 56) {
  return responses.map((response, k) => ({ date: `TP${k + 1}`, day: START + (k + 1) * step, response }));
}
const recist = (responses: OverallResponse[], confirm: boolean, minSd = 42) =>
  bestOverallResponse(tps(responses), { start: START, minStableDiseaseDays: minSd, confirm }).best;

describe("engine: best overall response (R8, R9)", () => {
  describe("RECIST 1.1 table 3 (confirmation required), first TP then later TP", () => {
    const rows: Array<[OverallResponse, OverallResponse, OverallResponse, OverallResponse]> = [
      // first, second, BOR when the SD minimum is met at the first TP, BOR when it is not
      ["CR", "CR", "CR", "CR"],
      ["CR", "PR", "SD", "SD"],
      ["CR", "SD", "SD", "SD"],
      ["CR", "PD", "SD", "PD"],
      ["CR", "NE", "SD", "NE"],
      ["PR", "CR", "PR", "PR"],
      ["PR", "PR", "PR", "PR"],
      ["PR", "SD", "SD", "SD"],
      ["PR", "PD", "SD", "PD"],
      ["PR", "NE", "SD", "NE"],
      ["NE", "NE", "NE", "NE"],
    ];
    for (const [a, b, met, notMet] of rows) {
      it(`R8 table 3: ${a}, ${b} -> ${met} (SD minimum met) / ${notMet} (not met)`, () => {
        assert.equal(recist([a, b], true, 42), met);
        // SD minimum 100 days: TP1 (day 56) is too early for SD, TP2 (day 112) is not.
        const late = [a, b].includes("SD") && b === "SD" ? "SD" : notMet;
        assert.equal(recist([a, b], true, 100), late);
      });
    }
    it("R8 at most one NE between a response and its confirmation", () => {
      assert.equal(recist(["PR", "NE", "PR"], true), "PR");
      assert.equal(recist(["PR", "NE", "NE", "PR"], true), "SD");
    });
    it("R8 a CR followed by a CR less than 28 days later is not yet confirmed", () => {
      const r = bestOverallResponse([{ date: "a", day: 56, response: "CR" }, { date: "b", day: 83, response: "CR" }], { start: 0, minStableDiseaseDays: 42, confirm: true });
      assert.equal(r.best, "SD");
      assert.deepEqual(r.awaitingConfirmation, { date: "a", day: 56, response: "CR" });
      const r2 = bestOverallResponse([{ date: "a", day: 56, response: "CR" }, { date: "b", day: 84, response: "CR" }], { start: 0, minStableDiseaseDays: 42, confirm: true });
      assert.equal(r2.best, "CR");
    });
    it("R8 without confirmation required an unconfirmed PR counts as PR", () => {
      assert.equal(recist(["PR", "PD"], false), "PR");
    });
  });

  describe("R8 minimum stable-disease duration and R9 ranking", () => {
    it("R8 SD before the minimum does not count: SD then PD is PD, SD alone is NE", () => {
      assert.equal(bestOverallResponse(tps(["SD", "PD"], 30), { start: 0, minStableDiseaseDays: 42, confirm: false }).best, "PD");
      assert.equal(bestOverallResponse(tps(["SD"], 41), { start: 0, minStableDiseaseDays: 42, confirm: false }).best, "NE");
      assert.equal(bestOverallResponse(tps(["SD"], 42), { start: 0, minStableDiseaseDays: 42, confirm: false }).best, "SD");
    });
    it("R9 only TPs up to the first PD count", () => {
      assert.equal(recist(["SD", "PD", "PR"], false), "SD");
    });
    it("R9 NON-CR/NON-PD ranks below SD and above PD", () => {
      assert.equal(recist(["NON-CR/NON-PD", "PD"], false), "NON-CR/NON-PD");
    });
    it("R8 the minimum is counted from the therapy start, not the baseline", () => {
      const body = (start: string) => `therapy x from ${start}\nbaseline 2025-01-01 { T1 target liver 50 mm }\n${series("2025-02-15", 56, ["45 mm"])}`;
      assert.equal(run(body("2025-01-01")).episode.bestResponse, "SD"); // 45 days
      assert.equal(run(body("2025-01-10")).episode.bestResponse, "NE"); // 36 days
      assert.equal(run(body("2025-01-01"), { minStableDiseaseDays: 50 }).episode.bestResponse, "NE");
    });
    it("R8 a CR then PR (via NT not evaluated) warns cr-then-pr", () => {
      const r = run(`baseline 2025-01-01 { T1 target liver 50 mm ; NT1 non-target bone present }\nscan 2025-03-01 { T1 absent ; NT1 absent }\nscan 2025-04-26 { T1 absent ; NT1 not evaluated }`, { confirmResponses: true });
      assert.deepEqual(r.responses, ["CR", "PR"]);
      assert.equal(r.episode.bestResponse, "SD");
      assert.equal(diagnosticsOf(r, "cr-then-pr").length, 1);
    });
  });

  describe("iRECIST table 3: the eight iBOR scenarios (R9)", () => {
    const ibor = (responses: IResponse[], confirmedIupd: boolean[] = []) =>
      iBestOverallResponse(responses.map((iResponse, k) => ({ date: `TP${k + 1}`, day: (k + 1) * 56, iResponse, confirmedIupd: confirmedIupd[k] ?? false })), { start: 0, minStableDiseaseDays: 42, confirm: false }).best;
    const examples: Array<[string, IResponse[], boolean[], IResponse]> = [
      ["1: iCR, iPR, iUPD, iUPD, iCPD", ["iCR", "iPR", "iUPD", "iUPD", "iCPD"], [false, false, true, true], "iCR"],
      ["2: iUPD, iSD, iCR, iUPD, iCPD", ["iUPD", "iSD", "iCR", "iUPD", "iCPD"], [false, false, false, true], "iCR"],
      ["3: iUPD, iPR, iSD, NE, iCPD", ["iUPD", "iPR", "iSD", "NE", "iCPD"], [], "iPR"],
      ["4: iUPD, NE, iPR, iSD, iCPD", ["iUPD", "NE", "iPR", "iSD", "iCPD"], [], "iPR"],
      ["5: iUPD, iSD, iSD, iCPD", ["iUPD", "iSD", "iSD", "iCPD"], [], "iSD"],
      ["6: iUPD, iCPD, any", ["iUPD", "iCPD", "iSD", "iPR"].slice(0, 2) as IResponse[], [true], "iCPD"],
      ["7: iUPD, iUPD (no iCPD), iCPD", ["iUPD", "iUPD", "iCPD"], [true, true], "iCPD"],
      ["8: iUPD, NE, NE, NE, NE", ["iUPD", "NE", "NE", "NE", "NE"], [], "iUPD"],
    ];
    for (const [name, responses, confirmed, expected] of examples) {
      it(`R9 example ${name} -> iBOR ${expected}`, () => assert.equal(ibor(responses, confirmed), expected));
    }
    it("R9 through the engine: example 7 (iUPD, iUPD, iCPD) gives iBOR iCPD and example 6 iCPD", () => {
      const base = "criteria iRECIST\nbaseline 2025-01-01 { T1 target liver 50 mm }\n";
      const e7 = run(base + series("2025-03-01", 35, ["60 mm", "62 mm", "66 mm"]));
      assert.deepEqual([e7.iResponses, e7.episode.iBestResponse], [["iUPD", "iUPD", "iCPD"], "iCPD"]);
      const e6 = run(base + series("2025-03-01", 35, ["60 mm", "66 mm"]));
      assert.deepEqual([e6.iResponses, e6.episode.iBestResponse], [["iUPD", "iCPD"], "iCPD"]);
    });
    it("R9 through the engine: example 3 (iUPD, iPR) gives iBOR iPR while RECIST BOR stops at the PD", () => {
      const r = run("criteria iRECIST\nbaseline 2025-01-01 { T1 target liver 50 mm }\n" + series("2025-03-01", 42, ["60 mm", "30 mm", "30 mm"]));
      assert.deepEqual(r.iResponses, ["iUPD", "iPR", "iPR"]);
      assert.deepEqual([r.episode.bestResponse, r.episode.iBestResponse], ["PD", "iPR"]);
    });
  });
});
