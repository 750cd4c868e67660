// The structured radiology report of one scan (issue 12), built from the engine's results and
// nothing else: the numbers are the JSON values of `nadir assess --format json` (engine/json.ts
// builds them here with the same functions), the lesion values are the engine's readings of the
// case file (engine/lesionValues.ts, the sum terms of R2), and the findings are the engine's
// diagnostics with their rule ids. Completeness comes from core/completeness.ts. No response,
// window or threshold is computed here: every renderer (text, Markdown, HTML, FHIR) prints this
// model, so a test can hold each printed number against `nadir assess`.
import type { Analysis } from "../analyze";
import type { CoreDiagnostic } from "../diagnostics";
import type { Assessment, Criteria, Lesion, MeasuredValue } from "../model/types";
import type { ConfirmationWindow, DiscussionOption, EpisodeAssessment, HyperprogressionResult, PatientAssessment, TimepointAssessment } from "../engine/types";
import { episodeJson, JsonEpisode, JsonTimepoint, timepointJson } from "../engine/json";
import { valueAt } from "../engine/lesionValues";
import { unreadableAt, unreadableBaseline } from "../engine/unreadable";
import { lesionsOf } from "../engine/timepoints";
import { LineIndex } from "../text/lineIndex";
import { formatMm } from "../util/numbers";
import { CodeTable } from "../codes";
import { criteriaLabel } from "./words";
import { criterion } from "../criteria/registry";
import { IRECIST } from "../criteria/irecist";
import { displayBest, displayResponse } from "../criteria/shared";
import { showsReadings } from "../engine/json";
import { impressionOf } from "./impression";
import { resistanceBasis, sinceLastDoseText } from "../engine/resistance/diagnostics";
import { progressionFinding } from "../engine/resistance/options";
import { therapyEndText } from "../model/therapies";

/** One lesion value as the report prints it: mm (null for a status or not evaluated) and the words. */
export interface LesionCell {
  mm: number | null;
  /** "30", "5 (too small)", "0 (absent)", "present", "not evaluated"; "unreadable" for a value that cannot be read. */
  text: string;
}

export interface TargetRow {
  id: string;
  organ: string;
  description: string | null;
  nodal: boolean;
  baseline: LesionCell;
  /** At the nadir scan of this time point (the scan whose sum is the nadir); null at the baseline. */
  nadir: LesionCell | null;
  previous: LesionCell | null;
  current: LesionCell;
  /** Current minus baseline, mm (exact tenths); null when either is not a size. */
  changeMm: number | null;
  /** "too small", "absent", "split", "merged into T2", "not evaluated", "unreadable (line 8)", or "". */
  status: string;
}

export interface NonTargetRow {
  id: string;
  organ: string;
  description: string | null;
  nodal: boolean;
  baseline: string;
  previous: string | null;
  current: string;
}

export interface NewLesionRow {
  id: string;
  organ: string;
  description: string | null;
  /** The scan that first recorded it. */
  firstSeen: string;
  /** Written `equivocal` at this scan. */
  equivocal: boolean;
  current: string;
  /** Its value at this scan could not be read (issue 10): neither present nor absent, unknown. */
  unreadable: boolean;
}

/** A lesion line whose value could not be read (issue 10): at this scan, or a target's at the baseline. */
export interface UnreadableValue {
  id: string;
  /** 1-based line of the case file. */
  line: number | null;
  atBaseline: boolean;
}

export interface Finding {
  code: string;
  severity: string;
  rules: string[];
  message: string;
  /** 1-based line of the case file. */
  line: number;
}

export interface Reason {
  code: string;
  line: number;
  message: string;
}

