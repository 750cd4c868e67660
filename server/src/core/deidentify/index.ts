// De-identification of a case file for research: each patient id becomes a stable pseudonym,
// every date of a patient moves by one seeded offset (so every interval, and with it every
// assessment: windows R10/R13, durations R8, kinetics R12, stays the same), and free text
// (comments, notes, lesion descriptions, decisions, biopsy findings) is removed unless kept.
// The text is rewritten through the syntax tree's offsets, so layout and meaning survive and the
// result parses again.
import { parseText } from "../syntax/parse";
import type { DateLit, PatientNode, Span, StringLit } from "../syntax/ast";
import type { CoreDiagnostic } from "../diagnostics";
import { Codes } from "../codes";
import { formatDay, parseDay, whyInvalidDate } from "../util/dates";
import { commentSpans } from "./comments";
import { dateShiftFor, pseudonymFor } from "./pseudonyms";

export interface DeidentifyOptions {
  /** Secret that keys pseudonyms and date offsets; the same seed gives the same output. */
  seed: string;
  /** Keep free text (comments, notes, descriptions, decisions, findings). */
  keepText: boolean;
}

export interface DeidentifiedPatient {
  id: string;
  pseudonym: string;
  shiftDays: number;
}

export type DeidentifyResult =
  | { ok: true; text: string; patients: DeidentifiedPatient[] }
  /** The file has errors that would leave text or dates behind unread; nothing is written. */
  | { ok: false; problems: CoreDiagnostic[] };

interface Edit extends Span {
  replacement: string;
}

export function deidentify(text: string, options: DeidentifyOptions): DeidentifyResult {
  const parse = parseText(text);
  const problems: CoreDiagnostic[] = [...parse.diagnostics];
  const edits: Edit[] = [];
  const patients: DeidentifiedPatient[] = [];
  for (const item of parse.file.items) {
    if (item.type !== "Patient") continue;
    const id = item.header.id?.value ?? "";
    const pseudonym = pseudonymFor(options.seed, id);
    const shiftDays = dateShiftFor(options.seed, id);
    patients.push({ id, pseudonym, shiftDays });
    if (item.header.id) edits.push({ start: item.header.id.start, end: item.header.id.end, replacement: pseudonym });
    for (const date of datesOf(item)) {
      const day = parseDay(date.text);
      if (day === null) {
        problems.push({ code: Codes.invalidDate, severity: "error", message: `Cannot shift ${date.text}: ${whyInvalidDate(date.text)}.`, start: date.start, end: date.end });
      } else {
        edits.push({ start: date.start, end: date.end, replacement: formatDay(day + shiftDays) });
      }
    }
    if (!options.keepText) edits.push(...freeTextEdits(text, item));
  }
  if (!options.keepText) for (const c of commentSpans(text)) edits.push(removeComment(text, c));
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, text: applyEdits(text, edits), patients };
}

function datesOf(patient: PatientNode): DateLit[] {
  const dates: DateLit[] = [];
  for (const item of patient.items) {
    switch (item.type) {
      case "AsOf":
      case "Therapy":
      case "Ctdna":
      case "Marker":
      case "Biopsy":
      case "Decision":
        dates.push(item.date);
        break;
      case "Assessment":
        if (item.header.date) dates.push(item.header.date);
        break;
      default:
        break;
    }
  }
  return dates;
}

function freeTextEdits(text: string, patient: PatientNode): Edit[] {
  const edits: Edit[] = [];
  const blank = (s: StringLit): Edit => ({ start: s.start, end: s.end, replacement: '""' });
  for (const item of patient.items) {
    if (item.type === "Note") edits.push(removeLine(text, item));
    else if (item.type === "Decision") edits.push(blank(item.text));
    else if (item.type === "Biopsy") edits.push(blank(item.finding));
    else if (item.type === "Assessment") {
      for (const line of item.items) {
        if (line.type === "Note") edits.push(removeLine(text, line));
        else if (line.type === "Lesion" && line.description) edits.push(removeWithLeadingBlanks(text, line.description));
      }
    }
  }
  return edits;
}

/** A whole statement line goes, with its line break; a trailing comment on it goes too. */
function removeLine(text: string, span: Span): Edit {
  let start = span.start;
  while (start > 0 && (text[start - 1] === " " || text[start - 1] === "\t")) start--;
  let end = span.end;
  while (end < text.length && text[end] !== "\n" && text[end] !== "\r") end++;
  if (text[end] === "\r" && text[end + 1] === "\n") end += 2;
  else if (end < text.length) end++;
  return { start, end, replacement: "" };
}

/** A comment alone on its line takes the line with it; a trailing one leaves the statement. */
function removeComment(text: string, comment: Span): Edit {
  const edit = removeWithLeadingBlanks(text, comment);
  const atLineStart = edit.start === 0 || text[edit.start - 1] === "\n" || text[edit.start - 1] === "\r";
  return atLineStart ? removeLine(text, comment) : edit;
}

function removeWithLeadingBlanks(text: string, span: Span): Edit {
  let start = span.start;
  while (start > 0 && (text[start - 1] === " " || text[start - 1] === "\t")) start--;
  return { start, end: span.end, replacement: "" };
}

/** Applies non-overlapping edits; an edit inside a removed line is dropped with it. */
function applyEdits(text: string, edits: Edit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start || b.end - a.end);
  let out = "";
  let at = 0;
  for (const edit of sorted) {
    if (edit.start < at) continue;
    out += text.slice(at, edit.start) + edit.replacement;
    at = edit.end;
  }
  return out + text.slice(at);
}
