// The case model: what a case file means, built from a (possibly partial) parse. Plain data;
// sizes are integer tenths of a millimetre (R2) and dates are day numbers so that the 30 %,
// 20 %, 5 mm and 28/56-day boundaries are exact.
import type {
  AssessmentNode,
  LesionNode,
  PatientNode,
  TherapyNode,
  CtdnaNode,
  MarkerNode,
  BiopsyNode,
  BiopsyBlockNode,
  CancerNode,
  Pdl1Node,
  TmbNode,
  MsiNode,
  MmrNode,
  VariantNode,
  DecisionNode,
  Span,
} from "../syntax/ast";
import type { CriteriaId } from "../criteria/types";

/** Integer tenths of a millimetre. */
export type Tenths = number;
/** Whole days since 1970-01-01 (UTC). */
export type Day = number;

/** A criteria id (core/criteria/registry.ts lists them). */
export type Criteria = CriteriaId;
export type TherapyKind = "immunotherapy" | "chemotherapy" | "targeted" | "radiotherapy" | "local" | "trial" | "other";
/** Version 1.1 (P2): why a therapy stopped. */
export type StopReason = "completed" | "toxicity" | "progression" | "choice" | "other";
export type LesionKind = "target" | "non-target" | "new";

export interface CaseModel {
  patients: Patient[];
}

/** Settings written in the case file itself; they win over the tool's settings. */
export interface FileSettings {
  /** The criteria the `criteria` line names, primary first, unknown and repeated names left out (P3). */
  criteria?: CriteriaId[];
  confirmResponses?: boolean;
  scheduleDays?: number;
  asOf?: Day;
}

export interface Patient {
  id: string;
  node: PatientNode;
  /** The id token (or the header when the id is missing), for ranges. */
  idSpan: Span;
  settings: FileSettings;
  therapies: Therapy[];
  /** Every assessment with a valid date, in date order (stable for equal dates). */
  assessments: Assessment[];
  episodes: Episode[];
  ctdna: CtdnaSample[];
  markers: MarkerResult[];
  /** Biopsies with a valid date, one-line and structured, in date order (stable for equal dates). */
  biopsies: Biopsy[];
  decisions: Decision[];
  /** Version 1.1 (P4): the first `cancer` statement (a second one is an `invalid-value`). */
  cancer: Cancer | null;
}

export interface Cancer {
  /** As written (a word or the text of a string). */
  name: string;
  /** The known type it names, compared without case: `melanoma` or `nsclc` (R34); null for any other. */
  known: KnownCancer | null;
  node: CancerNode;
}

export type KnownCancer = "melanoma" | "nsclc";

export interface Therapy {
  name: string;
  /** The first kind written. */
  kind: TherapyKind | null;
  /** Every kind in the order written (version 1.1: `immunotherapy+chemotherapy`); empty without a kind. */
  kinds: TherapyKind[];
  start: Day;
  date: string;
  /** Version 1.1 (P2): the last dose, `to DATE` (null when absent or not a calendar date). */
  lastDose: Day | null;
  lastDoseDate: string | null;
  /** Version 1.1 (P2): `stopped REASON`. */
  stopped: StopReason | null;
  node: TherapyNode;
}

export interface Assessment {
  kind: "baseline" | "scan";
  date: string;
  day: Day;
  modality: string | null;
  node: AssessmentNode;
  measurements: Measurement[];
  ecog: number | null;
  clinical: "stable" | "deterioration" | null;
}

export type MeasuredValue =
  /**
   * A diameter in tenths of a mm; `source` says how it was written (R2). `tenths` is what RECIST
   * 1.1, iRECIST, irRECIST and imRECIST read (P1): the longest diameter, a node's short axis.
   * `diameters` is there when a value gives two diameters (`42 x 30 mm`), one entry per fragment.
   */
  | { kind: "size"; tenths: Tenths; source: "length" | "too small" | "absent" | "split" | "merged"; mergedInto?: string; diameters?: Diameters[] }
  | { kind: "status"; status: "present" | "increased" | "progressed" }
  | { kind: "not-evaluated" }
  /**
   * The value on the line cannot be read (a syntax error; the line's id and declaration still
   * count). Unknown, which is not "not evaluated": no response rests on it (R4 does not apply).
   * `line` is the 1-based line of the value, for explanations (null when the text was not given).
   */
  | { kind: "broken"; line: number | null };

