// A cohort is the analysed case files a research export or figure reads. Shared helpers turn the
// engine's exact integers (tenths of a mm) into the units research tables use.
import type { Analysis } from "../analyze";
import type { EpisodeAssessment, IResponse, OverallResponse, PatientAssessment } from "../engine/types";

export interface CohortFile {
  /** The file as the user named it (relative, `/`-separated). */
  path: string;
  analysis: Analysis;
}

export interface CohortEpisode {
  file: CohortFile;
  patient: PatientAssessment;
  episode: EpisodeAssessment;
  /** 1-based number of the episode within its patient (R15). */
  number: number;
}

/** Every assessed episode of the cohort, in file, patient and episode order. */
export function cohortEpisodes(files: CohortFile[]): CohortEpisode[] {
  const out: CohortEpisode[] = [];
  for (const file of files) {
    for (const patient of file.analysis.assessment.patients) {
      patient.episodes.forEach((episode, i) => out.push({ file, patient, episode, number: i + 1 }));
    }
  }
  return out;
}

/** The shared conversions (util/numbers), under the names the research outputs use. */
export { tenthsToMm as mm, roundPct as pct } from "../util/numbers";

/** "PT-0042" for a single-episode patient, "PT-0042 #2" for the second episode of several. */
export function episodeLabel(e: CohortEpisode): string {
  return e.patient.episodes.length > 1 ? `${e.patient.id} #${e.number}` : e.patient.id;
}

/** The RECIST 1.1 category an iRECIST response corresponds to (iUPD and iCPD both read as PD). */
export const RECIST_OF_I_RESPONSE: Record<IResponse, OverallResponse> = {
  iCR: "CR", iPR: "PR", iSD: "SD", "NON-iCR/NON-iUPD": "NON-CR/NON-PD", iUPD: "PD", iCPD: "PD", NE: "NE",
};

/** A RECIST category as is, an iRECIST one as its RECIST counterpart. */
export function recistCategory(category: string): string {
  return RECIST_OF_I_RESPONSE[category as IResponse] ?? category;
}
