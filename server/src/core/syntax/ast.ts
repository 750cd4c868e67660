// Syntax tree produced by grammar/nadir.peggy. Offsets are UTF-16 code units into the text;
// convert them to LSP positions with TextDocument.positionAt (or core/text/lineIndex for the CLI).

export interface Span {
  start: number;
  end: number;
}

export interface Word extends Span {
  type: "Word";
  value: string;
}

export interface StringLit extends Span {
  type: "String";
  value: string;
}

export interface DateLit extends Span {
  type: "Date";
  text: string;
}

export interface NumberLit extends Span {
  type: "Number";
  text: string;
}

export interface FileNode extends Span {
  type: "File";
  items: Array<PatientNode | BadLine>;
}

export interface BadLine extends Span {
  type: "Bad";
  /** Where the line stands: at file level, in a patient, in a scan block or in a biopsy block (version 1.1). */
  context: "file" | "patient" | "scan" | "biopsy";
}

export interface PatientHeader extends Span {
  type: "PatientHeader";
  id: Word | StringLit | null;
  /** Offset of the opening `{`, or null when the header has none. */
  brace: number | null;
  /** The header does not parse (a bad id, no `{`, or a misspelt `patient`): one syntax-error. */
  broken: boolean;
}

/**
 * A block inside a patient whose header line is no scan header (`scna 2025-03-01 CT {`): its lines
 * are read as a scan's and its `}` closes it, so one error is reported, not one per line. It has no
 * meaning in the model (neither its kind nor its date is known).
 */
export interface BadBlockNode extends Span {
  type: "BadBlock";
  /** The header line, explained like any broken line of a patient. */
  header: BadLine;
  /** Offset of the opening `{`. */
  brace: number;
  items: ScanItem[];
  close: number | null;
}

export interface PatientNode extends Span {
  type: "Patient";
  header: PatientHeader;
  items: PatientItem[];
  /** Offset of the closing `}`, or null when the block is never closed. */
  close: number | null;
}

export type PatientItem =
  | AssessmentNode
  | BadBlockNode
  | CriteriaNode
  | ConfirmResponsesNode
  | ScheduleNode
  | AsOfNode
  | TherapyNode
  | CancerNode
  | CtdnaNode
  | MarkerNode
  | BiopsyNode
  | BiopsyBlockNode
  | DecisionNode
  | NoteNode
  | BadLine;

export interface CriteriaNode extends Span {
  type: "Criteria";
  /** The names as written, primary first (P3); the criteria registry says which exist. */
  names: Word[];
}

export interface ConfirmResponsesNode extends Span {
  type: "ConfirmResponses";
}

export interface ScheduleNode extends Span {
  type: "Schedule";
  count: NumberLit;
  unit: "day" | "week";
}

export interface AsOfNode extends Span {
  type: "AsOf";
  date: DateLit;
}

export interface TherapyNode extends Span {
  type: "Therapy";
  name: Word | StringLit;
  date: DateLit;
  /** Version 1.1 (P2): the date of the last dose, `to DATE`. */
  to: DateLit | null;
  /** The first kind written (the only one before version 1.1). */
  kind: Word | null;
  /** Every kind in the order written: `immunotherapy+chemotherapy` gives two (empty without a kind). */
  kinds: Word[];
  /** Version 1.1 (P2): `stopped REASON`. */
  stopped: Word | null;
}

/** Version 1.1 (P4): `cancer melanoma`, `cancer "uveal melanoma"`. */
export interface CancerNode extends Span {
  type: "Cancer";
  name: Word | StringLit;
}

export interface CtdnaValueNode extends Span {
  type: "CtdnaValue";
  unit: "vaf" | "copies/mL" | "MTM/mL" | "undetected";
  number: NumberLit | null;
}

export interface CtdnaNode extends Span {
  type: "Ctdna";
  date: DateLit;
  value: CtdnaValueNode;
}

export interface MarkerNode extends Span {
  type: "Marker";
  date: DateLit;
  name: Word;
  value: NumberLit;
  unit: Word;
  uln: NumberLit | null;
}

export interface BiopsyNode extends Span {
  type: "Biopsy";
  date: DateLit;
  organ: Word;
  finding: StringLit;
}