export interface ScanReport {
  file: string;
  patientId: string;
  criteria: Criteria;
  criteriaLabel: string;
  episode: { number: number; count: number; therapy: string | null; therapyKind: string | null; start: string | null; end: string | null };
  scan: { date: string; modality: string | null; isBaseline: boolean; line: number };
  compared: { baseline: string | null; nadir: string | null; previous: string | null };
  /** From core/completeness.ts: the errors touching this patient and episode, and those outside every patient of the file. */
  completeness: { complete: boolean; reasons: Reason[]; outsidePatients: Reason[] };
  /** The exact values of `nadir assess --format json` for this episode and scan (and the previous scan). */
  json: { episode: JsonEpisode; timepoint: JsonTimepoint | null; previous: JsonTimepoint | null };
  sums: {
    current: number | null;
    baseline: number | null;
    nadir: number | null;
    /** current - baseline in mm, from the engine's integer tenths. */
    changeFromBaselineMm: number | null;
    changeFromBaselinePct: number | null;
    changeFromNadirMm: number | null;
    changeFromNadirPct: number | null;
  };
  targets: TargetRow[];
  nonTargets: NonTargetRow[];
  newLesions: NewLesionRow[];
  /** Values this scan's results rest on that could not be read: the sum and the scan's own response are unknown (R4). */
  unreadable: UnreadableValue[];
  categories: { target: string | null; nonTarget: string | null; newLesions: string; response: string; iResponse: string | null } | null;
  irecist: {
    state: string;
    /** The engine's pending confirmation of the episode (R10), and whether it concerns this scan's run of iUPD. */
    pending: ConfirmationWindow | null;
    pendingHere: boolean;
    progressionDate: string | null;
    recistProgressionDate: string | null;
  } | null;
  best: { response: string | null; iResponse: string | null; throughDate: string | null; laterScans: number };
  progressionDate: string | null;
  findings: Finding[];
  ctdna: { samples: Array<{ date: string; text: string }>; reading: { profile: string; trend: string; detail: string } | null };
  markers: Array<{ date: string; text: string }>;
  hyperprogression: HyperprogressionResult[];
  /**
   * R17-R24 for the episode's line of immunotherapy, on its last scan's report (it rests on every
   * scan of the line); null otherwise. The values are the engine's (the JSON `resistance`).
   */
  resistance: {
    text: string;
    basis: string;
    reason: string;
    facts: Array<[string, string]>;
    steps: Array<{ rule: string; text: string }>;
    /** R35: the finding that opens the options, and the options themselves (empty without a confirmed progression). */
    finding: string | null;
    options: DiscussionOption[];
    notBroughtUp: string[];
  } | null;
  /** R31-R34: the patient's structured biopsy findings up to this scan, one line per biopsy. */
  biopsies: Array<{ date: string; text: string }>;
  followUp: { nextDue: string | null; overdue: Finding | null; confirmation: Finding | null };
  impression: string[];
  /**
   * P3: this scan under each criterion the patient reads, when it reads more than RECIST 1.1 or
   * iRECIST alone (the JSON's `readings`); null otherwise and at the baseline.
   */
  readings: ReportReading[] | null;
  /** The rule the date of progression of the primary criteria rests on (R6, R10, R25). */
  progressionRule: string;
}

/** One criterion's reading of the scan, the numbers of the JSON `readings`. */
export interface ReportReading {
  criterion: string;
  label: string;
  unit: "mm" | "mm2";
  burden: number | null;
  nadir: number | null;
  changeFromBaselinePct: number | null;
  changeFromNadirPct: number | null;
  response: string;
  confirmation: string | null;
  /** "irPD (unconfirmed)". */
  shown: string;
  neReason: string | null;
  /** What the criterion saw (burden against its nadir, new lesions counted or not). */
  saw: string;
  /** The episode's best response under it, "PD (unconfirmed)" while its run is pending; its date of progression. */
  best: string;
  progressionDate: string | null;
  primary: boolean;
}

