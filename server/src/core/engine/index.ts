// Entry point of the response-assessment engine (R1-R16). Pure: model in, plain data out.
// A stage that throws is contained (issue 10, item 7): an `internal-error` names it, on the
// patient's id or the episode's baseline date, and everything else is still assessed. A patient or
// episode whose assessment failed gets no fabricated results (no time points, no best response)
// and is reported incomplete by core/completeness.ts, since the diagnostic lies in its block.
import type { CaseModel, Day, Episode, Patient } from "../model/types";
import type { Settings } from "../settings";
import type { CaseAssessment, EpisodeAssessment, PatientAssessment } from "./types";
import type { CoreDiagnostic } from "../diagnostics";
import { internalErrorDiagnostic } from "../diagnostics";
import { effectiveSettings } from "./effectiveSettings";
import { assessEpisode, EpisodeWork } from "./episode";
import { clinicalDiagnostics } from "./clinical";
import { dayText } from "./format";
import { assessBiomarkers, BiomarkerReading } from "./biomarkers";
import { classifyResistance } from "./resistance/classify";
import { resistanceDiagnostics } from "./resistance/diagnostics";
import { diagnostic } from "./clinical";
import { criteriaList, criterion } from "../criteria/registry";
import type { CriteriaId } from "../criteria/types";

export interface AssessOptions {
  /** "Today" for due/overdue when neither the file nor the settings give an as-of date. */
  today: Day;
}

export function assessCase(model: CaseModel, settings: Settings, options: AssessOptions): CaseAssessment {
  const patients: PatientAssessment[] = [];
  const diagnostics: CoreDiagnostic[] = [];
  for (const patient of model.patients) {
    const own: CoreDiagnostic[] = [];
    try {
      patients.push(assessPatient(patient, settings, options, own));
      diagnostics.push(...own);
    } catch (error) {
      // Nothing of this patient's assessment is kept: not its episodes, not its clinical findings.
      diagnostics.push(internalErrorDiagnostic("the response assessment of this patient", patient.idSpan, error));
      const criteria = patient.settings.criteria ?? criteriaList(settings.criteria);
      patients.push({ patient, id: patient.id, criteria: criteria[0], criteriaRead: criteria, episodes: [], complete: false, incompleteBecause: [] });
    }
  }
  diagnostics.sort((a, b) => a.start - b.start || a.end - b.end);
  // Completeness is marked by analyze() once every diagnostic of the file is known.
  return { patients, diagnostics, errorsOutsidePatients: [] };
}

function assessPatient(patient: Patient, settings: Settings, options: AssessOptions, diagnostics: CoreDiagnostic[]): PatientAssessment {
  const eff = effectiveSettings(patient, settings, options.today);
  // R31-R34: the biopsies' findings; their failure costs only them (and the targeted options of R35).
  let biomarkers: BiomarkerReading | null = null;
  try {
    biomarkers = assessBiomarkers(patient, eff.settings);
    for (const f of biomarkers.findings) diagnostics.push(diagnostic(f.code, f.message, f.span));
  } catch (error) {
    diagnostics.push(internalErrorDiagnostic("the biopsy findings of this patient (R31-R34)", patient.idSpan, error));
  }
  const episodes = patient.episodes.filter((e) => e.baseline !== null);
  const works: Array<EpisodeWork | null> = episodes.map((episode, i) => {
    try {
      return assessEpisode(patient, episode, eff);
    } catch (error) {
      diagnostics.push(internalErrorDiagnostic(`the response assessment of episode ${i + 1}`, episodeSpan(patient, episode), error));
      return null;
    }
  });
  works.forEach((work, i) => {
    if (!work) return;
    try {
      // R17-R24 and R35's options; a failure leaves this line without a resistance result.
      const resistance = classifyResistance({ patient, work, eff, targeted: biomarkers?.targeted ?? [] });
      work.assessment.resistance = resistance;
      if (work.assessment.episode.therapy) diagnostics.push(...resistanceDiagnostics(resistance, work.assessment.episode.therapy));
    } catch (error) {
      diagnostics.push(internalErrorDiagnostic(`the resistance classification of episode ${i + 1}`, episodeSpan(patient, episodes[i]), error));
    }
    try {
      diagnostics.push(...clinicalDiagnostics(work, eff, i === works.length - 1));
    } catch (error) {
      diagnostics.push(internalErrorDiagnostic(`the clinical diagnostics of episode ${i + 1} (progression, confirmation, follow-up, ctDNA, hyperprogression)`, episodeSpan(patient, episodes[i]), error));
    }
  });
  return {
    patient,
    id: patient.id,
    criteria: eff.criteria[0],
    criteriaRead: eff.criteria,
    episodes: works.map((work, i) => work?.assessment ?? unassessed(episodes[i], eff.criteria)),
    ...(biomarkers ? { biomarkers: biomarkers.entries } : {}),
    complete: true,
    incompleteBecause: [],
  };
}

/** Where an episode's internal error is reported: its baseline's date (so completeness marks that episode). */
function episodeSpan(patient: Patient, episode: Episode): { start: number; end: number } {
  return episode.baseline?.node.header.date ?? patient.idSpan;
}

/** An episode whose assessment failed: what it is, and no result at all. */
function unassessed(episode: Episode, criteria: readonly CriteriaId[]): EpisodeAssessment {
  const assessment: EpisodeAssessment = {
    episode,
    therapy: episode.therapy?.name ?? null,
    start: episode.start === null ? null : dayText(episode.start),
    baseline: episode.baseline ? { date: episode.baseline.date, sum: null } : null,
    timepoints: [],
    bestResponse: null,
    progressionDate: null,
    pendingConfirmation: null,
    nextDue: null,
    hyperprogression: [],
    ctdna: null,
    explanation: [{ rule: "", text: "The assessment of this episode failed (internal-error): no result is shown." }],
    complete: false,
    incompleteBecause: [],
  };
  for (const id of criteria) criterion(id).decorate?.(null, assessment);
  return assessment;
}
