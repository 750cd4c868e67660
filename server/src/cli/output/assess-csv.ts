// `nadir assess --format csv`: the columns of the one time-point table (core/export/csv.ts) a
// quick look needs, under the same names as `nadir export --to csv`, and the response column of
// each criterion read side by side (P3). Empty cells are nulls.
import type { CohortFile } from "../../core/export/cohort";
import { criteriaWithColumns, timepointTable } from "../../core/export/csv";
import { tableToCsv } from "../../core/export/table";

export const ASSESS_CSV_COLUMNS = [
  "file", "patient", "criteria", "episode", "complete", "therapy", "date", "sum_mm", "nadir_mm", "change_from_baseline_pct",
  "change_from_nadir_pct", "target", "non_target", "new_lesions", "response", "i_response",
] as const;

export function assessCsv(files: CohortFile[]): string {
  const criteria = criteriaWithColumns(files).map((c) => `${c.csvPrefix}_response`);
  return tableToCsv(timepointTable(files, [...ASSESS_CSV_COLUMNS, ...criteria]));
}
