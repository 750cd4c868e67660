// The SITC classification of resistance to immune checkpoint inhibitors (R17-R24, Decisions 1, 2,
// 7, 8, 9): per line of therapy, in R24's order of precedence, with every number. The progression
// is read by a ResistanceReading (reading.ts: RECIST 1.1 afresh by default, or iRECIST); this file
// applies the window of R19, its clinical exception, the time measures of R18 and the definitions
// of R20-R23 the same way to every reading. Days are whole days; months are 30.4375 days, compared
// exactly in integers (16 x days against 487 x months).
import type { Assessment, Criteria, Day, Episode, Patient, Therapy } from "../../model/types";
import type { EffectiveSettings } from "../effectiveSettings";
import type { EpisodeWork } from "../episode";
import type { DiscussionOption, Explanation, OverallResponse, ResistanceClass, ResistanceDefinition, ResistanceResult } from "../types";
import type { ProgressionRun, ResistanceReading } from "./reading";
import { criterionReading, irecistReading, recistReading } from "./reading";
import { criterion } from "../../criteria/registry";
import type { CriterionInput, CriterionRun } from "../../criteria/types";
import type { IrecistRun } from "../../criteria/irecist";
import { episodeThrough } from "../../model/build";
import { assessTimepoints, baselineSumOf, lesionsOf, TimepointFacts, EpisodeLesions } from "../timepoints";
import { bestOverallResponse } from "../best";
import { selectedDefinition } from "../hyperprogression";
import { oligoprogressionAt } from "../oligo";
import { dayText } from "../format";
import { isLocalOnly } from "../../model/therapies";
import { optionsToDiscuss } from "./options";

/** R18: 6 weeks. */
export const EXPOSURE_MIN_DAYS = 42;
/** R23: SITC 2023's 6-8 weeks for ICI + chemotherapy: the band 42-55 days is named. */
const EXPOSURE_BAND_END_DAYS = 55;
/** R20-R22: within 12 weeks of the last dose. */
export const LAST_DOSE_DAYS = 84;

/** R18: whether `days` is at least `months` months of 30.4375 days (= 487/16), exactly. */
export function atLeastMonths(days: number, months: number): boolean {
  return 16 * days >= 487 * months;
}

/** The smallest whole number of days that is `months` months or more (183 for 6). */
export function monthsInDays(months: number): number {
  return Math.ceil((487 * months) / 16);
}

const DEFINITION: Record<"single" | "chemo", ResistanceDefinition> = { single: "SITC 2020 single agent", chemo: "SITC 2023 ICI+chemotherapy" };

const CLASS_TEXT: Record<Exclude<ResistanceClass, "unclassifiable" | "none" | "pending" | "not-applicable">, string> = {
  primary: "primary resistance",
  secondary: "secondary (acquired) resistance",
  "secondary-or-late": "secondary or late resistance",
  "after-discontinuation": "progression after discontinuation (more than 12 weeks after the last dose)",
};

export interface ResistanceInput {
  patient: Patient;
  work: EpisodeWork;
  eff: EffectiveSettings;
  /** Variants that bring up targeted therapy (biomarkers.ts), for R35's options. */
  targeted: DiscussionOption[];
}

/** What the classification reads: the line's scans (through the local lines after it, Decision 2) and their reading. */
interface View {
  episode: Episode;
  facts: TimepointFacts[];
  lesions: EpisodeLesions;
  reading: ResistanceReading;
  /** The start of the next systemic line (R19's clinical exception, Decision 2), or null. */
  laterSystemic: Therapy | null;
  /** The local lines read through (Decision 2). */
  readThrough: Therapy[];
  baselineEcog: number | null;
}

