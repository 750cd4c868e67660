// `nadir export --to cdisc`: the SDTM Tumor Identification (TU), Tumor Results (TR) and Disease
// Response (RS) domains, after the SDTMIG domain models and CDISC's RECIST 1.1 disease response
// supplement.
//
// Every scan is exported once, at its place: a follow-up of the episode it belongs to, else the
// baseline of the first episode using it, else a pre-treatment scan (R12) of the first episode it
// precedes. (A scan can belong to two episodes: line 1's follow-ups are line 2's pre-treatment
// scans, R15; a baseline can serve two lines.) VISITNUM counts a subject's scans in date order;
// VISIT names the place ("BASELINE", "FOLLOW-UP 2", "LINE 2 BASELINE" when the subject has several
// lines); EPOCH is SCREENING for baselines and pre-treatment scans, TREATMENT for follow-ups up to
// the line's last dose (`to DATE`, language 1.1), FOLLOW-UP for follow-ups after it.
//
// Lesion ids repeat across episodes (each line declares its lesions at its baseline), so a lesion
// is TULNKID (its id, as written) within TUGRPID "LINE n"; TR rows carry the same pair as TRLNKID
// and TRLNKGRP, and RS rows of that line carry RSLNKGRP "LINE n" (the TR records behind them).
//
// TR has one row per lesion, scan and test. TRORRES / TRORRESU hold the result as written ("3.8" /
// "cm", "too small", "present"); TRSTRESC / TRSTRESN / TRSTRESU the standard result in mm (too
// small is 5 mm and absent 0 mm, R2, as the sum counts them) or the standard state (TUMSTATE:
// PRESENT, ABSENT, INCREASED, UNEQUIVOCAL PROGRESSION, EQUIVOCAL). Not evaluated, a declared lesion
// missing from a follow-up (R4), a merged lesion and a value that cannot be read (a syntax error
// in the value) are TRSTAT "NOT DONE" with the reason in TRREASND. SUMDIAM gives the target sum of every baseline and time point.
//
// RS has the RECIST 1.1 rows (TRGRESP, NTRGRESP, NEWLIND, OVRLRESP per time point, BESTRSP per
// episode) of every patient, and for every other criterion the patient reads (iRECIST, irRC,
// irRECIST, imRECIST: P3) its OVRLRESP and BESTRSP, each with the criterion's RSCAT.
// A value with two diameters (P1) gives two TR rows: LDIAM (the longest diameter) and LPERP (the
// longest perpendicular; a node's short axis). The resistance classification (R17-R24) has no
// place here: RS holds the response assessments of a response criterion, and SDTM has no
// controlled test for a resistance class, so a sponsor-defined RSTESTCD would only look standard;
// it is in the JSON, CSV and FHIR. An episode whose data an error touches has no RS rows (its responses would
// rest on part of the data); it is listed in `leftOut`. A patient with an organ outside the known
// list has no CDISC location term: the patient is left out of all three tables and listed too.
import type { Table, Cell } from "./table";
import type { CohortFile } from "./cohort";
import { mm } from "./cohort";
import type { Assessment, Lesion, Measurement } from "../model/types";
import type { EpisodeAssessment, PatientAssessment } from "../engine/types";
import { CDISC_LOCATION, isKnownOrgan, KnownOrgan } from "../model/organs";
import { formatMm, toTenths } from "../util/numbers";
import type { LengthNode } from "../syntax/ast";
import { criterion, DEFAULT_CRITERIA } from "../criteria/registry";
import { TOO_SMALL_TENTHS } from "../model/build";
import { unreadableAt, unreadableBaseline } from "../engine/unreadable";
import { lesionsOf } from "../engine/timepoints";

export interface CdiscOptions {
  /** STUDYID, also the prefix of USUBJID. */
  studyId: string;
}

/** Something left out of the tables, for the user to hear about. */
export type CdiscLeftOut =
  /** A patient left out of every table: this organ (at this offset of the file) has no LOC term. */
  | { what: "patient"; file: string; patientId: string; organ: string; offset: number }
  /** The RS rows of one incomplete episode (line). */
  | { what: "responses"; file: string; patientId: string; line: number };

export interface CdiscTables {
  tu: Table;
  tr: Table;
  rs: Table;
  leftOut: CdiscLeftOut[];
}

