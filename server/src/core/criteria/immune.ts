// The mechanics irRC, irRECIST and imRECIST share (R25), written once: the burden (the baseline
// targets plus the new measurable lesions that entered it under the criterion's caps), the nadir,
// the time-point response in the order PD, CR, PR, SD (without targets: CR or NON-CR/NON-PD), the
// runs of unconfirmed PD with their confirmation >= 28 days later against the nadir in force at
// the first PD (NE leaves a run pending, earlier scans neither confirm nor negate, a negated run
// resets the bar), the best overall response up to and including the confirmed PD, and the date of
// progression. Each criterion module (irrc.ts, irrecist.ts, imrecist.ts) supplies what differs:
// how a lesion is measured, what makes a new lesion measurable, the caps, the thresholds.
// All arithmetic is on exact integers: tenths of a mm, or hundredths of a mm² (products).
import type { Lesion, MeasuredValue, Tenths } from "../model/types";
import type { CoreDiagnostic } from "../diagnostics";
import type { Settings } from "../settings";
import type { Explanation } from "../engine/types";
import type { TimepointFacts } from "../engine/timepoints";
import type { NewLesionView } from "../engine/newLesions";
import type { BestOptions, Entry } from "../engine/best";
import type { Category, Confirmation, Criterion, CriterionInput, CriterionRun, TimepointReading, Vocabulary } from "./types";
import { continuingPr, CONFIRMATION_DAYS } from "../engine/timepoints";
import { isGone, measurementAt, valueAt } from "../engine/lesionValues";
import { abnormalMarkers } from "../engine/nonTargets";
import { unreadableBaseline } from "../engine/unreadable";
import { dayText, signedPct } from "../engine/format";
import { bestInLabels, burdenText, LazyEpisodeReading, pctChange, progressionEventsOf, responseConfirmations } from "./shared";
import { dateSpan, diagnostic } from "../engine/diagnosticHelpers";

/** How one lesion's value counts in a burden. */
export type Measure =
  | { kind: "value"; value: number }
  /** irRC: a value with one diameter, where the criterion needs two (R26). */
  | { kind: "one-diameter" }
  /** Not evaluated, a status word without a size, or a value that cannot be read. */
  | { kind: "unknown" };

/** What one of irRC, irRECIST and imRECIST is, beyond the shared mechanics. */
export interface ImmuneSpec {
  id: Criterion["id"];
  label: string;
  spellings: readonly string[];
  summary: string;
  source: string;
  rules: readonly string[];
  unit: "mm" | "mm2";
  vocabulary: Vocabulary;
  cdiscCategory: string;
  csvPrefix: string;
  docsAnchor: string;
  thresholds: { pr: string; pd: string };
  chart: { axis: string; pr: string; pd: string };
  /** The rule of its measurement and response (R26/R27, R29, R30), cited in explanations. */
  rule: string;
  /** How a lesion's value counts in the burden. */
  measure(lesion: Lesion, value: MeasuredValue): Measure;
  /** Whether a new lesion is measurable here; "one-diameter" when it would need a second diameter (irRC). */
  newMeasurable(lesion: Lesion, value: MeasuredValue): boolean | "one-diameter";
  /** Whether one more new lesion fits the caps, given the new lesions already in the burden (Decision 11). */
  placeFree(entered: readonly Lesion[], candidate: Lesion): boolean;
  /** The caps in words, for `new-lesion-cap`. */
  capsText: string;
  meetsPd(burden: number, nadir: number): boolean;
  meetsPr(burden: number, baseline: number): boolean;
  /** The smallest burden that is PD against `nadir`, the largest that is PR against `baseline`. */
  pdThreshold(nadir: number): number;
  prThreshold(baseline: number): number;
  /** The PD and PR tests in words, for explanations: "TTB >= 125 % of the nadir". */
  pdWords: string;
  prWords: string;
  /** Whether CR and PR need a confirmation >= 28 days later (R8; irRC always, R28). */
  confirmResponses(confirmResponses: boolean): boolean;
  /** Last day after the first PD at which the confirming scan is expected (irRECIST 84, R29); null: no upper bound. */
  windowToDays: number | null;
  /** Whether unequivocal progression of non-targets or new non-measured lesions is PD too (irRECIST's setting, R29). */
  nonMeasurableProgression?(settings: Settings): boolean;
  /** Findings of the criterion at the baseline (irRC's index limits). */
  baselineDiagnostics?(input: CriterionInput): CoreDiagnostic[];
  /** A sentence for the time point that negates a PD run (imRECIST: the target spike, R30). */
  negatedNote?: string;
}