export function classifyResistance(input: ResistanceInput): ResistanceResult {
  const { patient, work, eff } = input;
  const episode = work.assessment.episode;
  const therapy = episode.therapy;
  const readingCriteria = readingOf(eff);
  const explanation: Explanation[] = [];
  if (!therapy || !therapy.kinds.includes("immunotherapy") || !episode.baseline) {
    return empty("not-applicable", "not applicable: no immune checkpoint inhibitor therapy", "no immune checkpoint inhibitor therapy", readingCriteria, therapy, [
      { rule: "R17", text: therapy ? `The kind of ${therapy.name} is ${therapy.kinds.length > 0 ? therapy.kinds.join("+") : "not given"}: the resistance definitions apply to lines of kind immunotherapy (alone or combined, R23).` : "This episode has no therapy line: the resistance definitions apply to lines of kind immunotherapy." },
    ]);
  }
  const view = viewOf(input, readingCriteria);
  const reading = view.reading;
  explanation.push({ rule: "R17", text: `Reading: ${readingName(readingCriteria)} (setting resistanceReading = ${eff.settings.resistanceReading}${readingCriteria === "RECIST1.1" ? "; responses read afresh at each scan, Decision 1" : ""}).` });
  if (view.readThrough.length > 0) {
    explanation.push({ rule: "R17", text: `Scans read through ${view.readThrough.map((t) => `${t.name} from ${t.date}`).join(", ")} (radiotherapy or local treatment does not end the immunotherapy line, Decision 2).` });
  }
  if (reading.runs.length === 0) {
    const last = reading.timepoints[reading.timepoints.length - 1];
    const asOf = dayText(eff.asOf);
    explanation.push({ rule: "R24", text: `No PD under the reading${last ? ` up to the scan of ${last.date}` : " (no follow-up scan yet)"}: no resistance event as of ${asOf}.` });
    return empty("none", "no resistance event", `no progression as of ${asOf}`, readingCriteria, therapy, explanation);
  }

  // A last dose before the start is an error of the file (`invalid-date`): no time measure that
  // rests on it is given, and the line is not classified (no silent wrong number).
  if (therapy.lastDose !== null && therapy.lastDose < therapy.start) {
    const run = reading.runs[0];
    const n = numbersOf(run, view, input);
    const reason = "last dose date before the start";
    explanation.push({ rule: "R18", text: `The last dose (${therapy.lastDoseDate}) is before the start (${therapy.date}), an invalid-date error: exposure and time since the last dose cannot be measured; the PD of ${run.date} is not classified.` });
    return {
      ...empty("none", "", "", readingCriteria, therapy, explanation),
      ...numbersFields(n), exposureDays: null, daysSinceLastDose: null,
      class: "unclassifiable", text: `unclassifiable: ${reason}`, reason, progressionScan: reading.timepoints[run.first].scan,
    };
  }

  const kinds = therapy.kinds;
  const icis = kinds.filter((k) => k === "immunotherapy").length;
  const others = kinds.filter((k) => k !== "immunotherapy");
  const definition: "single" | "chemo" | null = icis === 1 && others.length === 0 ? "single" : icis === 1 && others.length > 0 && others.every((k) => k === "chemotherapy") ? "chemo" : null;
  const index = patient.therapies.indexOf(therapy);
  const earlierIci = patient.therapies.slice(0, Math.max(0, index)).find((t) => t.kinds.includes("immunotherapy") && t.start < therapy.start);

  // R24 step 3: settings and combinations not covered. Their numbers are those of the single-agent reading.
  if (earlierIci || definition === null) {
    const base = classifyWith(definition ?? "single", view, input, explanation.slice());
    const reason = earlierIci
      ? "rechallenge not covered"
      : "definitions for this combination not encoded (to verify)";
    const why = earlierIci
      ? `${therapy.name} follows an earlier immunotherapy line (${earlierIci.name} from ${earlierIci.date}): a rechallenge, which the SITC definitions read here do not cover (R17, Decision 2).`
      : `The kinds ${kinds.join("+")} combine immunotherapy with ${comboName(kinds)}: SITC 2023's definitions for this combination were not read and are not encoded (R23, to verify).`;
    const result: ResistanceResult = {
      ...base,
      class: "unclassifiable",
      text: `unclassifiable: ${reason}`,
      reason,
      definition: null,
      confirmationDue: null,
      explanation: [...explanation, { rule: earlierIci ? "R17" : "R23", text: why }, ...(definition === null ? [{ rule: "R23", text: `For information only, the single-agent definitions give: ${base.text}.` }] : [])],
      singleAgentForInformation: definition === null ? base : null,
      options: [],
      notBroughtUp: [],
    };
    if (base.confirmedProgression) Object.assign(result, optionsToDiscuss(result, therapy, input.targeted, oligoAt(view, base, eff)));
    return result;
  }
  const result = classifyWith(definition, view, input, explanation);
  if (result.confirmedProgression) Object.assign(result, optionsToDiscuss(result, therapy, input.targeted, oligoAt(view, result, eff)));
  return result;
}

