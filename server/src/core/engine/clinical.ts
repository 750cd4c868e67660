// Clinical diagnostics of one episode (spec "Diagnostic codes"): progression and its
// confirmation, follow-up, new-lesion warnings, hyperprogression, ctDNA, oligoprogression.
// Messages give the numbers and the facts, worded as information (R35: never advice); dates for
// quick fixes go in `data`. Windows and the scan they belong to come from the iUPD run (irecist.ts).
import type { Assessment } from "../model/types";
import type { Span } from "../syntax/ast";
import type { CoreDiagnostic, DiagnosticData } from "../diagnostics";
import { CodeTable, DiagnosticCode } from "../codes";
import type { EffectiveSettings } from "./effectiveSettings";
import type { EpisodeWork } from "./episode";
import { recistProgressionDate } from "./episode";
import type { TimepointFacts } from "./timepoints";
import type { IupdRun } from "./irecist";
import { selectedDefinition } from "./hyperprogression";
import { readCtdna } from "./ctdna";
import { oligoprogressionAt } from "./oligo";
import { measurementAt } from "./lesionValues";
import { dayText, mm, percentChange, signedPct, sumVsNadir } from "./format";
import { CONFIRMATION_DAYS } from "./timepoints";
import { decisionSupportText } from "./decisionSupport";

type SpanLike = Span | { start: number; end: number };

export function diagnostic(code: DiagnosticCode, message: string, at: SpanLike, data?: DiagnosticData): CoreDiagnostic {
  const info = CodeTable[code];
  const d: CoreDiagnostic = { code, severity: info.severity, message, start: at.start, end: at.end, rules: info.rules };
  if (data) d.data = data;
  return d;
}

/** The scan header's date token (or the header itself when the date is missing). */
export function dateSpan(scan: Assessment): SpanLike {
  return scan.node.header.date ?? scan.node.header;
}

const HYPER_NAMES: Record<string, string> = {
  champiat: "Champiat 2017", "saada-bouzid": "Saada-Bouzid 2017", ferrara: "Ferrara 2018", matos: "Matos 2020", kato: "Kato 2017",
};

