// Quick fixes tied to diagnostics (through their `code` and `data`) and refactors offered at the
// cursor. Every edit leaves a file that parses (tests apply each one and re-parse).
import type { CodeAction, Diagnostic, Range, TextEdit, WorkspaceEdit } from "vscode-languageserver-types";
import { CodeActionKind } from "vscode-languageserver-types";
import type { CaseDocument } from "./document";
import { eolOf, indentAt, rangeOf } from "./document";
import { Location, locate } from "./caseIndex";
import type { BiopsyNode, LesionNode, LengthNode, PatientNode } from "../core/syntax/ast";
import type { Patient } from "../core/model/types";
import { Codes } from "../core/codes";
import { closest } from "../core/util/closest";
import { KNOWN_ORGANS } from "../core/model/organs";
import { formatMm, toTenths } from "../core/util/numbers";
import type { Settings } from "../core/settings";
import { criteriaList, criterion } from "../core/criteria/registry";
import { insertScanEdit, missingLesionsEdit, scansOutOfOrder, sortScansEdit } from "./scanEdits";
import { confirmationDate, currentEpisode, nextDue, pendingWindow } from "./schedule";

export const CONFIRMATION_TITLE = "Insert confirmation scan";

export function codeActions(doc: CaseDocument, range: Range, diagnostics: Diagnostic[], settings: Settings, only?: string[]): CodeAction[] {
  const actions: CodeAction[] = [];
  const seen = new Set<string>();
  const add = (action: CodeAction | null) => {
    if (!action || seen.has(action.title)) return;
    seen.add(action.title);
    actions.push(action);
  };
  for (const diagnostic of diagnostics) {
    if (diagnostic.source !== undefined && diagnostic.source !== "nadir") continue;
    for (const action of quickFixes(doc, diagnostic)) add(action);
  }
  const offset = doc.document.offsetAt(range.start);
  const loc = locate(doc.analysis, offset);
  for (const action of refactors(doc, loc, range, settings)) add(action);
  if (only && only.length > 0) return actions.filter((a) => only.some((kind) => a.kind === kind || (a.kind ?? "").startsWith(`${kind}.`)));
  return actions;
}

function edit(doc: CaseDocument, edits: TextEdit[]): WorkspaceEdit {
  return { changes: { [doc.document.uri]: edits } };
}

function quickFixes(doc: CaseDocument, diagnostic: Diagnostic): CodeAction[] {
  const code = String(diagnostic.code ?? "");
  const data = (diagnostic.data ?? {}) as Record<string, unknown>;
  const offset = doc.document.offsetAt(diagnostic.range.start);
  const loc = locate(doc.analysis, offset);
  const fix = (title: string, edits: TextEdit[], preferred = false): CodeAction => ({
    title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: edit(doc, edits), isPreferred: preferred,
  });
  switch (code) {
    case Codes.unknownLesion:
    case Codes.unknownOrgan: {
      const current = doc.document.getText(diagnostic.range);
      const suggestion = typeof data.suggestion === "string" ? data.suggestion : suggest(code, current, loc);
      if (!suggestion || suggestion === current || !/^[A-Za-z][A-Za-z0-9_-]*$/.test(suggestion)) return [];
      return [fix(`Replace '${current}' with '${suggestion}'`, [{ range: diagnostic.range, newText: suggestion }], true)];
    }
    case Codes.missingMeasurement: {
      if (!loc.assessment || !loc.episode) return [];
      const result = missingLesionsEdit(doc.document, loc.episode, loc.assessment);
      if (!result) return [];
      return [fix(`Add the lesions missing from this scan: ${result.ids.join(", ")} (as \`not evaluated\`)`, [result.edit], true)];
    }
    case Codes.tooManyTargets:
    case Codes.tooManyTargetsInOrgan:
    case Codes.targetNotMeasurable: {
      const line = loc.scanItem?.type === "Lesion" ? loc.scanItem : null;
      const e = line ? makeNonTargetEdit(doc, line) : null;
      return e ? [fix(`Make ${line!.id.value} a non-target lesion`, [e], code !== Codes.targetNotMeasurable)] : [];
    }
    case Codes.scanOrder: {
      if (!loc.patient) return [];
      const e = sortScansEdit(doc.document, loc.patient);
      return e ? [fix("Sort scans by date", [e], true)] : [];
    }
    case Codes.confirmationDue:
    case Codes.unconfirmedPseudoprogression:
    case Codes.progression: {
      const action = confirmationAction(doc, loc.patient, data);
      if (!action) return [];
      action.diagnostics = [diagnostic];
      action.isPreferred = code !== Codes.progression;
      return [action];
    }
    case Codes.biopsyUnstructured: {
      const node = loc.patientItem?.type === "Biopsy" ? loc.patientItem : null;
      const lines = Array.isArray(data.lines) && data.lines.every((l) => typeof l === "string") ? (data.lines as string[]) : [];
      if (!node || lines.length === 0) return [];
      return [fix(`Write as a structured biopsy block: ${lines.join("; ")} (the text stays as its label)`, structuredBiopsyEdits(doc, node, lines), true)];
    }
    case Codes.followUpOverdue: {
      const action = nextScanAction(doc, loc.patient);
      if (!action) return [];
      action.kind = CodeActionKind.QuickFix;
      action.diagnostics = [diagnostic];
      return [action];
    }
    default:
      return [];
  }
}