/** The criteria of the reading: the setting, or the patient's own criteria for "primary" (R17). */
function readingOf(eff: EffectiveSettings): Criteria {
  return eff.settings.resistanceReading === "primary" ? eff.criteria[0] : eff.settings.resistanceReading;
}

function readingName(c: Criteria): string {
  return criterion(c).label;
}

function comboName(kinds: readonly string[]): string {
  const others = kinds.filter((k) => k !== "immunotherapy");
  if (others.length === 0) return "another immunotherapy (ICI + ICI)";
  if (others.every((k) => k === "targeted")) return "targeted therapy (ICI + targeted or antiangiogenic)";
  return [...new Set(others)].join(" and ");
}

/** The scans of the line, through the local lines after it (Decision 2), and the reading of their progression. */
function viewOf(input: ResistanceInput, criteria: Criteria): View {
  const { patient, work, eff } = input;
  const episode = work.assessment.episode;
  const therapy = episode.therapy!;
  const readThrough: Therapy[] = [];
  const extra: Assessment[] = [];
  for (const next of patient.episodes.slice(episode.index + 1)) {
    if (!next.therapy || !isLocalOnly(next.therapy)) break;
    readThrough.push(next.therapy);
    if (next.baseline && next.baseline !== episode.baseline && next.baseline.day > episode.baseline!.day) extra.push(next.baseline);
    extra.push(...next.followUps);
  }
  const laterSystemic = patient.therapies.find((t) => t.start > therapy.start && !isLocalOnly(t)) ?? null;
  const seen = new Set(episode.followUps);
  const added = [...new Set(extra)].filter((a) => !seen.has(a)).sort((a, b) => a.day - b.day);
  const through = episodeThrough(episode, added);
  const lesions = through === episode ? work.lesions : lesionsOf(through);
  const facts = through === episode ? work.facts : assessTimepoints(through, lesions, patient.markers, eff.settings, eff.confirmResponses);
  const baselineSum = baselineSumOf(through, lesions);
  // Decision 1: RECIST 1.1 is read afresh here (not the sticky column of its module). Every other
  // reading is the registry criterion's own run (Decision 9), the one the engine already made when
  // the line's scans are the episode's own and the patient reads that criterion, else made here.
  let reading: ResistanceReading;
  if (criteria === "RECIST1.1") {
    reading = recistReading(facts, baselineSum, eff.settings.resistanceConfirmWindowDays[0]);
  } else {
    const own = through === episode ? work.runs.get(criteria) : undefined;
    // A criterion read here writes its labels on its own copy of the time points (iRECIST sets
    // `iResponse`), so the patient's assessment is unchanged by the resistance reading.
    const copied = facts.map((f) => ({ ...f, tp: { ...f.tp } }));
    const input: CriterionInput = { patient, episode: through, lesions, facts: copied, eff, baselineSum };
    const run: CriterionRun = own ?? criterion(criteria).read(input);
    // iRECIST keeps its own runs (R10: scans too early are disregarded, the bar is reset by a response).
    reading = criteria === "iRECIST" ? irecistReading(facts, (run as IrecistRun).irecist, baselineSum) : criterionReading(criterion(criteria), facts, run.reading);
  }
  return { episode: through, facts, lesions, reading, laterSystemic, readThrough, baselineEcog: episode.baseline?.ecog ?? null };
}

/** Decision 8: `clinical deterioration`, or an ECOG worse than at the baseline (as R10). */
function deteriorated(scan: Assessment, baselineEcog: number | null): string | null {
  if (scan.clinical === "deterioration") return `clinical deterioration recorded at the scan of ${scan.date}`;
  if (scan.ecog !== null && baselineEcog !== null && scan.ecog > baselineEcog) return `ECOG ${scan.ecog} at the scan of ${scan.date}, worse than ${baselineEcog} at the baseline`;
  return null;
}

