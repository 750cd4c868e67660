// The one time-point table behind every CSV (`nadir export --to csv`, and `nadir assess --format
// csv` as a subset of its columns): one row per assessed time point, the numbers of the JSON
// report (spec, "What the tools report") flattened for spreadsheets and R / pandas. `complete`
// says whether the row's episode rests on data no error touches (core/completeness.ts).
import type { Cell, Table } from "./table";
import { CohortEpisode, CohortFile, cohortEpisodes, mm, pct } from "./cohort";
import type { TimepointAssessment } from "../engine/types";

/** Each column with how a row fills it; the order here is the order of the table. */
const COLUMNS: Array<[string, (e: CohortEpisode, tp: TimepointAssessment) => Cell]> = [
  ["file", (e) => e.file.path],
  ["patient", (e) => e.patient.id],
  ["criteria", (e) => e.patient.criteria],
  ["episode", (e) => e.number],
  ["complete", (e) => String(e.episode.complete)],
  ["therapy", (e) => e.episode.therapy],
  ["therapy_start", (e) => e.episode.start],
  ["baseline_date", (e) => e.episode.baseline?.date ?? null],
  ["baseline_sum_mm", (e) => mm(e.episode.baseline?.sum)],
  ["date", (_, tp) => tp.date],
  ["days_from_start", (e, tp) => (e.episode.episode.start === null ? null : tp.day - e.episode.episode.start)],
  ["sum_mm", (_, tp) => mm(tp.sum)],
  ["nadir_mm", (_, tp) => mm(tp.nadir)],
  ["nadir_date", (_, tp) => tp.nadirDate],
  ["change_from_baseline_pct", (_, tp) => pct(tp.changeFromBaselinePct)],
  ["change_from_nadir_pct", (_, tp) => pct(tp.changeFromNadirPct)],
  ["change_from_nadir_mm", (_, tp) => mm(tp.changeFromNadirTenths)],
  ["target", (_, tp) => tp.target],
  ["non_target", (_, tp) => tp.nonTarget],
  ["new_lesions", (_, tp) => tp.newLesions],
  ["new_lesion_target_sum_mm", (_, tp) => mm(tp.newLesionTargetSum)],
  ["response", (_, tp) => tp.response],
  ["i_response", (_, tp) => tp.iResponse ?? null],
  ["best_response", (e) => e.episode.bestResponse],
  ["i_best_response", (e) => e.episode.iBestResponse ?? null],
  ["progression_date", (e) => e.episode.progressionDate],
  ["recist_progression_date", (e) => recistProgressionDate(e)],
  // R17-R24: the episode's resistance class (P5 code: primary, secondary, ..., not-applicable); empty when its assessment failed.
  ["resistance", (e) => e.episode.resistance?.class ?? null],
];

export const TIMEPOINT_COLUMNS = COLUMNS.map(([name]) => name);

/** The table with every column, or with `columns` only (each must be one of TIMEPOINT_COLUMNS). */
export function timepointTable(files: CohortFile[], columns: readonly string[] = TIMEPOINT_COLUMNS): Table {
  const chosen = columns.map((name) => {
    const column = COLUMNS.find(([n]) => n === name);
    if (!column) throw new Error(`no time-point column '${name}'`);
    return column[1];
  });
  const rows: Table["rows"] = [];
  for (const e of cohortEpisodes(files)) {
    for (const tp of e.episode.timepoints) rows.push(chosen.map((cell) => cell(e, tp)));
  }
  return { name: "timepoints", columns: [...columns], rows };
}

/**
 * The RECIST 1.1 date of progression: the engine's own when it gives one (iRECIST episodes carry
 * it, spec), else the progression date of a RECIST 1.1 episode, which is that date.
 */
function recistProgressionDate(e: CohortEpisode): string | null {
  const own = (e.episode as { recistProgressionDate?: string | null }).recistProgressionDate;
  if (own !== undefined) return own;
  return e.patient.criteria === "RECIST1.1" ? e.episode.progressionDate : null;
}
