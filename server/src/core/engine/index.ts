// Entry point of the response-assessment engine (R1-R16). Pure: model in, plain data out.
import type { CaseModel, Day } from "../model/types";
import type { Settings } from "../settings";
import type { CaseAssessment, PatientAssessment } from "./types";
import type { CoreDiagnostic } from "../diagnostics";
import { effectiveSettings } from "./effectiveSettings";
import { assessEpisode } from "./episode";
import { clinicalDiagnostics } from "./clinical";

export interface AssessOptions {
  /** "Today" for due/overdue when neither the file nor the settings give an as-of date. */
  today: Day;
}

export function assessCase(model: CaseModel, settings: Settings, options: AssessOptions): CaseAssessment {
  const patients: PatientAssessment[] = [];
  const diagnostics: CoreDiagnostic[] = [];
  for (const patient of model.patients) {
    const eff = effectiveSettings(patient, settings, options.today);
    const episodes = patient.episodes.filter((e) => e.baseline !== null);
    const works = episodes.map((episode) => assessEpisode(patient, episode, eff));
    works.forEach((work, i) => diagnostics.push(...clinicalDiagnostics(work, eff, i === works.length - 1)));
    patients.push({ patient, id: patient.id, criteria: eff.criteria, episodes: works.map((w) => w.assessment), complete: true, incompleteBecause: [] });
  }
  diagnostics.sort((a, b) => a.start - b.start || a.end - b.end);
  // Completeness is marked by analyze() once every diagnostic of the file is known.
  return { patients, diagnostics, errorsOutsidePatients: [] };
}
