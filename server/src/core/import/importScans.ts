// Turns imported scans into case-file text: a new case file (the first scan of a patient becomes
// the baseline, targets chosen by RECIST 1.1 measurability, R1) or a `scan` block appended to a
// patient of an existing file, its lesions matched to the declared ones by Tracking UID, then
// Tracking Identifier, then organ and description. Unmatched lesions become `new` lesion lines;
// declared lesions the report does not measure become `not evaluated` (R4).
//
// Tracking UIDs are kept in the case file as `note "tracking-uid ID UID"` lines inside the block
// where the UID was first seen, so that the next import matches by UID. Notes are valid language
// (spec: `note STRING` inside a scan block) and mean nothing to the engine.
//
// The result is accepted only when it has no more errors than the text it started from
// (analyze() of the core); inserted lines are laid out by the project's formatter.
import { analyze } from "../analyze";
import { formatLineRange, formatText } from "../format";
import type { Settings } from "../settings";
import type { AssessmentNode, NoteNode, PatientNode } from "../syntax/ast";
import type { Lesion, Patient } from "../model/types";
import { NODAL_ORGAN } from "../model/organs";
import { parseDay } from "../util/dates";
import type { ImportedLesion, ImportedScan, Skipped } from "./types";
import { commentText, isUsableLesionId, millimetres, nextId, patientIdText, quote, valueText } from "./caseText";

export type MatchedBy = "tracking UID" | "tracking identifier" | "organ and description";

export interface ScanReport {
  patientId: string;
  date: string;
  sources: string[];
  /** "baseline" for a new case file's first scan. */
  block: "baseline" | "scan";
  matched: Array<{ id: string; by: MatchedBy }>;
  /** Lesions declared by this block (new lesions, or every lesion of a new baseline). */
  added: Array<{ id: string; note: string }>;
  notEvaluated: string[];
  skipped: Skipped[];
}

export type ImportOutcome =
  | { ok: true; text: string; reports: ScanReport[] }
  | { ok: false; problems: string[]; reports: ScanReport[] };

export interface ImportOptions {
  /** The patient to append to; default: the report's patient id. */
  patient?: string;
  settings?: Settings;
  /** A comment for each new block saying where it came from, e.g. "DICOM SR". */
  origin?: string;
}

const TRACKING_NOTE = /^tracking-uid\s+(\S+)\s+(\S+)\s*$/;
const INDENT = "  ";
/** R1 measurability: non-nodal LD >= 10 mm, node SA >= 15 mm; nodes 10 to < 15 mm are non-target. */
const MEASURABLE_TENTHS = 100;
const NODE_MEASURABLE_TENTHS = 150;
const NODE_PATHOLOGICAL_TENTHS = 100;
const MAX_TARGETS = 5;
const MAX_TARGETS_PER_ORGAN = 2;

/** A new case file from scans (the earliest scan of each patient is its baseline). */
export function newCaseFromScans(scans: ImportedScan[], options: ImportOptions = {}): ImportOutcome {
  const problems: string[] = [];
  const byPatient = new Map<string, ImportedScan[]>();
  for (const scan of mergeScans(scans)) {
    const id = options.patient ?? scan.patientId;
    if (id === null) {
      problems.push(`${scan.sources.join(", ")}: no patient id in the report; give one with --patient`);
      continue;
    }
    byPatient.set(id, [...(byPatient.get(id) ?? []), scan]);
  }
  if (problems.length > 0) return { ok: false, problems, reports: [] };
  const blocks: string[] = [];
  const reports: ScanReport[] = [];
  const later: ImportedScan[] = [];
  for (const [id, list] of byPatient) {
    const [first, ...rest] = list;
    const { lines, report } = baselineBlock(id, first, options.origin);
    blocks.push(`patient ${patientIdText(id)} {\n${lines.map((l) => INDENT + l).join("\n")}\n}\n`);
    reports.push(report);
    later.push(...rest.map((s) => ({ ...s, patientId: id })));
  }
  const text = formatText(blocks.join("\n"));
  if (later.length === 0) return checked(null, text, reports, options);
  const appended = importScansInto(text, later, { ...options, patient: undefined });
  return { ...appended, reports: [...reports, ...appended.reports] };
}

