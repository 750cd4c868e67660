// The shape every response criterion has (issue 14, R25): its names, vocabulary and ranking, how it
// reads one episode, its diagnostics, and the columns it adds to the outputs. One module per
// criterion implements `Criterion` (core/criteria/*.ts) and the registry (registry.ts) lists them;
// nothing outside these modules branches on a criterion's name. docs/criteria.md explains how to
// add one. Plain data and pure functions: no LSP or VS Code imports.
import type { Day, Episode, Patient, Tenths } from "../model/types";
import type { CoreDiagnostic } from "../diagnostics";
import type { EffectiveSettings } from "../engine/effectiveSettings";
import type { EpisodeLesions, TimepointFacts } from "../engine/timepoints";
import type { ConfirmationWindow, EpisodeAssessment, Explanation, TimepointAssessment } from "../engine/types";

/** The ids of the criteria, as `criteria` lines, `--criteria`, settings and JSON spell them. */
export type CriteriaId = "RECIST1.1" | "iRECIST" | "irRC" | "irRECIST" | "imRECIST";

/**
 * The categories every criterion's responses map onto, for best response (R9, R25), comparisons
 * (`criteria-disagree`) and figures: CR, PR, SD, NON-CR/NON-PD (NN), unconfirmed PD (UPD:
 * iRECIST's iUPD), PD and NE.
 */
export type Category = "CR" | "PR" | "SD" | "NN" | "UPD" | "PD" | "NE";

/** The state of a confirmation at a time point (P5, Decision 16): of a PD run, or of a CR/PR that needs one (R8, R28). */
export type Confirmation = "pending" | "confirmed" | "negated";

/** What a criterion calls each category (iRECIST: iCR ... iCPD; irRC: irCR ... irPD). */
export type Vocabulary = Readonly<Record<Category, string>>;

/** One time point under one criterion: the fields of P5's `readings`, in exact integers. */
export interface TimepointReading {
  /**
   * The criterion's tumour burden at this time point, an exact integer in the criterion's unit:
   * tenths of a mm ("mm") or hundredths of a mm² ("mm2", irRC's products of two tenth-mm
   * diameters). Null when it cannot be computed (a lesion of the burden not evaluated, a value
   * that cannot be read, a missing perpendicular diameter).
   */
  burden: number | null;
  /** The smallest burden of the baseline and the earlier evaluable time points (R3, R25). */
  nadir: number | null;
  nadirDate: string | null;
  changeFromBaselinePct: number | null;
  /** Null against a nadir of 0 (P5, Decision 16). */
  changeFromNadirPct: number | null;
  /** Burdens at which this time point would have been PR and PD (chart thresholds), null when undefined. */
  prThreshold: number | null;
  pdThreshold: number | null;
  /** The criterion's own label (`irPD`, `PD`, `iUPD` ...), never rewritten by a later confirmation. */
  response: string;
  category: Category;
  /** State of the PD run or of the response's confirmation at this time point; null outside both. */
  confirmation: Confirmation | null;
  /** Why the response is NE, in words; null when it is not NE. */
  neReason: string | null;
  /** What the criterion saw, one sentence with its numbers (hover, `criteria-disagree`). */
  saw: string;
  /** The rule-by-rule reasoning (`--explain`, hover). */
  explanation: Explanation[];
}

/** One episode under one criterion: P5's per-episode `readings` and what the displays need. */
export interface EpisodeReading {
  criterion: CriteriaId;
  /** Aligned with the episode's time points. */
  timepoints: TimepointReading[];
  bestResponse: string | null;
  /** "pending" when the best response is a PD whose run awaits confirmation: shown "PD (unconfirmed)" (Decision 10). */
  bestConfirmation: Confirmation | null;
  /** The first PD of the confirmed run (R25), or the criterion's own date of progression. */
  progressionDate: string | null;
  /** The scan that confirmed that progression (null without one). */
  confirmedBy: string | null;
  /** The baseline burden in the criterion's unit (null without targets, or when it cannot be computed). */
  baselineBurden: number | null;
}

/**
 * What another rule (e.g. issue 15's resistance classification, R17-R24) reads from a criterion:
 * the time-point responses, the confirmed progression and the scan that confirmed it, and the best
 * response up to a time point. Built by `progressionEvents` of every criterion.
 */
export interface ProgressionEvents {
  criterion: CriteriaId;
  responses: Array<{ date: string; day: Day; response: string; category: Category; confirmation: Confirmation | null }>;
  /** The confirmed progression (R25; iRECIST: the first iUPD of the run confirmed as iCPD; RECIST 1.1: the first PD). */
  progression: { date: string; confirmedBy: string | null } | null;
  /** The best overall response over the time points up to and including `date` (R9, R25). */
  bestResponseUpTo(date: string): string | null;
}

/** What a criterion reads when it assesses one episode: the RECIST 1.1 facts are computed once for all (R25). */
export interface CriterionInput {
  patient: Patient;
  episode: Episode;
  lesions: EpisodeLesions;
  facts: TimepointFacts[];
  eff: EffectiveSettings;
  /** The RECIST 1.1 target sum at the baseline (R2), null without targets. */
  baselineSum: Tenths | null;
}

