// Builds the case model from a syntax tree, partial or not. It never reports problems: the
// structural checks (core/check) read the same tree and model and say what is wrong. Whatever
// cannot be given a meaning (an invalid date, a broken line) is left out here, except a lesion
// line whose value cannot be read: it is kept with a `broken` value, so that the engine knows the
// value is unknown rather than missing (issue 10).
import type { FileNode, PatientNode, AssessmentNode, LesionNode, LengthNode, ValueNode, Word, StringLit, BiopsyBlockNode } from "../syntax/ast";
import type {
  Assessment, BiopsyFields, CaseModel, Diameters, Episode, FileSettings, KnownCancer, Lesion, Tenths, MeasuredValue, Measurement, Patient, StopReason, Therapy, TherapyKind,
} from "./types";
import { parseDay } from "../util/dates";
import { toTenths } from "../util/numbers";
import { NODAL_ORGAN } from "./organs";
import { LineIndex } from "../text/lineIndex";
import { resolveCriteriaNames } from "../criteria/registry";

/** RECIST FAQ: a lesion too small to measure counts as 5 mm (R2). */
export const TOO_SMALL_TENTHS = 50;
/** Longest plausible interval between assessments (R13): ten years. A longer one is an invalid-value error and ignored. */
export const MAX_SCHEDULE_DAYS = 3653;

/** The interval of `schedule every N days|weeks` in days, or null when it is zero or implausibly long. */
export function scheduleDays(count: number, unit: "day" | "week"): number | null {
  const days = unit === "week" ? count * 7 : count;
  return days > 0 && days <= MAX_SCHEDULE_DAYS ? days : null;
}

/** 1-based line of an offset; made only when a value cannot be read. */
type LineOf = (offset: number) => number | null;

/** `text` is the file's text, used only to say on which line an unreadable value stands. */
export function buildModel(file: FileNode, text?: string): CaseModel {
  let index: LineIndex | null = null;
  const lineOf: LineOf = (offset) => (text === undefined ? null : (index ??= new LineIndex(text)).positionAt(offset).line + 1);
  const patients: Patient[] = [];
  for (const item of file.items) if (item.type === "Patient") patients.push(buildPatient(item, lineOf));
  return { patients };
}

function textOf(token: Word | StringLit): string {
  return token.value;
}