const VISIT_COLUMNS = ["VISITNUM", "VISIT", "EPOCH"];
export const TU_COLUMNS = ["STUDYID", "DOMAIN", "USUBJID", "TUSEQ", "TUGRPID", "TULNKID", "TUTESTCD", "TUTEST", "TUORRES", "TUSTRESC", "TULOC", "TUMETHOD", "TUEVAL", ...VISIT_COLUMNS, "TUDTC"];
export const TR_COLUMNS = ["STUDYID", "DOMAIN", "USUBJID", "TRSEQ", "TRGRPID", "TRLNKGRP", "TRLNKID", "TRTESTCD", "TRTEST", "TRORRES", "TRORRESU", "TRSTRESC", "TRSTRESN", "TRSTRESU", "TRSTAT", "TRREASND", "TRMETHOD", "TREVAL", ...VISIT_COLUMNS, "TRDTC"];
export const RS_COLUMNS = ["STUDYID", "DOMAIN", "USUBJID", "RSSEQ", "RSLNKGRP", "RSTESTCD", "RSTEST", "RSCAT", "RSORRES", "RSSTRESC", "RSEVAL", ...VISIT_COLUMNS, "RSDTC"];

const EVALUATOR = "INVESTIGATOR";
const STANDARD_UNIT = "mm";

const METHOD: Record<string, string> = {
  CT: "CT SCAN",
  MRI: "MRI",
  "PET-CT": "PET/CT SCAN",
  "X-RAY": "X-RAY",
  US: "ULTRASOUND",
  CLINICAL: "PHYSICAL EXAMINATION",
};

/** TRTESTCD and TRTEST (at most 8 and 40 characters). */
const TESTS = {
  LDIAM: "Longest Diameter",
  LPERP: "Longest Perpendicular",
  TUMSTATE: "Tumor State",
  SUMDIAM: "Sum of Diameter",
} as const;
type TestCode = keyof typeof TESTS;

/** NEWLIND: NE when a new lesion's value could not be read (R4, R6). */
const NEW_LESION_INDICATOR = { yes: "Y", no: "N", equivocal: "EQUIVOCAL", NE: "NE" } as const;

/** Where a scan is exported: its place among a subject's episodes. */
interface Place {
  episode: EpisodeAssessment;
  /** 1-based episode (line) number. */
  line: number;
  kind: "pre-treatment" | "baseline" | "follow-up";
  /** 1-based number among the scans of that kind placed in that episode. */
  index: number;
  visitNum: number;
  visit: string;
  epoch: "SCREENING" | "TREATMENT" | "FOLLOW-UP";
}

export function cdiscTables(files: CohortFile[], options: CdiscOptions): CdiscTables {
  const tu: Cell[][] = [];
  const tr: Cell[][] = [];
  const rs: Cell[][] = [];
  const leftOut: CdiscLeftOut[] = [];
  const seq = new Map<string, { tu: number; tr: number; rs: number }>();
  for (const file of files) {
    for (const patient of file.analysis.assessment.patients) {
      const unknown = unknownOrgan(patient);
      if (unknown) {
        leftOut.push({ what: "patient", file: file.path, patientId: patient.id, ...unknown });
        continue;
      }
      const usubjid = `${options.studyId}-${patient.id}`;
      const counters = seq.get(usubjid) ?? { tu: 0, tr: 0, rs: 0 };
      seq.set(usubjid, counters);
      const places = placesOf(patient);
      const subject = { studyId: options.studyId, usubjid, counters, places };
      patient.episodes.forEach((episode, i) => tuRows(subject, episode, i + 1, tu));
      trRows(subject, patient, tr);
      patient.episodes.forEach((episode, i) => {
        if (episode.complete) rsRows(subject, patient, episode, i + 1, rs);
        else if (episode.timepoints.length > 0 || episode.bestResponse !== null) leftOut.push({ what: "responses", file: file.path, patientId: patient.id, line: i + 1 });
      });
    }
  }
  return {
    tu: { name: "tu", columns: TU_COLUMNS, rows: tu },
    tr: { name: "tr", columns: TR_COLUMNS, rows: tr },
    rs: { name: "rs", columns: RS_COLUMNS, rows: rs },
    leftOut,
  };
}

interface Subject {
  studyId: string;
  usubjid: string;
  counters: { tu: number; tr: number; rs: number };
  places: Map<Assessment, Place>;
}

const lineGroup = (line: number) => `LINE ${line}`;

function visitCells(subject: Subject, a: Assessment | null): Cell[] {
  const place = a ? subject.places.get(a) : undefined;
  return place ? [place.visitNum, place.visit, place.epoch] : [null, null, null];
}

