// What the response-assessment engine returns: plain data, no LSP or VS Code types. The JSON of
// `nadir assess --format json` (spec, "What the tools report") is derived from these by
// engine/json.ts; the language service reads them for hovers, inlay hints and code lenses.
import type { Assessment, Day, Episode, Patient, Tenths, Criteria, StopReason } from "../model/types";
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
  /**
   * The resistance classification of this line (R17-R24); absent only when the episode's
   * assessment failed (internal-error).
   */
  resistance?: ResistanceResult;
  /** False when an error touches this episode's data (core/completeness.ts); its results are partial. */
  complete: boolean;
  /** The error diagnostics that make it incomplete (empty when complete). */
  incompleteBecause: CoreDiagnostic[];
}

/** The class codes of R24 (P5). */
export type ResistanceClass =
  | "primary" | "secondary" | "secondary-or-late" | "after-discontinuation" | "none" | "pending" | "unclassifiable" | "not-applicable";

export type ResistanceDefinition = "SITC 2020 single agent" | "SITC 2023 ICI+chemotherapy";

/** One option of R35's "options to discuss", with the fact of the file that brought it up. */
export interface DiscussionOption {
  kind: "chemotherapy" | "targeted" | "rechallenge" | "local" | "trial";
  /** The option class in words: "next-line chemotherapy". */
  option: string;
  /** The fact of the case file that brought it up, with its place: "BRAF V600E, biopsy 2025-05-20 liver, tier I". */
  because: string;
  /** The guideline or approval it comes from. */
  source: string;
}

/** R17-R24: the resistance classification of one line of therapy, with every number (P5, Decision 16). */
export interface ResistanceResult {
  class: ResistanceClass;
  /** The result in words: "primary resistance", "unclassifiable: progression not confirmed". */
  text: string;
  /** Why: the reason of an unclassifiable, none, pending or not-applicable result; the deciding facts of a class. */
  reason: string;
  /** Days from the therapy start to the earlier of the last dose and the progression (R18); null only without a PD. */
  exposureDays: number | null;
  /** Days of disease control up to the progression (R18); null only without a PD. */
  controlDays: number | null;
  /** Days from the last dose to the progression; null when the progression is on treatment (or without a PD). */
  daysSinceLastDose: number | null;
  /** Best response up to and including the progression under the reading (prefix dropped, Decision 9). */
  bestResponse: OverallResponse | null;
  progressionDate: string | null;
  /** The confirming scan's date, "clinical" (R19 exception), or null. */
  confirmedBy: string | null;
  /** The criteria whose progression was read (R17, setting `resistanceReading`). */
  reading: Criteria;
  definition: ResistanceDefinition | null;
  /** While pending: the window of the confirmation scan (R19). */
  confirmationDue: { from: string; to: string } | null;
  stopReason: StopReason | null;
  /** Every step, with its rule id, for hovers and --explain. */
  explanation: Explanation[];
  /** ICI + ICI and ICI + targeted (R23): the single-agent reading, shown for information only. */
  singleAgentForInformation: ResistanceResult | null;
  /** A progression of this line was confirmed (by a scan, clinically, or needing none, R23): R35's options apply. */
  confirmedProgression: boolean;
  /** The scan of the progression (the first PD of the classified run), for diagnostics and oligoprogression. */
  progressionScan: Assessment | null;
  /** A first confirmation scan after the window, counted (`resistanceLateConfirmation` accept). */
  lateConfirmationScan: Assessment | null;
  /** R35: the options the file brings up at a confirmed progression (empty otherwise). */
  options: DiscussionOption[];
  /** R35: the options not brought up, with why ("re-challenge: primary resistance"), for the hover. */
  notBroughtUp: string[];
}

/** P5: one biomarker of one biopsy (R31-R34). */
export interface BiomarkerEntry {
  date: string;
  organ: string;
  kind: "pd-l1-tps" | "pd-l1-cps" | "tmb" | "msi" | "mmr" | "variant";
  /** The number (TPS %, CPS, mut/Mb) or the word (`high`, `deficient`, `BRAF V600E`). */
  value: number | string;
  /** "< 1 %", "1-49 %", ">= 50 %"; "TMB-high"; "MSI-H"; "dMMR"; for variants the tier as reported ("tier I"); null when none. */
  category: string | null;
  /** Against the previous biopsy with the same kind (R32, R33); null for the first one and for variants. */
  change: "higher" | "lower" | "same" | "not-comparable" | null;
  assay: string | null;
  /** Variants: the tier as reported ("I", "escat I-A"); null otherwise or when not reported. */
  tier: string | null;
  /** Variants: the allele fraction in percent, when given. */
  vaf?: number | null;
  /** The previous biopsy compared with (R32), with its value and category, for messages and hovers. */
  previous?: { date: string; organ: string; value: number | string; category: string | null; assay: string | null } | null;
  /** Notes for the hover: heterogeneity between organs, assay not recorded. */
  notes: string[];
  /** The line it was read from. */
  span: { start: number; end: number };
}

export interface PatientAssessment {
  patient: Patient;
  id: string;
  /** The primary criteria (P3): the first the patient names. */
  criteria: CriteriaId;
  /** Every criterion the patient reads, the primary first (P3, Decision 14). */
  criteriaRead: CriteriaId[];
  episodes: EpisodeAssessment[];
  /** R31-R34: every structured finding of the patient's biopsies, in date order (P5); absent when that stage failed. */
  biomarkers?: BiomarkerEntry[];
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