/** R12 (the configured definition, Decision 8) met at the first scan, when that scan is the run's PD. */
function hyperprogressionAt(run: ProgressionRun, view: View, work: EpisodeWork, input: ResistanceInput): string | null {
  if (run.first !== 0) return null;
  const chosen = selectedDefinition(input.eff.settings.hyperprogression, view.episode.preTreatment.length > 0);
  const met = work.assessment.hyperprogression.find((h) => h.definition === chosen && h.met);
  return met ? `hyperprogression (${chosen}) is met at ${run.date}: ${met.detail}` : null;
}

type Confirmation =
  | { state: "scan"; at: number; late: boolean; why: string }
  | { state: "clinical"; why: string }
  | { state: "negated"; at: number; why: string }
  | { state: "pending"; from: string; to: string }
  | { state: "expired"; why: string };

/**
 * R19 for one run: a scan decision inside the window wins; else the clinical exception; else a
 * later scan (counted with `resistanceLateConfirmation` accept); else pending while the window is
 * open (as of the effective date), unclassifiable once it has passed.
 */
function confirmationOf(run: ProgressionRun, view: View, input: ResistanceInput): Confirmation {
  const { eff, work } = input;
  const tps = view.reading.timepoints;
  const firstDay = tps[run.first].day;
  const [windowFrom, windowTo] = eff.settings.resistanceConfirmWindowDays;
  const d = run.decision;
  if (d.state !== "open" && tps[d.at].day - firstDay <= windowTo) {
    return d.state === "confirmed" ? { state: "scan", at: d.at, late: false, why: d.why } : { state: "negated", at: d.at, why: d.why };
  }
  // The clinical exception (SITC footnote, Decision 8): deterioration at the PD scan or a scan after
  // it (before any confirmation scan), and a later systemic line before any confirmation scan or R12 met.
  const end = d.state === "open" ? tps.length : d.at;
  let worse: string | null = null;
  for (let k = run.first; k < end && worse === null; k++) worse = deteriorated(tps[k].scan, view.baselineEcog);
  if (worse) {
    const line = view.laterSystemic && view.laterSystemic.start >= firstDay && (d.state === "open" || view.laterSystemic.start < tps[d.at].day) ? view.laterSystemic : null;
    const hpd = hyperprogressionAt(run, view, work, input);
    if (line) return { state: "clinical", why: `${worse}, and ${line.name} started on ${line.date} before any confirmation scan` };
    if (hpd) return { state: "clinical", why: `${worse}, and ${hpd}` };
  }
  if (d.state === "confirmed") {
    const days = tps[d.at].day - firstDay;
    if (eff.settings.resistanceLateConfirmation === "accept") return { state: "scan", at: d.at, late: true, why: d.why };
    return { state: "expired", why: `the first scan that confirms it (${tps[d.at].date}) came ${days} days after it, after the ${windowFrom}-${windowTo}-day window (setting resistanceLateConfirmation = reject)` };
  }
  if (d.state === "negated") return { state: "negated", at: d.at, why: d.why };
  const lastDay = Math.max(eff.asOf, tps[tps.length - 1].day);
  if (lastDay - firstDay <= windowTo) return { state: "pending", from: dayText(firstDay + windowFrom), to: dayText(firstDay + windowTo) };
  return { state: "expired", why: `no scan ${windowFrom}-${windowTo} days after it has confirmed it (as of ${dayText(eff.asOf)}, ${eff.asOf - firstDay} days after it)` };
}

/** The numbers of one progression (R18) and the best response up to it (R9, R25, Decision 7). */
interface Numbers {
  run: ProgressionRun;
  progressionDay: Day;
  exposureDays: number;
  controlDays: number;
  daysSinceLastDose: number | null;
  bestResponse: OverallResponse | null;
  /** Decision 7: NON-CR/NON-PD counts as SD, NE with a PD as PD. */
  borForRules: "CR" | "PR" | "SD" | "PD";
}

