// Core diagnostics -> LSP diagnostics: the spec's code, `source: "nadir"`, positions from the
// TextDocument, and the core's `data` passed through so quick fixes can use it.
//
// The language server publishes every diagnostic of a file after each edit (LSP has no partial
// publish), so it keeps them JSON-encoded, one piece per top-level block (patient), and reuses the
// pieces of blocks an edit did not touch (encodeDiagnostics): an edit inside one patient encodes
// that patient's diagnostics only, whatever the size of the file. Encoded pieces hold absolute line
// numbers, written right-aligned in a field as wide as the file's largest line number (JSON allows
// the spaces): an edit that adds or removes lines copies every later piece and overwrites its line
// numbers in place, without re-encoding anything. Offsets do not appear in the published
// diagnostics at all (see lspData), so an edit that keeps the line count leaves every other piece
// byte-identical.
import type { TextDocument } from "vscode-languageserver-textdocument";
import { Diagnostic, DiagnosticSeverity } from "vscode-languageserver-types";
import type { Analysis } from "../core/analyze";
import type { CoreDiagnostic, Severity } from "../core/diagnostics";
import { CROSS_PATIENT_CODES } from "../core/check";
import { DATA_OFFSET_FIELDS } from "../core/incremental/shift";
import { rangeOf } from "./document";

export const DIAGNOSTIC_SOURCE = "nadir";

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function toLspDiagnostics(document: TextDocument, diagnostics: readonly CoreDiagnostic[]): Diagnostic[] {
  return diagnostics.map((d) => toLspDiagnostic(document, d));
}

export function toLspDiagnostic(document: TextDocument, d: CoreDiagnostic): Diagnostic {
  const diagnostic: Diagnostic = {
    range: rangeOf(document, d),
    severity: severityOf(d),
    code: d.code,
    source: DIAGNOSTIC_SOURCE,
    message: lspMessage(d),
  };
  const data = lspData(d);
  if (data) diagnostic.data = data;
  return diagnostic;
}

function severityOf(d: CoreDiagnostic): DiagnosticSeverity {
  return SEVERITY[d.severity] ?? DiagnosticSeverity.Warning;
}

function lspMessage(d: CoreDiagnostic): string {
  return d.rules && d.rules.length > 0 && !/\bR\d+\b/.test(d.message) ? `${d.message} (${d.rules.join(", ")})` : d.message;
}

/**
 * The core's `data` for quick fixes (a suggested id or organ, a confirmation window, ...), without
 * the keys that hold offsets into the text: the client hands `data` back with a code action
 * request, by when those offsets may be stale, and quick fixes work from the diagnostic's range in
 * the current document instead. Undefined when nothing is left.
 */
function lspData(d: CoreDiagnostic): Record<string, unknown> | undefined {
  if (!d.data) return undefined;
  let data: Record<string, unknown> | undefined;
  for (const key in d.data) {
    if ((DATA_OFFSET_FIELDS as readonly string[]).includes(key) || d.data[key] === undefined) continue;
    (data ??= {})[key] = d.data[key];
  }
  return data;
}

// ---------------------------------------------------------------------------------------------
// Encoded diagnostics

/** Where one edit left the text alone: offsets `0..unchangedPrefix` and from `changedEnd` on (new offsets). */
export interface EditExtent {
  unchangedPrefix: number;
  changedEnd: number;
}

/** A top-level block of the text (a patient, or a line outside every patient): its span. */
export interface Block {
  start: number;
  end: number;
}

/**
 * The JSON of a run of consecutive diagnostics that lie in one top-level block (or between two):
 * `{...},{...}` as ASCII bytes (non-ASCII characters are written as \u escapes, so byte and
 * character offsets agree), with the byte offset and value of every line number in it (`lines[i] +
 * shift`: moved pieces share the arrays); each line number takes `width` bytes, right-aligned after
 * spaces.
 */
interface EncodedPiece {
  count: number;
  bytes: Buffer;
  width: number;
  lineAt: Uint32Array;
  lines: Uint32Array;
  shift: number;
}

export interface EncodeStatistics {
  /** Pieces taken over unchanged, with their line numbers moved, and encoded afresh. */
  reused: number;
  moved: number;
  encoded: number;
}

/** One document version's diagnostics in the JSON form of `PublishDiagnosticsParams.diagnostics`. */
export class EncodedDiagnostics {
  /** Bytes of the JSON array, brackets included. */
  readonly byteLength: number;