function tuRows(subject: Subject, episode: EpisodeAssessment, line: number, out: Cell[][]): void {
  for (const lesion of episode.episode.lesions.values()) {
    const role = lesion.kind.toUpperCase();
    out.push([subject.studyId, "TU", subject.usubjid, ++subject.counters.tu, lineGroup(line), lesion.id, "TUMIDENT", "Tumor Identification", role, role,
      CDISC_LOCATION[lesion.organ as KnownOrgan], method(lesion.declaredAt), EVALUATOR, ...visitCells(subject, lesion.declaredAt), lesion.declaredAt.date]);
  }
}

/** One TR result: what was written and what it means in standard form. */
interface Result {
  test: TestCode;
  orres: string | null;
  orresu: string | null;
  stresc: string | null;
  stresn: number | null;
  notDone: string | null;
}

function trRows(subject: Subject, patient: PatientAssessment, out: Cell[][]): void {
  const scans = [...subject.places.entries()].sort((a, b) => a[1].visitNum - b[1].visitNum);
  for (const [scan, place] of scans) {
    // A summary result (SUMDIAM) has no method of its own (CDISC RECIST 1.1 supplement).
    const row = (group: string, line: number | null, linkId: string | null, r: Result): Cell[] => [
      subject.studyId, "TR", subject.usubjid, ++subject.counters.tr, group, line === null ? null : lineGroup(line), linkId, r.test, TESTS[r.test],
      r.orres, r.orresu, r.stresc, r.stresn, r.stresn === null ? null : STANDARD_UNIT, r.notDone === null ? null : "NOT DONE", r.notDone,
      r.test === "SUMDIAM" ? null : method(scan), EVALUATOR, place.visitNum, place.visit, place.epoch, scan.date,
    ];
    const seen = new Set<string>();
    for (const m of scan.measurements) {
      if (seen.has(m.lesionId)) continue; // a repeated line is an error; the first one counts (as in the engine)
      const found = lesionAt(patient, place, scan, m.lesionId);
      if (!found) continue; // an undeclared id (unknown-lesion): nothing to link it to
      seen.add(m.lesionId);
      for (const r of results(found.lesion, m)) out.push(row(found.lesion.kind.toUpperCase(), found.line, found.lesion.id, r));
    }
    if (place.kind === "follow-up") {
      // A declared lesion a follow-up does not mention is not evaluated there (spec, "Values"; R4).
      for (const lesion of place.episode.episode.lesions.values()) {
        if (lesion.kind === "new" || seen.has(lesion.id)) continue;
        out.push(row(lesion.kind.toUpperCase(), place.line, lesion.id, { ...notDone(lesion, "NOT RECORDED AT THIS SCAN") }));
      }
    }
    const sum = sumAt(place, scan);
    if (sum !== undefined) {
      const value = mm(sum);
      out.push(row("TARGET", place.line, null, value === null
        ? { test: "SUMDIAM", orres: null, orresu: null, stresc: null, stresn: null, notDone: noSumReason(place, scan) }
        : { test: "SUMDIAM", orres: String(value), orresu: STANDARD_UNIT, stresc: String(value), stresn: value, notDone: null }));
    }
  }
}

function rsRows(subject: Subject, patient: PatientAssessment, episode: EpisodeAssessment, line: number, out: Cell[][]): void {
  const row = (scan: Assessment | null, testcd: string, test: string, category: string, result: string): Cell[] => [
    subject.studyId, "RS", subject.usubjid, ++subject.counters.rs, lineGroup(line), testcd, test, category, result, result, EVALUATOR,
    ...(scan ? visitCells(subject, scan) : [null, null, "TREATMENT"]), scan ? scan.date : null,
  ];
  // The criteria read beside RECIST 1.1 (P3), each under its own RSCAT.
  const others = patient.criteriaRead.filter((id) => id !== DEFAULT_CRITERIA).map((id) => ({ c: criterion(id), reading: episode.readings?.[id] }));
  episode.timepoints.forEach((tp, i) => {
    if (tp.target !== null) out.push(row(tp.scan, "TRGRESP", "Target Response", "RECIST 1.1", tp.target));
    if (tp.nonTarget !== null) out.push(row(tp.scan, "NTRGRESP", "Non-target Response", "RECIST 1.1", tp.nonTarget));
    out.push(row(tp.scan, "NEWLIND", "New Lesion Indicator", "RECIST 1.1", NEW_LESION_INDICATOR[tp.newLesions]));
    out.push(row(tp.scan, "OVRLRESP", "Overall Response", "RECIST 1.1", tp.response));
    for (const { c, reading } of others) {
      const r = reading?.timepoints[i];
      if (r) out.push(row(tp.scan, "OVRLRESP", "Overall Response", c.cdiscCategory, r.response));
    }
  });
  if (episode.bestResponse) out.push(row(null, "BESTRSP", "Best Overall Response", "RECIST 1.1", episode.bestResponse));
  for (const { c, reading } of others) if (reading?.bestResponse) out.push(row(null, "BESTRSP", "Best Overall Response", c.cdiscCategory, reading.bestResponse));
}

