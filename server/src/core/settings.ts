// One settings type shared by the CLI (flags, nadir.config.json) and the language server
// (`nadir.*` editor settings). The case file's own statements (criteria, confirm responses,
// schedule, as of) win over these. Defaults follow shared/domain/response-rules.md.
import { canonicalCriteria } from "./criteria/registry";

export type ContinuingPR = "on" | "off" | "ongoing-unconfirmed";
/** R29: whether unequivocal progression of non-targets or new non-measured lesions is irPD under irRECIST. */
export type NonMeasurableProgression = "no" | "pd";
export type HyperprogressionDefinition = "auto" | "champiat" | "saada-bouzid" | "ferrara" | "matos" | "kato";

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
  if (p.irRECISTNonMeasurableProgression === "no" || p.irRECISTNonMeasurableProgression === "pd") s.irRECISTNonMeasurableProgression = p.irRECISTNonMeasurableProgression;
  return s;
}

function isCount(v: unknown): v is number {
  return typeof v === "number" && Number.isInteger(v) && v >= 0;
}