function buildPatient(node: PatientNode, lineOf: LineOf): Patient {
  const settings: FileSettings = {};
  const patient: Patient = {
    id: node.header.id ? textOf(node.header.id) : "",
    node,
    idSpan: node.header.id ?? { start: node.header.start, end: node.header.end },
    settings,
    therapies: [],
    assessments: [],
    episodes: [],
    ctdna: [],
    markers: [],
    biopsies: [],
    decisions: [],
    cancer: null,
  };
  for (const item of node.items) {
    switch (item.type) {
      case "Criteria": {
        // P3: names resolve through the registry; unknown and repeated ones are dropped (the checks say so).
        const { ids } = resolveCriteriaNames(item.names.map((n) => ({ text: n.value, start: n.start, end: n.end })));
        if (ids.length > 0) settings.criteria = ids;
        break;
      }
      case "ConfirmResponses":
        settings.confirmResponses = true;
        break;
      case "Schedule": {
        const days = scheduleDays(Number(item.count.text), item.unit);
        if (days !== null) settings.scheduleDays = days;
        break;
      }
      case "AsOf": {
        const day = parseDay(item.date.text);
        if (day !== null) settings.asOf = day;
        break;
      }
      case "Therapy": {
        const start = parseDay(item.date.text);
        if (start !== null) {
          const lastDose = item.to ? parseDay(item.to.text) : null;
          patient.therapies.push({
            name: textOf(item.name), kind: (item.kind?.value as TherapyKind) ?? null, kinds: item.kinds.map((k) => k.value as TherapyKind), start, date: item.date.text,
            lastDose, lastDoseDate: lastDose === null ? null : item.to!.text, stopped: (item.stopped?.value as StopReason) ?? null, node: item,
          });
        }
        break;
      }
      case "Cancer":
        if (!patient.cancer) patient.cancer = { name: textOf(item.name), known: knownCancer(textOf(item.name)), node: item };
        break;
      case "Assessment": {
        const assessment = buildAssessment(item, lineOf);
        if (assessment) patient.assessments.push(assessment);
        break;
      }
      case "Ctdna": {
        const day = parseDay(item.date.text);
        if (day === null) break;
        const value = item.value.number ? Number(item.value.number.text) : 0;
        patient.ctdna.push({ date: item.date.text, day, unit: item.value.unit, value, node: item });
        break;
      }
      case "Marker": {
        const day = parseDay(item.date.text);
        if (day === null) break;
        patient.markers.push({
          date: item.date.text, day, name: item.name.value, value: Number(item.value.text), unit: item.unit.value,
          uln: item.uln ? Number(item.uln.text) : null, node: item,
        });
        break;
      }
      case "Biopsy": {
        const day = parseDay(item.date.text);
        if (day !== null) patient.biopsies.push({ date: item.date.text, day, organ: item.organ.value, finding: item.finding.value, structured: false, fields: emptyFields(), node: item });
        break;
      }
      case "BiopsyBlock": {
        // A block whose header cannot be read is left out (its date and organ are unknown).
        const h = item.header;
        const day = h.date ? parseDay(h.date.text) : null;
        if (day !== null && h.date && h.organ) {
          patient.biopsies.push({ date: h.date.text, day, organ: h.organ.value, finding: h.finding?.value ?? null, structured: true, fields: biopsyFields(item), node: item });
        }
        break;
      }
      case "Decision": {
        const day = parseDay(item.date.text);
        if (day !== null) patient.decisions.push({ date: item.date.text, day, text: item.text.value, node: item });
        break;
      }
      default:
        break;
    }
  }
  patient.assessments.sort((a, b) => a.day - b.day);
  patient.therapies.sort((a, b) => a.start - b.start);
  patient.ctdna.sort((a, b) => a.day - b.day);
  patient.markers.sort((a, b) => a.day - b.day);
  patient.biopsies.sort((a, b) => a.day - b.day);
  patient.episodes = buildEpisodes(patient.assessments, patient.therapies);
  return patient;
}

/** R34: the cancer types the engine knows, compared without case (`NSCLC`, `"Melanoma"`). */
export function knownCancer(name: string): KnownCancer | null {
  const key = name.trim().toLowerCase();
  return key === "melanoma" || key === "nsclc" ? key : null;
}

function emptyFields(): BiopsyFields {
  return { tps: null, cps: null, tmb: null, msi: null, mmr: null, variants: [], notes: [] };
}

/** The fields of a structured biopsy; the first line of a repeated field counts (the repeat is `duplicate-measurement`). */
function biopsyFields(block: BiopsyBlockNode): BiopsyFields {
  const f = emptyFields();
  for (const item of block.items) {
    switch (item.type) {
      case "Pdl1": {
        const score = { value: Number(item.value.text), assay: item.assay ? textOf(item.assay) : null, node: item };
        if (item.score.value === "tps") f.tps ??= score;
        else f.cps ??= score;
        break;
      }
      case "Tmb":
        f.tmb ??= { value: Number(item.value.text), node: item };
        break;
      case "Msi":
        f.msi ??= { status: item.status.value as "high" | "low" | "stable", node: item };
        break;
      case "Mmr":
        f.mmr ??= { status: item.status.value as "deficient" | "proficient", node: item };
        break;
      case "Variant": {
        const gene = textOf(item.gene);
        const change = textOf(item.change);
        if (f.variants.some((v) => sameVariant(v, gene, change))) break;
        f.variants.push({ gene, change, vaf: item.vaf ? Number(item.vaf.text) : null, tier: item.tier ? { system: item.tier.system, level: item.tier.level.value } : null, node: item });
        break;
      }
      case "Note":
        f.notes.push(item.text.value);
        break;
      default:
        break;
    }
  }
  return f;
}

/** One variant written twice: the same gene and change, compared without case. */
export function sameVariant(v: { gene: string; change: string }, gene: string, change: string): boolean {
  return v.gene.toLowerCase() === gene.toLowerCase() && v.change.toLowerCase() === change.toLowerCase();
}

