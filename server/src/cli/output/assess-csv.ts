// `nadir assess --format csv`: one row per time point, for R or pandas. Empty cells are nulls.
import type { Analysis } from "../../core/analyze";
import { tableToCsv, Table } from "../../core/export/table";
import { round1 } from "../../core/util/numbers";

export const ASSESS_CSV_COLUMNS = [
  "file", "patient", "criteria", "episode", "therapy", "date", "sum_mm", "nadir_mm", "change_baseline_pct", "change_nadir_pct",
  "target", "non_target", "new_lesions", "response", "i_response",
];

const mm = (t: number | null) => (t === null ? null : round1(t / 10));
const pct = (p: number | null) => (p === null ? null : round1(p));

export function assessCsv(files: Array<{ path: string; analysis: Analysis }>): string {
  const rows: Table["rows"] = [];
  for (const { path, analysis } of files) {
    for (const patient of analysis.assessment.patients) {
      patient.episodes.forEach((episode, e) => {
        for (const tp of episode.timepoints) {
          rows.push([
            path, patient.id, patient.criteria, e + 1, episode.therapy, tp.date, mm(tp.sum), mm(tp.nadir),
            pct(tp.changeFromBaselinePct), pct(tp.changeFromNadirPct), tp.target, tp.nonTarget, tp.newLesions, tp.response, tp.iResponse ?? null,
          ]);
        }
      });
    }
  }
  return tableToCsv({ name: "assessment", columns: ASSESS_CSV_COLUMNS, rows });
}
