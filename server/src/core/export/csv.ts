// The one time-point table behind every CSV (`nadir export --to csv`, and `nadir assess --format
// csv` as a subset of its columns): one row per assessed time point, the numbers of the JSON
// report (spec, "What the tools report") flattened for spreadsheets and R / pandas. `complete`
// says whether the row's episode rests on data no error touches (core/completeness.ts).
// Criteria read side by side (P3) add one column group each, named by the criterion's CSV prefix
// (core/criteria: `irrc_burden_mm2`, `imrecist_response` ...), when some patient of the table
// reads them; RECIST 1.1's and iRECIST's columns are the table's own.
import type { Cell, Table } from "./table";
import { CohortEpisode, CohortFile, cohortEpisodes, mm, pct } from "./cohort";
import type { TimepointAssessment } from "../engine/types";
import type { Criterion, TimepointReading } from "../criteria/types";
import { CRITERIA, DEFAULT_CRITERIA } from "../criteria/registry";
import { burdenValue } from "../engine/json";

type Fill = (e: CohortEpisode, tp: TimepointAssessment, index: number) => Cell;

/** Each column with how a row fills it; the order here is the order of the table. */
const COLUMNS: Array<[string, Fill]> = [
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

/** The columns every time-point table has (a cohort that reads only RECIST 1.1 and iRECIST has these alone). */
export const TIMEPOINT_COLUMNS = COLUMNS.map(([name]) => name);

/** The column group of a criterion read side by side (P3, P5): its burden, nadir, changes, response, confirmation, best response and date of progression. */
export function criterionColumns(c: Criterion): Array<[string, Fill]> {
  const p = c.csvPrefix;
  if (p === null) return [];
  const reading = (e: CohortEpisode, index: number): TimepointReading | null => (e.patient.criteriaRead.includes(c.id) ? e.episode.readings?.[c.id]?.timepoints[index] ?? null : null);
  const episode = (e: CohortEpisode) => (e.patient.criteriaRead.includes(c.id) ? e.episode.readings?.[c.id] ?? null : null);
  return [
    [`${p}_burden_${c.unit}`, (e, _, i) => burdenValue(reading(e, i)?.burden ?? null, c.unit)],
    [`${p}_nadir_${c.unit}`, (e, _, i) => burdenValue(reading(e, i)?.nadir ?? null, c.unit)],
    [`${p}_change_from_baseline_pct`, (e, _, i) => pct(reading(e, i)?.changeFromBaselinePct)],
    [`${p}_change_from_nadir_pct`, (e, _, i) => pct(reading(e, i)?.changeFromNadirPct)],
    [`${p}_response`, (e, _, i) => reading(e, i)?.response ?? null],
    [`${p}_confirmation`, (e, _, i) => reading(e, i)?.confirmation ?? null],
    [`${p}_best_response`, (e) => episode(e)?.bestResponse ?? null],
    [`${p}_progression_date`, (e) => episode(e)?.progressionDate ?? null],
  ];
}

const ALL_COLUMNS: Array<[string, Fill]> = [...COLUMNS, ...CRITERIA.flatMap(criterionColumns)];

/** The criteria with a column group that some patient of the files reads, in the registry's order. */
export function criteriaWithColumns(files: CohortFile[]): Criterion[] {
  const read = new Set(cohortEpisodes(files).flatMap((e) => e.patient.criteriaRead));
  return CRITERIA.filter((c) => c.csvPrefix !== null && read.has(c.id));
}

/** Every column of the table of these files: the table's own, then a group per criterion read side by side. */
export function timepointColumns(files: CohortFile[]): string[] {
  return [...TIMEPOINT_COLUMNS, ...criteriaWithColumns(files).flatMap((c) => criterionColumns(c).map(([name]) => name))];
}

/** The table with every column, or with `columns` only (each must be a column of the table). */
export function timepointTable(files: CohortFile[], columns: readonly string[] = timepointColumns(files)): Table {
  const chosen = columns.map((name) => {
    const column = ALL_COLUMNS.find(([n]) => n === name);
    if (!column) throw new Error(`no time-point column '${name}'`);
    return column[1];
  });
  const rows: Table["rows"] = [];
  for (const e of cohortEpisodes(files)) {
    e.episode.timepoints.forEach((tp, index) => rows.push(chosen.map((cell) => cell(e, tp, index))));
  }
  return { name: "timepoints", columns: [...columns], rows };
}

/**
 * The RECIST 1.1 date of progression: the engine's own when it gives one (the engine sets it for
 * every episode), else the progression date of a RECIST 1.1 episode, which is that date.
 */
function recistProgressionDate(e: CohortEpisode): string | null {
  const own = (e.episode as { recistProgressionDate?: string | null }).recistProgressionDate;
  if (own !== undefined) return own;
  return e.patient.criteria === DEFAULT_CRITERIA ? e.episode.progressionDate : null;
}
