// "Nadir: Import DICOM SR..." and dropping .dcm files on a case file: the client sends the files'
// bytes; the core reads them (core/import/srRead.ts) and appends a scan to the patient under the
// cursor (core/import/importScans.ts); this returns the change as one WorkspaceEdit on the open
// document's version, so the editor applies it as an undoable edit, never a rewrite on disk.
import type { TextEdit } from "vscode-languageserver-types";
import type { ImportSrResult, SrFile } from "../protocol";

export type { ImportSrResult, SrFile };
import type { CaseDocument } from "./document";
import { rangeOf } from "./document";
import { locate } from "./caseIndex";
import type { Settings } from "../core/settings";
import { readSr } from "../core/import/srRead";
import { ImportError, ImportedScan } from "../core/import/types";
import { describeReports, importScansInto } from "../core/import/importScans";
import { changeBetween } from "../core/incremental/changeBetween";

export function importSrEdit(doc: CaseDocument, position: { line: number; character: number } | null, files: SrFile[], settings?: Settings): ImportSrResult {
  const scans: ImportedScan[] = [];
  const problems: string[] = [];
  for (const file of files) {
    try {
      scans.push(readSr(Buffer.from(file.base64, "base64"), file.name));
    } catch (e) {
      if (!(e instanceof ImportError)) throw e;
      problems.push(e.message);
    }
  }
  for (const scan of scans) {
    if (scan.lesions.length === 0) problems.push(`${scan.sources.join(", ")}: no measurement group with a linear measurement in mm or cm: nothing to import`);
  }
  if (scans.length === 0 && problems.length === 0) problems.push("no DICOM SR file given");
  if (problems.length > 0) return { edit: null, summary: [], problems };

  const text = doc.document.getText();
  const patients = doc.analysis.model.patients;
  const here = position ? locate(doc.analysis, doc.document.offsetAt(position)).patient : null;
  const patient = here ?? (patients.length === 1 ? patients[0] : null);
  const outcome = importScansInto(text, scans, { patient: patient?.id, settings, origin: "DICOM SR" });
  if (!outcome.ok) return { edit: null, summary: describeReports(outcome.reports), problems: outcome.problems };
  const change = changeBetween(text, outcome.text);
  const edit: TextEdit = { range: rangeOf(doc.document, { start: change.start, end: change.end }), newText: change.text };
  return {
    edit: { documentChanges: [{ textDocument: { uri: doc.document.uri, version: doc.document.version }, edits: [edit] }] },
    summary: describeReports(outcome.reports),
    problems: [],
  };
}
