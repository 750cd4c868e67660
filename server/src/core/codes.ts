// Diagnostic codes of the spec (shared/spec/nadir-language.md, "Diagnostic codes"). Codes may be
// added, never renamed. Each code's default severity and a one-line description (used for SARIF
// rule metadata, hovers and documentation) live here and nowhere else.
import type { Severity } from "./diagnostics";

export const Codes = {
  syntaxError: "syntax-error",
  invalidDate: "invalid-date",
  invalidValue: "invalid-value",
  unknownLesion: "unknown-lesion",
  duplicateLesion: "duplicate-lesion",
  duplicateMeasurement: "duplicate-measurement",
  missingBaseline: "missing-baseline",
  declarationMisplaced: "declaration-misplaced",
  unknownOrgan: "unknown-organ",
  scanOrder: "scan-order",
  targetNotMeasurable: "target-not-measurable",
  tooManyTargets: "too-many-targets",
  tooManyTargetsInOrgan: "too-many-targets-in-organ",
  normalNodeRecorded: "normal-node-recorded",
  baselineTiming: "baseline-timing",
  missingMeasurement: "missing-measurement",
  progression: "progression",
  nearProgression: "near-progression",
  confirmedProgression: "confirmed-progression",
  confirmationDue: "confirmation-due",
  unconfirmedPseudoprogression: "unconfirmed-pseudoprogression",
  confirmationTooEarly: "confirmation-too-early",
  confirmationWindowMissed: "confirmation-window-missed",
  responseUnconfirmed: "response-unconfirmed",
  followUpOverdue: "follow-up-overdue",
  equivocalNewLesion: "equivocal-new-lesion",
  newNodeBorderline: "new-node-borderline",
  hyperprogression: "hyperprogression",
  ctdnaSupportsProgression: "ctdna-supports-progression",
  ctdnaSupportsPseudoprogression: "ctdna-supports-pseudoprogression",
  clinicalDeterioration: "clinical-deterioration",
  oligoprogression: "oligoprogression",
  crThenPr: "cr-then-pr",
  internalError: "internal-error",
} as const;

export type DiagnosticCode = (typeof Codes)[keyof typeof Codes];

export interface CodeInfo {
  severity: Severity;
  description: string;
  rules: string[];
}

export const CodeTable: Record<DiagnosticCode, CodeInfo> = {
  "syntax-error": { severity: "error", rules: [], description: "The text does not follow the Nadir grammar; parsing resumes at the next line." },
  "invalid-date": { severity: "error", rules: [], description: "A date that is not a real calendar date." },
  "invalid-value": { severity: "error", rules: ["R2", "R5"], description: "A value that does not fit the lesion kind, or an implausible size." },
  "unknown-lesion": { severity: "error", rules: [], description: "A value for a lesion that was never declared." },
  "duplicate-lesion": { severity: "error", rules: ["R15"], description: "A lesion id declared twice in one episode." },
  "duplicate-measurement": { severity: "error", rules: [], description: "One lesion given twice in one scan." },
  "missing-baseline": { severity: "error", rules: ["R15"], description: "A patient or episode without a baseline." },
  "declaration-misplaced": { severity: "error", rules: ["R1", "R6"], description: "Target/non-target declared outside a baseline, or `new` at the baseline." },
  "unknown-organ": { severity: "warning", rules: [], description: "An organ outside the known list." },
  "scan-order": { severity: "warning", rules: ["R13"], description: "Scans out of date order, or two scans on one date." },
  "target-not-measurable": { severity: "warning", rules: ["R1"], description: "A target below 10 mm (node: short axis below 15 mm) at baseline." },
  "too-many-targets": { severity: "warning", rules: ["R1"], description: "More than 5 target lesions." },
  "too-many-targets-in-organ": { severity: "warning", rules: ["R1"], description: "More than 2 target lesions in one organ (all nodes are one organ)." },
  "normal-node-recorded": { severity: "information", rules: ["R1"], description: "A node below 10 mm short axis recorded at baseline." },
  "baseline-timing": { severity: "warning", rules: ["R1"], description: "Baseline more than 28 days before, or after, the therapy start." },
  "missing-measurement": { severity: "warning", rules: ["R4"], description: "A declared lesion not evaluated at a scan." },
  "progression": { severity: "warning", rules: ["R3", "R5", "R6", "R7", "R10"], description: "The scan meets PD / iUPD." },
  "near-progression": { severity: "information", rules: ["R3"], description: "The sum is within the margin of the PD threshold." },
  "confirmed-progression": { severity: "warning", rules: ["R10"], description: "iCPD confirmed." },
  "confirmation-due": { severity: "information", rules: ["R10", "R13"], description: "An iUPD awaits its confirmation scan." },
  "unconfirmed-pseudoprogression": { severity: "warning", rules: ["R13"], description: "The iUPD confirmation window has passed without a confirming scan." },
  "confirmation-too-early": { severity: "warning", rules: ["R10"], description: "A scan less than 26 days after the iUPD, not counted for confirmation." },
  "confirmation-window-missed": { severity: "warning", rules: ["R10"], description: "The first scan after the iUPD came more than 58 days later." },
  "response-unconfirmed": { severity: "information", rules: ["R8"], description: "A CR/PR that needs confirmation has none yet." },
  "follow-up-overdue": { severity: "warning", rules: ["R13"], description: "The next scheduled assessment is overdue." },
  "equivocal-new-lesion": { severity: "information", rules: ["R6"], description: "An equivocal new lesion awaits clarification." },
  "new-node-borderline": { severity: "information", rules: ["R6"], description: "A new node with short axis 10 to < 15 mm." },
  "hyperprogression": { severity: "warning", rules: ["R12"], description: "A hyperprogression definition is met." },
  "ctdna-supports-progression": { severity: "information", rules: ["R11"], description: "ctDNA rising or unfavourable around a progression." },
  "ctdna-supports-pseudoprogression": { severity: "information", rules: ["R11"], description: "ctDNA falling or favourable around a progression." },
  "clinical-deterioration": { severity: "warning", rules: ["R10"], description: "Clinical deterioration or a worse ECOG at or after an iUPD." },
  "oligoprogression": { severity: "information", rules: ["R14"], description: "Progression confined to a few lesions." },
  "cr-then-pr": { severity: "warning", rules: ["R8"], description: "A CR followed by PR, which RECIST treats as suspect." },
  "internal-error": { severity: "error", rules: [], description: "A check or a stage of the engine failed unexpectedly (a defect of Nadir, not of the case file); what it would have found is missing, and the patient's results are reported incomplete." },
};

export const AllCodes = Object.keys(CodeTable) as DiagnosticCode[];