interface TpState {
  burden: number | null;
  nadir: { value: number; date: string } | null;
  category: Category;
  /** The category without the PD threshold (R25: a negated PD counts as this for BOR). */
  withoutPd: Category;
  /** PD by the burden against the nadir (not by the setting's non-measurable progression). */
  pdByBurden: boolean;
  /** The measured lesions alone (for R4-style PD when a value is missing). */
  measured: number;
  neReason: string | null;
  confirmation: Confirmation | null;
  steps: Array<() => Explanation>;
  saw: string;
}

/** A PD run (R25): from its first PD until confirmed or negated. */
interface Run {
  first: number;
  /** The nadir in force at the first PD; null when the PD did not come from the burden (no targets, irRECIST's setting). */
  nadir: { value: number; date: string } | null;
  members: number[];
}

export interface ImmuneRun extends CriterionRun {
  states: TpState[];
  /** Runs in order, with what became of them. */
  runs: Array<{ first: number; members: number[]; fate: "confirmed" | "negated" | "pending"; decidedAt: number | null; daysToDecision: number | null }>;
  diagnostics: CoreDiagnostic[];
}

/** Builds a criterion from its spec and the shared mechanics (R25). */
export function immuneCriterion(spec: ImmuneSpec): Criterion {
  const c: Criterion = {
    id: spec.id,
    label: spec.label,
    spellings: spec.spellings,
    summary: spec.summary,
    source: spec.source,
    rules: spec.rules,
    unit: spec.unit,
    vocabulary: spec.vocabulary,
    ranking: ["CR", "PR", "SD", "NN", "PD", "NE"],
    cdiscCategory: spec.cdiscCategory,
    csvPrefix: spec.csvPrefix,
    docsAnchor: spec.docsAnchor,
    thresholds: spec.thresholds,
    chart: spec.chart,
    progressionLabel: spec.vocabulary.PD,
    progressionRule: "R25",
    fieldsOfVersion1: false,
    prThreshold: spec.prThreshold,
    pdThreshold: spec.pdThreshold,
    immunotherapy: true,
    read: (input) => readImmune(spec, c, input),
    progressionDiagnostics: (run, input) => progressionDiagnostics(spec, run as ImmuneRun, input),
    pendingDiagnostics: (run, input) => pendingDiagnostics(spec, run as ImmuneRun, input),
    ownDiagnostics: (run) => (run as ImmuneRun).diagnostics,
    progressionEvents: (e) => progressionEventsOf(c, e),
  };
  return c;
}

