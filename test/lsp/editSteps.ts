// Editing steps shared by the in-process and over-the-protocol tests of per-patient re-analysis
// (issue 7): edits inside one patient, and edits that change the block structure.
import { strict as assert } from "assert";
import * as fs from "fs";
import * as path from "path";
import { TextDocument } from "vscode-languageserver-textdocument";
import type { TextDocumentContentChangeEvent } from "vscode-languageserver-protocol";
import { generateCohort } from "../../bench/generate";
import { EXAMPLES_DIR } from "../helpers/paths";

export const COHORT = generateCohort(6, 3).text;
export const PT0042 = fs.readFileSync(path.join(EXAMPLES_DIR, "PT-0042.nadir"), "utf8");
// Fixed "today" (R12 overdue follow-ups depend on it) so two opens can only differ by the edits.
export const SETTINGS = { diagnostics: { debounceMs: 0 }, asOfDate: "2026-01-01" };

/** One editing step: the changes of one didChange, built from the current text. */
export type Step = { name: string; changes: (text: string) => TextDocumentContentChangeEvent[] };

export function replaceAt(text: string, needle: string, replacement: string, from = 0): TextDocumentContentChangeEvent {
  const at = text.indexOf(needle, from);
  assert.ok(at >= 0, `no ${JSON.stringify(needle)} in the text`);
  const doc = TextDocument.create("x", "nadir", 1, text);
  return { range: { start: doc.positionAt(at), end: doc.positionAt(at + needle.length) }, text: replacement };
}

export const middle = (text: string) => Math.floor(text.length / 2);

export const INSIDE_PATIENT: Step[] = [
  { name: "retype a measurement digit", changes: (t) => [replaceAt(t, " mm\n", "7 mm\n", middle(t))] },
  { name: "delete the digit again", changes: (t) => [replaceAt(t, "7 mm\n", " mm\n", middle(t))] },
  { name: "break a lesion line (syntax error)", changes: (t) => [replaceAt(t, " mm\n", " mmm@\n", middle(t))] },
  { name: "mend it", changes: (t) => [replaceAt(t, " mmm@\n", " mm\n", middle(t))] },
  { name: "insert a new lesion line", changes: (t) => [replaceAt(t, "  }\n", "    N9 new liver 12 mm\n  }\n", middle(t))] },
  { name: "insert an empty line", changes: (t) => [replaceAt(t, "  }\n", "  }\n\n", middle(t))] },
];

export const STRUCTURAL: Step[] = [
  { name: "rename a patient header", changes: (t) => [replaceAt(t, "patient ", "patient X", middle(t))] },
  { name: "delete a patient's closing brace", changes: (t) => [replaceAt(t, "\n}\n", "\n\n", middle(t))] },
  { name: "edit inside the now unclosed patient", changes: (t) => [replaceAt(t, " mm\n", "1 mm\n", middle(t))] },
  { name: "restore the brace", changes: (t) => [replaceAt(t, "\n\n", "\n}\n", middle(t))] },
  { name: "paste a whole patient between two", changes: (t) => [replaceAt(t, "\n}\n", `\n}\n${PT0042}`, middle(t))] },
  { name: "two changes in one notification", changes: (t) => {
    const first = replaceAt(t, " mm\n", "3 mm\n", 0);
    const doc = TextDocument.update(TextDocument.create("x", "nadir", 1, t), [first], 2);
    return [first, replaceAt(doc.getText(), " mm\n", "4 mm\n", middle(doc.getText()))];
  } },
  { name: "text before the first patient", changes: (t) => [replaceAt(t, "patient ", "# note\npatient ")] },
  { name: "whole-text replacement", changes: (t) => [{ text: t.replace(/ mm\n/, "5 mm\n") }] },
  { name: "edit after the whole-text replacement", changes: (t) => [replaceAt(t, " mm\n", "6 mm\n", middle(t))] },
];


/** A patient without findings, then the cohort: edits in it move every later finding. */
export const CLEAN_PATIENT = "patient CLEAN {\n  therapy \"pembrolizumab\" from 2025-12-01\n  baseline 2025-11-20 CT {\n    T1 target liver 40 mm\n  }\n}\n";
export const CLEAN_FIRST = CLEAN_PATIENT + COHORT;

export const IN_CLEAN_PATIENT: Step[] = [
  { name: "add a comment line to the patient without findings", changes: (t) => [replaceAt(t, "  baseline 2025-11-20", "  # checked\n  baseline 2025-11-20")] },
  { name: "lengthen a value there, on its own line", changes: (t) => [replaceAt(t, "40 mm", "400 mm")] },
  { name: "remove the comment line again", changes: (t) => [replaceAt(t, "  # checked\n", "")] },
  { name: "add a CRLF line there", changes: (t) => [replaceAt(t, "  baseline 2025-11-20", "  # crlf\r\n  baseline 2025-11-20")] },
];
