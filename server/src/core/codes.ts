// Diagnostic codes of the language (docs/language.md, "Diagnostic codes"). Codes may be added,
// never renamed. Each code's default severity, the rules it rests on, a one-line description and
// optional longer help (used for SARIF rule metadata, hovers and docs/diagnostics.md, which
// `npm run docs` generates from this table) live here and nowhere else.
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
  ctdnaInconclusive: "ctdna-inconclusive",
  clinicalDeterioration: "clinical-deterioration",
  oligoprogression: "oligoprogression",
  crThenPr: "cr-then-pr",
  duplicatePatient: "duplicate-patient",
  asOfBeforeLastScan: "as-of-before-last-scan",
  mergedAcrossOrgans: "merged-across-organs",
  internalError: "internal-error",
  duplicateCriteria: "duplicate-criteria",
  perpendicularOrder: "perpendicular-order",
  irrcMissingPerpendicular: "irrc-missing-perpendicular",
  irrcIndexLimits: "irrc-index-limits",
  newLesionCap: "new-lesion-cap",
  noMeasurableBaseline: "no-measurable-baseline",
  responseAfterConfirmedProgression: "response-after-confirmed-progression",
  criteriaDisagree: "criteria-disagree",
} as const;

export type DiagnosticCode = (typeof Codes)[keyof typeof Codes];

export interface CodeInfo {
  severity: Severity;
  /** One sentence: what the finding is. */
  description: string;
  /** Rule ids of docs/rules.md the finding rests on (R1..). */
  rules: string[];
  /** Optional Markdown for docs/diagnostics.md and SARIF help: what it means for the results, what to do. */
  details?: string;
}