function readImmune(spec: ImmuneSpec, c: Criterion, input: CriterionInput): ImmuneRun {
  const { facts, lesions, episode, eff, patient } = input;
  const diagnostics: CoreDiagnostic[] = [];
  const vocabulary = spec.vocabulary;
  const text = (v: number) => burdenText(v, spec.unit);
  const baseline = episode.baseline!;
  const confirmResponses = spec.confirmResponses(eff.confirmResponses);
  const nonMeasurablePd = spec.nonMeasurableProgression?.(eff.settings) ?? false;
  diagnostics.push(...(spec.baselineDiagnostics?.(input) ?? []));

  // The baseline burden (R25): the targets only. An unreadable baseline (issue 10) or, under irRC,
  // a target with one diameter (Decision 4) leaves the whole episode NE.
  let episodeNe: string | null = null;
  let baselineBurden = 0;
  const targets = lesions.targets;
  if (unreadableBaseline(episode, lesions).length > 0) episodeNe = "a baseline value could not be read, so there is no baseline burden";
  else {
    const oneDiameter: Lesion[] = [];
    for (const t of targets) {
      const m = spec.measure(t, valueAt(baseline, t.id));
      if (m.kind === "value") baselineBurden += m.value;
      else if (m.kind === "one-diameter") oneDiameter.push(t);
      else episodeNe = `${t.id} has no baseline measurement`;
    }
    if (oneDiameter.length > 0) {
      episodeNe = `${oneDiameter.map((t) => t.id).join(", ")} ${oneDiameter.length > 1 ? "have" : "has"} one diameter at baseline (${spec.label} needs two, A x B)`;
      for (const t of oneDiameter) {
        const m = measurementAt(baseline, t.id);
        diagnostics.push(diagnostic("irrc-missing-perpendicular", `${t.id} has one diameter at the baseline: ${spec.label} measures every lesion as the product of two perpendicular diameters (write \`A x B mm\`), so it is NE for this whole episode (Decision 4). The other criteria are not affected.`, m?.node ?? t.declaration));
      }
    }
  }
  const noTargets = targets.length === 0;
  if (noTargets) {
    diagnostics.push(noMeasurableBaseline(spec, input));
  }

  const entered: Lesion[] = [];
  const enteredIds = new Set<string>();
  const refusedCap = new Set<string>();
  const flaggedOneDiameter = new Set<string>();
  const history: Array<{ value: number; date: string }> = noTargets || episodeNe !== null ? [] : [{ value: baselineBurden, date: baseline.date }];
  const states: TpState[] = [];
  /** Categories since the last PD TP, for continuing PR (R3). */
  let sincePd: Array<{ target: "CR" | "PR" | "SD" | "NE" | "PD" | null; day: number; date: string }> = [];

  facts.forEach((f, i) => {
    const steps: Array<() => Explanation> = [];
    const say = (t: () => string) => steps.push(() => ({ rule: spec.rule, text: t() }));
    let nadir: { value: number; date: string } | null = null;
    for (const h of history) if (nadir === null || h.value < nadir.value) nadir = h;
    const done = (state: Omit<TpState, "steps" | "confirmation">): void => {
      states.push({ ...state, steps, confirmation: null });
    };
    if (episodeNe !== null) {
      say(() => `NE for the whole episode: ${episodeNe}.`);
      done({ burden: null, nadir: null, category: "NE", withoutPd: "NE", pdByBurden: false, measured: 0, neReason: episodeNe, saw: `NE: ${episodeNe}` });
      return;
    }
    if (f.unreadable) {
      const reason = "a value of this scan could not be read";
      say(() => `A value of this scan could not be read: NE (issue 10); it enters no nadir and decides no PD run.`);
      done({ burden: null, nadir, category: "NE", withoutPd: "NE", pdByBurden: false, measured: 0, neReason: reason, saw: `NE: ${reason}` });
      return;
    }
    // New lesions entering the burden (R25): unequivocal, measurable under the criterion, a place free; first appearance, then largest, then id.
    const candidates: Array<{ view: NewLesionView; size: number }> = [];
    for (const v of f.newLesions.lesions) {
      if (enteredIds.has(v.lesion.id) || !v.present || !v.unequivocal || !v.evaluated || !v.counts) continue;
      const measurable = spec.newMeasurable(v.lesion, v.value);
      if (measurable === "one-diameter") {
        if (!flaggedOneDiameter.has(v.lesion.id)) {
          flaggedOneDiameter.add(v.lesion.id);
          const m = measurementAt(f.scan, v.lesion.id);
          diagnostics.push(diagnostic("irrc-missing-perpendicular", `New lesion ${v.lesion.id} has one diameter: under ${spec.label} it is a new non-measured lesion (it precludes a complete response but never makes progression) until it is measured as \`A x B mm\` (Decision 4).`, m?.node ?? dateSpan(f.scan)));
        }
        continue;
      }
      if (!measurable) continue;
      const m = spec.measure(v.lesion, v.value);
      candidates.push({ view: v, size: m.kind === "value" ? m.value : 0 });
    }
    candidates.sort((a, b) => a.view.firstSeen.day - b.view.firstSeen.day || b.size - a.size || naturalCompare(a.view.lesion.id, b.view.lesion.id));
    const enteringNow: string[] = [];
    for (const { view } of candidates) {
      if (spec.placeFree(entered, view.lesion)) {
        entered.push(view.lesion);
        enteredIds.add(view.lesion.id);
        enteringNow.push(view.lesion.id);
      } else if (!refusedCap.has(view.lesion.id)) {
        refusedCap.add(view.lesion.id);
        const m = measurementAt(f.scan, view.lesion.id);
        diagnostics.push(diagnostic("new-lesion-cap", `${view.lesion.id} (${view.lesion.organ}) is a measurable new lesion, but ${spec.label}'s places for new lesions are full (${spec.capsText}; only new lesions count, Decision 11): it stays a new non-measured lesion, which never makes progression and precludes a complete response while present (R25).`, m?.node ?? dateSpan(f.scan)));
      }
    }
    if (enteringNow.length > 0) say(() => `New measurable lesion${enteringNow.length > 1 ? "s" : ""} ${enteringNow.join(", ")} enter${enteringNow.length > 1 ? "" : "s"} the burden (R25; ${spec.capsText}).`);

    // The burden: targets and entered new lesions at their measured values.
    let burden = 0;
    let measured = 0;
    const missing: string[] = [];
    const oneDiameter: string[] = [];
    const terms: string[] = [];
    for (const lesion of [...targets, ...entered]) {
      const value = valueAt(f.scan, lesion.id);
      const m = spec.measure(lesion, value);
      if (m.kind === "value") {
        burden += m.value;
        measured += m.value;
        terms.push(`${lesion.id} ${text(m.value)}`);
      } else if (m.kind === "one-diameter") {
        oneDiameter.push(lesion.id);
        if (!flaggedOneDiameter.has(`${lesion.id}@${f.tp.date}`)) {
          flaggedOneDiameter.add(`${lesion.id}@${f.tp.date}`);
          const at = measurementAt(f.scan, lesion.id);
          diagnostics.push(diagnostic("irrc-missing-perpendicular", `${lesion.id} has one diameter at this scan: ${spec.label} needs both (\`A x B mm\`), so this time point is NE under ${spec.label} unless the lesions measured with both diameters already show ${vocabulary.PD} (R26).`, at?.node ?? dateSpan(f.scan)));
        }
      } else missing.push(lesion.id);
    }
    const complete = missing.length === 0 && oneDiameter.length === 0;
    const burdenOrNull = noTargets && entered.length === 0 ? null : complete ? burden : null;
    const views = f.newLesions.lesions;
    const newPresent = views.filter((v) => v.present && v.unequivocal);
    const nonMeasured = newPresent.filter((v) => !enteredIds.has(v.lesion.id));
    const ntCategory = f.nonTargets?.category ?? null;
    const markers = abnormalMarkers(patient.markers, f.tp.day);
    const ntProgressed = f.nonTargets?.progressed ?? [];
    const newProgressed = nonMeasured.filter((v) => v.value.kind === "status" && v.value.status === "progressed").map((v) => v.lesion.id);
    const nonMeasurableProgression = nonMeasurablePd && (ntProgressed.length > 0 || newProgressed.length > 0);

    if (noTargets) {
      // R25 decision: without measurable baseline disease, CR or NON-CR/NON-PD.
      let category: Category;
      let reason: string | null = null;
      if (nonMeasurableProgression) category = "PD";
      else if (ntCategory === "NE") {
        category = "NE";
        reason = "a non-target lesion was not evaluated";
      } else if ((ntCategory === null || ntCategory === "CR") && newPresent.length === 0 && markers.length === 0) category = "CR";
      else category = "NN";
      const withoutPd: Category = category === "PD" ? (newPresent.length === 0 && (ntCategory === null || ntCategory === "CR") ? "CR" : "NN") : category;
      const newBurden = burdenOrNull;
      say(() => `No target lesions at baseline: ${vocabulary.CR} when everything is gone and no new lesion is present, else ${vocabulary.NN} (R25)${newBurden !== null ? `; new measurable lesions ${text(newBurden)}` : ""}.`);
      done({ burden: newBurden, nadir: null, category, withoutPd, pdByBurden: false, measured, neReason: reason, saw: `${vocabulary[category]}: no target lesions${newBurden !== null ? `, new-lesion burden ${text(newBurden)}` : ""}${nonMeasured.length ? `; new non-measured ${nonMeasured.map((v) => v.lesion.id).join(", ")}` : ""}` });
      if (category !== "NE" && category !== "PD") sincePd.push({ target: null, day: f.tp.day, date: f.tp.date });
      return;
    }

    const termsText = terms.join(" + ");
    let pdByBurden = false;
    let category: Category;
    let withoutPd: Category;
    let neReason: string | null = null;
    if (burdenOrNull === null) {
      // A lesion of the burden not evaluated (R4 by analogy) or, under irRC, measured with one diameter (R26).
      if (nadir !== null && spec.meetsPd(measured, nadir.value)) {
        pdByBurden = true;
        const n = nadir;
        say(() => `${[...missing, ...oneDiameter].join(", ")} not measured as ${spec.label} needs, but the lesions measured already give ${text(measured)}, ${spec.pdWords} (${text(n.value)}, ${n.date}): ${vocabulary.PD} (R4 by analogy).`);
        category = "PD";
        withoutPd = "NE";
      } else {
        const parts = [missing.length ? `${missing.join(", ")} not evaluated` : "", oneDiameter.length ? `${oneDiameter.join(", ")} measured with one diameter (${spec.label} needs A x B)` : ""].filter(Boolean);
        neReason = parts.join("; ");
        say(() => `${neReason}: NE, and the lesions measured do not already show ${vocabulary.PD}.`);
        category = "NE";
        withoutPd = "NE";
      }
      if (nonMeasurableProgression && category !== "PD") category = "PD";
    } else {
      const b = burdenOrNull;
      const n = nadir;
      pdByBurden = n !== null && spec.meetsPd(b, n.value);
      say(() => `Burden ${termsText || "0"} = ${text(b)}${n ? `; nadir ${text(n.value)} (${n.date})` : ""}; baseline ${text(baselineBurden)}.`);
      // CR: every target gone (nodes < 10 mm short axis), every entered new lesion gone, non-targets gone, markers normal (Decision 12), no new lesion present.
      const gone = [...targets, ...entered].every((l) => isGone(l, valueAt(f.scan, l.id)) === true);
      const ntGone = ntCategory === null || ntCategory === "CR";
      const cr = gone && ntGone && newPresent.length === 0 && markers.length === 0;
      if (cr) withoutPd = "CR";
      else if (spec.meetsPr(b, baselineBurden)) withoutPd = "PR";
      else withoutPd = "SD";
      if (withoutPd === "SD") {
        const continuing = continuingPr(sincePd.map((x) => ({ target: x.target === "CR" || x.target === "PR" ? x.target : null, day: x.day, date: x.date })), eff.settings, confirmResponses);
        if (continuing) {
          withoutPd = "PR";
          say(() => continuing);
        }
      }
      category = pdByBurden || nonMeasurableProgression ? "PD" : withoutPd;
      const why = pdByBurden && n ? `${text(b)} is ${spec.pdWords} (${text(n.value)}): ${vocabulary.PD}` : nonMeasurableProgression ? `unequivocal progression of ${[...ntProgressed, ...newProgressed].join(", ")} (setting irRECIST.nonMeasurableProgression = pd): ${vocabulary.PD}` : null;
      const crWhy = !cr && gone ? (newPresent.length ? `new lesion ${newPresent.map((v) => v.lesion.id).join(", ")} present` : !ntGone ? "non-target disease remains" : markers.length ? `${markers.join(", ")} above normal` : "") : "";
      say(() => why ?? (withoutPd === "CR" ? `Everything gone and no new lesion: ${vocabulary.CR}.` : withoutPd === "PR" ? `${text(b)} is ${spec.prWords} (${text(baselineBurden)})${crWhy ? `; not ${vocabulary.CR}: ${crWhy}` : ""}: ${vocabulary.PR}.` : `Neither ${vocabulary.PD}, ${vocabulary.CR} nor ${vocabulary.PR}: ${vocabulary.SD}.`));
      if (nonMeasured.length > 0) say(() => `New non-measured lesion${nonMeasured.length > 1 ? "s" : ""} ${nonMeasured.map((v) => v.lesion.id).join(", ")}: never progression, but no ${vocabulary.CR} while present (R25).`);
    }
    const b = burdenOrNull;
    const sawParts: string[] = [];
    if (b !== null) sawParts.push(`burden ${text(b)}${nadir ? ` (${signedPctOrNull(pctChange(b, nadir.value))} vs the nadir ${text(nadir.value)}, ${vocabulary.PD} from ${text(spec.pdThreshold(nadir.value))})` : ""}`);
    else if (neReason) sawParts.push(neReason);
    if (enteredIds.size > 0) sawParts.push(`new lesions in the burden: ${entered.map((l) => l.id).join(", ")}`);
    if (nonMeasured.length > 0) sawParts.push(`new non-measured: ${nonMeasured.map((v) => v.lesion.id).join(", ")}`);
    done({ burden: b, nadir, category, withoutPd, pdByBurden, measured, neReason: category === "NE" ? neReason : null, saw: `${sawParts.join("; ")}: ${vocabulary[category]}` });
    if (b !== null) history.push({ value: b, date: f.tp.date });
    if (category === "PD") sincePd = [];
    else if (category !== "NE") sincePd.push({ target: category === "CR" || category === "PR" ? category : "SD", day: f.tp.day, date: f.tp.date });
  });

  // PD runs and their confirmation (R25).
  const runs: ImmuneRun["runs"] = [];
  let open: Run | null = null;
  let confirmed: { run: Run; at: number } | null = null;
  let afterConfirmedReported = false;
  const decide = (run: Run, fate: "confirmed" | "negated", at: number) => {
    for (const k of run.members) states[k].confirmation = fate;
    runs.push({ first: run.first, members: run.members, fate, decidedAt: at, daysToDecision: facts[at].tp.day - facts[run.first].tp.day });
  };
  states.forEach((s, i) => {
    const day = facts[i].tp.day;
    if (confirmed) {
      // After a confirmed progression: later PD belongs to it; a response there does not change BOR.
      if (s.category === "PD") s.confirmation = "confirmed";
      else if (!afterConfirmedReported && (s.category === "CR" || s.category === "PR" || s.category === "SD" || s.category === "NN")) {
        afterConfirmedReported = true;
        const from = facts[confirmed.run.first].tp.date;
        diagnostics.push(diagnostic("response-after-confirmed-progression", `${vocabulary[s.category]} under ${spec.label} after the progression of ${from}, confirmed on ${facts[confirmed.at].tp.date}: the best overall response stops at the confirmed progression, so this does not change it (R25).`, dateSpan(facts[i].scan)));
      }
      return;
    }
    if (open) {
      const days = day - facts[open.first].tp.day;
      if (s.category === "NE" || days < CONFIRMATION_DAYS) {
        // NE leaves the run pending; a scan < 28 days later neither confirms nor negates (R25).
        if (s.category === "PD") {
          open.members.push(i);
          s.confirmation = "pending";
        }
        const o = open;
        if (s.category !== "NE") s.steps.push(() => ({ rule: "R25", text: `${days} days after the ${vocabulary.PD} of ${facts[o.first].tp.date}: earlier than 28 days, so it neither confirms nor negates it.` }));
        return;
      }
      const run: Run = open;
      open = null;
      const value = s.burden ?? s.measured;
      // Again PD against the nadir in force at the first PD (no further growth needed); a PD that does not come from the burden confirms by being PD again.
      const again = s.category === "PD" && (run.nadir === null || !s.pdByBurden || spec.meetsPd(value, run.nadir.value));
      const runNadir = run.nadir === null ? "" : ` (${text(run.nadir.value)})`;
      const late = spec.windowToDays !== null && days > spec.windowToDays;
      if (late) {
        diagnostics.push(diagnostic("confirmation-window-missed", `First scan after the ${vocabulary.PD} of ${facts[run.first].tp.date} came ${days} days later (${spec.label} expects it 28-${spec.windowToDays} days after, R29); it still counts for confirmation.`, dateSpan(facts[i].scan), { iupdDate: facts[run.first].tp.date }));
      }
      if (again) {
        run.members.push(i);
        decide(run, "confirmed", i);
        confirmed = { run, at: i };
        s.steps.push(() => ({ rule: "R25", text: `Confirms the ${vocabulary.PD} of ${facts[run.first].tp.date} (${days} days later): again ${vocabulary.PD} against the nadir in force then${runNadir}. Progression dated ${facts[run.first].tp.date}.` }));
        return;
      }
      decide(run, "negated", i);
      s.steps.push(() => ({ rule: "R25", text: `${days} days after the ${vocabulary.PD} of ${facts[run.first].tp.date}, ${s.burden === null ? "" : `${text(s.burden)} is `}not ${vocabulary.PD} against the nadir in force then${runNadir}: the run is negated, the bar is reset.${spec.negatedNote ? ` ${spec.negatedNote}` : ""}` }));
      if (s.category !== "PD") return;
      // This scan is PD against a lower nadir than the run's: it starts a new run.
    }
    if (s.category === "PD") {
      open = { first: i, nadir: s.pdByBurden ? s.nadir : null, members: [i] };
      s.confirmation = "pending";
      const o = open;
      s.steps.push(() => ({ rule: "R25", text: `Unconfirmed: the first evaluable scan >= 28 days later (on or after ${dayText(facts[o.first].tp.day + CONFIRMATION_DAYS)}${spec.windowToDays !== null ? `, expected by ${dayText(facts[o.first].tp.day + spec.windowToDays)}` : ""}) confirms it when it is again ${vocabulary.PD}${o.nadir ? ` against the nadir in force now (${text(o.nadir.value)})` : ""}, and negates it otherwise.` }));
    }
  });
  const pending = open as Run | null;
  if (pending) runs.push({ first: pending.first, members: pending.members, fate: "pending", decidedAt: null, daysToDecision: null });

  // Categories for best response: a negated PD counts as what it would be without the PD threshold (R25).
  const bestCats: Category[] = states.map((s) => (s.category === "PD" && s.confirmation === "negated" ? s.withoutPd : s.category));
  const lastCounted = confirmed ? (confirmed as { run: Run; at: number }).at : states.length - 1;
  const entries: Entry[] = facts.slice(0, lastCounted + 1).map((f, i) => ({ date: f.tp.date, day: f.tp.day, cat: bestCats[i] }));
  const options: BestOptions = { start: episode.start, minStableDiseaseDays: eff.settings.minStableDiseaseDays, confirm: confirmResponses };
  const best = bestInLabels(entries, options, c, "R25");
  const confirmations = responseConfirmations(facts.map((f, i) => ({ date: f.tp.date, day: f.tp.day, cat: bestCats[i] })), confirmResponses);
  states.forEach((s, i) => {
    if (s.category === "CR" || s.category === "PR") s.confirmation = confirmations[i];
  });
  const confirmedRun = confirmed as { run: Run; at: number } | null;
  const progressionDate = confirmedRun ? facts[confirmedRun.run.first].tp.date : null;
  const confirmedBy = confirmedRun ? facts[confirmedRun.at].tp.date : null;
  const bestConfirmation: Confirmation | null = best.best === vocabulary.PD ? (confirmedRun ? "confirmed" : pending ? "pending" : null) : null;
  const bestUpTo = (date: string) => {
    const upTo = entries.filter((e) => e.date <= date);
    return bestInLabels(upTo, options, c, "R25").best;
  };
  const timepoints = (): TimepointReading[] => states.map((s) => {
    const b = s.burden;
    const n = s.nadir;
    const reading: TimepointReading = {
      burden: b,
      nadir: n?.value ?? null,
      nadirDate: n?.date ?? null,
      changeFromBaselinePct: b !== null && !noTargets && episodeNe === null ? pctChange(b, baselineBurden) : null,
      changeFromNadirPct: b !== null && n ? pctChange(b, n.value) : null,
      prThreshold: noTargets || episodeNe !== null ? null : spec.prThreshold(baselineBurden),
      pdThreshold: n ? spec.pdThreshold(n.value) : null,
      response: vocabulary[s.category],
      category: s.category,
      confirmation: s.confirmation,
      neReason: s.category === "NE" ? s.neReason : null,
      saw: s.saw,
      explanation: [],
    };
    let worded: Explanation[] | null = null;
    Object.defineProperty(reading, "explanation", { enumerable: true, get: () => (worded ??= s.steps.map((step) => step())) });
    return reading;
  });
  const explanation = [...best.explanation];
  return {
    criterion: spec.id,
    reading: new LazyEpisodeReading(spec.id, timepoints, best.best, bestConfirmation, progressionDate, confirmedBy, bestUpTo, noTargets || episodeNe !== null ? null : baselineBurden),
    progressionPoints: runs.map((r) => r.first),
    isProgressionAt: (i) => states[i]?.category === "PD",
    pendingWindow: null,
    awaitingConfirmation: best.awaitingConfirmation,
    bestExplanation: explanation,
    progressionRule: "R25",
    states,
    runs,
    diagnostics,
  };
}