/** Where a report is for: a patient of an analysed file, one episode, and its baseline or one follow-up. */
export interface ReportTarget {
  file: string;
  analysis: Analysis;
  patient: PatientAssessment;
  episodeIndex: number;
  /** Index into the episode's time points, or "baseline". */
  scan: number | "baseline";
}

/** A value the case file does not let us read (a syntax error in it, issue 10): unknown, never a number. */
const unreadable = (value: { line: number | null }): string => `unreadable${value.line === null ? "" : ` (line ${value.line})`}`;

/** A target's value in a table cell: the mm it counts as in the sum (R2: too small 5, absent and merged 0), "NE" when not evaluated. */
const cell = (value: MeasuredValue): LesionCell => {
  if (value.kind === "not-evaluated") return { mm: null, text: "NE" };
  if (value.kind === "broken") return { mm: null, text: "unreadable" };
  if (value.kind === "status") return { mm: null, text: value.status };
  // P1: the diameters as measured beside the value the sum counts (a node: its short axis).
  const two = value.diameters && value.diameters.every((d) => d.short !== null) ? ` (${value.diameters.map((d) => `${formatMm(d.long)} x ${formatMm(d.short as number)}`).join(" + ")})` : "";
  return { mm: value.tenths / 10, text: `${formatMm(value.tenths)}${two}` };
};

const statusOf = (value: MeasuredValue): string => {
  if (value.kind === "not-evaluated") return "not evaluated";
  if (value.kind === "broken") return unreadable(value);
  if (value.kind === "status") return value.status;
  if (value.source === "length") return "";
  if (value.source === "merged") return value.mergedInto ? `merged into ${value.mergedInto}` : "merged";
  return value.source;
};

/** A non-target's or new lesion's value in words: "present", "12", "0 (absent)", "not evaluated". */
const words = (value: MeasuredValue): string => {
  if (value.kind === "not-evaluated") return "not evaluated";
  if (value.kind === "broken") return unreadable(value);
  if (value.kind === "status") return value.status;
  const size = formatMm(value.tenths);
  if (value.source === "length") return size;
  return `${size} (${statusOf(value)})`;
};