/** Appends one `scan` block per imported scan to a patient of `text`. */
export function importScansInto(text: string, scans: ImportedScan[], options: ImportOptions = {}): ImportOutcome {
  const before = analyze(text, { settings: options.settings });
  const reports: ScanReport[] = [];
  const problems: string[] = [];
  let current = text;
  for (const scan of mergeScans(scans)) {
    const analysis = analyze(current, { settings: options.settings });
    const chosen = choosePatient(analysis.model.patients, scan, options.patient);
    if ("problem" in chosen) {
      problems.push(chosen.problem);
      continue;
    }
    const appended = appendScan(current, chosen.patient, scan, options.origin);
    if ("problem" in appended) {
      problems.push(appended.problem);
      continue;
    }
    current = appended.text;
    reports.push(appended.report);
  }
  if (problems.length > 0) return { ok: false, problems, reports };
  return checked(before, current, reports, options);
}

/** Accepts `text` only when it has no syntax errors and no more errors than `before` had. */
function checked(before: ReturnType<typeof analyze> | null, text: string, reports: ScanReport[], options: ImportOptions): ImportOutcome {
  const after = analyze(text, { settings: options.settings });
  const errors = (a: ReturnType<typeof analyze>) => a.diagnostics.filter((d) => d.severity === "error");
  const was = new Map<string, number>();
  for (const d of before ? errors(before) : []) was.set(d.code, (was.get(d.code) ?? 0) + 1);
  const added = errors(after).filter((d) => {
    const left = was.get(d.code) ?? 0;
    if (left > 0) {
      was.set(d.code, left - 1);
      return false;
    }
    return true;
  });
  if (added.length > 0 || after.parse.diagnostics.length > (before?.parse.diagnostics.length ?? 0)) {
    const lineOf = (offset: number) => text.slice(0, offset).split(/\r\n|\n|\r/).length;
    return { ok: false, reports, problems: added.map((d) => `the imported text would have an error at line ${lineOf(d.start)}: ${d.code}: ${d.message} (nothing written)`) };
  }
  return { ok: true, text, reports };
}

