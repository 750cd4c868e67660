// Checks on the ranges language-service handlers return, shared by the robustness properties and
// the fuzz campaign's oracle.
import { strict as assert } from "assert";
import type { TextDocument } from "vscode-languageserver-textdocument";
import type { Position, Range } from "vscode-languageserver-types";
import { RenameError } from "../../server/src/service/navigation";

/** Every Range found anywhere in a handler's result (LSP results nest them in many shapes). */
export function rangesIn(value: unknown, out: Range[] = [], depth = 0): Range[] {
  if (!value || typeof value !== "object" || depth > 12) return out;
  const r = value as Partial<Range>;
  if (r.start && r.end && typeof r.start.line === "number" && typeof r.end.character === "number") out.push(r as Range);
  for (const child of Object.values(value as Record<string, unknown>)) rangesIn(child, out, depth + 1);
  return out;
}

/** The range lies inside the document (a position may be at a line's end, before its line break) and is ordered. */
export function assertInside(document: TextDocument, range: Range, what: string): void {
  const inside = (p: Position) => {
    if (p.line < 0 || p.character < 0 || p.line >= document.lineCount) return false;
    const lineText = document.getText({ start: { line: p.line, character: 0 }, end: { line: p.line + 1, character: 0 } });
    return p.character <= lineText.replace(/\r?\n$|\r$/, "").length;
  };
  const ordered = range.start.line < range.end.line || (range.start.line === range.end.line && range.start.character <= range.end.character);
  assert.ok(inside(range.start) && inside(range.end) && ordered, `${what}: range ${JSON.stringify(range)} is not inside the document`);
}

/** Renaming where nothing can be renamed is refused with a RenameError (a message for the user), not a crash. */
export function refusedOr<T>(run: () => T): T | null {
  try {
    return run();
  } catch (e) {
    if (e instanceof RenameError && e.message.length > 0) return null;
    throw e;
  }
}