export function clinicalDiagnostics(work: EpisodeWork, eff: EffectiveSettings, isLastEpisode: boolean): CoreDiagnostic[] {
  const out: CoreDiagnostic[] = [];
  const { facts, irecist } = work;
  const ep = work.assessment.episode;
  const immunotherapy = ep.therapy?.kinds.includes("immunotherapy") ?? false;
  const progressionPoints: number[] = [];

  if (irecist) {
    for (const e of irecist.events) {
      const f = facts[e.index];
      const at = dateSpan(f.scan);
      const run = e.run;
      switch (e.kind) {
        case "iupd":
          progressionPoints.push(e.index);
          out.push(diagnostic("progression", `${e.causes.join("; ")}: iUPD. Confirmation window ${run.window.from} to ${run.window.to} (28-56 days after this iUPD, R10).`, at, windowData(run)));
          break;
        case "icpd":
          out.push(diagnostic("confirmed-progression", `iCPD confirmed: ${e.reasons.join("; ")}, compared with the first iUPD (${run.firstDate}). Progression dated ${e.progressionDate}; iCPD is final for this line of therapy (R10).`, at,
            { iupdDate: run.firstDate, progressionDate: e.progressionDate }));
          break;
        case "too-early":
          out.push(diagnostic("confirmation-too-early", `Scan ${e.days} days after the first iUPD (${run.firstDate}) is too early to confirm it (< 26 days): disregarded, growth here is not counted. The confirmation window is ${run.window.from} to ${run.window.to}.`, at, windowData(run)));
          break;
        case "window-missed":
          out.push(diagnostic("confirmation-window-missed", `First counted scan after the iUPD of ${run.firstDate} came ${e.days} days later (window 28-56 days, at most 58); it still counts for confirmation.`, at,
            { iupdDate: run.firstDate }));
          break;
        case "clinical":
          out.push(diagnostic("clinical-deterioration", `${capitalise(e.reason)} at or after the iUPD of ${run.firstDate}: iRECIST continues treatment beyond iUPD only in clinically stable patients (R10).`, clinicalSpan(f.scan)));
          break;
      }
    }
  } else if (work.firstPd >= 0) {
    const f = facts[work.firstPd];
    progressionPoints.push(work.firstPd);
    const { date, movedBack } = recistProgressionDate(facts, work.firstPd);
    const dated = movedBack === "equivocal" ? ` PD dated ${date}, when the lesion first appeared (equivocal then).`
      : movedBack === "unreadable" ? ` PD dated ${date}, when the new lesion was first seen (that scan's own response is NE: a value there could not be read).` : "";
    out.push(diagnostic("progression", `${recistPdCauses(f).join("; ")}: PD.${dated}`, dateSpan(f.scan), { progressionDate: date }));
  }

  for (const f of facts) {
    const tp = f.tp;
    // Not on a TP that is progression already (PD, iUPD, iCPD): one reading per scan.
    const progressed = irecist ? tp.iResponse === "iUPD" || tp.iResponse === "iCPD" : tp.response === "PD";
    if (!progressed && tp.target !== "PD" && tp.sum !== null && tp.nadir !== null && tp.pdThreshold !== null) {
      const pct = percentChange(tp.sum, tp.nadir);
      const near = pct === null ? tp.sum > 0 : pct >= eff.settings.nearProgressionMargin;
      if (near) {
        out.push(diagnostic("near-progression", `${sumVsNadir(tp.sum, tp.nadir, tp.nadirDate)}: close to PD, which starts at ${mm(tp.pdThreshold)}.`, dateSpan(f.scan),
          { pdThreshold: tp.pdThreshold / 10 }));
      }
    }
    for (const v of f.newLesions.lesions) {
      if (!v.borderlineNow || v.value.kind !== "size") continue;
      const m = measurementAt(f.scan, v.lesion.id);
      out.push(diagnostic("new-node-borderline", `New node ${v.lesion.id} has a short axis of ${mm(v.value.tenths)} (10 to < 15 mm): it counts as new, but may not be true disease (RECIST FAQ).`, m?.node ?? dateSpan(f.scan)));
    }
  }

  const lastFacts = facts[facts.length - 1];
  if (lastFacts) {
    for (const v of lastFacts.newLesions.lesions) {
      if (!v.present || v.unequivocal) continue;
      const m = measurementAt(lastFacts.scan, v.lesion.id);
      out.push(diagnostic("equivocal-new-lesion", `${v.lesion.id} (${v.lesion.organ}) is an equivocal new lesion since ${v.firstSeen.date}: not progression yet. If a later scan shows it unequivocally, PD dates back to ${v.firstSeen.date} (R6).`,
        m?.node ?? v.lesion.declaration, { firstSeen: v.firstSeen.date }));
    }
  }

  let previous: string | null = null;
  for (const f of facts) {
    if (f.tp.response === "PR" && previous === "CR") {
      out.push(diagnostic("cr-then-pr", `PR after the CR of an earlier scan: disease seen again after a CR is PD unless the CR was not real (then it was PR), so the earlier CR is in doubt (R8).`, dateSpan(f.scan)));
    }
    if (f.tp.response !== "NE") previous = f.tp.response;
  }

  for (const i of progressionPoints) {
    const f = facts[i];
    if (ep.baseline) {
      const oligo = oligoprogressionAt(ep.baseline, facts, i, work.lesions, eff.settings.oligoprogressionMaxLesions);
      if (oligo) {
        // R35: the finding and its source, the option class as information, then where it comes from.
        out.push(diagnostic("oligoprogression", decisionSupportText(
          `progression at the scan of ${f.tp.date} confined to ${oligo.progressing.length} lesion${oligo.progressing.length > 1 ? "s" : ""} (${oligo.progressing.join("; ")}) while ${oligo.others.join(", ")} ${oligo.others.length > 1 ? "are" : "is"} stable or responding`,
          "local treatment of the growing sites (surgery or focused radiation)",
          "common clinical practice for oligoprogression (R14)",
        ), dateSpan(f.scan), { lesions: oligo.progressing }));
      }
    }
    if (irecist || immunotherapy) {
      // R11 (amended): at most one reading per progression scan.
      const reading = readCtdna(work.patient.ctdna, ep.start, f.tp.day, eff.settings.ctdnaFoldThreshold);
      if (reading && reading.reading) {
        const at = reading.latest?.node ?? dateSpan(f.scan);
        const what = `${irecist ? "iUPD" : "PD"} of ${f.tp.date}`;
        const data = { samples: reading.compared, scanDate: f.tp.date };
        if (reading.reading === "progression") out.push(diagnostic("ctdna-supports-progression", `ctDNA supports true progression at the ${what}: ${reading.detail}`, at, data));
        else if (reading.reading === "pseudoprogression") out.push(diagnostic("ctdna-supports-pseudoprogression", `ctDNA supports pseudo-progression at the ${what}: ${reading.detail}`, at, data));
        else out.push(diagnostic("ctdna-inconclusive", `ctDNA inconclusive at the ${what}: ${reading.detail}`, at, data));
      }
    }
  }

  const hyper = work.assessment.hyperprogression;
  if (hyper.length > 0 && facts[0]) {
    const chosen = selectedDefinition(eff.settings.hyperprogression, ep.preTreatment.length > 0);
    const result = hyper.find((h) => h.definition === chosen);
    if (result?.met) out.push(diagnostic("hyperprogression", `Hyperprogression (${HYPER_NAMES[chosen]}): ${result.detail}`, dateSpan(facts[0].scan), { definition: chosen }));
  }

  const respondBest = work.iBest ?? work.best;
  const awaiting = eff.confirmResponses ? respondBest.awaitingConfirmation : null;
  if (awaiting && isLastEpisode) {
    const f = facts.find((x) => x.tp.date === awaiting.date);
    const from = dayText(awaiting.day + CONFIRMATION_DAYS);
    const need = awaiting.response === "CR" ? "a CR" : "a PR or CR";
    if (f) out.push(diagnostic("response-unconfirmed", `${awaiting.response} of ${awaiting.date} is not confirmed yet: confirmation needs ${need} on a scan on or after ${from} (>= 28 days, R8).`, dateSpan(f.scan), { responseDate: awaiting.date, confirmFrom: from }));
  }

  if (isLastEpisode) out.push(...followUpDiagnostics(work, eff));
  return out;
}

