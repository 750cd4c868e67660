import * as assert from "assert";
import { parse } from "csv-parse/sync";
import { timepointTable, TIMEPOINT_COLUMNS } from "../../../server/src/core/export/csv";
import { tableToCsv } from "../../../server/src/core/export/table";
import { mixedCohort } from "./handAssessed";

describe("export: csv, one row per time point", () => {
  const rows = () => parse(tableToCsv(timepointTable(mixedCohort())), { columns: true }) as Array<Record<string, string>>;

  it("has a header with every column and one row per follow-up time point (R15 episodes)", () => {
    const text = tableToCsv(timepointTable(mixedCohort()));
    assert.strictEqual(text.split("\n")[0], TIMEPOINT_COLUMNS.join(","));
    assert.deepStrictEqual(rows().map((r) => `${r.patient}#${r.episode} ${r.date}`), [
      "PT-0042#1 2025-03-01", "PT-0042#1 2025-04-26", "CRC 7#1 2024-07-17", "CRC 7#1 2024-09-11",
    ]);
  });

  it("writes sums in mm, changes in % and days from the therapy start (R2, R3)", () => {
    const first = rows()[0];
    assert.deepStrictEqual(
      [first.file, first.criteria, first.therapy, first.therapy_start, first.baseline_sum_mm, first.sum_mm, first.change_from_baseline_pct, first.days_from_start],
      ["cases/PT-0042.nadir", "iRECIST", "pembrolizumab", "2025-01-06", "77", "44", "-42.9", "54"],
    );
    assert.deepStrictEqual([first.response, first.i_response, first.best_response, first.i_best_response], ["PR", "iPR", "PR", "iPR"]);
  });

  it("leaves cells empty where a value cannot be computed (R4 not evaluated)", () => {
    const notEvaluated = rows()[3];
    assert.deepStrictEqual([notEvaluated.sum_mm, notEvaluated.change_from_baseline_pct, notEvaluated.target, notEvaluated.i_response], ["", "", "NE", ""]);
  });

  it("quotes cells that hold commas or quotes", () => {
    const text = tableToCsv({ name: "t", columns: ["a", "b"], rows: [['say "hi", then go', 1]] });
    assert.strictEqual(text, 'a,b\n"say ""hi"", then go",1\n');
  });

  it("marks each row complete or not from the engine's flags, never recomputed", () => {
    const cohort = mixedCohort();
    cohort[1].analysis.assessment.patients[0].episodes[0].complete = false;
    const marked = parse(tableToCsv(timepointTable(cohort)), { columns: true }) as Array<Record<string, string>>;
    assert.deepStrictEqual(marked.map((r) => `${r.patient} ${r.complete}`), ["PT-0042 true", "PT-0042 true", "CRC 7 false", "CRC 7 false"]);
  });

  it("gives both progression dates: RECIST 1.1's is the engine's when it gives one, else the RECIST 1.1 episode's own (R7)", () => {
    const cohort = mixedCohort();
    const at = () => (parse(tableToCsv(timepointTable(cohort)), { columns: true }) as Array<Record<string, string>>).map((r) => `${r.patient} ${r.progression_date}|${r.recist_progression_date}`);
    assert.deepStrictEqual(at(), ["PT-0042 2025-04-26|", "PT-0042 2025-04-26|", "CRC 7 2024-09-11|2024-09-11", "CRC 7 2024-09-11|2024-09-11"]);
    Object.assign(cohort[0].analysis.assessment.patients[0].episodes[0], { recistProgressionDate: "2025-04-26" });
    assert.deepStrictEqual(at().slice(0, 2), ["PT-0042 2025-04-26|2025-04-26", "PT-0042 2025-04-26|2025-04-26"]);
  });

  it("makes a table of any subset of its columns, in the order asked, and refuses an unknown one", () => {
    const table = timepointTable(mixedCohort(), ["date", "patient", "complete"]);
    assert.deepStrictEqual(table.columns, ["date", "patient", "complete"]);
    assert.deepStrictEqual(table.rows[0], ["2025-03-01", "PT-0042", "true"]);
    assert.throws(() => timepointTable(mixedCohort(), ["change_baseline_pct"]), /no time-point column 'change_baseline_pct'/);
  });
});
