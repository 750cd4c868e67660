// Reading one criterion's results from a test run (test/unit/engine/caseBuilder.ts): the episode's
// reading under a criterion, its time points as "label/confirmation", and its burdens.
import type { Run } from "../engine/caseBuilder";
import type { CriteriaId, EpisodeReading, TimepointReading } from "../../../server/src/core/criteria/types";

export function readingOf(r: Run, id: CriteriaId): EpisodeReading {
  const reading = r.episode.readings?.[id];
  if (!reading) throw new Error(`no ${id} reading (criteria read: ${r.patient.criteriaRead.join(" ")})`);
  return reading;
}

/** "irPR/pending", "irSD", "NE" for each time point. */
export function states(r: Run, id: CriteriaId): string[] {
  return readingOf(r, id).timepoints.map((tp) => `${tp.response}${tp.confirmation ? `/${tp.confirmation}` : ""}`);
}

export function tps(r: Run, id: CriteriaId): TimepointReading[] {
  return readingOf(r, id).timepoints;
}

/** Burdens in the criterion's integer unit (tenths of a mm, hundredths of a mm²). */
export function burdens(r: Run, id: CriteriaId): Array<number | null> {
  return tps(r, id).map((tp) => tp.burden);
}