/**
 * The diameters of one value (or one fragment of a split) written `A x B` (P1): the larger is the
 * longest diameter, the smaller the perpendicular (a node's short axis), whatever the order they
 * were written in (Decision 6). `short` is null for a fragment written with one diameter.
 */
export interface Diameters {
  long: Tenths;
  short: Tenths | null;
}

export interface Measurement {
  lesionId: string;
  node: LesionNode;
  value: MeasuredValue;
  /** Written `equivocal` on this line (new lesions only). */
  equivocal: boolean;
}

export interface Lesion {
  id: string;
  kind: LesionKind;
  /** "" when the declaration's organ cannot be read (its value cannot either). */
  organ: string;
  nodal: boolean;
  description: string | null;
  /** The assessment whose line declares it. */
  declaredAt: Assessment;
  declaration: LesionNode;
}

export interface Episode {
  index: number;
  therapy: Therapy | null;
  /** Start of treatment for this episode: the therapy start, else the baseline date. */
  start: Day | null;
  baseline: Assessment | null;
  /** Scans before the baseline (R12 growth kinetics), in date order. */
  preTreatment: Assessment[];
  /** Scans after the baseline that belong to this episode, in date order. */
  followUps: Assessment[];
  /** Lesions declared at this episode's baseline, then new lesions in order of declaration. */
  lesions: Map<string, Lesion>;
  /**
   * Lines whose declaration cannot be read (`T1 tagret liver 42 mm`, `NL1 nwe liver 12 mm`: an id
   * with an unreadable rest, naming no lesion of the episode), first one per id, in date order. At
   * the baseline any of them may be a target, so no response of the episode rests on the lesions
   * that were read; at a follow-up it may be a new lesion, at that scan and wherever it is named later.
   */
  unreadable: UnreadableDeclaration[];
}

export interface UnreadableDeclaration {
  at: Assessment;
  measurement: Measurement;
}

export interface CtdnaSample {
  date: string;
  day: Day;
  unit: "vaf" | "copies/mL" | "MTM/mL" | "undetected";
  /** The level; 0 for `undetected`. */
  value: number;
  node: CtdnaNode;
}

export interface MarkerResult {
  date: string;
  day: Day;
  name: string;
  value: number;
  unit: string;
  uln: number | null;
  node: MarkerNode;
}

export interface Biopsy {
  date: string;
  day: Day;
  organ: string;
  /** The quoted finding: the whole record of a one-line biopsy, an optional label of a block. */
  finding: string | null;
  /** Written as a version 1.1 block (P4); its fields are below. */
  structured: boolean;
  fields: BiopsyFields;
  node: BiopsyNode | BiopsyBlockNode;
}

/** The fields of a structured biopsy (R31); a repeated field keeps its first line (the repeat is an error). */
export interface BiopsyFields {
  /** PD-L1 tumour proportion score, percent. */
  tps: Pdl1Score | null;
  /** PD-L1 combined positive score. */
  cps: Pdl1Score | null;
  /** Tumour mutational burden, mutations per megabase. */
  tmb: { value: number; node: TmbNode } | null;
  msi: { status: "high" | "low" | "stable"; node: MsiNode } | null;
  mmr: { status: "deficient" | "proficient"; node: MmrNode } | null;
  variants: VariantFinding[];
  notes: string[];
}

export interface Pdl1Score {
  value: number;
  /** As written (`22C3`, `SP263`), or null when not recorded. */
  assay: string | null;
  node: Pdl1Node;
}

export interface VariantFinding {
  gene: string;
  change: string;
  /** Variant allele fraction, percent. */
  vaf: number | null;
  /** The tier as the laboratory reported it (R34): `{ system: "amp", level: "I" }`, `{ system: "escat", level: "I-A" }`. */
  tier: { system: "amp" | "escat"; level: string } | null;
  node: VariantNode;
}

export interface Decision {
  date: string;
  day: Day;
  text: string;
  node: DecisionNode;
}