/** Several files of one patient and date (some viewers write one per lesion) are one scan. */
function mergeScans(scans: ImportedScan[]): ImportedScan[] {
  const merged = new Map<string, ImportedScan>();
  for (const scan of scans) {
    const key = `${scan.patientId ?? ""}\u0000${scan.date}`;
    const seen = merged.get(key);
    if (!seen) merged.set(key, { ...scan, sources: [...scan.sources], lesions: [...scan.lesions], skipped: [...scan.skipped] });
    else {
      seen.sources.push(...scan.sources);
      seen.lesions.push(...scan.lesions);
      seen.skipped.push(...scan.skipped);
      seen.modality ??= scan.modality;
    }
  }
  return [...merged.values()].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

function choosePatient(patients: Patient[], scan: ImportedScan, wanted: string | undefined): { patient: Patient } | { problem: string } {
  const where = scan.sources.join(", ");
  const ids = patients.map((p) => p.id);
  const id = wanted ?? scan.patientId;
  if (id === null || id === undefined) {
    return { problem: `${where}: the report has no patient id; choose the patient with --patient (${ids.join(", ") || "the file has no patient"})` };
  }
  const found = patients.filter((p) => p.id === id);
  if (found.length === 1) return { patient: found[0] };
  if (found.length > 1) return { problem: `${where}: patient ${id} appears ${found.length} times in the file; fix the duplicate first` };
  return { problem: `${where}: patient ${id}${wanted === undefined ? " (from the report)" : ""} is not in the file (patients: ${ids.join(", ") || "none"}); choose one with --patient` };
}

// ------------------------------------------------------------------------------------------
// A new baseline (R1)

function baselineBlock(patientId: string, scan: ImportedScan, origin: string | undefined): { lines: string[]; report: ScanReport } {
  const report: ScanReport = { patientId, date: scan.date, sources: scan.sources, block: "baseline", matched: [], added: [], notEvaluated: [], skipped: [...scan.skipped] };
  interface Row { lesion: ImportedLesion; role: "target" | "non-target"; why: string | null; id?: string }
  const rows: Row[] = [];
  for (const lesion of scan.lesions) {
    if (lesion.value.kind !== "size") {
      rows.push({ lesion, role: "non-target", why: null });
      continue;
    }
    const size = lesion.value.tenths;
    if (lesion.organ === NODAL_ORGAN) {
      if (size < NODE_PATHOLOGICAL_TENTHS) {
        report.skipped.push({ source: lesion.source, reason: `lymph node with short axis ${millimetres(size)} (< 10 mm) is normal and not recorded (R1)` });
        continue;
      }
      rows.push(size >= NODE_MEASURABLE_TENTHS ? { lesion, role: "target", why: null } : { lesion, role: "non-target", why: "node with short axis 10 to < 15 mm: not measurable (R1)" });
    } else {
      rows.push(size >= MEASURABLE_TENTHS ? { lesion, role: "target", why: null } : { lesion, role: "non-target", why: "longest diameter < 10 mm: not measurable (R1)" });
    }
  }
  // R1 limits: at most 5 targets, 2 per organ (all nodes one organ); the largest are kept.
  const candidates = rows.filter((r) => r.role === "target").sort((a, b) => size(b) - size(a));
  const perOrgan = new Map<string, number>();
  let total = 0;
  for (const row of candidates) {
    const organ = row.lesion.organ;
    const inOrgan = perOrgan.get(organ) ?? 0;
    if (inOrgan >= MAX_TARGETS_PER_ORGAN) {
      row.role = "non-target";
      row.why = `measurable, but ${organ === NODAL_ORGAN ? "lymph nodes" : organ} already ${organ === NODAL_ORGAN ? "have" : "has"} 2 larger targets (R1: at most 2 per organ)`;
    } else if (total >= MAX_TARGETS) {
      row.role = "non-target";
      row.why = "measurable, but 5 larger targets are already chosen (R1: at most 5 targets)";
    } else {
      perOrgan.set(organ, inOrgan + 1);
      total++;
    }
  }
  const used = new Set<string>();
  for (const row of rows) {
    if (isUsableLesionId(row.lesion.trackingId) && !used.has(row.lesion.trackingId.toLowerCase())) {
      row.id = row.lesion.trackingId;
      used.add(row.id.toLowerCase());
    }
  }
  for (const row of rows) {
    row.id ??= nextId(row.role === "non-target" ? "NT" : row.lesion.organ === NODAL_ORGAN ? "N" : "T", used);
  }
  const lines = [`baseline ${scan.date}${scan.modality ? ` ${scan.modality}` : ""} {${origin ? `  # ${commentText(`imported from ${origin} ${scan.sources.join(", ")}`)}` : ""}`];
  const notes: string[] = [];
  for (const row of rows) {
    const id = row.id as string;
    const l = row.lesion;
    const comment = [row.why, l.trackingId && l.trackingId !== id ? `tracking identifier ${l.trackingId}` : null].filter((x) => x).join("; ");
    lines.push(`${INDENT}${id} ${row.role} ${l.organ}${l.description ? ` ${quote(l.description)}` : ""} ${valueText(l.value)}${comment ? `  # ${commentText(comment)}` : ""}`);
    report.added.push({ id, note: row.role });
    if (l.trackingUid) notes.push(`${INDENT}note ${quote(`tracking-uid ${id} ${l.trackingUid}`)}`);
  }
  lines.push(...notes, "}");
  return { lines, report };

  function size(row: Row): number {
    return row.lesion.value.kind === "size" ? row.lesion.value.tenths : 0;
  }
}

// ------------------------------------------------------------------------------------------
// A follow-up scan appended to an existing patient

function appendScan(text: string, patient: Patient, scan: ImportedScan, origin: string | undefined): { text: string; report: ScanReport } | { problem: string } {
  const where = scan.sources.join(", ");
  const day = parseDay(scan.date) as number;
  if (patient.assessments.some((a) => a.date === scan.date)) {
    return { problem: `${where}: patient ${patient.id} already has an assessment dated ${scan.date}; nothing imported (remove or redate it first)` };
  }
  const withBaseline = patient.episodes.filter((e) => e.baseline !== null);
  if (withBaseline.length === 0) return { problem: `${where}: patient ${patient.id} has no baseline to compare with; import into a file with a baseline, or without --into to start a new case file` };
  const onOrBefore = withBaseline.filter((e) => (e.baseline as { day: number }).day <= day);
  const preTreatment = onOrBefore.length === 0;
  const episode = preTreatment ? withBaseline[0] : onOrBefore[onOrBefore.length - 1];
  const active = [...episode.lesions.values()].filter((l) => l.kind !== "new" || l.declaredAt.day < day);
  const known = trackingUids(patient.node);
  const report: ScanReport = { patientId: patient.id, date: scan.date, sources: scan.sources, block: "scan", matched: [], added: [], notEvaluated: [], skipped: [...scan.skipped] };

  const matchedIds = new Map<string, string>(); // lesion id -> source that measured it
  const valueLines = new Map<string, string>(); // lesion id -> its line, written in declaration order
  const newLines: string[] = [];
  const notes: string[] = [];
  const usedIds = new Set([...episode.lesions.keys()].map((id) => id.toLowerCase()));
  for (const lesion of scan.lesions) {
    const match = matchLesion(lesion, active, known, matchedIds);
    if (match && matchedIds.has(match.lesion.id)) {
      report.skipped.push({ source: lesion.source, reason: `measures lesion ${match.lesion.id} again (already from ${matchedIds.get(match.lesion.id)})` });
      continue;
    }
    if (match) {
      matchedIds.set(match.lesion.id, lesion.source);
      report.matched.push({ id: match.lesion.id, by: match.by });
      // The report cannot say whether an equivocal new lesion is now unequivocal (R6): keep it
      // equivocal and say so, rather than turning it into progression silently.
      const equivocal = match.lesion.kind === "new" && lastMention(patient, match.lesion.id, day)?.equivocal === true;
      const remarks = [
        equivocal ? "still equivocal (R6): the report cannot say; remove `new equivocal` if it is now unequivocal" : null,
        lesion.organ !== "other" && lesion.organ !== match.lesion.organ ? `the report's finding site is ${lesion.organ}; ${match.lesion.id} was declared ${match.lesion.organ}` : null,
      ].filter((x): x is string => x !== null);
      valueLines.set(match.lesion.id, `${INDENT}${match.lesion.id}${equivocal ? " new equivocal" : ""} ${valueText(lesion.value)}${remarks.length ? `  # ${commentText(remarks.join("; "))}` : ""}`);
      if (lesion.trackingUid && !known.byLesion.has(match.lesion.id)) notes.push(trackingNote(match.lesion.id, lesion.trackingUid));
      continue;
    }
    if (preTreatment) {
      report.skipped.push({ source: lesion.source, reason: "matches no declared lesion, and a scan before the baseline cannot declare new lesions" });
      continue;
    }
    const id = isUsableLesionId(lesion.trackingId) && !usedIds.has(lesion.trackingId.toLowerCase()) ? lesion.trackingId : nextId("NL", usedIds);
    usedIds.add(id.toLowerCase());
    const why = `new: matches no lesion of the baseline${lesion.trackingId && lesion.trackingId !== id ? ` (tracking identifier ${lesion.trackingId})` : ""}`;
    newLines.push(`${INDENT}${id} new ${lesion.organ}${lesion.description ? ` ${quote(lesion.description)}` : ""} ${valueText(lesion.value)}  # ${commentText(why)}`);
    report.added.push({ id, note: `new lesion, ${lesion.organ}` });
    if (lesion.trackingUid) notes.push(trackingNote(id, lesion.trackingUid));
  }
  const lines: string[] = [];
  for (const lesion of active) {
    const line = valueLines.get(lesion.id);
    if (line) {
      lines.push(line);
      continue;
    }
    lines.push(`${INDENT}${lesion.id} not evaluated  # not measured in the imported report (R4)`);
    report.notEvaluated.push(lesion.id);
  }
  lines.push(...newLines);
  lines.push(...notes);
  const header = `scan ${scan.date}${scan.modality ? ` ${scan.modality}` : ""} {${origin ? `  # ${commentText(`imported from ${origin} ${where}`)}` : ""}`;
  return { text: insertBlock(text, patient, day, [header, ...lines, "}"]), report };
}

/** The latest line giving lesion `id` before `day`. */
function lastMention(patient: Patient, id: string, day: number) {
  let found: Patient["assessments"][number]["measurements"][number] | undefined;
  for (const a of patient.assessments) {
    if (a.day >= day) break;
    for (const m of a.measurements) if (m.lesionId === id) found = m;
  }
  return found;
}

interface KnownUids {
  byUid: Map<string, string>;
  byLesion: Map<string, string>;
}

/** The `note "tracking-uid ID UID"` lines of a patient (patient level and inside blocks). */
export function trackingUids(patient: PatientNode): KnownUids {
  const byUid = new Map<string, string>();
  const byLesion = new Map<string, string>();
  const notes: NoteNode[] = [];
  for (const item of patient.items) {
    if (item.type === "Note") notes.push(item);
    if (item.type === "Assessment") for (const s of item.items) if (s.type === "Note") notes.push(s);
  }
  for (const note of notes) {
    const m = TRACKING_NOTE.exec(note.text.value);
    if (!m) continue;
    byUid.set(m[2], m[1]);
    byLesion.set(m[1], m[2]);
  }
  return { byUid, byLesion };
}

function trackingNote(id: string, uid: string): string {
  return `${INDENT}note ${quote(`tracking-uid ${id} ${uid}`)}`;
}

function matchLesion(lesion: ImportedLesion, active: Lesion[], known: KnownUids, taken: Map<string, string>): { lesion: Lesion; by: MatchedBy } | null {
  const byId = (id: string) => active.find((l) => l.id === id) ?? null;
  if (lesion.trackingUid) {
    const id = known.byUid.get(lesion.trackingUid);
    const found = id ? byId(id) : null;
    if (found) return { lesion: found, by: "tracking UID" };
  }
  // A lesion whose known UID differs from the report's is another lesion, whatever its label.
  const compatible = (l: Lesion) => !lesion.trackingUid || !known.byLesion.has(l.id) || known.byLesion.get(l.id) === lesion.trackingUid;
  if (lesion.trackingId) {
    const exact = byId(lesion.trackingId) ?? active.find((l) => l.id.toLowerCase() === lesion.trackingId?.toLowerCase()) ?? null;
    if (exact && compatible(exact)) return { lesion: exact, by: "tracking identifier" };
  }
  if (lesion.description) {
    const wanted = lesion.description.trim().toLowerCase();
    const same = active.filter((l) => !taken.has(l.id) && compatible(l) && l.organ === lesion.organ && (l.description ?? "").trim().toLowerCase() === wanted);
    if (same.length === 1) return { lesion: same[0], by: "organ and description" };
  }
  return null;
}

/** Inserts a block after the patient's latest assessment on or before `day` (else after the last). */
function insertBlock(text: string, patient: Patient, day: number, lines: string[]): string {
  const blocks = patient.node.items.filter((i): i is AssessmentNode => i.type === "Assessment");
  const dated = blocks.filter((b) => {
    const d = b.header.date ? parseDay(b.header.date.text) : null;
    return d !== null && d <= day;
  });
  const anchor = dated[dated.length - 1] ?? blocks[blocks.length - 1];
  const eol = /\r\n/.test(text) ? "\r\n" : "\n";
  const headerIndent = anchor ? indentAt(text, anchor.start) : INDENT;
  const at = anchor ? anchor.end : lineStart(text, patient.node.close ?? text.length);
  const needsBreak = at > 0 && text[at - 1] !== "\n" && text[at - 1] !== "\r";
  const body = lines.map((l) => headerIndent + l);
  const inserted = (needsBreak ? eol : "") + (anchor ? eol : "") + body.join(eol) + eol;
  const result = text.slice(0, at) + inserted + text.slice(at);
  const firstLine = text.slice(0, at).split(/\r\n|\n|\r/).length - 1 + (needsBreak ? 1 : 0) + (anchor ? 1 : 0);
  const edit = formatLineRange(result, firstLine, firstLine + body.length - 1);
  return edit ? result.slice(0, edit.start) + edit.text + result.slice(edit.end) : result;
}

function indentAt(text: string, offset: number): string {
  const start = lineStart(text, offset);
  return /^[ \t]*/.exec(text.slice(start))?.[0] ?? "";
}

function lineStart(text: string, offset: number): number {
  let i = offset;
  while (i > 0 && text[i - 1] !== "\n" && text[i - 1] !== "\r") i--;
  return i;
}

/** Lines for the summary on stderr (CLI) or in the editor's message. */
export function describeReports(reports: ScanReport[]): string[] {
  const out: string[] = [];
  for (const r of reports) {
    const parts: string[] = [];
    if (r.block === "baseline") parts.push(`declared ${r.added.map((a) => `${a.id} (${a.note})`).join(", ") || "no lesions"}`);
    else {
      parts.push(`matched ${r.matched.length}${r.matched.length ? ` (${r.matched.map((m) => `${m.id} by ${m.by}`).join(", ")})` : ""}`);
      parts.push(`added ${r.added.length}${r.added.length ? ` (${r.added.map((a) => `${a.id}: ${a.note}`).join(", ")})` : ""}`);
      if (r.notEvaluated.length) parts.push(`not evaluated ${r.notEvaluated.join(", ")}`);
    }
    parts.push(`skipped ${r.skipped.length}`);
    out.push(`${r.patientId} ${r.block} ${r.date} from ${r.sources.join(", ")}: ${parts.join("; ")}`);
    for (const s of r.skipped) out.push(`  skipped ${s.source}: ${s.reason}`);
  }
  return out;
}

