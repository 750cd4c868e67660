// Issue 10 items 4 and 5 on every example and on the cases of the issues: one reading per fact
// (no scan carries two contradictory codes, test/helpers/contradictions.ts) and one source for the
// iUPD confirmation window and the scan it belongs to (test/helpers/windows.ts).
import * as fs from "fs";
import * as path from "path";
import { strict as assert } from "assert";
import { analyze } from "../../../server/src/core/analyze";
import { EXAMPLES_DIR, REPO_ROOT } from "../../helpers/paths";
import { checkWindows } from "../../helpers/windows";
import { checkNoContradictions, CONTRADICTORY } from "../../helpers/contradictions";
import { AllCodes } from "../../../server/src/core/codes";
import { TODAY, run, diagnosticsOf } from "./caseBuilder";

const files = [
  ...fs.readdirSync(EXAMPLES_DIR).filter((f) => f.endsWith(".nadir")).map((f) => path.join(EXAMPLES_DIR, f)),
  path.join(REPO_ROOT, "test", "fixtures", "irecist", "defects.nadir"),
];

describe("one reading per fact and one window per run (issue 10 items 4 and 5)", () => {
  it("the contradictory pairs name real codes", () => {
    for (const c of CONTRADICTORY) assert.ok(AllCodes.includes(c.a as never) && AllCodes.includes(c.b as never), `${c.a} / ${c.b}`);
  });
  for (const file of files) {
    it(`${path.relative(REPO_ROOT, file)}: no scan carries contradictory codes; window, diagnostics, table, hover, lens and quick fix agree`, () => {
      const analysis = analyze(fs.readFileSync(file, "utf8"), { today: TODAY });
      checkNoContradictions(analysis, file);
      checkWindows(analysis, file);
    });
  }
  it("R10 the window belongs to the first iUPD of the run, in every place, also after an early scan of the run", () => {
    const r = run(`criteria iRECIST\nas of 2025-04-20\nbaseline 2025-01-01 { T1 target liver 50 mm }\nscan 2025-03-12 { T1 60 mm }\nscan 2025-03-26 { T1 64 mm }`);
    assert.deepEqual(r.episode.pendingConfirmation, { iupdDate: "2025-03-12", from: "2025-04-09", to: "2025-05-07" });
    assert.deepEqual(diagnosticsOf(r, "confirmation-due")[0].data, { iupdDate: "2025-03-12", windowFrom: "2025-04-09", windowTo: "2025-05-07" });
    checkWindows(r.analysis, "early");
  });
  it("R11 one ctDNA reading per progression: the cohort's iUPDs that got both readings get one", () => {
    const analysis = analyze(fs.readFileSync(path.join(EXAMPLES_DIR, "cohort.nadir"), "utf8"), { today: TODAY });
    const lines = (code: string) => analysis.assessment.diagnostics.filter((d) => d.code === code).map((d) => analysis.text.slice(0, d.start).split("\n").length);
    for (const line of [161, 452, 709, 752]) {
      const codes = analysis.assessment.diagnostics.filter((d) => d.code.startsWith("ctdna-") && analysis.text.slice(0, d.start).split("\n").length === line).map((d) => d.code);
      assert.equal(codes.length, 1, `line ${line}: ${codes.join(", ")}`);
    }
    assert.ok(lines("ctdna-inconclusive").length >= 4);
  });
});