function numbersOf(run: ProgressionRun, view: View, input: ResistanceInput): Numbers {
  const therapy = view.episode.therapy!;
  const start = therapy.start;
  const settings = input.eff.settings;
  const progressionDay = run.day;
  const lastDose = therapy.lastDose;
  const exposureEnd = lastDose !== null ? Math.min(lastDose, progressionDay) : progressionDay;
  const upTo = view.reading.timepoints.slice(0, run.first + 1);
  // A registry criterion gives its own best response up to the progression (R25, Decision 9: its
  // confirmation of responses, irRC always); the RECIST 1.1 and iRECIST readings count here.
  const bor = view.reading.bestUpTo ? view.reading.bestUpTo(run.first)
    : bestOverallResponse(upTo.map((t) => ({ date: t.date, day: t.day, response: t.category })), { start, minStableDiseaseDays: settings.minStableDiseaseDays, confirm: input.eff.confirmResponses }).best;
  const borForRules = bor === "NON-CR/NON-PD" ? "SD" : bor === "NE" || bor === null ? "PD" : bor;
  let controlFrom = start;
  if (settings.resistanceControlFrom === "response") {
    const wanted: OverallResponse[] = borForRules === "CR" || borForRules === "PR" ? ["CR", "PR"] : borForRules === "SD" ? ["SD", "NON-CR/NON-PD"] : [];
    const first = upTo.find((t) => wanted.includes(t.category));
    controlFrom = first ? first.day : progressionDay;
  }
  return {
    run,
    progressionDay,
    exposureDays: exposureEnd - start,
    controlDays: progressionDay - controlFrom,
    daysSinceLastDose: lastDose !== null && lastDose < progressionDay ? progressionDay - lastDose : null,
    bestResponse: bor,
    borForRules,
  };
}