  constructor(
    readonly core: readonly CoreDiagnostic[],
    /** The document's line count when they were encoded. */
    readonly lineCount: number,
    /** The pieces in order, and the index in `core` of the first diagnostic of each. */
    readonly pieces: readonly EncodedPiece[],
    readonly firsts: readonly number[],
    readonly statistics: EncodeStatistics,
  ) {
    this.byteLength = pieces.reduce((sum, p) => sum + p.bytes.length, 0) + Math.max(0, pieces.length - 1) + 2;
  }

  get count(): number {
    return this.core.length;
  }

  /** The JSON array's bytes, as buffers to write one after another (brackets and commas included). */
  chunks(): Buffer[] {
    const out: Buffer[] = [OPEN];
    this.pieces.forEach((piece, i) => {
      if (i > 0) out.push(COMMA);
      out.push(piece.bytes);
    });
    out.push(CLOSE);
    return out;
  }

  toJsonText(): string {
    return Buffer.concat(this.chunks(), this.byteLength).toString("latin1");
  }

  /** The diagnostics as objects (what the bytes parse to). */
  toDiagnostics(): Diagnostic[] {
    return JSON.parse(this.toJsonText()) as Diagnostic[];
  }
}

const OPEN = Buffer.from("[");
const COMMA = Buffer.from(",");
const CLOSE = Buffer.from("]");

/**
 * Encodes `diagnostics` (sorted by start, as Analysis.diagnostics are) of `document`, one piece per
 * run of diagnostics in the same block of `blocks` (sorted, not overlapping), reusing the pieces of
 * `previous` (the encoding of the version before one edit of extent `edit`) that the edit cannot
 * have changed: a piece is reused when it holds the very same core diagnostic objects (the core's
 * per-patient re-analysis keeps them, moved, for the patients it did not touch) and
 * - every diagnostic of it ends before the edit (one character of margin: a position at the end of
 *   a diagnostic also depends on the character after it, a "\r" followed by "\n" being one line
 *   break): as it is;
 * - or every diagnostic starts on a line wholly after the edit: those lines are the same lines, so
 *   only their numbers change, by the change in line count;
 * every other piece is encoded afresh. Pieces are never modified (a publish being written may hold
 * them).
 */
export function encodeDiagnostics(
  document: TextDocument, diagnostics: readonly CoreDiagnostic[], blocks: readonly Block[], previous: EncodedDiagnostics | null = null, edit: EditExtent | null = null,
): EncodedDiagnostics {
  const lineCount = document.lineCount;
  const length = document.getText().length;
  const width = digits(Math.max(0, lineCount - 1));
  const statistics: EncodeStatistics = { reused: 0, moved: 0, encoded: 0 };
  // The previous pieces by their first core diagnostic.
  const old = new Map<CoreDiagnostic, number>();
  let threshold = Infinity;
  let lineDelta = 0;
  if (previous && edit) {
    previous.firsts.forEach((first, i) => old.set(previous.core[first], i));
    // The first offset on a line that starts after the edit and after a line break wholly after it.
    const firstUnchangedLine = document.positionAt(edit.changedEnd + 1).line + 1;
    threshold = firstUnchangedLine < lineCount ? document.offsetAt({ line: firstUnchangedLine, character: 0 }) : Infinity;
    lineDelta = lineCount - previous.lineCount;
  }

  const pieces: EncodedPiece[] = [];
  const firsts: number[] = [];
  let block = 0;
  for (let from = 0; from < diagnostics.length; ) {
    // The run of diagnostics starting in the same block, or in the same gap between two.
    const start = diagnostics[from].start;
    while (block < blocks.length && blocks[block].end <= start) block++;
    const inBlock = block < blocks.length && blocks[block].start <= start;
    const limit = inBlock ? blocks[block].end : block < blocks.length ? blocks[block].start : Infinity;
    let to = from + 1;
    while (to < diagnostics.length && diagnostics[to].start < limit) to++;

    let piece: EncodedPiece | null = null;
    const index = old.get(diagnostics[from]);
    if (index !== undefined) {
      const prior = previous!.pieces[index];
      if (prior.count === to - from && sameRun(diagnostics, from, previous!.core, previous!.firsts[index], prior.count)) {
        const end = maxEnd(diagnostics, from, to);
        if (end + 1 < edit!.unchangedPrefix) {
          piece = prior;
          statistics.reused++;
        } else if (start >= threshold && end <= length) {
          piece = lineDelta === 0 ? prior : movedPiece(prior, lineDelta, width);
          statistics[lineDelta === 0 ? "reused" : "moved"]++;
        }
      }
    }
    if (!piece) {
      piece = encodePiece(document, diagnostics, from, to, width);
      statistics.encoded++;
    }
    pieces.push(piece);
    firsts.push(from);
    from = to;
  }
  return new EncodedDiagnostics(diagnostics, lineCount, pieces, firsts, statistics);
}