/**
 * R31: a one-line biopsy becomes `biopsy DATE ORGAN "TEXT" {` with the recognised fields below it:
 * `{` goes right after the text (a comment stays on the header line), the fields and `}` after
 * the line. Nothing of the line is removed.
 */
function structuredBiopsyEdits(doc: CaseDocument, node: BiopsyNode, lines: string[]): TextEdit[] {
  const text = doc.document.getText();
  const indent = indentAt(text, node.start);
  const eol = eolOf(text);
  let lineEnd = node.end;
  while (lineEnd < text.length && text[lineEnd] !== "\n" && text[lineEnd] !== "\r") lineEnd++;
  const body = lines.map((l) => `${eol}${indent}  ${l}`).join("") + `${eol}${indent}}`;
  const at = (offset: number) => doc.document.positionAt(offset);
  return [
    { range: { start: at(node.end), end: at(node.end) }, newText: " {" },
    { range: { start: at(lineEnd), end: at(lineEnd) }, newText: body },
  ];
}

function suggest(code: string, word: string, loc: Location): string | null {
  if (code === Codes.unknownOrgan) return closest(word, KNOWN_ORGANS);
  return loc.episode ? closest(word, loc.episode.lesions.keys()) : null;
}

function refactors(doc: CaseDocument, loc: Location, range: Range, settings: Settings): CodeAction[] {
  const actions: CodeAction[] = [];
  const text = doc.document.getText();
  const start = doc.document.offsetAt(range.start);
  const end = doc.document.offsetAt(range.end);
  const line = loc.scanItem?.type === "Lesion" ? loc.scanItem : null;
  const lengths = line ? lengthsOf(line).filter((l) => l.unit === "cm" && l.start <= Math.max(end, start) && start <= l.end) : [];
  if (line && lengths.length > 0) {
    const edits = lengths.map((l) => cmToMmEdit(doc, l));
    actions.push({ title: `Convert ${lengths.map((l) => text.slice(l.start, l.end)).join(", ")} to mm`, kind: CodeActionKind.RefactorRewrite, edit: edit(doc, edits) });
  }
  const allCm = allLengths(doc).filter((l) => l.unit === "cm");
  if (allCm.length > 1 || (allCm.length === 1 && lengths.length === 0)) {
    actions.push({ title: "Convert every cm value in this file to mm", kind: CodeActionKind.RefactorRewrite, edit: edit(doc, allCm.map((l) => cmToMmEdit(doc, l))) });
  }
  if (!loc.patient) return actions;
  const patient = loc.patient;
  const switchAction = switchToIrecist(doc, patient, settings);
  if (switchAction) actions.push(switchAction);
  if (scansOutOfOrder(patient)) {
    const e = sortScansEdit(doc.document, patient);
    if (e) actions.push({ title: "Sort scans by date", kind: CodeActionKind.RefactorRewrite, edit: edit(doc, [e]) });
  }
  const confirmation = confirmationAction(doc, patient, {});
  if (confirmation) actions.push(confirmation);
  const next = nextScanAction(doc, patient);
  if (next) actions.push(next);
  if (loc.assessment && loc.episode && loc.assessment !== loc.episode.baseline && loc.episode.followUps.includes(loc.assessment)) {
    const result = missingLesionsEdit(doc.document, loc.episode, loc.assessment);
    if (result) actions.push({ title: `Add the lesions missing from this scan: ${result.ids.join(", ")} (as \`not evaluated\`)`, kind: CodeActionKind.RefactorRewrite, edit: edit(doc, [result.edit]) });
  }
  return actions;
}