/** R24 steps 4-10 for one definition (SITC 2020 single agent, or SITC 2023 ICI + chemotherapy). */
function classifyWith(definition: "single" | "chemo", view: View, input: ResistanceInput, explanation: Explanation[]): ResistanceResult {
  const { eff } = input;
  const therapy = view.episode.therapy!;
  const reading = view.reading;
  const tps = reading.timepoints;
  const months = eff.settings.resistanceControlMonths;
  const monthsDays = monthsInDays(months);
  const base = {
    reading: reading.criteria as Criteria,
    definition: DEFINITION[definition],
    stopReason: therapy.stopped,
    singleAgentForInformation: null,
    options: [],
    notBroughtUp: [],
    lateConfirmationScan: null as Assessment | null,
  };
  explanation.push({ rule: definition === "single" ? "R17" : "R23", text: `Definition: ${DEFINITION[definition]}${definition === "chemo" ? " (no confirmation scan needed; timing from the first progression, whatever the best response)" : ""}.` });
  if (definition === "single") {
    const [from, to] = eff.settings.resistanceConfirmWindowDays;
    explanation.push({ rule: "R19", text: `Confirmation: ${reading.confirmationRule}; within ${from}-${to} days of the first PD (setting resistanceConfirmWindowDays).` });
  }

  let run: ProgressionRun;
  let confirmedBy: string | null = null;
  let clinical = false;
  if (definition === "chemo") {
    run = reading.runs[0];
    const later = run.decision.state === "negated" ? ` A later scan (${tps[run.decision.at].date}) no longer met PD; SITC 2023 needs no confirmation for ICI + chemotherapy.` : "";
    explanation.push({ rule: "R23", text: `Progression ${run.date} (${run.causes.join("; ") || tps[run.first].label}).${later}` });
  } else {
    let negated: { run: ProgressionRun; at: number } | null = null;
    let chosen: { run: ProgressionRun; confirmation: Confirmation } | null = null;
    for (const r of reading.runs) {
      const c = confirmationOf(r, view, input);
      explanation.push({ rule: "R19", text: confirmationText(r, c, view) });
      if (c.state === "negated") {
        negated = { run: r, at: c.at };
        continue;
      }
      chosen = { run: r, confirmation: c };
      break;
    }
    if (!chosen) {
      // Every PD was negated by its confirmation scan (R24 step 4): no resistance event.
      const n = negated!;
      const numbers = numbersOf(n.run, view, input);
      const at = tps[n.at].date;
      return {
        ...base, ...numbersFields(numbers), class: "none", text: `no resistance event: progression not confirmed at ${at}`, reason: `progression not confirmed at ${at}`,
        confirmedBy: null, confirmationDue: null, explanation, confirmedProgression: false, progressionScan: tps[n.run.first].scan,
      };
    }
    run = chosen.run;
    const c = chosen.confirmation;
    if (c.state === "pending") {
      const numbers = numbersOf(run, view, input);
      explanation.push(numbersStep(numbers, therapy));
      return {
        ...base, ...numbersFields(numbers), class: "pending", text: "pending: progression not yet confirmed",
        reason: "progression not yet confirmed", confirmedBy: null, confirmationDue: { from: c.from, to: c.to },
        explanation, confirmedProgression: false, progressionScan: tps[run.first].scan,
      };
    }
    if (c.state === "expired") {
      return unclassifiable(base, numbersOf(run, view, input), "progression not confirmed", explanation, view, null, false);
    }
    if (c.state === "scan") {
      confirmedBy = tps[c.at].date;
      if (c.late) base.lateConfirmationScan = tps[c.at].scan;
    } else if (c.state === "clinical") {
      confirmedBy = "clinical";
      clinical = true;
    }
  }

  const n = numbersOf(run, view, input);
  explanation.push(numbersStep(n, therapy));
  const scan = tps[run.first].scan;
  // R24 step 5: a stop without the last dose.
  if (therapy.stopped !== null && therapy.lastDose === null) {
    explanation.push({ rule: "R22", text: `${therapy.name} stopped (${therapy.stopped}) without the date of the last dose (\`to DATE\`): the time from the last dose to the progression is unknown.` });
    return unclassifiable(base, n, "last dose date missing", explanation, view, confirmedBy, true);
  }
  // R24 step 6: exposure (ICI + chemotherapy: any exposure when rapidly progressing, R23, Decision 8).
  let rapid: string | null = null;
  if (definition === "chemo") rapid = hyperprogressionAt(run, view, input.work, input) ?? deteriorated(scan, view.baselineEcog);
  if (n.exposureDays < EXPOSURE_MIN_DAYS) {
    if (!rapid) {
      explanation.push({ rule: definition === "single" ? "R20" : "R23", text: `Exposure ${n.exposureDays} days is under 6 weeks (42 days).` });
      return unclassifiable(base, n, "exposure under 6 weeks", explanation, view, confirmedBy, true);
    }
    explanation.push({ rule: "R23", text: `Exposure ${n.exposureDays} days is under 6 weeks, but the disease is rapidly progressing (${rapid}): any exposure counts (Decision 8).` });
  } else if (definition === "chemo" && n.exposureDays <= EXPOSURE_BAND_END_DAYS) {
    explanation.push({ rule: "R23", text: `Exposure ${n.exposureDays} days, within SITC 2023's 6-8 weeks (42-55 days).` });
  }
  const afterLastDose = therapy.lastDose !== null && n.progressionDay > therapy.lastDose;
  if (definition === "single") {
    // R24 step 7 / R22: more than 12 weeks after the last dose.
    if (n.daysSinceLastDose !== null && n.daysSinceLastDose > LAST_DOSE_DAYS) {
      explanation.push({ rule: "R22", text: `Progression ${n.daysSinceLastDose} days after the last dose (${therapy.lastDoseDate}), more than 12 weeks (84 days): progression after discontinuation${therapy.stopped ? ` (stopped: ${therapy.stopped})` : ""}, not called resistance; SITC's sub-categories after discontinuation are not encoded (to verify).` });
      return classified(base, n, "after-discontinuation", `${n.daysSinceLastDose} days after the last dose (more than 84)${therapy.stopped ? `, stopped for ${therapy.stopped}` : ""}, best response ${n.bestResponse ?? "none"}`, explanation, confirmedBy, clinical, scan);
    }
    const onTreatment = n.daysSinceLastDose === null ? "on treatment" : `${n.daysSinceLastDose} days after the last dose (84 or fewer)`;
    // R24 step 8 / R20.
    const shortControl = !atLeastMonths(n.controlDays, months);
    if (n.borForRules === "PD") {
      explanation.push({ rule: "R20", text: `Exposure ${n.exposureDays} days (>= 42), best response ${n.bestResponse ?? "PD"}${n.bestResponse === "NE" || n.bestResponse === null ? " (counts as PD with a confirmed progression, Decision 7)" : ""}, progression ${onTreatment}: primary resistance.` });
      return classified(base, n, "primary", `best response ${n.bestResponse ?? "PD"}, exposure ${n.exposureDays} days, ${onTreatment}`, explanation, confirmedBy, clinical, scan);
    }
    if (shortControl) {
      const response = n.borForRules === "CR" || n.borForRules === "PR";
      if (response && eff.settings.resistanceShortResponse === "unclassifiable") {
        explanation.push({ rule: "R20", text: `Best response ${n.bestResponse} with disease control of ${n.controlDays} days (under ${months} months): SITC 2020 Table 1 names only stable disease for primary resistance (setting resistanceShortResponse = unclassifiable).` });
        return unclassifiable(base, n, `response (${n.bestResponse}) shorter than ${months} months, not covered by SITC 2020 Table 1`, explanation, view, confirmedBy, true, clinical);
      }
      explanation.push({ rule: "R20", text: `Exposure ${n.exposureDays} days (>= 42), best response ${n.bestResponse}${n.bestResponse === "NON-CR/NON-PD" ? " (counts as SD, Decision 7)" : ""} with disease control of ${n.controlDays} days (${monthsDays - 1} or fewer: under ${months} months)${response ? " (a short response counts, JITC restatement)" : ""}, progression ${onTreatment}: primary resistance.` });
      return classified(base, n, "primary", `best response ${n.bestResponse} with disease control of ${n.controlDays} days (under ${months} months)`, explanation, confirmedBy, clinical, scan);
    }
    // R24 step 9 / R21.
    if (atLeastMonths(n.exposureDays, months)) {
      explanation.push({ rule: "R21", text: `Exposure ${n.exposureDays} days and disease control ${n.controlDays} days (${monthsDays} or more: ${months} months or more), best response ${n.bestResponse}, progression ${onTreatment}: secondary resistance.` });
      return classified(base, n, "secondary", `best response ${n.bestResponse} with disease control of ${n.controlDays} days (${months} months or more), exposure ${n.exposureDays} days`, explanation, confirmedBy, clinical, scan);
    }
    explanation.push({ rule: "R21", text: `Disease control ${n.controlDays} days (${months} months or more) but exposure ${n.exposureDays} days (under ${months} months).` });
    return unclassifiable(base, n, `disease control of ${months} months or more with exposure under ${months} months`, explanation, view, confirmedBy, true, clinical);
  }
  // ICI + chemotherapy (R23).
  if (afterLastDose && therapy.stopped !== "toxicity") {
    explanation.push({ rule: "R23", text: `Progression after the last dose (${therapy.lastDoseDate}) of a line stopped ${therapy.stopped ? `for ${therapy.stopped}` : "for a reason not recorded"}: SITC 2023 found no uniform definition after stopping for reasons other than toxicity.` });
    return unclassifiable(base, n, "no consensus definition after stopping", explanation, view, confirmedBy, true);
  }
  const progressionFromStart = n.progressionDay - therapy.start;
  if (!atLeastMonths(progressionFromStart, months)) {
    explanation.push({ rule: "R23", text: `Progression ${progressionFromStart} days after the start (${monthsDays - 1} or fewer: under ${months} months), exposure ${n.exposureDays} days${rapid && n.exposureDays < EXPOSURE_MIN_DAYS ? " (rapidly progressing)" : " (>= 42)"}: primary resistance, whatever the best response.` });
    return classified(base, n, "primary", `progression ${progressionFromStart} days after the start (under ${months} months), exposure ${n.exposureDays} days`, explanation, null, false, scan);
  }
  if (atLeastMonths(n.exposureDays, months)) {
    explanation.push({ rule: "R23", text: `Exposure ${n.exposureDays} days and progression ${progressionFromStart} days after the start (${monthsDays} or more: ${months} months or more): secondary or late resistance.` });
    return classified(base, n, "secondary-or-late", `exposure ${n.exposureDays} days and progression ${progressionFromStart} days after the start (${months} months or more)`, explanation, null, false, scan);
  }
  explanation.push({ rule: "R23", text: `Progression ${progressionFromStart} days after the start (${months} months or more) but exposure ${n.exposureDays} days (under ${months} months) (Decision 7).` });
  return unclassifiable(base, n, `exposure under ${months} months with progression after ${months} months`, explanation, view, null, true);
}