/** Ids in natural order: NL2 before NL10 (R25: places are filled by id last). */
export function naturalCompare(a: string, b: string): number {
  const split = (s: string) => s.split(/(\d+)/).map((part, i) => (i % 2 === 1 ? Number(part) : part));
  const x = split(a);
  const y = split(b);
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    if (x[i] === undefined) return -1;
    if (y[i] === undefined) return 1;
    if (x[i] === y[i]) continue;
    if (typeof x[i] === "number" && typeof y[i] === "number") return (x[i] as number) - (y[i] as number);
    return String(x[i]) < String(y[i]) ? -1 : 1;
  }
  return 0;
}

function signedPctOrNull(pct: number | null): string {
  return pct === null ? "any growth from 0" : signedPct(pct);
}

/** R25 decision: no target at baseline; the message shows the new-lesion burden at each scan. */
function noMeasurableBaseline(spec: ImmuneSpec, input: CriterionInput): CoreDiagnostic {
  const baseline = input.episode.baseline!;
  const burdens: string[] = [];
  for (const f of input.facts) {
    let total = 0;
    let any = false;
    for (const v of f.newLesions.lesions) {
      if (!v.present || !v.unequivocal || spec.newMeasurable(v.lesion, v.value) !== true) continue;
      const m = spec.measure(v.lesion, v.value);
      if (m.kind === "value") {
        total += m.value;
        any = true;
      }
    }
    if (any) burdens.push(`${f.tp.date} ${burdenText(total, spec.unit)}`);
  }
  return diagnostic("no-measurable-baseline", `No target lesion at this baseline: ${spec.label} cannot define progression from a relative change, so its responses are ${spec.vocabulary.CR} or ${spec.vocabulary.NN} (R25). New measurable lesions: ${burdens.length ? burdens.join(", ") : "none"}.`, dateSpan(baseline));
}