function sameRun(diagnostics: readonly CoreDiagnostic[], from: number, oldCore: readonly CoreDiagnostic[], oldFrom: number, count: number): boolean {
  for (let i = 0; i < count; i++) if (diagnostics[from + i] !== oldCore[oldFrom + i]) return false;
  return true;
}

function maxEnd(diagnostics: readonly CoreDiagnostic[], from: number, to: number): number {
  let end = 0;
  for (let i = from; i < to; i++) end = Math.max(end, diagnostics[i].end);
  return end;
}

function encodePiece(document: TextDocument, diagnostics: readonly CoreDiagnostic[], from: number, to: number, width: number): EncodedPiece {
  let json = "";
  const lineAt = new Uint32Array(2 * (to - from));
  const lines = new Uint32Array(2 * (to - from));
  let slot = 0;
  for (let i = from; i < to; i++) {
    const d = diagnostics[i];
    const range = rangeOf(document, d);
    if (i > from) json += ",";
    json += "{\"range\":{\"start\":{\"line\":";
    lineAt[slot] = json.length;
    lines[slot++] = range.start.line;
    json += `${String(range.start.line).padStart(width)},"character":${range.start.character}},"end":{"line":`;
    lineAt[slot] = json.length;
    lines[slot++] = range.end.line;
    json += `${String(range.end.line).padStart(width)},"character":${range.end.character}}},"severity":${severityOf(d)},"code":${ascii(JSON.stringify(d.code))},"source":"${DIAGNOSTIC_SOURCE}","message":${ascii(JSON.stringify(lspMessage(d)))}`;
    const data = lspData(d);
    if (data) json += `,"data":${ascii(JSON.stringify(data))}`;
    json += "}";
  }
  return { count: to - from, bytes: Buffer.from(json, "latin1"), width, lineAt, lines, shift: 0 };
}

/**
 * `prior` with every line number moved by `delta`, nothing re-encoded: a copy with the numbers
 * overwritten in their fields, or, when they no longer fit (or the file's width changed), the
 * bytes between them copied around numbers of the new width.
 */
function movedPiece(prior: EncodedPiece, delta: number, width: number): EncodedPiece {
  const n = prior.lines.length;
  const shift = prior.shift + delta;
  if (width === prior.width) {
    // Every line number fits: the width is that of the file's largest line number.
    const bytes = Buffer.allocUnsafe(prior.bytes.length);
    prior.bytes.copy(bytes);
    for (let i = 0; i < n; i++) writeNumber(bytes, prior.lineAt[i], width, prior.lines[i] + shift);
    return { count: prior.count, bytes, width, lineAt: prior.lineAt, lines: prior.lines, shift };
  }
  const bytes = Buffer.allocUnsafe(prior.bytes.length + n * (width - prior.width));
  const lineAt = new Uint32Array(n);
  let read = 0;
  let write = 0;
  for (let i = 0; i < n; i++) {
    write += prior.bytes.copy(bytes, write, read, prior.lineAt[i]);
    lineAt[i] = write;
    writeNumber(bytes, write, width, prior.lines[i] + shift);
    write += width;
    read = prior.lineAt[i] + prior.width;
  }
  prior.bytes.copy(bytes, write, read);
  return { count: prior.count, bytes, width, lineAt, lines: prior.lines, shift };
}

/** Writes `value` right-aligned in `width` bytes at `at` (spaces before it). */
function writeNumber(bytes: Buffer, at: number, width: number, value: number): void {
  let i = at + width - 1;
  do {
    bytes[i--] = 48 + (value % 10);
    value = Math.floor(value / 10);
  } while (value > 0 && i >= at);
  while (i >= at) bytes[i--] = 32;
}