type Base = Pick<ResistanceResult, "reading" | "definition" | "stopReason" | "singleAgentForInformation" | "options" | "notBroughtUp" | "lateConfirmationScan">;

function numbersFields(n: Numbers): Pick<ResistanceResult, "exposureDays" | "controlDays" | "daysSinceLastDose" | "bestResponse" | "progressionDate"> {
  return { exposureDays: n.exposureDays, controlDays: n.controlDays, daysSinceLastDose: n.daysSinceLastDose, bestResponse: n.bestResponse, progressionDate: n.run.date };
}

function numbersStep(n: Numbers, therapy: Therapy): Explanation {
  const lastDose = therapy.lastDose === null ? "no last dose recorded: on treatment at the progression" : n.daysSinceLastDose === null ? `last dose ${therapy.lastDoseDate}, on or after the progression: on treatment` : `last dose ${therapy.lastDoseDate}, ${n.daysSinceLastDose} days before the progression`;
  return { rule: "R18", text: `Start ${therapy.date}; progression ${n.run.date}; exposure ${n.exposureDays} days; disease control ${n.controlDays} days; ${lastDose}; best response up to the progression ${n.bestResponse ?? "none"}.` };
}

function classified(base: Base, n: Numbers, cls: keyof typeof CLASS_TEXT, reason: string, explanation: Explanation[], confirmedBy: string | null, clinical: boolean, scan: Assessment): ResistanceResult {
  return {
    ...base, ...numbersFields(n), class: cls, text: `${CLASS_TEXT[cls]}${clinical ? " (confirmed clinically)" : ""}`, reason, confirmedBy, confirmationDue: null,
    explanation, confirmedProgression: true, progressionScan: scan,
  };
}