/** Version 1.1 (P4): the header line of a structured biopsy, `biopsy DATE ORGAN ["FINDING"] {`. */
export interface BiopsyHeader extends Span {
  type: "BiopsyHeader";
  date: DateLit | null;
  organ: Word | null;
  finding: StringLit | null;
  /** Offset of the opening `{`. */
  brace: number;
  /** The header does not parse (one syntax-error); its lines are still read as the block's. */
  broken: boolean;
}

/** Version 1.1 (P4): a structured biopsy block; one field per line. */
export interface BiopsyBlockNode extends Span {
  type: "BiopsyBlock";
  header: BiopsyHeader;
  items: BiopsyItem[];
  /** Offset of the closing `}`, or null when the block is never closed. */
  close: number | null;
}

export type BiopsyItem = Pdl1Node | TmbNode | MsiNode | MmrNode | VariantNode | NoteNode | BadLine;

/** `pd-l1 tps 40 % [assay 22C3]` or `pd-l1 cps 12 [assay 22C3]`. */
export interface Pdl1Node extends Span {
  type: "Pdl1";
  score: Word;
  value: NumberLit;
  assay: Word | StringLit | null;
}

/** `tmb 12.5 mut/Mb`. */
export interface TmbNode extends Span {
  type: "Tmb";
  value: NumberLit;
}

/** `msi high|low|stable`. */
export interface MsiNode extends Span {
  type: "Msi";
  status: Word;
}

/** `mmr deficient|proficient`. */
export interface MmrNode extends Span {
  type: "Mmr";
  status: Word;
}

/** `tier I` (AMP/ASCO/CAP) or `tier escat I-A` (ESCAT), as the laboratory reported it. */
export interface TierNode extends Span {
  type: "Tier";
  system: "amp" | "escat";
  level: Word;
}

/** `variant GENE CHANGE [vaf N %] [tier ...]`. */
export interface VariantNode extends Span {
  type: "Variant";
  gene: Word | StringLit;
  change: Word | StringLit;
  vaf: NumberLit | null;
  tier: TierNode | null;
}

export interface DecisionNode extends Span {
  type: "Decision";
  date: DateLit;
  text: StringLit;
}

export interface NoteNode extends Span {
  type: "Note";
  text: StringLit;
}

export interface AssessmentHeader extends Span {
  type: "AssessmentHeader";
  kind: "baseline" | "scan";
  keyword: Word;
  date: DateLit | null;
  modality: Word | null;
  brace: number | null;
  broken: boolean;
}

export interface AssessmentNode extends Span {
  type: "Assessment";
  header: AssessmentHeader;
  items: ScanItem[];
  close: number | null;
}

export type ScanItem = LesionNode | EcogNode | ClinicalNode | NoteNode | BadLine;

export interface EcogNode extends Span {
  type: "Ecog";
  value: NumberLit;
}

export interface ClinicalNode extends Span {
  type: "Clinical";
  status: Word;
}

/**
 * A lesion line. `declare` says which form was written:
 * "target" / "non-target" / "new" declare the lesion; "new-mention" is `ID new [equivocal] VALUE`
 * (a later mention of a new lesion); null is a plain `ID VALUE`.
 */
export interface LesionNode extends Span {
  type: "Lesion";
  id: Word;
  declare: "target" | "non-target" | "new" | "new-mention" | null;
  equivocal: boolean;
  organ: Word | null;
  description: StringLit | null;
  value: ValueNode;
}

export type ValueNode = LengthNode | SplitNode | MergedNode | StatusNode | BrokenNode;

/**
 * The value of a lesion line that cannot be read (`4,2 cm`, `abesnt`, nothing at all): the line's
 * id and declaration still count, the value is unknown (never "not evaluated"). Its span is the
 * unreadable text (empty when nothing was written); parse.ts reports one syntax-error for the line.
 */
export interface BrokenNode extends Span {
  type: "Broken";
}

export interface LengthNode extends Span {
  type: "Length";
  /** The (longest) diameter; for a node written alone, the short axis. */
  number: NumberLit;
  /** P1: the second diameter of `A x B`, null for one diameter. */
  perpendicular: NumberLit | null;
  unit: "mm" | "cm";
}

export interface SplitNode extends Span {
  type: "Split";
  fragments: LengthNode[];
}

export interface MergedNode extends Span {
  type: "Merged";
  into: Word;
}

export type StatusWord = "too small" | "not evaluated" | "absent" | "present" | "increased" | "progressed";

export interface StatusNode extends Span {
  type: "Status";
  status: StatusWord;
}
