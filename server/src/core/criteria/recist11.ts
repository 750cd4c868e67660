// RECIST 1.1 (R1-R9): the time points of engine/timepoints.ts (sum, nadir, target, non-target and
// new-lesion categories, overall response, "RECIST 1.1 after progression"), the best overall
// response of R8/R9, the date of progression of R6/R7, and as primary criteria the `progression`
// diagnostic at the first PD. Every other criterion reads the same time-point facts (R25).
import type { OverallResponse, TimepointAssessment } from "../engine/types";
import type { TimepointFacts } from "../engine/timepoints";
import type { BestResult } from "../engine/best";
import { bestOverallResponse } from "../engine/best";
import type { Criterion, CriterionInput, CriterionRun, TimepointReading, Vocabulary } from "./types";
import { categoryOf, LazyEpisodeReading, progressionEventsOf, responseConfirmations } from "./shared";
import { diagnostic, dateSpan } from "../engine/diagnosticHelpers";
import { mm, pdThresholdOf, prThresholdOf, signedPct, sumVsNadir } from "../engine/format";

const VOCABULARY: Vocabulary = { CR: "CR", PR: "PR", SD: "SD", NN: "NON-CR/NON-PD", UPD: "PD", PD: "PD", NE: "NE" };

export interface RecistRun extends CriterionRun {
  best: BestResult<OverallResponse>;
  /** Index of the first PD TP, -1 without one. */
  firstPd: number;
  dated: { date: string; movedBack: MovedBack | null } | null;
}

/** Why RECIST 1.1 dates a progression before its first PD TP: the new lesion behind it was seen earlier. */
export type MovedBack =
  /** R6: it was equivocal when it first appeared. */
  | "equivocal"
  /** Issue 10: it was unequivocal at a TP whose own response is NE because a value there could not be read. */
  | "unreadable";

export function movedBackText(why: MovedBack): string {
  return why === "equivocal"
    ? "moved back to the first appearance of an equivocal new lesion (R6)"
    : "moved back to the scan where the new lesion was first seen, whose own response is NE because a value there could not be read (R6)";
}

/**
 * R6: PD at the first PD TP, or earlier when a new lesion that made it PD had first appeared at an
 * earlier scan: equivocal then (R6), or unequivocal at a TP that is NE only because a value there
 * could not be read (issue 10: the lesion was seen; the TP's other values are what is unknown).
 */
export function recistProgressionDate(facts: readonly TimepointFacts[], firstPd: number): { date: string; movedBack: MovedBack | null } {
  const f = facts[firstPd];
  const unreadableBefore = new Set(facts.slice(0, firstPd).filter((x) => x.unreadable).map((x) => x.scan));
  let date = f.tp.date;
  let day = f.tp.day;
  let movedBack: MovedBack | null = null;
  for (const v of f.newLesions.lesions) {
    if (!v.present || !v.unequivocal || v.firstSeen.day >= day) continue;
    if (v.unequivocalSince === f.scan || (v.unequivocalSince !== null && unreadableBefore.has(v.unequivocalSince))) {
      day = v.firstSeen.day;
      date = v.firstSeen.date;
      movedBack = v.unequivocalSince === v.firstSeen ? "unreadable" : "equivocal";
    }
  }
  return { date, movedBack };
}

/** Why a RECIST-read time point is NE, in words (null when it is not). */
export function recistNeReason(f: TimepointFacts, response: string): string | null {
  if (response !== "NE") return null;
  if (f.unreadable) return "a value of this scan could not be read";
  if (f.tp.target === "NE") return f.targetSum.terms.some((t) => t.tenths === null) ? `${f.targetSum.terms.filter((t) => t.tenths === null).map((t) => t.lesionId).join(", ")} not evaluated` : "the target response cannot be given";
  if (f.tp.nonTarget === "NE") return "a non-target lesion was not evaluated";
  if (f.tp.newLesions === "NE") return "a new lesion was not evaluated";
  return "no lesion to assess";
}

/** What RECIST 1.1 saw at a time point, one sentence with its numbers. */
export function recistSaw(tp: TimepointAssessment, response: string): string {
  const parts: string[] = [];
  if (tp.sum !== null && tp.nadir !== null) parts.push(sumVsNadir(tp.sum, tp.nadir, tp.nadirDate));
  else if (tp.sum !== null) parts.push(`Sum ${mm(tp.sum)}`);
  else if (tp.target !== null) parts.push("Sum not computable");
  if (tp.changeFromBaselinePct !== null) parts.push(`${signedPct(tp.changeFromBaselinePct)} from baseline`);
  const cats = [tp.target !== null ? `target ${tp.target}` : null, tp.nonTarget !== null ? `non-target ${tp.nonTarget}` : null, `new lesions ${tp.newLesions}`].filter(Boolean);
  return `${parts.join(", ")}${parts.length ? "; " : ""}${cats.join(", ")}: ${response}`;
}