function followUpDiagnostics(work: EpisodeWork, eff: EffectiveSettings): CoreDiagnostic[] {
  const out: CoreDiagnostic[] = [];
  const run = work.irecist?.pending ?? null;
  const pending = work.assessment.pendingConfirmation;
  if (run && pending) {
    const scan = work.facts[run.first].scan;
    const data = windowData(run);
    if (eff.asOf > run.missedAfter) {
      out.push(diagnostic("unconfirmed-pseudoprogression", `The iUPD of ${pending.iupdDate} has no confirming scan and its window (${pending.from} to ${pending.to}, +2 days) has passed as of ${dayText(eff.asOf)}: unconfirmed, possibly pseudo-progression; no scan has confirmed or refuted it.`, dateSpan(scan), data));
    } else {
      out.push(diagnostic("confirmation-due", `The iUPD of ${pending.iupdDate} awaits confirmation: window ${pending.from} to ${pending.to} (28-56 days after it, R10).`, dateSpan(scan), data));
    }
  }
  const ep = work.assessment.episode;
  const last = ep.followUps[ep.followUps.length - 1] ?? ep.baseline;
  if (eff.scheduleDays !== null && last) {
    const due = last.day + eff.scheduleDays;
    if (eff.asOf > due + eff.settings.followUpGraceDays) {
      out.push(diagnostic("follow-up-overdue", `Next assessment was due on ${dayText(due)} (every ${eff.scheduleDays} days after the scan of ${last.date}); as of ${dayText(eff.asOf)} it is ${eff.asOf - due} days overdue (grace ${eff.settings.followUpGraceDays} days).`, dateSpan(last),
        { dueDate: dayText(due), asOf: dayText(eff.asOf) }));
    }
  }
  return out;
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

/** The `data` of window diagnostics (quick fixes): the run's window, one source (R10). */
function windowData(run: IupdRun): DiagnosticData {
  const w = run.window;
  return { iupdDate: w.iupdDate, windowFrom: w.from, windowTo: w.to };
}

function clinicalSpan(scan: Assessment): SpanLike {
  for (const item of scan.node.items) if (item.type === "Clinical" || item.type === "Ecog") return item;
  return dateSpan(scan);
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