export function buildScanReport(target: ReportTarget): ScanReport {
  const { analysis, patient } = target;
  const episode = patient.episodes[target.episodeIndex];
  const ep = episode.episode;
  // The iRECIST state, window and dates are shown when iRECIST is the primary criteria (its version-1 fields).
  const iRecist = patient.criteria === IRECIST.id;
  const index = new LineIndex(analysis.text);
  const lineOf = (d: { start: number }) => index.positionAt(d.start).line + 1;
  const reason = (d: CoreDiagnostic): Reason => ({ code: d.code, line: lineOf(d), message: d.message });

  const tpIndex = target.scan === "baseline" ? -1 : target.scan;
  const tp: TimepointAssessment | null = tpIndex >= 0 ? episode.timepoints[tpIndex] : null;
  const previousTp: TimepointAssessment | null = tpIndex >= 1 ? episode.timepoints[tpIndex - 1] : null;
  const scan: Assessment = tp ? tp.scan : ep.baseline!;
  const previousScan: Assessment | null = tp ? (previousTp ? previousTp.scan : ep.baseline) : null;
  const nadirScan: Assessment | null = tp && tp.nadirDate
    ? [ep.baseline!, ...episode.timepoints.slice(0, tpIndex).map((t) => t.scan)].find((a) => a.date === tp.nadirDate) ?? null
    : null;

  // The JSON of `nadir assess` for this episode, built by the same functions; positions for reasons only.
  const jsonEpisode = episodeJson(episode, patient.criteriaRead, () => index);
  const jsonTp = tp ? timepointJson(tp, patient.criteriaRead, { episode, index: tpIndex }) : null;
  const jsonPrevious = previousTp ? timepointJson(previousTp, patient.criteriaRead, { episode, index: tpIndex - 1 }) : null;

  const lesions = [...ep.lesions.values()];
  const baselineScan = ep.baseline!;
  const targets: TargetRow[] = lesions.filter((l) => l.kind === "target").map((l) => {
    const b = valueAt(baselineScan, l.id);
    const now = valueAt(scan, l.id);
    return {
      id: l.id,
      organ: l.organ,
      description: l.description,
      nodal: l.nodal,
      baseline: cell(b),
      nadir: nadirScan ? cell(valueAt(nadirScan, l.id)) : null,
      previous: previousScan ? cell(valueAt(previousScan, l.id)) : null,
      current: cell(now),
      changeMm: tp && b.kind === "size" && now.kind === "size" ? (now.tenths - b.tenths) / 10 : null,
      status: statusOf(now),
    };
  });
  const nonTargets: NonTargetRow[] = lesions.filter((l) => l.kind === "non-target").map((l) => ({
    id: l.id, organ: l.organ, description: l.description, nodal: l.nodal,
    baseline: words(valueAt(baselineScan, l.id)),
    previous: previousScan ? words(valueAt(previousScan, l.id)) : null,
    current: words(valueAt(scan, l.id)),
  }));
  const newLesions: NewLesionRow[] = tp ? lesions.filter((l) => l.kind === "new" && l.declaredAt.day <= scan.day).map((l: Lesion) => {
    const m = scan.measurements.find((x) => x.lesionId === l.id);
    const value = valueAt(scan, l.id);
    return { id: l.id, organ: l.organ, description: l.description, firstSeen: l.declaredAt.date, equivocal: m?.equivocal ?? false, current: words(value), unreadable: value.kind === "broken" };
  }) : [];
  // What the engine could not read here, and a target (or declaration) it could not read at the baseline.
  const breaking = new Set(unreadableBaseline(ep, lesionsOf(ep)));
  const unreadable = [...(tp ? breaking : []), ...unreadableAt(scan)]
    .map((m) => ({ id: m.lesionId, line: m.value.kind === "broken" ? m.value.line : null, atBaseline: breaking.has(m) }));

  const baselineSum = jsonEpisode.baseline?.sum ?? null;
  const sums: ScanReport["sums"] = {
    current: jsonTp ? jsonTp.sum : baselineSum,
    baseline: baselineSum,
    nadir: jsonTp ? jsonTp.nadir : null,
    changeFromBaselineMm: tp && tp.sum !== null && episode.baseline?.sum != null ? (tp.sum - episode.baseline.sum) / 10 : null,
    changeFromBaselinePct: jsonTp ? jsonTp.changeFromBaselinePct : null,
    changeFromNadirMm: jsonTp ? jsonTp.changeFromNadirMm : null,
    changeFromNadirPct: jsonTp ? jsonTp.changeFromNadirPct : null,
  };

  // Findings: the engine's diagnostics on this scan's block; on the episode's last scan also those on
  // the patient's own lines (ctDNA, markers, therapy), which speak of the episode as a whole.
  const lastTp = episode.timepoints.length - 1;
  const isLast = tp ? tpIndex === lastTp : lastTp < 0;
  const inside = (d: CoreDiagnostic, s: { start: number; end: number }) => d.start >= s.start && d.start < s.end;
  const assessmentsOfPatient = patient.patient.assessments;
  const clinical = analysis.diagnostics.filter((d) => d.severity !== "error" && inside(d, patient.patient.node));
  const findings: Finding[] = clinical
    .filter((d) => inside(d, scan.node) || (isLast && !assessmentsOfPatient.some((a) => inside(d, a.node))))
    .filter((d) => CodeTable[d.code]?.rules.length || d.rules?.length)
    .map((d) => ({ code: d.code, severity: d.severity, rules: d.rules ?? CodeTable[d.code].rules, message: d.message, line: lineOf(d) }));

  const pending = episode.pendingConfirmation;
  const recistProgressionDate = (episode as EpisodeAssessment & { recistProgressionDate?: string | null }).recistProgressionDate ?? null;
  const irecist = iRecist ? {
    state: jsonTp?.iResponse ?? "NE",
    pending,
    pendingHere: pending !== null && tp !== null && tp.date >= pending.iupdDate && (jsonTp?.iResponse === "iUPD"),
    progressionDate: episode.progressionDate,
    recistProgressionDate,
  } : null;

  const model = patient.patient;
  const ctdnaSamples = model.ctdna.filter((s) => s.day <= scan.day).map((s) => ({
    date: s.date,
    text: s.unit === "undetected" ? "undetected" : s.unit === "vaf" ? `${s.value} % VAF` : `${s.value} ${s.unit}`,
  }));
  const markers = model.markers.filter((m) => m.day <= scan.day).map((m) => ({
    date: m.date,
    text: `${m.name} ${m.value} ${m.unit}${m.uln !== null ? ` (ULN ${m.uln}${m.value > m.uln ? ", above ULN" : ""})` : ""}`,
  }));

  const find = (code: string) => findings.find((f) => f.code === code) ?? null;
  const r = episode.resistance;
  const therapy = ep.therapy;
  const resistance: ScanReport["resistance"] = isLast && r && therapy && r.class !== "not-applicable" ? {
    text: r.text,
    basis: resistanceBasis(r),
    reason: r.reason,
    facts: [
      ["Exposure", r.exposureDays === null ? (r.progressionDate === null ? "none (no progression)" : "not measured") : `${r.exposureDays} days`],
      ["Disease control", r.controlDays === null ? "none (no progression)" : `${r.controlDays} days`],
      ["Best response up to the progression", r.bestResponse ?? "none"],
      ["Progression", r.progressionDate ?? "none"],
      ["Confirmed by", r.confirmedBy === "clinical" ? "clinically (R19 exception)" : r.confirmedBy ? `scan of ${r.confirmedBy}` : r.confirmationDue ? `pending: a scan ${r.confirmationDue.from} to ${r.confirmationDue.to}` : "none"],
      ["Time since last dose", sinceLastDoseText(r) ?? "none"],
    ],
    steps: r.explanation.map((e) => ({ rule: e.rule, text: e.text })),
    finding: r.options.length > 0 ? progressionFinding(r, therapy) : null,
    options: r.options,
    notBroughtUp: r.notBroughtUp,
  } : null;
  // Biopsies up to this scan; on the line's last scan every biopsy (a biopsy of the growing tumour often follows it).
  const biopsies = (patient.biomarkers ?? []).filter((b) => isLast || b.date <= scan.date);
  const biopsyLines = new Map<string, string[]>();
  for (const b of biopsies) {
    const key = `${b.date} biopsy ${b.organ}`;
    const value = b.kind === "pd-l1-tps" ? `PD-L1 TPS ${b.value} % (${b.category}${b.assay ? `, ${b.assay}` : ""})`
      : b.kind === "pd-l1-cps" ? `PD-L1 CPS ${b.value} (${b.category}${b.assay ? `, ${b.assay}` : ""})`
      : b.kind === "tmb" ? `TMB ${b.value} mut/Mb (${b.category})`
      : b.kind === "variant" ? `${b.value} (${b.tier ? `tier ${b.tier} as reported` : "tier not reported"})`
      : String(b.category);
    const change = b.change && b.change !== "same" && b.previous ? `, ${b.change === "not-comparable" ? "not comparable with" : `${b.change} category than`} ${b.previous.date}` : "";
    biopsyLines.set(key, [...(biopsyLines.get(key) ?? []), `${value}${change}`]);
  }
  const report: ScanReport = {
    file: target.file,
    patientId: patient.id,
    criteria: patient.criteria,
    criteriaLabel: showsReadings(patient.criteriaRead) ? patient.criteriaRead.map(criteriaLabel).join(", ") + (patient.criteriaRead.length > 1 ? ` (primary: ${criteriaLabel(patient.criteria)})` : "") : criteriaLabel(patient.criteria),
    episode: {
      number: target.episodeIndex + 1,
      count: patient.episodes.length,
      therapy: episode.therapy,
      therapyKind: ep.therapy && ep.therapy.kinds.length > 0 ? ep.therapy.kinds.join("+") : null,
      start: episode.start,
      end: ep.therapy ? therapyEndText(ep.therapy) : null,
    },
    scan: { date: scan.date, modality: scan.modality, isBaseline: tp === null, line: lineOf(scan.node) },
    compared: { baseline: tp ? baselineScan.date : null, nadir: tp ? tp.nadirDate : null, previous: previousScan && previousScan !== baselineScan ? previousScan.date : null },
    completeness: {
      complete: patient.complete && episode.complete,
      reasons: dedupe([...episode.incompleteBecause, ...patient.incompleteBecause]).map(reason),
      outsidePatients: analysis.assessment.errorsOutsidePatients.map(reason),
    },
    json: { episode: jsonEpisode, timepoint: jsonTp, previous: jsonPrevious },
    sums,
    targets,
    nonTargets,
    newLesions,
    unreadable,
    categories: jsonTp ? { target: jsonTp.target, nonTarget: jsonTp.nonTarget, newLesions: jsonTp.newLesions, response: jsonTp.response, iResponse: jsonTp.iResponse ?? null } : null,
    irecist,
    best: {
      response: jsonEpisode.bestResponse,
      iResponse: iRecist ? jsonEpisode.iBestResponse ?? null : null,
      throughDate: episode.timepoints[lastTp]?.date ?? null,
      laterScans: tp ? lastTp - tpIndex : episode.timepoints.length,
    },
    progressionDate: episode.progressionDate,
    findings,
    ctdna: { samples: ctdnaSamples, reading: isLast ? episode.ctdna : null },
    markers,
    hyperprogression: isLast || tpIndex === 0 ? episode.hyperprogression.filter((h) => h.computable) : [],
    resistance,
    biopsies: [...biopsyLines].map(([date, parts]) => ({ date, text: parts.join("; ") })),
    // The schedule runs on from the patient's latest line of therapy only (R13).
    followUp: { nextDue: isLast && target.episodeIndex === patient.episodes.length - 1 ? episode.nextDue : null, overdue: find("follow-up-overdue"), confirmation: find("confirmation-due") ?? find("unconfirmed-pseudoprogression") },
    impression: [],
    readings: tp && jsonTp?.readings ? readingsOf(patient, episode, tpIndex, jsonTp.readings, jsonEpisode) : null,
    progressionRule: criterion(patient.criteria).progressionRule,
  };
  report.impression = impressionOf(report);
  return report;
}

function readingsOf(patient: PatientAssessment, episode: EpisodeAssessment, index: number, json: NonNullable<JsonTimepoint["readings"]>, jsonEpisode: JsonEpisode): ReportReading[] {
  return patient.criteriaRead.flatMap((id) => {
    const r = json[id];
    const tp = episode.readings?.[id]?.timepoints[index];
    const e = episode.readings?.[id];
    if (!r || !tp || !e) return [];
    const c = criterion(id);
    return [{
      criterion: id, label: c.label, unit: r.unit, burden: r.burden, nadir: r.nadir, changeFromBaselinePct: r.changeFromBaselinePct, changeFromNadirPct: r.changeFromNadirPct,
      response: r.response, confirmation: r.confirmation, shown: displayResponse(r), neReason: r.neReason, saw: tp.saw,
      best: displayBest(e), progressionDate: jsonEpisode.readings?.[id]?.progressionDate ?? null, primary: id === patient.criteria,
    }];
  });
}

function dedupe(list: CoreDiagnostic[]): CoreDiagnostic[] {
  return [...new Set(list)].sort((a, b) => a.start - b.start);
}