/** A criterion's assessment of one episode: its reading plus whatever its diagnostics need. */
export interface CriterionRun {
  criterion: CriteriaId;
  reading: EpisodeReading;
  /** TP indices where a progression starts (the primary's: oligoprogression and ctDNA look there). */
  progressionPoints: number[];
  /** Whether TP i is progression under this criterion (no `near-progression` there). */
  isProgressionAt(i: number): boolean;
  /** The run of unconfirmed progression awaiting its confirmation scan after the last TP (R10, R13), if the criterion has windows. */
  pendingWindow: ConfirmationWindow | null;
  /** The first CR/PR still awaiting a confirmation that may come (R8), when confirmation is required. */
  awaitingConfirmation: { date: string; day: Day; response: "CR" | "PR" } | null;
  /** How the best response was reached (R8, R9, R25), for the episode's explanation. */
  bestExplanation: Explanation[];
  /** The rule the episode's "Date of progression" line cites when this criterion is primary. */
  progressionRule: string;
}

/** Where a criterion's diagnostics are produced: as the patient's primary criteria or side by side. */
export interface DiagnosticsRole {
  primary: boolean;
  /** The patient's last episode (follow-up and confirmation-due diagnostics look at it only). */
  lastEpisode: boolean;
}

/** A column a criterion adds to the time-point table (CSV), with how a row fills it. */
export interface CriterionColumn {
  name: string;
  value(tp: TimepointReading, episode: EpisodeReading): string | number | null;
}

export interface Criterion {
  readonly id: CriteriaId;
  /** As people write it: "RECIST 1.1", "irRC". */
  readonly label: string;
  /** Every spelling that selects it, compact (no spaces) and lower case: "recist1.1", "recist". */
  readonly spellings: readonly string[];
  /** One line for hovers, completion and help, citing its rules. */
  readonly summary: string;
  /** The publication(s) it follows. */
  readonly source: string;
  /** Rule ids of docs/rules.md it implements. */
  readonly rules: readonly string[];
  /** Unit of its burden: "mm" (tenths of a mm) or "mm2" (hundredths of a mm²). */
  readonly unit: "mm" | "mm2";
  readonly vocabulary: Vocabulary;
  /** Best first: the ranking of its best overall response (R9, R25). */
  readonly ranking: readonly Category[];
  /** RSCAT of its rows in the CDISC RS domain, and the text of its FHIR observations. */
  readonly cdiscCategory: string;
  /** Prefix of its column group in the time-point CSV; null when its columns are the table's own (RECIST 1.1, iRECIST). */
  readonly csvPrefix: string | null;
  /** Anchor of its section in docs/criteria.md. */
  readonly docsAnchor: string;
  /** The response thresholds in words, for legends and help ("irPR: TTB <= 50 % of baseline (-50 %)"). */
  readonly thresholds: { pr: string; pd: string };
  /** The largest burden that is PR against a baseline burden, and the smallest that is PD against a nadir (its unit's integers). */
  prThreshold(baseline: number): number;
  pdThreshold(nadir: number): number;
  /** The timeline chart's words when it draws this criterion: its axis and the labels of its threshold lines. */
  readonly chart: { axis: string; pr: string; pd: string };

  /** What its displays call a progression that starts a run: "PD", "iUPD", "irPD". */
  readonly progressionLabel: string;
  /** The rule its date of progression rests on (R6, R10, R25). */
  readonly progressionRule: string;
  /**
   * Whether its results fit the fields of language version 1 (`response`, `iResponse`): a patient
   * reading it alone gets no `criteriaRead` and no `readings` in the JSON (RECIST 1.1, iRECIST).
   */
  readonly fieldsOfVersion1: boolean;
  /** Criteria for immunotherapy: ctDNA is read at their progressions even when the therapy kind is not given (R11). */
  readonly immunotherapy: boolean;

  /** Reads one episode. */
  read(input: CriterionInput): CriterionRun;
  /** As the primary criteria: where progression starts and is confirmed (`progression`, `confirmed-progression` ...). */
  progressionDiagnostics(run: CriterionRun, input: CriterionInput): CoreDiagnostic[];
  /** As the primary criteria, on the patient's last episode: a confirmation still due or missed (R10, R13, R25). */
  pendingDiagnostics(run: CriterionRun, input: CriterionInput): CoreDiagnostic[];
  /** Its own findings whenever it is read, primary or side by side (irRC's missing perpendiculars, caps ...). */
  ownDiagnostics(run: CriterionRun, input: CriterionInput, role: DiagnosticsRole): CoreDiagnostic[];
  /** Writes the fields the engine's assessment carries for it beside `readings` (iRECIST: `iBestResponse`); run null: the episode's assessment failed. */
  decorate?(run: CriterionRun | null, assessment: EpisodeAssessment): void;
  /**
   * The time-point responses, the confirmed progression (with the scan that confirmed it) and the
   * best response up to a time point, of one assessed episode; null when the episode was not read
   * under this criterion. Documented in docs/criteria.md for rules that read a criterion's
   * progression (issue 15's `resistance.reading`).
   */
  progressionEvents(episode: EpisodeAssessment): ProgressionEvents | null;
  /** JSON fields it adds where the spec put them before `readings` existed (iRECIST's `iResponse` ...). */
  readonly legacyJson?: {
    timepoint(tp: TimepointAssessment): Record<string, unknown>;
    /** Right after `bestResponse`. */
    afterBestResponse(e: EpisodeAssessment): Record<string, unknown>;
  };
}