export const CodeTable: Record<DiagnosticCode, CodeInfo> = {
  "syntax-error": { severity: "error", rules: [], description: "The text does not follow the Nadir grammar; parsing resumes at the next line.", details: "The message says what was expected at that place, in words (`Expected a size unit (mm or cm) after 42`). Only the broken line is lost: reading resumes at the next line. A lesion line whose value cannot be read keeps its id and declaration, and its value counts as unknown: that time point's responses are NE (R4). A patient or episode with a broken line is reported as incomplete." },
  "invalid-date": { severity: "error", rules: [], description: "A date that is not a real calendar date.", details: "Check the day and month (`2025-02-30`, `2025-04-31`). The scan, sample or therapy on that line cannot be placed in time, so it is left out of the assessment and its patient is reported as incomplete." },
  "invalid-value": { severity: "error", rules: ["R2", "R5"], description: "A value that does not fit the lesion kind, or an implausible size.", details: "Examples: `present` for a target lesion (a target needs a size), `too small` for a non-target, a lesion merged into a non-target, a size above 500 mm, an ECOG outside 0-5, a variant allele fraction above 100 %, a criteria name Nadir does not know (it is left out; the other names of the line still count). The message names the values that fit." },
  "unknown-lesion": { severity: "error", rules: [], description: "A value for a lesion that was never declared.", details: "Declare the lesion at the episode's baseline (`T3 target liver 12 mm`) or as new at the scan where it first appears (`NL1 new liver 12 mm`), or correct the id: the message and the quick fix suggest the closest declared id." },
  "duplicate-lesion": { severity: "error", rules: ["R15"], description: "A lesion id declared twice in one episode.", details: "Give each lesion its own id within an episode. A later line of therapy may declare the same id again at its own baseline." },
  "duplicate-measurement": { severity: "error", rules: [], description: "One lesion given twice in one scan.", details: "Keep one line per lesion per scan." },
  "missing-baseline": { severity: "error", rules: ["R15"], description: "A patient or episode without a baseline.", details: "Add `baseline DATE CT { … }` declaring the target and non-target lesions, on or before the start of the therapy. Without a baseline there is nothing to compare the scans with, so the episode has no responses." },
  "declaration-misplaced": { severity: "error", rules: ["R1", "R6"], description: "Target/non-target declared outside a baseline, or `new` at the baseline.", details: "Lesions are declared `target` or `non-target` at the baseline, and `new` at a follow-up scan. At the other scans, write just the id and its value (`T1 35 mm`)." },
  "unknown-organ": { severity: "warning", rules: [], description: "An organ outside the known list.", details: "In the editor, a quick fix replaces the word with the closest known organ. The lesion is still assessed; the organ matters for the 2-per-organ limit and for new lesions in a new organ." },
  "scan-order": { severity: "warning", rules: ["R13"], description: "Scans out of date order (a pre-treatment scan written after follow-up scans too), or two scans on one date." },
  "target-not-measurable": { severity: "warning", rules: ["R1"], description: "A target below 10 mm (node: short axis below 15 mm) at baseline.", details: "The lesion is still assessed as a target. If it is not measurable, a quick fix in the editor makes it a non-target." },
  "too-many-targets": { severity: "warning", rules: ["R1"], description: "More than 5 target lesions.", details: "In the editor, a quick fix makes the surplus target a non-target." },
  "too-many-targets-in-organ": { severity: "warning", rules: ["R1"], description: "More than 2 target lesions in one organ (all nodes are one organ).", details: "In the editor, a quick fix makes the surplus target a non-target." },
  "normal-node-recorded": { severity: "information", rules: ["R1"], description: "A node below 10 mm short axis recorded at baseline.", details: "A lymph node under 10 mm short axis is normal: it need not be recorded. It does not prevent a complete response." },
  "baseline-timing": { severity: "warning", rules: ["R1"], description: "Baseline more than 28 days before, or after, the therapy start.", details: "The responses are still computed against this baseline; the finding asks whether it really describes the disease at the start of treatment." },
  "missing-measurement": { severity: "warning", rules: ["R4"], description: "A declared lesion not evaluated at a scan.", details: "A lesion declared at the baseline and not mentioned at a scan is not evaluated there, so the target response is NE unless the measured lesions already show PD. Give its value, or write `not evaluated` if it really was not assessed; in the editor, a quick fix inserts the missing lines." },
  "progression": { severity: "warning", rules: ["R3", "R5", "R6", "R7", "R10"], description: "The scan meets PD / iUPD.", details: "The message gives the numbers that decided it (sum, nadir, change in mm and %) or names the non-target or new lesions. Under iRECIST it is an unconfirmed progression (iUPD), and the message gives the confirmation window; in the editor, a quick fix inserts a confirmation scan. Under irRC, irRECIST or imRECIST as primary criteria it is the first PD of an unconfirmed run, and the message says from when a scan can confirm it (R25)." },
  "near-progression": { severity: "information", rules: ["R3"], description: "The sum is within the margin of the PD threshold.", details: "Reported when the sum is at least the margin (setting `nearProgressionMargin`, default 15 %) above the nadir without being target PD, so that a growing sum is noticed before it reaches +20 % and +5 mm." },
  "confirmed-progression": { severity: "warning", rules: ["R10"], description: "iCPD confirmed (or, under irRC, irRECIST or imRECIST as primary criteria, a confirmed PD).", details: "The progression is dated at the first iUPD of the run; later scans of the episode stay iCPD. Under irRC, irRECIST and imRECIST it is dated at the first PD of the confirmed run (R25)." },
  "confirmation-due": { severity: "information", rules: ["R10", "R13"], description: "An iUPD (or, under irRC, irRECIST or imRECIST as primary criteria, a PD) awaits its confirmation scan.", details: "In the editor, a quick fix inserts a scan dated inside the window. Under irRC, irRECIST and imRECIST the message gives the day from which a scan confirms or negates the PD (rule R25; irRECIST expects it within 28-84 days, R29)." },
  "unconfirmed-pseudoprogression": { severity: "warning", rules: ["R13"], description: "The iUPD confirmation window has passed without a confirming scan.", details: "Until a scan confirms or resets it, the iUPD stays unconfirmed: the best response and the progression date cannot be final." },
  "confirmation-too-early": { severity: "warning", rules: ["R10"], description: "A scan less than 26 days after the iUPD, not counted for confirmation.", details: "Growth on such a scan is not counted, unless `clinical deterioration` is recorded at that scan and it shows another new lesion. The message gives the window in which a confirming scan counts." },
  "confirmation-window-missed": { severity: "warning", rules: ["R10"], description: "The first scan after the iUPD came more than 58 days later (irRECIST: the first scan after an irPD more than 84 days later).", details: "The scan still counts for confirmation. Under irRECIST (rule R29) the window is 28-84 days after the first irPD of the run." },
  "response-unconfirmed": { severity: "information", rules: ["R8"], description: "A CR/PR that needs confirmation has none yet.", details: "Only when confirmation is required (`confirm responses` in the file, or the setting): a CR needs a CR, a PR a PR or CR, on a scan at least 28 days later, with at most one NE between. Until it is confirmed, it does not count as the best response (an unconfirmed PR counts as SD once the SD minimum is met)." },
  "follow-up-overdue": { severity: "warning", rules: ["R13"], description: "The next scheduled assessment is overdue.", details: "Judged against the file's `as of` date, else the tool's setting, else today, after a grace period. In the editor, a quick fix inserts the next scheduled scan." },
  "equivocal-new-lesion": { severity: "information", rules: ["R6"], description: "An equivocal new lesion awaits clarification.", details: "An equivocal new lesion does not make progression. If a later scan shows it unequivocally, RECIST 1.1 dates the progression back to the scan where it first appeared." },
  "new-node-borderline": { severity: "information", rules: ["R6"], description: "A new node with short axis 10 to < 15 mm.", details: "The node counts as a new lesion, but a node just over 10 mm may not be true disease: check it on the next scan." },
  "hyperprogression": { severity: "warning", rules: ["R12"], description: "A hyperprogression definition is met.", details: "Which definition raises it is a setting (`auto`: Champiat with a pre-treatment scan, else Matos); the hover of the first scan on treatment shows every definition that can be computed, with its numbers." },
  "ctdna-supports-progression": { severity: "information", rules: ["R11"], description: "ctDNA rising or unfavourable around a progression." },
  "ctdna-supports-pseudoprogression": { severity: "information", rules: ["R11"], description: "ctDNA falling or favourable around a progression." },
  "ctdna-inconclusive": { severity: "information", rules: ["R11"], description: "ctDNA readings around a progression point both ways (an unfavourable profile with a falling level), or the trend is flat." },
  "clinical-deterioration": { severity: "warning", rules: ["R10"], description: "Clinical deterioration or a worse ECOG at or after an iUPD." },
  "oligoprogression": { severity: "information", rules: ["R14"], description: "Progression confined to a few lesions.", details: "Information for discussion: local treatment of the growing sites is one of the options; Nadir does not recommend a treatment." },
  "cr-then-pr": { severity: "warning", rules: ["R8"], description: "A CR followed by PR, which RECIST treats as suspect.", details: "A CR followed by a PR suggests that the CR was not real; check both readings." },
  "duplicate-patient": { severity: "error", rules: [], description: "A patient id used by two `patient` blocks in one file (across the files of one `nadir check` run: a warning)." },
  "as-of-before-last-scan": { severity: "warning", rules: ["R13"], description: "An `as of` date before the patient's last scan, so due and overdue are judged before data the file already holds." },
  "merged-across-organs": { severity: "warning", rules: ["R2"], description: "A lesion merged into a lesion of another organ (all nodes are one organ): coalescing lesions share an organ." },
  "internal-error": { severity: "error", rules: [], description: "A check or a stage of the engine failed unexpectedly (a defect of Nadir, not of the case file); what it would have found is missing, and the patient's results are reported incomplete.", details: "The message names the check or stage that failed; every other check still ran. Please report it with the case file (de-identified with `nadir deidentify`) and the message: nothing in the file needs to change." },
  "duplicate-criteria": { severity: "warning", rules: ["P3"], description: "A criteria name given twice on one `criteria` line; the repeat is ignored.", details: "The first name of a `criteria` line is the primary criteria (it gives the progression diagnostics and the status bar); the others are read side by side. Each criterion is read once, so a repeated name changes nothing: remove it." },
  "perpendicular-order": { severity: "warning", rules: ["P1"], description: "A value `A x B` whose second diameter is larger than the first.", details: "In `A x B` the first number is the longest diameter and the second the longest diameter perpendicular to it (for a node: long axis, then short axis). Nadir swaps them for the computation, so the larger one is read as the longest diameter (and a node's smaller one as its short axis); write them in that order." },
  "irrc-missing-perpendicular": { severity: "warning", rules: ["R26"], description: "irRC needs two diameters (`A x B`), and this value has one.", details: "irRC measures every lesion as the product of two perpendicular diameters. A baseline target with one diameter leaves irRC not evaluable (NE) for the whole episode; a follow-up value with one diameter makes that time point NE under irRC (unless the lesions with both diameters already show irPD); a new lesion with one diameter is a new non-measured lesion under irRC. The other criteria are not affected." },
  "irrc-index-limits": { severity: "warning", rules: ["R26"], description: "More index lesions than irRC allows (5 per organ, 10 visceral, 5 cutaneous).", details: "irRC's limits are looser than RECIST 1.1's (a file within RECIST's limits is always within them). The lesion still counts in the irRC burden; the warning says the selection departs from the criterion." },
  "new-lesion-cap": { severity: "information", rules: ["R25", "R26", "R29", "R30"], description: "A measurable new lesion stays out of a criterion's burden because its places for new lesions are full.", details: "irRC takes at most 5 new lesions per organ, 10 visceral and 5 cutaneous; irRECIST and imRECIST at most 5 in total and 2 per organ (only new lesions count towards these places). A new lesion left out is a new non-measured lesion: it never makes progression, and it precludes a complete response while present." },
  "no-measurable-baseline": { severity: "information", rules: ["R25"], description: "No target lesion at baseline: irRC, irRECIST and imRECIST cannot define progression from a relative change.", details: "Their responses are then CR (everything gone, no new lesion) or NON-CR/NON-PD. The message gives the burden of the new measurable lesions at each scan, for information." },
  "response-after-confirmed-progression": { severity: "information", rules: ["R25"], description: "A response after a confirmed progression under irRC, irRECIST or imRECIST: it does not change the best overall response.", details: "The best overall response runs up to and including the confirmed progression; later scans are shown with their own responses." },
  "criteria-disagree": { severity: "information", rules: ["R25", "P3"], description: "The criteria read side by side give different responses at this scan.", details: "The message lists each criterion's response with what it saw (its burden against its nadir and thresholds, new lesions counted or not), e.g. RECIST 1.1 PD for a new lesion while imRECIST, which adds the new lesion to the sum, stays SD." },
};

export const AllCodes = Object.keys(CodeTable) as DiagnosticCode[];
