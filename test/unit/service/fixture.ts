// Builds a language-service document from inline case text. `|` marks the cursor and is removed.
import { TextDocument } from "vscode-languageserver-textdocument";
import type { Position, TextEdit, WorkspaceEdit } from "vscode-languageserver-types";
import { analyze } from "../../../server/src/core/analyze";
import { parseText } from "../../../server/src/core/syntax/parse";
import { parseDay } from "../../../server/src/core/util/dates";
import { DEFAULT_SETTINGS, Settings } from "../../../server/src/core/settings";
import type { CaseDocument } from "../../../server/src/service/document";

export const URI = "file:///cases/case.nadir";
/** A fixed "today" so that due and overdue never depend on the day the tests run. */
export const TODAY = parseDay("2025-07-01")!;

export function caseDocument(text: string, settings: Settings = DEFAULT_SETTINGS): CaseDocument {
  const document = TextDocument.create(URI, "nadir", 1, text);
  return { document, analysis: analyze(text, { settings, today: TODAY }) };
}

export interface Cursor {
  doc: CaseDocument;
  position: Position;
  offset: number;
}

/** The text with its first `|` removed, and the cursor there. */
export function atCursor(marked: string, settings?: Settings): Cursor {
  const offset = marked.indexOf("|");
  if (offset < 0) throw new Error("no | cursor marker in the case text");
  const text = marked.slice(0, offset) + marked.slice(offset + 1);
  const doc = caseDocument(text, settings);
  return { doc, position: doc.document.positionAt(offset), offset };
}

/** Cursor placed on the `nth` occurrence (0-based) of `needle`, `shift` characters in. */
export function on(text: string, needle: string, nth = 0, shift = 1, settings?: Settings): Cursor {
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`'${needle}' occurs fewer than ${nth + 1} times`);
  }
  const doc = caseDocument(text, settings);
  return { doc, position: doc.document.positionAt(at + shift), offset: at + shift };
}

export function applyEdits(text: string, edits: TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create(URI, "nadir", 1, text), edits);
}

export function applyWorkspaceEdit(text: string, edit: WorkspaceEdit | null | undefined): string {
  if (!edit?.changes) throw new Error("expected a WorkspaceEdit with changes");
  return applyEdits(text, edit.changes[URI] ?? []);
}

export function syntaxErrors(text: string): string[] {
  return parseText(text).diagnostics.map((d) => `${d.message} @${d.start}`);
}
