// One settings type shared by the CLI (flags, nadir.config.json) and the language server
// (`nadir.*` editor settings). The case file's own statements (criteria, confirm responses,
// schedule, as of) win over these. Defaults follow shared/domain/response-rules.md.
import { canonicalCriteria, CRITERIA } from "./criteria/registry";
import type { CriteriaId } from "./criteria/types";

export type ContinuingPR = "on" | "off" | "ongoing-unconfirmed";
/** R29: whether unequivocal progression of non-targets or new non-measured lesions is irPD under irRECIST. */
export type NonMeasurableProgression = "no" | "pd";
export type HyperprogressionDefinition = "auto" | "champiat" | "saada-bouzid" | "ferrara" | "matos" | "kato";
/** R17, Decision 9: which criteria's progression the resistance classification reads (a registry id); "primary" = the patient's primary criteria. */
export type ResistanceReadingSetting = CriteriaId | "primary";

export interface Settings {
  /**
   * Criteria when the case file names none (spec: else RECIST 1.1): one id, or several separated
   * by a space, the primary first (P3), as core/criteria/registry.ts writes them ("iRECIST irRC").
   */
  criteria: string;
  /** Whether CR/PR need confirmation when the file does not say `confirm responses` (R8). */
  confirmResponses: boolean;
  /** Minimum days from treatment start for SD to count towards best response (R8). */
  minStableDiseaseDays: number;
  /**
   * R3 decision. "on": PR continues while not PD/CR, but an unconfirmed PR followed by a TP that
   * no longer meets PR is SD; "ongoing-unconfirmed": that TP is still PR; "off": strict tables.
   */
  continuingPR: ContinuingPR;
  /** near-progression fires at or above this % increase from the nadir (below the 20 % of PD). */
  nearProgressionMargin: number;
  /** Days after the due date before follow-up is overdue (R13). */
  followUpGraceDays: number;
  /** Which R12 definition raises the `hyperprogression` diagnostic. */
  hyperprogression: HyperprogressionDefinition;
  /** R14: at most this many progressing lesions count as oligoprogression. */
  oligoprogressionMaxLesions: number;
  /** R11: fold decrease of ctDNA that makes a favourable profile (Lee 2018: > 10-fold). */
  ctdnaFoldThreshold: number;
  /** The date "overdue" and "due" are judged against, when the file has no `as of` (YYYY-MM-DD). */
  asOfDate: string | null;
  /** R17, Decision 9: the reading of progression for the resistance classification (RECIST 1.1 by default). */
  resistanceReading: ResistanceReadingSetting;
  /** R19 (to verify): the confirmation scan counts from this many days after the first PD to this many (28-84). */
  resistanceConfirmWindowDays: [number, number];
  /** R19: "reject" leaves a first confirmation scan after the window unclassifiable; "accept" counts it with a warning. */
  resistanceLateConfirmation: "reject" | "accept";
  /** R20 (to verify): a CR or PR shorter than the control months is primary resistance ("primary", JITC restatement) or unclassifiable ("unclassifiable", SITC Table 1 as read). */
  resistanceShortResponse: "primary" | "unclassifiable";
  /** R18: the months of SITC's "6 months" (control, secondary exposure, R23 timing); a month is 30.4375 days. */
  resistanceControlMonths: number;
  /** R18: disease control is measured from the therapy start ("start") or from the first documented response ("response"). */
  resistanceControlFrom: "start" | "response";
  /** R32 (to verify beyond 1 and 10): the CPS cut-offs, lower then upper: < low, low to < high, >= high. */
  pdl1CpsCutoffs: [number, number];
  /** R29 decision: "no" (default): non-targets and new non-measured lesions never make irPD; "pd": their unequivocal progression does. */
  irRECISTNonMeasurableProgression: NonMeasurableProgression;
}

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  criteria: "RECIST1.1",
  confirmResponses: false,
  minStableDiseaseDays: 42,
  continuingPR: "on",
  nearProgressionMargin: 15,
  followUpGraceDays: 14,
  hyperprogression: "auto",
  oligoprogressionMaxLesions: 3,
  ctdnaFoldThreshold: 10,
  asOfDate: null,
  resistanceReading: "RECIST1.1",
  resistanceConfirmWindowDays: Object.freeze([28, 84]) as unknown as [number, number],
  resistanceLateConfirmation: "reject",
  resistanceShortResponse: "primary",
  resistanceControlMonths: 6,
  resistanceControlFrom: "start",
  pdl1CpsCutoffs: Object.freeze([1, 10]) as unknown as [number, number],
  irRECISTNonMeasurableProgression: "no",
});

