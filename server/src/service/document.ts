// The language service works on one document at a time: its text (as a TextDocument, so positions
// follow the LSP rules) and the core's analysis of that text. Plain data in, LSP-shaped data out.
import type { TextDocument } from "vscode-languageserver-textdocument";
import type { Range } from "vscode-languageserver-types";
import type { Analysis } from "../core/analyze";
import type { Span } from "../core/syntax/ast";

export interface CaseDocument {
  document: TextDocument;
  analysis: Analysis;
}

/** LSP range of an offset span, clamped to the document so it always lies inside it. */
export function rangeOf(document: TextDocument, span: Span): Range {
  const length = document.getText().length;
  const start = Math.max(0, Math.min(span.start, length));
  const end = Math.max(start, Math.min(span.end, length));
  return { start: document.positionAt(start), end: document.positionAt(end) };
}

/** Offset of the start of the line holding `offset`. */
export function lineStartOf(text: string, offset: number): number {
  let i = Math.min(offset, text.length);
  while (i > 0 && text[i - 1] !== "\n" && text[i - 1] !== "\r") i--;
  return i;
}

/** Offset just past the end of the line holding `offset` (after its line break, if any). */
export function nextLineStart(text: string, offset: number): number {
  let i = offset;
  while (i < text.length && text[i] !== "\n" && text[i] !== "\r") i++;
  if (text[i] === "\r" && text[i + 1] === "\n") return i + 2;
  return i < text.length ? i + 1 : i;
}

/** The line break the document already uses (LF unless it starts with CRLF or CR). */
export function eolOf(text: string): string {
  const m = /\r\n|\n|\r/.exec(text);
  return m ? m[0] : "\n";
}

/** Leading spaces/tabs of the line holding `offset`. */
export function indentAt(text: string, offset: number): string {
  const start = lineStartOf(text, offset);
  return /^[ \t]*/.exec(text.slice(start, start + 200))![0];
}

export function contains(span: Span, offset: number): boolean {
  return span.start <= offset && offset <= span.end;
}
