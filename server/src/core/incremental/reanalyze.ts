// Per-patient incremental re-analysis (issue 7). Patients are independent (spec: "Patients are
// independent"; parse, model, checks and engine R1-R16 all work patient by patient), so after an
// edit inside one patient block only that block is re-parsed, re-modelled, re-checked and
// re-assessed; the rest of the previous analysis is reused with its offsets moved. Whenever the edit
// could change the block structure (it touches a patient header or closing brace, lands outside a
// closed patient, or the block no longer parses as exactly one closed patient), the whole text is
// analysed again, so the result is always the one analyze() gives (tests compare them).
import { analyze, analyzeParsed, orderDiagnostics, Analysis, AnalyzeOptions } from "../analyze";
import { parseText } from "../syntax/parse";
import { CROSS_PATIENT_CODES } from "../check";
import { DEFAULT_SETTINGS } from "../settings";
import { todayDay } from "../util/dates";
import type { CoreDiagnostic } from "../diagnostics";
import type { FileNode, PatientNode } from "../syntax/ast";
import type { Patient } from "../model/types";
import { markPatientCompleteness } from "../completeness";
import { shiftDiagnostic, shiftItems, shiftNode, shiftPatientModel } from "./shift";

/** One replacement in the previous text: offsets `start..end` of it become `text`. */
export interface TextChange {
  start: number;
  end: number;
  text: string;
}

export interface Reanalysis {
  analysis: Analysis;
  /** False when the whole text had to be analysed again. */
  incremental: boolean;
}

/**
 * The analysis of the previous text with `change` applied. `options` must be the ones `previous`
 * was made with (when settings or "today" change, call analyze()). `previous` is consumed: its
 * syntax nodes are reused and moved, so it must not be used afterwards. `changedText`, when given,
 * must be the previous text with `change` applied (the editor's copy).
 */
export function reanalyze(previous: Analysis, change: TextChange, options: AnalyzeOptions = {}, changedText?: string): Reanalysis {
  // The caller's copy of the changed text, when it has one of the right length, saves building
  // (and, at the first slice, flattening) a second copy of a large file on every keystroke.
  const expectedLength = previous.text.length - (change.end - change.start) + change.text.length;
  const text = changedText !== undefined && changedText.length === expectedLength
    ? changedText
    : previous.text.slice(0, change.start) + change.text + previous.text.slice(change.end);
  const analysis = reanalyzePatient(previous, change, text, options);
  return analysis ? { analysis, incremental: true } : { analysis: analyze(text, options), incremental: false };
}