function buildAssessment(node: AssessmentNode, lineOf: LineOf): Assessment | null {
  if (!node.header.date) return null;
  const day = parseDay(node.header.date.text);
  if (day === null) return null;
  const assessment: Assessment = {
    kind: node.header.kind,
    date: node.header.date.text,
    day,
    modality: node.header.modality?.value ?? null,
    node,
    measurements: [],
    ecog: null,
    clinical: null,
  };
  for (const item of node.items) {
    if (item.type === "Lesion") assessment.measurements.push(buildMeasurement(item, lineOf));
    else if (item.type === "Ecog") assessment.ecog = Number(item.value.text);
    else if (item.type === "Clinical") assessment.clinical = item.status.value as "stable" | "deterioration";
  }
  return assessment;
}

function buildMeasurement(node: LesionNode, lineOf: LineOf): Measurement {
  const value: MeasuredValue = node.value.type === "Broken" ? { kind: "broken", line: lineOf(node.value.start) } : measuredValue(node.value);
  return { lesionId: node.id.value, node, value, equivocal: node.equivocal };
}

/** The meaning of a value; an unreadable one is `broken` (its line is filled in by the model). */
export function measuredValue(value: ValueNode): MeasuredValue {
  switch (value.type) {
    case "Broken":
      return { kind: "broken", line: null };
    case "Length":
    case "Split": {
      // P1: RECIST reads the longest diameter here; a node's short axis is set once the lesion is known (nodalReading).
      const fragments = (value.type === "Length" ? [value] : value.fragments).map(diametersOf);
      const tenths = fragments.reduce((sum, f) => sum + f.long, 0);
      const size: MeasuredValue = { kind: "size", tenths, source: value.type === "Length" ? "length" : "split" };
      if (fragments.some((f) => f.short !== null)) size.diameters = fragments;
      return size;
    }
    case "Merged":
      return { kind: "size", tenths: 0, source: "merged", mergedInto: value.into.value };
    case "Status":
      switch (value.status) {
        case "too small":
          return { kind: "size", tenths: TOO_SMALL_TENTHS, source: "too small" };
        case "absent":
          return { kind: "size", tenths: 0, source: "absent" };
        case "not evaluated":
          return { kind: "not-evaluated" };
        default:
          return { kind: "status", status: value.status };
      }
  }
}

/** One written value's diameters in tenths: the larger is the longest, the smaller the perpendicular (Decision 6). */
function diametersOf(length: LengthNode): Diameters {
  const a = toTenths(length.number.text, length.unit);
  if (!length.perpendicular) return { long: a, short: null };
  const b = toTenths(length.perpendicular.text, length.unit);
  return { long: Math.max(a, b), short: Math.min(a, b) };
}

/**
 * P1: for a node, RECIST 1.1 reads the short axis: of `A x B` the smaller number (per fragment of
 * a split, B + D); a diameter written alone is the short axis, as in version 1.
 */
export function nodalTenths(diameters: readonly Diameters[]): Tenths {
  return diameters.reduce((sum, d) => sum + (d.short ?? d.long), 0);
}

/**
 * Episodes (R15). Without therapies, each baseline starts an episode. With therapies, each
 * therapy uses the latest baseline on or before its start (else the first one after it, before
 * the next therapy); follow-up scans belong to the episode until the next one takes over.
 */