/** `confirmed`: the progression itself was confirmed (R35's options still apply); only its class is not given. */
function unclassifiable(base: Base, n: Numbers, reason: string, explanation: Explanation[], view: View, confirmedBy: string | null, confirmed: boolean, clinical = false): ResistanceResult {
  return {
    ...base, ...numbersFields(n), class: "unclassifiable", text: `unclassifiable: ${reason}${clinical ? " (progression confirmed clinically)" : ""}`, reason, confirmedBy, confirmationDue: null,
    explanation, confirmedProgression: confirmed, progressionScan: view.reading.timepoints[n.run.first].scan,
  };
}

function empty(cls: "none" | "not-applicable", text: string, reason: string, reading: Criteria, therapy: Therapy | null, explanation: Explanation[]): ResistanceResult {
  return {
    class: cls, text, reason, exposureDays: null, controlDays: null, daysSinceLastDose: null, bestResponse: null, progressionDate: null, confirmedBy: null,
    reading, definition: null, confirmationDue: null, stopReason: therapy?.stopped ?? null, explanation, singleAgentForInformation: null,
    confirmedProgression: false, progressionScan: null, lateConfirmationScan: null, options: [], notBroughtUp: [],
  };
}

function confirmationText(run: ProgressionRun, c: Confirmation, view: View): string {
  const tps = view.reading.timepoints;
  const pd = `${tps[run.first].label} of ${tps[run.first].date}${run.date !== tps[run.first].date ? ` (progression dated ${run.date})` : ""}`;
  switch (c.state) {
    case "scan":
      return `${pd} confirmed by the scan of ${tps[c.at].date}, ${tps[c.at].day - tps[run.first].day} days later: ${c.why}${c.late ? "; after the window, counted (setting resistanceLateConfirmation = accept)" : ""}.`;
    case "clinical":
      return `${pd} confirmed clinically: ${c.why} (SITC's exception for rapid growth in a deteriorating patient, Decision 8).`;
    case "negated":
      return `${pd} not confirmed: the scan of ${tps[c.at].date} (${tps[c.at].day - tps[run.first].day} days later) shows ${c.why}, so there is no resistance event from it and a later PD is checked afresh.`;
    case "pending":
      return `${pd} awaits its confirmation scan, due ${c.from} to ${c.to}.`;
    case "expired":
      return `${pd} is not confirmed: ${c.why}.`;
  }
}

/** R14 at the classified progression, for R35's local treatment option. */
function oligoAt(view: View, result: ResistanceResult, eff: EffectiveSettings): { date: string; lesions: string[] } | null {
  if (!result.progressionScan || !view.episode.baseline) return null;
  const index = view.facts.findIndex((f) => f.scan === result.progressionScan);
  if (index < 0) return null;
  const oligo = oligoprogressionAt(view.episode.baseline, view.facts, index, view.lesions, eff.settings.oligoprogressionMaxLesions);
  return oligo ? { date: view.facts[index].tp.date, lesions: oligo.progressing } : null;
}