function reanalyzePatient(previous: Analysis, change: TextChange, text: string, options: AnalyzeOptions): Analysis | null {
  const items = previous.parse.file.items;
  const index = itemContaining(items, change);
  if (index < 0) return null;
  const old = items[index];
  if (old.type !== "Patient" || old.close === null || old.header.broken) return null;
  // Strictly between the header line and the closing brace: the block's bounds stay where they are.
  if (change.start < old.header.end || change.end > old.close) return null;

  const delta = change.text.length - (change.end - change.start);
  const sliceStart = old.start;
  const slice = text.slice(sliceStart, old.end + delta);
  const reparsed = parseText(slice);
  const fresh = reparsed.file.items;
  if (fresh.length !== 1 || fresh[0].type !== "Patient") return null;
  const patientNode = fresh[0] as PatientNode;
  if (patientNode.close === null || patientNode.header.broken || patientNode.end !== slice.length) return null;
  shiftNode(patientNode, sliceStart);

  const settings = options.settings ?? DEFAULT_SETTINGS;
  const today = options.today ?? todayDay();
  const single: FileNode = { type: "File", items: [patientNode], start: 0, end: text.length };
  const { model, structural, assessment: assessed } = analyzeParsed(single, text, settings, today);
  const parseDiagnostics = reparsed.diagnostics;
  for (const d of parseDiagnostics) shiftDiagnostic(d, sliceStart);

  const modelIndex = previous.model.patients.findIndex((p) => p.node === old);
  if (modelIndex < 0 || model.patients.length !== 1) return null;
  // The model names the line of each unreadable value (issue 10); lines move when the edit adds or
  // removes a line break, so later patients with such values are analysed again (rare: broken files).
  if (movesLines(previous.text, change) && previous.model.patients.slice(modelIndex + 1).some(hasUnreadableValue)) return null;

  // The rest of the file: before the block unchanged, after it moved by delta.
  const tail = items.slice(index + 1);
  shiftItems(tail, delta);
  const fileItems = [...items.slice(0, index), patientNode, ...tail];
  const file: FileNode = { type: "File", items: fileItems, start: 0, end: text.length };

  for (const patient of previous.model.patients.slice(modelIndex + 1)) shiftPatientModel(patient, delta);
  const patients = [...previous.model.patients];
  patients.splice(modelIndex, 1, model.patients[0]);
  const patientAssessments = [...previous.assessment.patients];
  patientAssessments.splice(modelIndex, 1, ...assessed.patients);

  // Every earlier diagnostic object sits once in previous.diagnostics (and again in the parse or
  // engine list): those after the block are moved there, in place, and the other lists follow.
  // Each list holds a patient's diagnostics together, in file order, so the block's part is found
  // by binary search (cut before moving anything).
  const all = previous.diagnostics;
  const cut = (list: CoreDiagnostic[]) => [firstAtOrAfter(list, old.start), firstAtOrAfter(list, old.end)] as const;
  const [allFrom, allTo] = cut(all);
  const [parseFrom, parseTo] = cut(previous.parse.diagnostics);
  const [clinicalFrom, clinicalTo] = cut(previous.assessment.diagnostics);
  for (let i = allTo; i < all.length; i++) shiftDiagnostic(all[i], delta);
  const replace = (list: CoreDiagnostic[], from: number, to: number, part: CoreDiagnostic[]) => [...list.slice(0, from), ...part, ...list.slice(to)];
  const parse = { file, diagnostics: replace(previous.parse.diagnostics, parseFrom, parseTo, parseDiagnostics) };
  const assessment = {
    patients: patientAssessments,
    diagnostics: replace(previous.assessment.diagnostics, clinicalFrom, clinicalTo, assessed.diagnostics),
    // The edit stays strictly inside one patient block: errors outside every block are the same objects, moved in place.
    errorsOutsidePatients: previous.assessment.errorsOutsidePatients,
  };
  // Only the block's part of analyze()'s order can change. Findings that compare this patient with
  // the others (duplicate-patient, on the unchanged header) cannot be seen in the block alone and stay.
  const crossPatient = all.slice(allFrom, allTo).filter((d) => CROSS_PATIENT_CODES.has(d.code));
  const middle = orderDiagnostics(parseDiagnostics, [...structural, ...crossPatient], assessed.diagnostics);
  const diagnostics = replace(all, allFrom, allTo, middle);
  for (const p of assessed.patients) markPatientCompleteness(p, middle);
  return { text, parse, model: { patients }, assessment, diagnostics };
}

/** True when the edit may change the number of lines before what follows it. */
function movesLines(before: string, change: TextChange): boolean {
  const breaks = /[\r\n]/;
  // An edit between a CR and an LF splits one line break in two without containing either.
  return breaks.test(change.text) || breaks.test(before.slice(change.start, change.end)) || (before[change.start - 1] === "\r" && before[change.end] === "\n");
}

function hasUnreadableValue(patient: Patient): boolean {
  return patient.assessments.some((a) => a.measurements.some((m) => m.value.kind === "broken"));
}

/** Index of the top-level item whose span holds the whole change, or -1 (binary search). */
function itemContaining(items: FileNode["items"], change: TextChange): number {
  let lo = 0;
  let hi = items.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const item = items[mid];
    if (change.start < item.start) hi = mid - 1;
    else if (change.start >= item.end) lo = mid + 1;
    else return change.end <= item.end ? mid : -1;
  }
  return -1;
}

/** Index of the first diagnostic starting at or after `offset` in a list sorted by start. */
function firstAtOrAfter(list: CoreDiagnostic[], offset: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid].start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
