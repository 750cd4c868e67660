import * as assert from "assert";
import { TextDocument } from "vscode-languageserver-textdocument";
import type { TextDocumentEdit } from "vscode-languageserver-types";
import { importSrEdit } from "../../../server/src/service/importSr";
import { analyze } from "../../../server/src/core/analyze";
import { buildSr, cm, mm, SCT } from "../../helpers/srBuilder";
import { caseDocument } from "./fixture";

const TWO_PATIENTS = `patient PT-1 {
  baseline 2025-01-02 CT {
    T1 target liver 42 mm
  }
}

patient PT-2 {
  baseline 2025-01-02 CT {
    T1 target liver 50 mm
  }
}
`;

const sr = (patientId: string) => ({
  name: "fu.dcm",
  base64: Buffer.from(buildSr({ patientId, studyDate: "20250301", groups: [{ trackingId: "T1", site: SCT.liver, measurements: [cm(SCT.longAxis, 3)] }, { trackingId: "X", site: SCT.lung, measurements: [mm(SCT.area, 3)] }] })).toString("base64"),
});

function applied(text: string, result: ReturnType<typeof importSrEdit>): string {
  assert.ok(result.edit, result.problems.join("\n"));
  const change = result.edit.documentChanges?.[0] as TextDocumentEdit;
  return TextDocument.applyEdits(TextDocument.create("x", "nadir", 1, text), change.edits as never);
}

describe("service: import DICOM SR into the open document (one undoable WorkspaceEdit)", () => {
  it("appends the scan to the patient under the cursor, as an edit on the document's version", () => {
    const doc = caseDocument(TWO_PATIENTS);
    const result = importSrEdit(doc, { line: 7, character: 4 }, [sr("someone else")]);
    const change = result.edit?.documentChanges?.[0] as TextDocumentEdit;
    assert.deepStrictEqual(change.textDocument, { uri: doc.document.uri, version: 1 });
    assert.strictEqual(change.edits.length, 1);
    const text = applied(TWO_PATIENTS, result);
    assert.match(text, /patient PT-2 \{\n {2}baseline 2025-01-02 CT \{\n {4}T1 target liver 50 mm\n {2}\}\n\n {2}scan 2025-03-01 \{ {2}# imported from DICOM SR fu\.dcm\n {4}T1 30 mm\n {2}\}\n\}/);
    assert.ok(text.startsWith(TWO_PATIENTS.slice(0, TWO_PATIENTS.indexOf("patient PT-2"))), "the other patient is untouched");
    assert.deepStrictEqual(analyze(text).diagnostics.filter((d) => d.severity === "error"), []);
    assert.match(result.summary[0], /^PT-2 scan 2025-03-01 from fu\.dcm: matched 1 \(T1 by tracking identifier\); added 0; skipped 1$/);
    assert.match(result.summary[1], /^ {2}skipped fu\.dcm group 2 \(X\): no linear measurement/);
  });

  it("outside any patient: the report's patient id chooses; unknown ids are refused with the reason", () => {
    const doc = caseDocument(TWO_PATIENTS);
    assert.match(applied(TWO_PATIENTS, importSrEdit(doc, null, [sr("PT-1")])), /patient PT-1 \{[^}]*\}\n\n {2}scan 2025-03-01/);
    const refused = importSrEdit(doc, null, [sr("PT-9")]);
    assert.strictEqual(refused.edit, null);
    assert.match(refused.problems[0], /patient PT-9 \(from the report\) is not in the file/);
  });

  it("bad files: no edit, one problem line each", () => {
    const doc = caseDocument(TWO_PATIENTS);
    const result = importSrEdit(doc, { line: 1, character: 2 }, [{ name: "notes.txt", base64: Buffer.from("hello").toString("base64") }, sr("PT-1")]);
    assert.strictEqual(result.edit, null);
    assert.deepStrictEqual(result.problems, ["notes.txt: not a DICOM file (no 'DICM' marker after the 128-byte preamble)"]);
    assert.deepStrictEqual(importSrEdit(doc, null, []).problems, ["no DICOM SR file given"]);
  });
});
