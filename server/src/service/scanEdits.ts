// Edits that add or move scan blocks: the confirmation scan of an iUPD (R10), the next scheduled
// scan (R13), lesions missing from a scan (R4), scans sorted by date (R13). Each produces text the
// grammar accepts: lesions not yet measured are written `not evaluated`, a value the user replaces.
import type { TextEdit } from "vscode-languageserver-types";
import type { TextDocument } from "vscode-languageserver-textdocument";
import type { AssessmentNode, PatientNode } from "../core/syntax/ast";
import type { Assessment, Episode, Lesion, Patient } from "../core/model/types";
import { activeLesions } from "./caseIndex";
import { eolOf, indentAt, lineStartOf, rangeOf } from "./document";

const DEFAULT_INDENT = "  ";

/** The lesion lines of a new scan: every lesion followed at `day`, each `not evaluated`. */
export function lesionLines(lesions: Lesion[], indent: string): string[] {
  const width = Math.max(0, ...lesions.map((l) => l.id.length));
  return lesions.map((l) => `${indent}${l.id.padEnd(width)} not evaluated`);
}

/** Text and position of a new scan block dated `date`, placed after the latest scan on or before it. */
export function insertScanEdit(document: TextDocument, patient: Patient, episode: Episode, date: string, day: number): TextEdit | null {
  const text = document.getText();
  const blocks = assessmentNodes(patient.node);
  if (blocks.length === 0 || blocks.some((b) => b.close === null)) return null;
  const dated = patient.assessments.filter((a) => a.day <= day);
  const anchor: AssessmentNode = (dated[dated.length - 1] ?? patient.assessments[patient.assessments.length - 1])?.node ?? blocks[blocks.length - 1];
  const headerIndent = indentAt(text, anchor.start);
  const innerIndent = innerIndentOf(text, anchor) ?? headerIndent + DEFAULT_INDENT;
  const modality = lastModality(episode);
  const eol = eolOf(text);
  const lines = [`${headerIndent}scan ${date}${modality ? ` ${modality}` : ""} {`, ...lesionLines(activeLesions(episode, day + 1), innerIndent), `${headerIndent}}`];
  const at = anchor.end;
  const needsBreak = at > 0 && text[at - 1] !== "\n" && text[at - 1] !== "\r";
  const newText = (needsBreak ? eol : "") + eol + lines.join(eol) + eol;
  return { range: rangeOf(document, { start: at, end: at }), newText };
}

/** Lines for the lesions of the episode that a scan does not mention (R4), before its `}`. */
export function missingLesionsEdit(document: TextDocument, episode: Episode, scan: Assessment): { edit: TextEdit; ids: string[] } | null {
  const node = scan.node;
  if (node.close === null) return null;
  const mentioned = new Set(scan.measurements.map((m) => m.lesionId));
  const missing = activeLesions(episode, scan.day).filter((l) => !mentioned.has(l.id) && l.declaredAt !== scan);
  if (missing.length === 0) return null;
  const text = document.getText();
  const headerIndent = indentAt(text, node.start);
  const innerIndent = innerIndentOf(text, node) ?? headerIndent + DEFAULT_INDENT;
  const eol = eolOf(text);
  const at = lineStartOf(text, node.close);
  const newText = lesionLines(missing, innerIndent).map((l) => l + eol).join("");
  return { edit: { range: rangeOf(document, { start: at, end: at }), newText }, ids: missing.map((l) => l.id) };
}

/**
 * Reorders the patient's scan blocks by date (stable for equal dates); everything between the
 * blocks stays where it is. Null when they are already in order or a block is unclosed.
 */
export function sortScansEdit(document: TextDocument, patient: Patient): TextEdit | null {
  const text = document.getText();
  const blocks = assessmentNodes(patient.node);
  if (blocks.length < 2 || blocks.some((b) => b.close === null)) return null;
  const sorted = [...blocks].sort((a, b) => dateKey(a).localeCompare(dateKey(b)));
  if (sorted.every((b, i) => b === blocks[i])) return null;
  const eol = eolOf(text);
  const withBreak = (s: string) => (/[\r\n]$/.test(s) ? s : s + eol);
  let out = "";
  for (let i = 0; i < blocks.length; i++) {
    const slot = blocks[i];
    if (i > 0) out += text.slice(blocks[i - 1].end, slot.start);
    out += withBreak(text.slice(sorted[i].start, sorted[i].end));
  }
  const start = blocks[0].start;
  const end = blocks[blocks.length - 1].end;
  if (!/[\r\n]$/.test(text.slice(start, end))) out = out.replace(/(\r\n|\n|\r)$/, "");
  return { range: rangeOf(document, { start, end }), newText: out };
}

export function scansOutOfOrder(patient: Patient): boolean {
  const blocks = assessmentNodes(patient.node);
  return blocks.some((b, i) => i > 0 && dateKey(b) < dateKey(blocks[i - 1]));
}

function dateKey(node: AssessmentNode): string {
  // Undated or broken headers sort last, keeping their order.
  return node.header.date?.text ?? "9999-99-99";
}

function assessmentNodes(patient: PatientNode): AssessmentNode[] {
  return patient.items.filter((i): i is AssessmentNode => i.type === "Assessment");
}

function innerIndentOf(text: string, node: AssessmentNode): string | null {
  const first = node.items.find((i) => i.type === "Lesion");
  return first ? indentAt(text, first.start) : null;
}

function lastModality(episode: Episode): string | null {
  const all = [...(episode.baseline ? [episode.baseline] : []), ...episode.followUps];
  for (let i = all.length - 1; i >= 0; i--) if (all[i].modality) return all[i].modality;
  return null;
}