/**
 * Every scan of a subject, once, at its place: a follow-up of its episode, else the baseline of
 * the first episode using it, else a pre-treatment scan of the first episode it precedes.
 */
/** EPOCH: SCREENING before treatment, TREATMENT up to the line's last dose, FOLLOW-UP after it (`to DATE`, language 1.1). */
function epochOf(kind: Place["kind"], a: Assessment, episode: EpisodeAssessment): Place["epoch"] {
  if (kind !== "follow-up") return "SCREENING";
  const lastDose = episode.episode.therapy?.lastDose ?? null;
  return lastDose !== null && a.day > lastDose ? "FOLLOW-UP" : "TREATMENT";
}

function placesOf(patient: PatientAssessment): Map<Assessment, Place> {
  const chosen = new Map<Assessment, Omit<Place, "visitNum" | "visit" | "epoch">>();
  const counts = new Map<string, number>();
  const put = (a: Assessment, episode: EpisodeAssessment, line: number, kind: Place["kind"]) => {
    if (chosen.has(a)) return;
    const key = `${line}/${kind}`;
    const index = (counts.get(key) ?? 0) + 1;
    counts.set(key, index);
    chosen.set(a, { episode, line, kind, index });
  };
  patient.episodes.forEach((e, i) => e.episode.followUps.forEach((a) => put(a, e, i + 1, "follow-up")));
  patient.episodes.forEach((e, i) => { if (e.episode.baseline) put(e.episode.baseline, e, i + 1, "baseline"); });
  patient.episodes.forEach((e, i) => e.episode.preTreatment.forEach((a) => put(a, e, i + 1, "pre-treatment")));
  const several = patient.episodes.length > 1;
  const places = new Map<Assessment, Place>();
  let visitNum = 0;
  for (const a of patient.patient.assessments) { // in date order
    const p = chosen.get(a);
    if (!p) continue;
    const name = p.kind === "baseline" ? "BASELINE" : `${p.kind.toUpperCase()} ${p.index}`;
    places.set(a, { ...p, visitNum: ++visitNum, visit: several ? `LINE ${p.line} ${name}` : name, epoch: epochOf(p.kind, a, p.episode) });
  }
  return places;
}

/** The lesion a line at a scan refers to: in the scan's own episode, else in another that holds the scan. */
function lesionAt(patient: PatientAssessment, place: Place, scan: Assessment, id: string): { lesion: Lesion; line: number } | null {
  const own = place.episode.episode.lesions.get(id);
  if (own) return { lesion: own, line: place.line };
  for (const [i, e] of patient.episodes.entries()) {
    const holds = e.episode.baseline === scan || e.episode.preTreatment.includes(scan) || e.episode.followUps.includes(scan);
    const lesion = holds ? e.episode.lesions.get(id) : undefined;
    if (lesion) return { lesion, line: i + 1 };
  }
  return null;
}

/** The target sum at a baseline or time point of the scan's own episode; undefined elsewhere. */
function sumAt(place: Place, scan: Assessment): number | null | undefined {
  if (place.kind === "baseline") return place.episode.baseline?.sum;
  if (place.kind === "follow-up") return place.episode.timepoints.find((tp) => tp.scan === scan)?.sum;
  return undefined;
}

/** Why a baseline or time point has no sum: a target value that cannot be read (here or at the baseline, issue 10), or one not evaluated (R4). */
function noSumReason(place: Place, scan: Assessment): string {
  const episode = place.episode.episode;
  if (unreadableAt(scan).some((m) => episode.lesions.get(m.lesionId)?.kind === "target")) return "TARGET VALUE UNREADABLE";
  if (unreadableBaseline(episode, lesionsOf(episode)).length > 0) return "BASELINE VALUE UNREADABLE";
  return "NOT ALL TARGETS EVALUATED";
}

/** Nodes are measured on their short axis, which SDTM records as the longest perpendicular (R2). */
function diameterTest(lesion: Lesion): TestCode {
  return lesion.nodal ? "LPERP" : "LDIAM";
}

/** The test a lesion is followed by: its diameter, or its state when declared with a state only. */
function primaryTest(lesion: Lesion): TestCode {
  if (lesion.kind === "target") return diameterTest(lesion);
  return lesion.declaration.value.type === "Status" && lesion.declaration.value.status !== "too small" ? "TUMSTATE" : diameterTest(lesion);
}

