// `nadir export --to csv`: one row per assessed time point, the numbers of the JSON report
// (spec, "What the tools report") flattened for spreadsheets and R / pandas.
import type { Table } from "./table";
import { CohortFile, cohortEpisodes, mm, pct } from "./cohort";

export const TIMEPOINT_COLUMNS = [
  "file", "patient", "criteria", "episode", "therapy", "therapy_start", "baseline_date", "baseline_sum_mm",
  "date", "days_from_start", "sum_mm", "nadir_mm", "nadir_date", "change_from_baseline_pct", "change_from_nadir_pct",
  "change_from_nadir_mm", "target", "non_target", "new_lesions", "new_lesion_target_sum_mm", "response", "i_response",
  "best_response", "i_best_response", "progression_date",
];

export function timepointTable(files: CohortFile[]): Table {
  const rows: Table["rows"] = [];
  for (const e of cohortEpisodes(files)) {
    const { episode, patient } = e;
    const start = episode.episode.start;
    for (const tp of episode.timepoints) {
      rows.push([
        e.file.path, patient.id, patient.criteria, e.number, episode.therapy, episode.start,
        episode.baseline?.date ?? null, mm(episode.baseline?.sum),
        tp.date, start === null ? null : tp.day - start, mm(tp.sum), mm(tp.nadir), tp.nadirDate,
        pct(tp.changeFromBaselinePct), pct(tp.changeFromNadirPct), mm(tp.changeFromNadirTenths),
        tp.target, tp.nonTarget, tp.newLesions, mm(tp.newLesionTargetSum), tp.response, tp.iResponse ?? null,
        episode.bestResponse, episode.iBestResponse ?? null, episode.progressionDate,
      ]);
    }
  }
  return { name: "timepoints", columns: TIMEPOINT_COLUMNS, rows };
}