/** Fills missing or ill-typed fields with defaults, so settings from any client are safe to use. */
export function resolveSettings(partial: Partial<Record<keyof Settings, unknown>> | null | undefined): Settings {
  const s: Settings = { ...DEFAULT_SETTINGS };
  if (!partial || typeof partial !== "object") return s;
  const p = partial as Record<string, unknown>;
  // Names resolve through the criteria registry, whatever their case and spaces; a list that names an unknown criterion is ignored.
  const criteria = typeof p.criteria === "string" ? canonicalCriteria(p.criteria) : Array.isArray(p.criteria) && p.criteria.every((x) => typeof x === "string") ? canonicalCriteria(p.criteria.join(" ")) : null;
  if (criteria !== null) s.criteria = criteria;
  if (typeof p.confirmResponses === "boolean") s.confirmResponses = p.confirmResponses;
  if (isCount(p.minStableDiseaseDays)) s.minStableDiseaseDays = p.minStableDiseaseDays;
  if (p.continuingPR === "on" || p.continuingPR === "off" || p.continuingPR === "ongoing-unconfirmed") s.continuingPR = p.continuingPR;
  if (typeof p.nearProgressionMargin === "number" && p.nearProgressionMargin >= 0 && p.nearProgressionMargin < 20) s.nearProgressionMargin = p.nearProgressionMargin;
  if (isCount(p.followUpGraceDays)) s.followUpGraceDays = p.followUpGraceDays;
  if (typeof p.hyperprogression === "string" && ["auto", "champiat", "saada-bouzid", "ferrara", "matos", "kato"].includes(p.hyperprogression)) {
    s.hyperprogression = p.hyperprogression as HyperprogressionDefinition;
  }
  if (isCount(p.oligoprogressionMaxLesions) && p.oligoprogressionMaxLesions > 0) s.oligoprogressionMaxLesions = p.oligoprogressionMaxLesions;
  if (typeof p.ctdnaFoldThreshold === "number" && p.ctdnaFoldThreshold > 1) s.ctdnaFoldThreshold = p.ctdnaFoldThreshold;
  if (typeof p.asOfDate === "string" && /^\d{4}-\d{2}-\d{2}$/.test(p.asOfDate)) s.asOfDate = p.asOfDate;
  if (p.resistanceReading === "primary") s.resistanceReading = "primary";
  else if (typeof p.resistanceReading === "string" && CRITERIA.some((c) => c.id === p.resistanceReading)) s.resistanceReading = p.resistanceReading as CriteriaId;
  const window = increasingPair(p.resistanceConfirmWindowDays);
  if (window && window[0] >= 1) s.resistanceConfirmWindowDays = window;
  if (p.resistanceLateConfirmation === "reject" || p.resistanceLateConfirmation === "accept") s.resistanceLateConfirmation = p.resistanceLateConfirmation;
  if (p.resistanceShortResponse === "primary" || p.resistanceShortResponse === "unclassifiable") s.resistanceShortResponse = p.resistanceShortResponse;
  if (isCount(p.resistanceControlMonths) && p.resistanceControlMonths >= 1) s.resistanceControlMonths = p.resistanceControlMonths;
  if (p.resistanceControlFrom === "start" || p.resistanceControlFrom === "response") s.resistanceControlFrom = p.resistanceControlFrom;
  const cps = increasingPair(p.pdl1CpsCutoffs);
  if (cps && cps[0] >= 1 && cps[1] <= 100) s.pdl1CpsCutoffs = cps;
  if (p.irRECISTNonMeasurableProgression === "no" || p.irRECISTNonMeasurableProgression === "pd") s.irRECISTNonMeasurableProgression = p.irRECISTNonMeasurableProgression;
  return s;
}

/** Two whole numbers, the first smaller than the second (a window or two cut-offs); null otherwise. */
function increasingPair(v: unknown): [number, number] | null {
  if (!Array.isArray(v) || v.length !== 2 || !isCount(v[0]) || !isCount(v[1]) || v[0] >= v[1]) return null;
  return [v[0], v[1]];
}

function isCount(v: unknown): v is number {
  return typeof v === "number" && Number.isInteger(v) && v >= 0;
}