function notDone(lesion: Lesion, reason: string): Result {
  return { test: primaryTest(lesion), orres: null, orresu: null, stresc: null, stresn: null, notDone: reason };
}

const STATE: Record<string, string> = {
  present: "PRESENT",
  absent: "ABSENT",
  increased: "INCREASED",
  progressed: "UNEQUIVOCAL PROGRESSION",
};

/** The TR results of one lesion line, as written and standardised. */
function results(lesion: Lesion, m: Measurement): Result[] {
  const node = m.node.value;
  const written = m.equivocal ? "equivocal " : "";
  const state = (status: string): Result => ({
    test: "TUMSTATE", orres: `${written}${status}`, orresu: null, stresc: m.equivocal ? "EQUIVOCAL" : STATE[status] ?? status.toUpperCase(), stresn: null, notDone: null,
  });
  const size = (orres: string, orresu: string | null, tenths: number): Result => ({
    test: diameterTest(lesion), orres, orresu, stresc: formatMm(tenths), stresn: mm(tenths), notDone: null,
  });
  const equivocalState: Result[] = m.equivocal ? [{ test: "TUMSTATE", orres: "equivocal", orresu: null, stresc: "EQUIVOCAL", stresn: null, notDone: null }] : [];
  switch (node.type) {
    case "Length":
    case "Split": {
      const fragments = node.type === "Length" ? [node] : node.fragments;
      const units = new Set(fragments.map((f) => f.unit));
      const unit = units.size === 1 ? fragments[0].unit : null;
      const text = (numbers: string[]) => (unit !== null ? numbers.join(" + ") : numbers.map((n, i) => `${n} ${fragments[i].unit}`).join(" + "));
      const diameters = m.value.kind === "size" ? m.value.diameters : undefined;
      if (!diameters || diameters.some((d) => d.short === null)) return [size(text(fragments.map((f) => f.number.text)), unit, toTenthsOf(m)), ...equivocalState];
      // P1: the longest diameter and its perpendicular (the larger number first, Decision 6).
      const swapped = (f: LengthNode) => f.perpendicular !== null && toTenths(f.perpendicular.text, f.unit) > toTenths(f.number.text, f.unit);
      const longText = fragments.map((f) => (swapped(f) ? (f.perpendicular as NonNullable<LengthNode["perpendicular"]>).text : f.number.text));
      const shortText = fragments.map((f) => (swapped(f) ? f.number.text : (f.perpendicular as NonNullable<LengthNode["perpendicular"]>).text));
      const long = diameters.reduce((sum, d) => sum + d.long, 0);
      const short = diameters.reduce((sum, d) => sum + (d.short as number), 0);
      return [
        { test: "LDIAM", orres: text(longText), orresu: unit, stresc: formatMm(long), stresn: mm(long), notDone: null },
        { test: "LPERP", orres: text(shortText), orresu: unit, stresc: formatMm(short), stresn: mm(short), notDone: null },
        ...equivocalState,
      ];
    }
    case "Merged":
      return [{ test: diameterTest(lesion), orres: null, orresu: null, stresc: null, stresn: null, notDone: "TUMOR MERGED" }];
    case "Broken":
      // A value the file does not let us read (a syntax error): never its text, which may be anything.
      return [notDone(lesion, "VALUE UNREADABLE")];
    case "Status":
      switch (node.status) {
        case "not evaluated":
          return [notDone(lesion, "NOT EVALUATED")];
        case "too small":
          return lesion.kind === "non-target" ? [state("present")] : [size("too small", null, TOO_SMALL_TENTHS), ...equivocalState];
        case "absent":
          return lesion.kind === "non-target" || primaryTest(lesion) === "TUMSTATE" ? [state("absent")] : [size("absent", null, 0), ...equivocalState];
        default:
          return [state(node.status)];
      }
  }
}

function toTenthsOf(m: Measurement): number {
  return m.value.kind === "size" ? m.value.tenths : 0;
}

function method(a: Assessment): string | null {
  if (!a.modality) return null;
  return METHOD[a.modality.toUpperCase()] ?? a.modality.toUpperCase();
}

/** The first organ of a patient's lesions that is not a known organ (it has no LOC term). */
function unknownOrgan(patient: PatientAssessment): { organ: string; offset: number } | null {
  for (const e of patient.episodes) {
    for (const lesion of e.episode.lesions.values()) {
      if (!isKnownOrgan(lesion.organ)) return { organ: lesion.organ, offset: lesion.declaration.organ?.start ?? lesion.declaration.start };
    }
  }
  return null;
}
