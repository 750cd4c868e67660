// Clinical diagnostics of one episode (spec "Diagnostic codes"): progression and its
// confirmation (from the primary criteria's module, core/criteria), follow-up, new-lesion
// warnings, hyperprogression, ctDNA, oligoprogression, and each criterion's own findings.
// Messages give the numbers and the facts, worded as information (R35: never advice); dates for
// quick fixes go in `data`.
import type { CoreDiagnostic } from "../diagnostics";
import type { EffectiveSettings } from "./effectiveSettings";
import type { EpisodeWork } from "./episode";
import { selectedDefinition } from "./hyperprogression";
import { readCtdna } from "./ctdna";
import { oligoprogressionAt } from "./oligo";
import { measurementAt } from "./lesionValues";
import { dayText, mm, percentChange, sumVsNadir } from "./format";
import { CONFIRMATION_DAYS } from "./timepoints";
import { decisionSupportText } from "./decisionSupport";
import { criterion } from "../criteria/registry";
import { dateSpan, diagnostic } from "./diagnosticHelpers";
import { displayResponse } from "../criteria/shared";

export { dateSpan, diagnostic } from "./diagnosticHelpers";

const HYPER_NAMES: Record<string, string> = {
  champiat: "Champiat 2017", "saada-bouzid": "Saada-Bouzid 2017", ferrara: "Ferrara 2018", matos: "Matos 2020", kato: "Kato 2017",
};

export function clinicalDiagnostics(work: EpisodeWork, eff: EffectiveSettings, isLastEpisode: boolean): CoreDiagnostic[] {
  const out: CoreDiagnostic[] = [];
  const { facts } = work;
  const ep = work.assessment.episode;
  // Language 1.1: a combination (`immunotherapy+chemotherapy`) is immunotherapy too.
  const immunotherapy = ep.therapy?.kinds.includes("immunotherapy") ?? false;
  const primary = criterion(work.primary.criterion);
  out.push(...primary.progressionDiagnostics(work.primary, work.input));
  const progressionPoints = work.primary.progressionPoints;

  facts.forEach((f, i) => {
    const tp = f.tp;
    // Not on a TP that is progression already under the primary criteria (PD, iUPD, iCPD): one reading per scan.
    if (!work.primary.isProgressionAt(i) && tp.target !== "PD" && tp.sum !== null && tp.nadir !== null && tp.pdThreshold !== null) {
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
  });

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
    if (primary.immunotherapy || immunotherapy) {
      // R11 (amended): at most one reading per progression scan.
      const reading = readCtdna(work.patient.ctdna, ep.start, f.tp.day, eff.settings.ctdnaFoldThreshold);
      if (reading && reading.reading) {
        const at = reading.latest?.node ?? dateSpan(f.scan);
        const what = `${primary.progressionLabel} of ${f.tp.date}`;
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

  // Set only where the primary criteria require confirmation (R8; irRC always, R28).
  const awaiting = work.primary.awaitingConfirmation;
  if (awaiting && isLastEpisode) {
    const f = facts.find((x) => x.tp.date === awaiting.date);
    const from = dayText(awaiting.day + CONFIRMATION_DAYS);
    const need = awaiting.response === "CR" ? "a CR" : "a PR or CR";
    if (f) out.push(diagnostic("response-unconfirmed", `${awaiting.response} of ${awaiting.date} is not confirmed yet: confirmation needs ${need} on a scan on or after ${from} (>= 28 days, R8).`, dateSpan(f.scan), { responseDate: awaiting.date, confirmFrom: from }));
  }

  if (isLastEpisode) {
    out.push(...primary.pendingDiagnostics(work.primary, work.input));
    out.push(...followUpOverdue(work, eff));
  }
  for (const [id, run] of work.runs) {
    if (!work.input.eff.criteria.includes(id)) continue;
    out.push(...criterion(id).ownDiagnostics(run, work.input, { primary: run === work.primary, lastEpisode: isLastEpisode }));
  }
  out.push(...criteriaDisagree(work));
  return out;
}

/**
 * R25: where the criteria read side by side give different categories at a scan (CR, PR, SD,
 * NON-CR/NON-PD, PD (unconfirmed or not), NE), one information names each reading and what it saw.
 */
function criteriaDisagree(work: EpisodeWork): CoreDiagnostic[] {
  const read = work.input.eff.criteria;
  if (read.length < 2) return [];
  const out: CoreDiagnostic[] = [];
  work.facts.forEach((f, i) => {
    const readings = read.map((id) => ({ id, tp: work.runs.get(id)?.reading.timepoints[i] })).filter((r) => r.tp !== undefined);
    const common = new Set(readings.map((r) => commonCategory(r.tp!.category)));
    if (common.size < 2) return;
    const parts = readings.map((r) => `${criterion(r.id).label} ${displayResponse(r.tp!)} (${r.tp!.saw})`);
    out.push(diagnostic("criteria-disagree", `The criteria disagree at this scan: ${parts.join("; ")} (R25).`, dateSpan(f.scan),
      { scanDate: f.tp.date, readings: readings.map((r) => `${r.id}:${r.tp!.response}`) }));
  });
  return out;
}

/** iRECIST's iUPD and iCPD are both progression when criteria are compared. */
function commonCategory(category: string): string {
  return category === "UPD" ? "PD" : category;
}

function followUpOverdue(work: EpisodeWork, eff: EffectiveSettings): CoreDiagnostic[] {
  const ep = work.assessment.episode;
  const last = ep.followUps[ep.followUps.length - 1] ?? ep.baseline;
  if (eff.scheduleDays === null || !last) return [];
  const due = last.day + eff.scheduleDays;
  if (eff.asOf <= due + eff.settings.followUpGraceDays) return [];
  return [diagnostic("follow-up-overdue", `Next assessment was due on ${dayText(due)} (every ${eff.scheduleDays} days after the scan of ${last.date}); as of ${dayText(eff.asOf)} it is ${eff.asOf - due} days overdue (grace ${eff.settings.followUpGraceDays} days).`, dateSpan(last),
    { dueDate: dayText(due), asOf: dayText(eff.asOf) })];
}