/** R10: the confirmation scan of a pending iUPD, dated six weeks after it, every lesion listed. */
function confirmationAction(doc: CaseDocument, patient: Patient | null, data: Record<string, unknown>): CodeAction | null {
  if (!patient) return null;
  for (const episode of [...patient.episodes].reverse()) {
    const window = pendingWindow(doc.analysis, patient, episode)
      ?? (typeof data.windowFrom === "string" && typeof data.windowTo === "string"
        ? { iupdDate: String(data.iupdDate ?? ""), from: data.windowFrom, to: data.windowTo }
        : null);
    if (!window) continue;
    const date = confirmationDate(window, episode);
    if (!date) continue;
    const e = insertScanEdit(doc.document, patient, episode, date.date, date.day);
    if (!e) return null;
    return {
      title: `${CONFIRMATION_TITLE} on ${date.date} (window ${window.from} to ${window.to}, R10)`,
      kind: CodeActionKind.QuickFix,
      edit: edit(doc, [e]),
    };
  }
  return null;
}

/** R13: the next scheduled scan, every followed lesion listed. */
export function nextScanAction(doc: CaseDocument, patient: Patient | null): CodeAction | null {
  if (!patient) return null;
  const episode = currentEpisode(patient);
  if (!episode) return null;
  const due = nextDue(doc.analysis, patient, episode);
  if (!due) return null;
  const e = insertScanEdit(doc.document, patient, episode, due.date, due.day);
  if (!e) return null;
  return { title: `Insert next scheduled scan on ${due.date} (R13)`, kind: CodeActionKind.RefactorRewrite, edit: edit(doc, [e]) };
}

/** A patient on immunotherapy read under RECIST 1.1 alone: offer iRECIST (R10). */
function switchToIrecist(doc: CaseDocument, patient: Patient, settings: Settings): CodeAction | null {
  if (!patient.therapies.some((t) => t.kind === "immunotherapy")) return null;
  // Only a patient read under RECIST 1.1 alone: any criteria for immunotherapy already named is left as it is.
  const criteria = patient.settings.criteria ?? criteriaList(settings.criteria);
  if (criteria.some((id) => criterion(id).immunotherapy)) return null;
  const node: PatientNode = patient.node;
  const existing = node.items.find((i) => i.type === "Criteria");
  let e: TextEdit;
  if (existing) {
    e = { range: rangeOf(doc.document, existing), newText: "criteria iRECIST" };
  } else {
    if (node.header.brace === null || node.header.broken) return null;
    const text = doc.document.getText();
    const first = node.items.find((i) => i.type !== "Bad");
    const indent = first ? /^[ \t]*/.exec(text.slice(lineStart(text, first.start), first.start + 1))![0] || "  " : "  ";
    const eol = /\r\n|\n|\r/.exec(text)?.[0] ?? "\n";
    const at = node.header.end;
    const needsBreak = text[at - 1] !== "\n" && text[at - 1] !== "\r";
    e = { range: rangeOf(doc.document, { start: at, end: at }), newText: `${needsBreak ? eol : ""}${indent}criteria iRECIST${eol}` };
  }
  return { title: `Switch ${patient.id || "this patient"} from RECIST 1.1 to iRECIST (immunotherapy, R10)`, kind: CodeActionKind.RefactorRewrite, edit: edit(doc, [e]) };
}

function lineStart(text: string, offset: number): number {
  let i = offset;
  while (i > 0 && text[i - 1] !== "\n" && text[i - 1] !== "\r") i--;
  return i;
}

function makeNonTargetEdit(doc: CaseDocument, line: LesionNode): TextEdit | null {
  if (line.declare !== "target" || !line.organ) return null;
  if (line.value.type === "Split" || line.value.type === "Merged" || (line.value.type === "Status" && line.value.status === "too small")) return null;
  const text = doc.document.getText();
  const between = text.slice(line.id.end, line.organ.start);
  const at = between.indexOf("target");
  if (at < 0) return null;
  const start = line.id.end + at;
  return { range: rangeOf(doc.document, { start, end: start + "target".length }), newText: "non-target" };
}

function lengthsOf(line: LesionNode): LengthNode[] {
  if (line.value.type === "Length") return [line.value];
  if (line.value.type === "Split") return line.value.fragments;
  return [];
}

function allLengths(doc: CaseDocument): LengthNode[] {
  const out: LengthNode[] = [];
  for (const patient of doc.analysis.model.patients) {
    for (const item of patient.node.items) {
      if (item.type !== "Assessment") continue;
      for (const scanItem of item.items) if (scanItem.type === "Lesion") out.push(...lengthsOf(scanItem));
    }
  }
  return out;
}

/** `3.8 cm` -> `38 mm`, exact to the tenth of a mm the model keeps (R2). */
function cmToMmEdit(doc: CaseDocument, length: LengthNode): TextEdit {
  return { range: rangeOf(doc.document, length), newText: `${formatMm(toTenths(length.number.text, "cm"))} mm` };
}

