// The bodies of the custom requests (server/src/protocol): each checks its parameters and calls
// the service function that answers it, so that the language server only wires a request to one
// function here (lsp/server.ts). Parameters a client got wrong throw InvalidParamsError (answered
// as an LSP InvalidParams error, with the message).
import type { Position, Range, TextEdit, WorkspaceEdit } from "vscode-languageserver-types";
import type { CaseDocument } from "./document";
import type { Settings } from "../core/settings";
import type { AssessmentDocument, ExportResult, ImportSrParams, ImportSrResult, NextScanEditParams, ExportParams, ReportParams, ReportResult } from "../protocol";
import { EXPORT_FORMATS } from "../protocol";
import { assessmentDocument, exportText } from "./assessmentDocument";
import { nextScanAction } from "./codeActions";
import { locate } from "./caseIndex";
import { importSrEdit } from "./importSr";
import { reportOf } from "./report";
import { formatLineRange, formatText } from "../core/format";

import { InvalidParamsError } from "./errors";

export { InvalidParamsError } from "./errors";

export function assessmentRequest(doc: CaseDocument, fileLabel: string): AssessmentDocument {
  return assessmentDocument(doc, fileLabel);
}

export function exportRequest(doc: CaseDocument, fileLabel: string, params: ExportParams): ExportResult {
  if (!EXPORT_FORMATS.includes(params.format)) throw new InvalidParamsError(`format must be ${EXPORT_FORMATS.map((f) => `"${f}"`).join(" or ")}`);
  return { text: exportText(doc, fileLabel, params.format) };
}

/** The next scheduled scan of the patient at the position, else of the file's only patient (R13); null without a position. */
export function nextScanEditRequest(doc: CaseDocument, params: NextScanEditParams): WorkspaceEdit | null {
  if (!params.position) return null;
  const loc = locate(doc.analysis, doc.document.offsetAt(params.position));
  const patients = doc.analysis.model.patients;
  const patient = loc.patient ?? (patients.length === 1 ? patients[0] : null);
  return nextScanAction(doc, patient)?.edit ?? null;
}

/** Null without a list of files, as for an unknown document. */
export function importSrRequest(doc: CaseDocument, params: ImportSrParams, settings: Settings): ImportSrResult | null {
  if (!Array.isArray(params.files)) return null;
  return importSrEdit(doc, params.position ?? null, params.files, settings);
}

export function reportRequest(doc: CaseDocument, fileLabel: string, params: ReportParams): ReportResult {
  return reportOf(doc, fileLabel, params);
}

/** The whole document formatted (core/format), as one edit; none when it is formatted already. */
export function formattingEdits(doc: CaseDocument): TextEdit[] {
  const text = doc.document.getText();
  const formatted = formatText(text);
  if (formatted === text) return [];
  return [{ range: { start: { line: 0, character: 0 }, end: doc.document.positionAt(text.length) }, newText: formatted }];
}

/** The lines a range covers formatted; a range ending at the start of a line leaves that line out. */
export function rangeFormattingEdits(doc: CaseDocument, range: Range): TextEdit[] {
  const text = doc.document.getText();
  const end: Position = range.end;
  const endLine = end.character === 0 && end.line > range.start.line ? end.line - 1 : end.line;
  const e = formatLineRange(text, range.start.line, endLine);
  return e ? [{ range: { start: doc.document.positionAt(e.start), end: doc.document.positionAt(e.end) }, newText: e.text }] : [];
}
