// What the response-assessment engine returns: plain data, no LSP or VS Code types. The JSON of
// `nadir assess --format json` (spec, "What the tools report") is derived from these by
// engine/json.ts; the language service reads them for hovers, inlay hints and code lenses.
import type { Assessment, Day, Episode, Patient, Tenths } from "../model/types";
import type { CoreDiagnostic } from "../diagnostics";
import type { CriteriaId, EpisodeReading } from "../criteria/types";

export type TargetCategory = "CR" | "PR" | "SD" | "PD" | "NE";
export type NonTargetCategory = "CR" | "NON-CR/NON-PD" | "PD" | "NE";
/** NE when a new lesion's value, or a line that may be one, cannot be read at the TP (issue 10). */
export type NewLesionsCategory = "yes" | "no" | "equivocal" | "NE";
export type OverallResponse = "CR" | "PR" | "SD" | "NON-CR/NON-PD" | "PD" | "NE";
export type IResponse = "iCR" | "iPR" | "iSD" | "NON-iCR/NON-iUPD" | "iUPD" | "iCPD" | "NE";

/** One step of the reasoning behind a result: which rule, and the numbers it compared. */
export interface Explanation {
  /** Rule id of response-rules.md (R1..R16), optionally with the table row, e.g. "R7 table 1". */
  rule: string;
  text: string;
}

/** One addend of the target sum (R2), for "sum = a + b + c". */
export interface SumTerm {
  lesionId: string;
  /** null when not evaluated. */
  tenths: Tenths | null;
  /** How the value was written: "length", "too small", "absent", "split", "merged", "not evaluated", "unreadable". */
  source: string;
}

export interface TimepointAssessment {
  scan: Assessment;
  date: string;
  day: Day;
  /** Target sum of diameters, null when it cannot be computed (a target not evaluated). */
  sum: Tenths | null;
  terms: SumTerm[];
  /** The reference the TP is judged against: the smallest earlier sum of the episode (R3). */
  nadir: Tenths | null;
  nadirDate: string | null;
  changeFromBaselinePct: number | null;
  changeFromNadirPct: number | null;
  changeFromNadirTenths: Tenths | null;
  target: TargetCategory | null;
  nonTarget: NonTargetCategory | null;
  newLesions: NewLesionsCategory;
  /** iRECIST: sum of new-lesion targets (NLT SOM, R10); null when none. */
  newLesionTargetSum: Tenths | null;
  /**
   * RECIST 1.1 overall response (R7). Once the episode has a PD TP, every later TP is PD
   * ("RECIST 1.1 after progression": progression is an event); the categories above stay this
   * TP's own.
   */
  response: OverallResponse;
  iResponse?: IResponse;
  /** Sums at which this TP would have been PR (<= 0.7 x baseline) and PD (>= 1.2 x nadir and +5 mm). */
  prThreshold: Tenths | null;
  pdThreshold: Tenths | null;
  explanation: Explanation[];
}

export interface HyperprogressionResult {
  definition: "champiat" | "saada-bouzid" | "ferrara" | "matos" | "kato";
  /** false when the data needed are missing (e.g. no pre-treatment scan). */
  computable: boolean;
  met: boolean;
  /** The numbers, already worded: "TGR_exp / TGR_ref = 3.1 (>= 2)". */
  detail: string;
}

export interface CtdnaReading {
  /** R11 profile against the episode's baseline sample ("unknown" when it cannot be computed). */
  profile: "favourable" | "unfavourable" | "unknown";
  /** Trend of the two latest samples at or before a date of interest. */
  trend: "rising" | "falling" | "stable" | "unknown";
  /**
   * The one R11 reading (amended precedence): the profile when computable, an unfavourable
   * profile with a falling level is inconclusive, else the trend; null when nothing compares.
   */
  reading: "progression" | "pseudoprogression" | "inconclusive" | null;
  detail: string;
}

export interface ConfirmationWindow {
  /** The first iUPD of the run awaiting confirmation: every day count below is from this date. */
  iupdDate: string;
  /** Confirmation scan due between these dates (+28 and +56 days after the first iUPD, R10 / R13). */
  from: string;
  to: string;
}

export interface EpisodeAssessment {
  episode: Episode;
  therapy: string | null;
  start: string | null;
  baseline: { date: string; sum: Tenths | null } | null;
  timepoints: TimepointAssessment[];
  bestResponse: OverallResponse | null;
  iBestResponse?: IResponse | null;
  /** Date of progression under the patient's criteria (iRECIST: first iUPD of the confirmed run, R10). */
  progressionDate: string | null;
  /**
   * The RECIST 1.1 date of progression: the first PD TP of the episode (R7), moved back to an
   * equivocal new lesion's first appearance (R6); null without PD. Set by the engine for every
   * episode (equal to `progressionDate` under RECIST 1.1); reported in JSON under iRECIST.
   */
  recistProgressionDate?: string | null;
  /**
   * The iUPD run still awaiting its confirmation scan (no counted scan after its first iUPD yet),
   * with the window counted from the run's first iUPD (R10, R13); null otherwise.
   */
  pendingConfirmation: ConfirmationWindow | null;
  /** Next scheduled assessment (R13), when a schedule is known. */
  nextDue: string | null;
  hyperprogression: HyperprogressionResult[];
  ctdna: CtdnaReading | null;
  explanation: Explanation[];
  /**
   * The episode under each criterion the patient reads (P3, P5), and always under RECIST 1.1:
   * burdens, responses, confirmation states, best response and progression date (criteria/*.ts).
   * The JSON shows those of the criteria read when a patient reads more than RECIST 1.1 or
   * iRECIST alone (engine/json.ts).
   */
  readings?: Partial<Record<CriteriaId, EpisodeReading>>;
  /** False when an error touches this episode's data (core/completeness.ts); its results are partial. */
  complete: boolean;
  /** The error diagnostics that make it incomplete (empty when complete). */
  incompleteBecause: CoreDiagnostic[];
}

export interface PatientAssessment {
  patient: Patient;
  id: string;
  /** The primary criteria (P3): the first the patient names. */
  criteria: CriteriaId;
  /** Every criterion the patient reads, the primary first (P3, Decision 14). */
  criteriaRead: CriteriaId[];
  episodes: EpisodeAssessment[];
  /** False when an error lies inside this patient's block (core/completeness.ts). */
  complete: boolean;
  incompleteBecause: CoreDiagnostic[];
}

export interface CaseAssessment {
  patients: PatientAssessment[];
  /** Clinical diagnostics (progression, confirmation, follow-up, ...). */
  diagnostics: CoreDiagnostic[];
  /** Errors outside every patient block: a patient may be missing from `patients` (file incomplete). */
  errorsOutsidePatients: CoreDiagnostic[];
}