function progressionDiagnostics(spec: ImmuneSpec, run: ImmuneRun, input: CriterionInput): CoreDiagnostic[] {
  const out: CoreDiagnostic[] = [];
  const facts = input.facts;
  for (const r of run.runs) {
    const f = facts[r.first];
    const s = run.states[r.first];
    const from = dayText(f.tp.day + CONFIRMATION_DAYS);
    const window = spec.windowToDays !== null ? `between ${from} and ${dayText(f.tp.day + spec.windowToDays)} (28-${spec.windowToDays} days, R29)` : `on or after ${from} (>= 28 days, R25)`;
    out.push(diagnostic("progression", `${capitalFirst(s.saw)} (${spec.label}, unconfirmed). A scan ${window} confirms it when it is again ${spec.vocabulary.PD} against the nadir in force now${s.nadir ? ` (${burdenText(s.nadir.value, spec.unit)})` : ""}, and negates it otherwise.`, dateSpan(f.scan), { progressionDate: f.tp.date }));
    if (r.fate === "confirmed" && r.decidedAt !== null) {
      const c = facts[r.decidedAt];
      out.push(diagnostic("confirmed-progression", `${spec.vocabulary.PD} confirmed under ${spec.label}: ${run.states[r.decidedAt].saw}, ${r.daysToDecision} days after the ${spec.vocabulary.PD} of ${f.tp.date}, again ${spec.vocabulary.PD} against the nadir in force then. Progression dated ${f.tp.date} (R25).`, dateSpan(c.scan), { iupdDate: f.tp.date, progressionDate: f.tp.date }));
    }
  }
  return out;
}