export const RECIST11: Criterion = {
  id: "RECIST1.1",
  label: "RECIST 1.1",
  spellings: ["recist1.1", "recist"],
  summary: "RECIST 1.1 (R3, R7): PR at -30 % from baseline, PD at +20 % and +5 mm from the nadir.",
  source: "Eisenhauer EA et al., Eur J Cancer 2009;45:228-247",
  rules: ["R1", "R2", "R3", "R4", "R5", "R6", "R7", "R8", "R9"],
  unit: "mm",
  vocabulary: VOCABULARY,
  ranking: ["CR", "PR", "SD", "NN", "PD", "NE"],
  cdiscCategory: "RECIST 1.1",
  csvPrefix: null,
  docsAnchor: "recist-11",
  thresholds: { pr: "PR: sum <= 70 % of baseline (-30 %)", pd: "PD: sum >= 120 % of the nadir and >= 5 mm above it" },
  chart: { axis: "Sum of diameters (mm)", pr: "PR \u221230 %", pd: "PD +20 % / +5 mm" },
  progressionRule: "R6",
  progressionLabel: "PD",
  fieldsOfVersion1: true,
  prThreshold: prThresholdOf,
  pdThreshold: pdThresholdOf,
  immunotherapy: false,

  read(input: CriterionInput): RecistRun {
    const { facts, episode, eff } = input;
    const options = { start: episode.start, minStableDiseaseDays: eff.settings.minStableDiseaseDays, confirm: eff.confirmResponses };
    const tps = facts.map((f) => f.tp);
    const best = bestOverallResponse(tps, options);
    const firstPd = facts.findIndex((f) => f.tp.response === "PD");
    const dated = firstPd >= 0 ? recistProgressionDate(facts, firstPd) : null;
    const timepoints = (): TimepointReading[] => {
      const entries = tps.map((tp) => ({ date: tp.date, day: tp.day, cat: categoryOf(VOCABULARY, tp.response) }));
      const confirmations = responseConfirmations(entries, eff.confirmResponses);
      return facts.map((f, i) => recistReading(f, f.tp.response, confirmations[i]));
    };
    const bestUpTo = (date: string) => bestOverallResponse(tps.filter((tp) => tp.date <= date), options).best;
    return {
      criterion: "RECIST1.1",
      reading: new LazyEpisodeReading("RECIST1.1", timepoints, best.best, null, dated?.date ?? null, null, bestUpTo, input.baselineSum),
      progressionPoints: firstPd >= 0 ? [firstPd] : [],
      isProgressionAt: (i) => facts[i].tp.response === "PD",
      pendingWindow: null,
      awaitingConfirmation: best.awaitingConfirmation,
      bestExplanation: best.explanation,
      progressionRule: "R6",
      best,
      firstPd,
      dated,
    };
  },

  progressionDiagnostics(run, input) {
    const r = run as RecistRun;
    if (r.firstPd < 0) return [];
    const f = input.facts[r.firstPd];
    const { date, movedBack } = r.dated ?? recistProgressionDate(input.facts, r.firstPd);
    const dated = movedBack === "equivocal" ? ` PD dated ${date}, when the lesion first appeared (equivocal then).`
      : movedBack === "unreadable" ? ` PD dated ${date}, when the new lesion was first seen (that scan's own response is NE: a value there could not be read).` : "";
    return [diagnostic("progression", `${recistPdCauses(f).join("; ")}: PD.${dated}`, dateSpan(f.scan), { progressionDate: date })];
  },

  pendingDiagnostics: () => [],
  ownDiagnostics: () => [],

  progressionEvents(e) {
    return progressionEventsOf(RECIST11, e);
  },
};

/** The reading of one time point under a RECIST-sum criterion (RECIST 1.1, and iRECIST with its own label). */
export function recistReading(f: TimepointFacts, response: string, confirmation: TimepointReading["confirmation"], vocabulary: Vocabulary = VOCABULARY, nadir: { value: number | null; date: string | null } = { value: f.tp.nadir, date: f.tp.nadirDate }): TimepointReading {
  const tp = f.tp;
  const sameNadir = nadir.value === tp.nadir;
  return {
    burden: tp.sum,
    nadir: nadir.value,
    nadirDate: nadir.date,
    changeFromBaselinePct: tp.changeFromBaselinePct,
    changeFromNadirPct: sameNadir ? tp.changeFromNadirPct : tp.sum !== null && nadir.value !== null && nadir.value !== 0 ? ((tp.sum - nadir.value) / nadir.value) * 100 : null,
    prThreshold: tp.prThreshold,
    pdThreshold: sameNadir ? tp.pdThreshold : nadir.value === null ? null : pdThresholdOf(nadir.value),
    response,
    category: categoryOf(vocabulary, response),
    confirmation,
    neReason: recistNeReason(f, response),
    saw: recistSaw(tp, response),
    get explanation() {
      return tp.explanation;
    },
  };
}

function recistPdCauses(f: TimepointFacts): string[] {
  const causes: string[] = [];
  const tp = f.tp;
  if (tp.target === "PD") {
    if (f.targetPdBySum && tp.sum !== null && tp.nadir !== null) causes.push(sumVsNadir(tp.sum, tp.nadir, tp.nadirDate));
    else if (f.targetPdBySum && tp.nadir !== null) causes.push(`Measured targets alone sum to ${mm(f.targetSum.measured)}, already PD against the nadir of ${mm(tp.nadir)} with a target not evaluated (R4)`);
    else causes.push("A target lesion reappeared after a CR (R6)");
  }
  if (tp.nonTarget === "PD") causes.push(f.nonTargets?.progressed.length ? `${f.nonTargets.progressed.join(", ")} progressed (non-target)` : "A non-target lesion reappeared after a CR (R6)");
  const news = f.newLesions.lesions.filter((v) => v.present && v.unequivocal);
  if (news.length > 0) causes.push(`New lesion${news.length > 1 ? "s" : ""} ${news.map((v) => `${v.lesion.id} (${v.lesion.organ})`).join(", ")}`);
  if (causes.length === 0 && tp.changeFromNadirPct !== null) causes.push(`Change from nadir ${signedPct(tp.changeFromNadirPct)}`);
  return causes;
}
