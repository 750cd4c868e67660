// Folding ranges (patients, scan blocks, runs of comment lines) and selection ranges
// (token -> statement -> scan block -> patient -> file).
import type { FoldingRange, Position, SelectionRange } from "vscode-languageserver-types";
import { FoldingRangeKind } from "vscode-languageserver-types";
import type { CaseDocument } from "./document";
import { rangeOf } from "./document";
import type { Span } from "../core/syntax/ast";

export function foldingRanges(doc: CaseDocument): FoldingRange[] {
  const document = doc.document;
  const out: FoldingRange[] = [];
  const block = (start: number, close: number | null, end: number) => {
    const startLine = document.positionAt(start).line;
    const endLine = close !== null ? document.positionAt(close).line : document.positionAt(Math.max(start, end - 1)).line;
    if (endLine > startLine) out.push({ startLine, endLine });
  };
  for (const item of doc.analysis.parse.file.items) {
    if (item.type !== "Patient") continue;
    block(item.header.start, item.close, item.end);
    for (const child of item.items) if (child.type === "Assessment") block(child.header.start, child.close, child.end);
  }
  const lines = document.getText().split(/\r\n|\n|\r/);
  let runStart = -1;
  lines.forEach((line, i) => {
    const isComment = /^[ \t]*#/.test(line);
    if (isComment && runStart < 0) runStart = i;
    if (!isComment && runStart >= 0) {
      if (i - 1 > runStart) out.push({ startLine: runStart, endLine: i - 1, kind: FoldingRangeKind.Comment });
      runStart = -1;
    }
  });
  if (runStart >= 0 && lines.length - 1 > runStart) out.push({ startLine: runStart, endLine: lines.length - 1, kind: FoldingRangeKind.Comment });
  return out.sort((a, b) => a.startLine - b.startLine);
}

export function selectionRanges(doc: CaseDocument, positions: Position[]): SelectionRange[] {
  return positions.map((position) => selectionRangeAt(doc, position));
}

function selectionRangeAt(doc: CaseDocument, position: Position): SelectionRange {
  const offset = doc.document.offsetAt(position);
  const text = doc.document.getText();
  const spans: Span[] = [{ start: 0, end: text.length }];
  const inside = (s: Span) => s.start <= offset && offset <= s.end;
  const push = (s: Span | null | undefined) => {
    if (!s || !inside(s)) return;
    const last = spans[spans.length - 1];
    const trimmed = { start: Math.max(s.start, last.start), end: Math.min(trimEnd(text, s), last.end) };
    if (trimmed.end < trimmed.start) return;
    if (trimmed.start !== last.start || trimmed.end !== last.end) spans.push(trimmed);
  };
  for (const item of doc.analysis.parse.file.items) {
    if (item.type !== "Patient" || !inside(item)) continue;
    push(item);
    for (const child of item.items) {
      if (!inside(child)) continue;
      push(child);
      if (child.type === "Assessment") {
        for (const scanItem of child.items) {
          if (!inside(scanItem)) continue;
          push(scanItem);
          if (scanItem.type === "Lesion") {
            push(scanItem.value);
            for (const token of [scanItem.id, scanItem.organ, scanItem.description]) push(token);
          }
        }
        push(child.header.date);
      }
    }
    break;
  }
  let result: SelectionRange | undefined;
  for (const span of spans) result = { range: rangeOf(doc.document, span), parent: result };
  return result!;
}

/** Block spans end after their line break; selections look better without it. */
function trimEnd(text: string, span: Span): number {
  let end = span.end;
  while (end > span.start && /[\r\n]/.test(text[end - 1])) end--;
  return end;
}