function pendingDiagnostics(spec: ImmuneSpec, run: ImmuneRun, input: CriterionInput): CoreDiagnostic[] {
  const pending = run.runs.find((r) => r.fate === "pending");
  if (!pending) return [];
  const f = input.facts[pending.first];
  const from = dayText(f.tp.day + CONFIRMATION_DAYS);
  const to = spec.windowToDays !== null ? dayText(f.tp.day + spec.windowToDays) : null;
  const past = to !== null && input.eff.asOf > f.tp.day + (spec.windowToDays as number);
  const when = to !== null ? `${from} to ${to} (28-${spec.windowToDays} days after it, R29)${past ? `; as of ${dayText(input.eff.asOf)} that window has passed, and a later first scan still counts` : ""}` : `on or after ${from} (>= 28 days after it, R25)`;
  return [diagnostic("confirmation-due", `The ${spec.vocabulary.PD} of ${f.tp.date} under ${spec.label} awaits confirmation: a scan ${when}.`, dateSpan(f.scan), { iupdDate: f.tp.date, windowFrom: from, ...(to ? { windowTo: to } : {}) })];
}

function capitalFirst(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** RECIST 1.1 measurability of a new lesion (R1, R29, R30): LD >= 10 mm, node SA >= 15 mm; `too small` never (Decision 3). */
export function recistMeasurable(lesion: Lesion, value: MeasuredValue): boolean {
  if (value.kind !== "size" || (value.source !== "length" && value.source !== "split")) return false;
  return value.tenths >= (lesion.nodal ? 150 : 100);
}

/** A RECIST-style measure: the diameter RECIST reads (LD, node SA, P1), `too small` 5 mm, absent and merged 0 (R2). */
export function diameterMeasure(_lesion: Lesion, value: MeasuredValue): Measure {
  return value.kind === "size" ? { kind: "value", value: value.tenths } : { kind: "unknown" };
}

/** Caps of irRECIST and imRECIST (Decision, R29, R30): at most 5 new lesions in the burden, 2 per organ (all nodes one organ). */
export function fivePerTwo(entered: readonly Lesion[], candidate: Lesion): boolean {
  const organ = (l: Lesion) => (l.nodal ? "node" : l.organ);
  return entered.length < 5 && entered.filter((l) => organ(l) === organ(candidate)).length < 2;
}

/** Burden PD test of irRECIST and imRECIST, exact: >= 1.2 x nadir and >= 5 mm above it (R29, R30). */
export function twentyPercentAndFiveMm(burden: Tenths, nadir: Tenths): boolean {
  return burden * 5 >= nadir * 6 && burden - nadir >= 50;
}
