// iRECIST (R9, R10): the iUPD runs of engine/irecist.ts on the RECIST 1.1 facts, iBOR, the date of
// progression at the first iUPD of the confirmed run, and as primary criteria the diagnostics of
// each run (iUPD and its window, iCPD, scans too early, windows missed, clinical deterioration)
// and of a run still awaiting confirmation (R13).
import type { IResponse } from "../engine/types";
import type { IrecistResult, IupdRun } from "../engine/irecist";
import { assessIrecist } from "../engine/irecist";
import type { BestResult } from "../engine/best";
import { iBestOverallResponse } from "../engine/best";
import type { DiagnosticData } from "../diagnostics";
import type { Criterion, CriterionInput, CriterionRun, TimepointReading, Vocabulary } from "./types";
import { categoryOf, LazyEpisodeReading, progressionEventsOf, responseConfirmations } from "./shared";
import { recistReading } from "./recist11";
import { capitalise, clinicalSpan, dateSpan, diagnostic } from "../engine/diagnosticHelpers";
import { dayText, pdThresholdOf, prThresholdOf } from "../engine/format";

const VOCABULARY: Vocabulary = { CR: "iCR", PR: "iPR", SD: "iSD", NN: "NON-iCR/NON-iUPD", UPD: "iUPD", PD: "iCPD", NE: "NE" };

export interface IrecistRun extends CriterionRun {
  irecist: IrecistResult;
  iBest: BestResult<IResponse>;
}

