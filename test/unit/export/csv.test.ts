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
});