function buildEpisodes(assessments: Assessment[], therapies: Therapy[]): Episode[] {
  const baselines = assessments.filter((a) => a.kind === "baseline");
  const scans = assessments.filter((a) => a.kind === "scan");
  const plans: Array<{ therapy: Therapy | null; baseline: Assessment | null }> = [];
  if (therapies.length === 0) {
    if (baselines.length === 0) plans.push({ therapy: null, baseline: null });
    for (const baseline of baselines) plans.push({ therapy: null, baseline });
  } else {
    therapies.forEach((therapy, i) => {
      const nextStart = therapies[i + 1]?.start ?? Infinity;
      const before = baselines.filter((b) => b.day <= therapy.start);
      const after = baselines.filter((b) => b.day > therapy.start && b.day < nextStart);
      plans.push({ therapy, baseline: before[before.length - 1] ?? after[0] ?? null });
    });
  }
  return plans.map((plan, index) => {
    const next = plans[index + 1];
    const previous = plans[index - 1];
    const baseline = plan.baseline;
    // The episode ends where the next one starts: at its own baseline, or at its therapy start
    // when both share this baseline.
    let end = Infinity;
    if (next) {
      if (next.baseline && next.baseline !== baseline) end = next.baseline.day;
      else if (next.therapy) end = next.therapy.start;
    }
    let begin = -Infinity;
    if (previous && previous.baseline === baseline && plan.therapy) begin = plan.therapy.start;
    const followUps = baseline ? scans.filter((s) => s.day > baseline.day && s.day >= begin && s.day < end) : [];
    const previousBaselineDay = previous?.baseline && previous.baseline !== baseline ? previous.baseline.day : -Infinity;
    const preTreatment = baseline ? scans.filter((s) => s.day < baseline.day && s.day > previousBaselineDay) : [];
    const episode: Episode = {
      index,
      therapy: plan.therapy,
      start: plan.therapy?.start ?? baseline?.day ?? null,
      baseline,
      preTreatment,
      followUps,
      lesions: new Map(),
      unreadable: [],
    };
    collectLesions(episode);
    return episode;
  });
}

function collectLesions(episode: Episode): void {
  const declare = (m: Measurement, at: Assessment, kind: Lesion["kind"]) => {
    // A declaration without an organ is only written with an unreadable value (`T1 target 4,2 cm`).
    if (episode.lesions.has(m.lesionId) || (!m.node.organ && m.value.kind !== "broken")) return;
    const organ = m.node.organ?.value ?? "";
    episode.lesions.set(m.lesionId, {
      id: m.lesionId,
      kind,
      organ,
      nodal: organ === NODAL_ORGAN,
      description: m.node.description?.value ?? null,
      declaredAt: at,
      declaration: m.node,
    });
  };
  if (episode.baseline) {
    for (const m of episode.baseline.measurements) {
      if (m.node.declare === "target" || m.node.declare === "non-target") declare(m, episode.baseline, m.node.declare);
    }
  }
  for (const scan of episode.followUps) {
    for (const m of scan.measurements) if (m.node.declare === "new") declare(m, scan, "new");
  }
  // Lines whose kind cannot be read, naming no lesion the episode declares (issue 10).
  const unreadable = (at: Assessment) => {
    for (const m of at.measurements) {
      if (m.value.kind !== "broken" || (m.node.declare !== null && m.node.declare !== "new-mention")) continue;
      if (episode.lesions.has(m.lesionId) || episode.unreadable.some((u) => u.measurement.lesionId === m.lesionId)) continue;
      episode.unreadable.push({ at, measurement: m });
    }
  };
  if (episode.baseline) unreadable(episode.baseline);
  for (const scan of episode.followUps) unreadable(scan);
  // P1: a node's two diameters are read as its short axis by the RECIST-based criteria.
  const scans = [...episode.preTreatment, ...(episode.baseline ? [episode.baseline] : []), ...episode.followUps];
  for (const scan of scans) {
    for (const m of scan.measurements) {
      if (m.value.kind === "size" && m.value.diameters && episode.lesions.get(m.lesionId)?.nodal) m.value.tenths = nodalTenths(m.value.diameters);
    }
  }
}

/**
 * A copy of an episode whose follow-ups run on through `extra` assessments (in date order, after
 * its own), with its lesions collected again: the resistance classification reads an
 * immunotherapy line through the radiotherapy or local lines that follow it (Decision 2 of the
 * resistance rules). The episode itself is returned when there is nothing to add.
 */
export function episodeThrough(episode: Episode, extra: Assessment[]): Episode {
  if (extra.length === 0) return episode;
  const copy: Episode = { ...episode, followUps: [...episode.followUps, ...extra], lesions: new Map(), unreadable: [] };
  collectLesions(copy);
  return copy;
}

/** The lesion a measurement refers to in an episode, if declared there. */
export function lesionOf(episode: Episode, m: Measurement): Lesion | undefined {
  return episode.lesions.get(m.lesionId);
}