export const IRECIST: Criterion = {
  id: "iRECIST",
  label: "iRECIST",
  spellings: ["irecist"],
  summary: "iRECIST (R10): progression is first unconfirmed (iUPD) and must be confirmed (iCPD) 4-8 weeks later.",
  source: "Seymour L et al., Lancet Oncol 2017;18:e143-e152",
  rules: ["R9", "R10"],
  unit: "mm",
  vocabulary: VOCABULARY,
  ranking: ["CR", "PR", "SD", "NN", "UPD", "PD", "NE"],
  cdiscCategory: "iRECIST",
  csvPrefix: null,
  docsAnchor: "irecist",
  thresholds: { pr: "iPR: sum <= 70 % of baseline (-30 %)", pd: "iUPD: sum >= 120 % of the nadir and >= 5 mm above it" },
  chart: { axis: "Sum of diameters (mm)", pr: "iPR \u221230 %", pd: "iUPD +20 % / +5 mm" },
  progressionRule: "R10",
  progressionLabel: "iUPD",
  fieldsOfVersion1: true,
  prThreshold: prThresholdOf,
  pdThreshold: pdThresholdOf,
  immunotherapy: true,

  read(input: CriterionInput): IrecistRun {
    const { facts, lesions, episode, eff } = input;
    const baseline = episode.baseline;
    if (!baseline) throw new Error("an episode without a baseline is not assessed");
    const irecist = assessIrecist({ facts, lesions, baseline, baselineSum: input.baselineSum, baselineEcog: baseline.ecog ?? null, settings: eff.settings, confirmResponses: eff.confirmResponses });
    facts.forEach((f, i) => (f.tp.iResponse = irecist.responses[i]));
    const options = { start: episode.start, minStableDiseaseDays: eff.settings.minStableDiseaseDays, confirm: eff.confirmResponses };
    const entries = facts.map((f, i) => ({ date: f.tp.date, day: f.tp.day, iResponse: irecist.responses[i], confirmedIupd: irecist.confirmedIupd[i] }));
    const iBest = iBestOverallResponse(entries, options);
    const icpd = irecist.events.find((e) => e.kind === "icpd");
    const open = irecist.open;
    const timepoints = (): TimepointReading[] => {
      const confirmations = responseConfirmations(facts.map((f, i) => ({ date: f.tp.date, day: f.tp.day, cat: categoryOf(VOCABULARY, irecist.responses[i]) })), eff.confirmResponses);
      return facts.map((f, i) => {
        const response = irecist.responses[i];
        let confirmation = confirmations[i];
        if (response === "iCPD" || (response === "iUPD" && irecist.confirmedIupd[i])) confirmation = "confirmed";
        else if (response === "iUPD") confirmation = open !== null && i >= open.first ? "pending" : "negated";
        const nadir = irecist.nadirs[i];
        return recistReading(f, response, confirmation, VOCABULARY, { value: nadir?.sum ?? null, date: nadir?.date ?? null });
      });
    };
    const bestUpTo = (date: string) => iBestOverallResponse(entries.filter((e) => e.date <= date), options).best;
    const bestConfirmation = iBest.best === "iUPD" && open !== null ? "pending" : null;
    return {
      criterion: "iRECIST",
      reading: new LazyEpisodeReading("iRECIST", timepoints, iBest.best, bestConfirmation, irecist.progressionDate, icpd ? facts[icpd.index].tp.date : null, bestUpTo, input.baselineSum),
      progressionPoints: irecist.events.filter((e) => e.kind === "iupd").map((e) => e.index),
      isProgressionAt: (i) => irecist.responses[i] === "iUPD" || irecist.responses[i] === "iCPD",
      // One source for the window and the scan it belongs to: the run's first iUPD (R10, R13).
      pendingWindow: irecist.pending?.window ?? null,
      awaitingConfirmation: iBest.awaitingConfirmation,
      bestExplanation: iBest.explanation,
      progressionRule: "R10",
      irecist,
      iBest,
    };
  },

  decorate(run, assessment) {
    assessment.iBestResponse = run === null ? null : (run as IrecistRun).iBest.best;
  },

  progressionDiagnostics(run, input) {
    const { irecist } = run as IrecistRun;
    const out = [];
    for (const e of irecist.events) {
      const f = input.facts[e.index];
      const at = dateSpan(f.scan);
      const r = e.run;
      switch (e.kind) {
        case "iupd":
          out.push(diagnostic("progression", `${e.causes.join("; ")}: iUPD. Confirmation window ${r.window.from} to ${r.window.to} (28-56 days after this iUPD, R10).`, at, windowData(r)));
          break;
        case "icpd":
          out.push(diagnostic("confirmed-progression", `iCPD confirmed: ${e.reasons.join("; ")}, compared with the first iUPD (${r.firstDate}). Progression dated ${e.progressionDate}; iCPD is final for this line of therapy (R10).`, at,
            { iupdDate: r.firstDate, progressionDate: e.progressionDate }));
          break;
        case "too-early":
          out.push(diagnostic("confirmation-too-early", `Scan ${e.days} days after the first iUPD (${r.firstDate}) is too early to confirm it (< 26 days): disregarded, growth here is not counted. The confirmation window is ${r.window.from} to ${r.window.to}.`, at, windowData(r)));
          break;
        case "window-missed":
          out.push(diagnostic("confirmation-window-missed", `First counted scan after the iUPD of ${r.firstDate} came ${e.days} days later (window 28-56 days, at most 58); it still counts for confirmation.`, at,
            { iupdDate: r.firstDate }));
          break;
        case "clinical":
          out.push(diagnostic("clinical-deterioration", `${capitalise(e.reason)} at or after the iUPD of ${r.firstDate}: iRECIST continues treatment beyond iUPD only in clinically stable patients (R10).`, clinicalSpan(f.scan)));
          break;
      }
    }
    return out;
  },

  pendingDiagnostics(run, input) {
    const r = (run as IrecistRun).irecist.pending;
    const pending = run.pendingWindow;
    if (!r || !pending) return [];
    const scan = input.facts[r.first].scan;
    const data = windowData(r);
    const asOf = input.eff.asOf;
    if (asOf > r.missedAfter) {
      return [diagnostic("unconfirmed-pseudoprogression", `The iUPD of ${pending.iupdDate} has no confirming scan and its window (${pending.from} to ${pending.to}, +2 days) has passed as of ${dayText(asOf)}: unconfirmed, possibly pseudo-progression; no scan has confirmed or refuted it.`, dateSpan(scan), data)];
    }
    return [diagnostic("confirmation-due", `The iUPD of ${pending.iupdDate} awaits confirmation: window ${pending.from} to ${pending.to} (28-56 days after it, R10).`, dateSpan(scan), data)];
  },

  ownDiagnostics: () => [],

  legacyJson: {
    timepoint: (tp) => ({ iResponse: tp.iResponse ?? "NE" }),
    afterBestResponse: (e) => ({ iBestResponse: e.iBestResponse ?? null }),
  },

  progressionEvents(e) {
    return progressionEventsOf(IRECIST, e);
  },
};

/** The `data` of window diagnostics (quick fixes): the run's window, one source (R10). */
function windowData(run: IupdRun): DiagnosticData {
  const w = run.window;
  return { iupdDate: w.iupdDate, windowFrom: w.from, windowTo: w.to };
}