function digits(n: number): number {
  let count = 1;
  while (n >= 10) {
    n = Math.floor(n / 10);
    count++;
  }
  return count;
}

/** JSON text with every non-ASCII character as a \u escape (the same JSON value, one byte per character). */
function ascii(json: string): string {
  return /[^\x00-\x7f]/.test(json) ? json.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`) : json;
}

// ---------------------------------------------------------------------------------------------
// The diagnostics of a few patients first

/** Diagnostics of the patients around a part of the text, analysed without the rest of the file. */
export interface DiagnosticsAround {
  /** File offsets of the analysed slice (from a patient header line to one, or to the end). */
  from: number;
  to: number;
  /** The patients whose diagnostics these are (whole, closed blocks inside the slice). */
  blocks: Block[];
  /** Their diagnostics, in file offsets, sorted as Analysis.diagnostics are. */
  diagnostics: CoreDiagnostic[];
}

/**
 * The diagnostics of the patients that overlap offsets `from..to` of `text` (and of those after
 * them up to `from + minLength`), analysed as a file of their own. They are exactly the ones a
 * full analysis gives for these patients: a line that starts with the keyword `patient` ends any
 * block and starts a patient, whatever came before (the grammar is line-based: nothing spans
 * lines), and patients are assessed independently; the one finding that compares patients
 * (duplicate-patient) is left out, as is any patient that is unclosed or has a broken header
 * (where a block boundary could differ), and anything outside the patients. For a first publish
 * of a large file, before the full analysis.
 */
export function diagnosticsAround(text: string, from: number, to: number, minLength: number, analyse: (slice: string) => Analysis): DiagnosticsAround {
  const start = patientLineAtOrBefore(text, Math.max(0, Math.min(from, text.length)));
  const end = patientLineAfter(text, Math.max(to, start + minLength));
  const analysis = analyse(text.slice(start, end));
  const blocks: Block[] = [];
  for (const item of analysis.parse.file.items) {
    if (item.type === "Patient" && item.close !== null && !item.header.broken) blocks.push({ start: item.start, end: item.end });
  }
  const diagnostics: CoreDiagnostic[] = [];
  let b = 0;
  for (const d of analysis.diagnostics) {
    while (b < blocks.length && blocks[b].end <= d.start) b++;
    if (b === blocks.length) break;
    if (d.start < blocks[b].start || d.end > blocks[b].end || CROSS_PATIENT_CODES.has(d.code)) continue;
    diagnostics.push({ ...d, start: d.start + start, end: d.end + start });
  }
  return { from: start, to: end, blocks: blocks.map((s) => ({ start: s.start + start, end: s.end + start })), diagnostics };
}

/** Whether a line starting at `at` begins with the keyword `patient` (grammar: PatientKeyword). */
function isPatientLine(text: string, at: number): boolean {
  let i = at;
  while (text[i] === " " || text[i] === "\t") i++;
  if (!text.startsWith("patient", i)) return false;
  const next = text[i + 7];
  return next === " " || next === "\t" || next === "{";
}

function isLineStart(text: string, at: number): boolean {
  return at === 0 || text[at - 1] === "\n" || text[at - 1] === "\r";
}

/** Start of the last patient line starting at or before `offset`'s line, or 0. */
function patientLineAtOrBefore(text: string, offset: number): number {
  let at = text.lastIndexOf("patient", offset);
  while (at >= 0) {
    let lineStart = at;
    while (lineStart > 0 && (text[lineStart - 1] === " " || text[lineStart - 1] === "\t")) lineStart--;
    if (isLineStart(text, lineStart) && isPatientLine(text, lineStart)) return lineStart;
    at = at === 0 ? -1 : text.lastIndexOf("patient", at - 1);
  }
  return 0;
}

/** Start of the first patient line starting after `offset`, or the text's length. */
function patientLineAfter(text: string, offset: number): number {
  let at = text.indexOf("patient", Math.min(offset, text.length) + 1);
  while (at >= 0) {
    let lineStart = at;
    while (lineStart > 0 && (text[lineStart - 1] === " " || text[lineStart - 1] === "\t")) lineStart--;
    if (lineStart > offset && isLineStart(text, lineStart) && isPatientLine(text, lineStart)) return lineStart;
    at = text.indexOf("patient", at + 1);
  }
  return text.length;
}
