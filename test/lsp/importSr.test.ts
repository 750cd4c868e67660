import { strict as assert } from "assert";
import { TextDocument } from "vscode-languageserver-textdocument";
import type { TextDocumentEdit } from "vscode-languageserver-types";
import { TestClient } from "./lspClient";
import { buildSr, mm, SCT } from "../helpers/srBuilder";

describe("lsp: nadir/importSr (the request behind \"Import DICOM SR...\" and .dcm drops)", function () {
  let client: TestClient;
  before(async () => {
    client = await TestClient.start({ capabilities: {}, configuration: () => ({}) });
  });
  after(() => client?.kill());

  it("answers a WorkspaceEdit for the open document's version and a summary; bad params get null", async () => {
    const uri = "untitled:import.nadir";
    const text = "patient PT-1 {\n  baseline 2025-01-02 CT {\n    T1 target liver 42 mm\n  }\n}\n";
    await client.open(uri, text, 3);
    const base64 = Buffer.from(buildSr({ patientId: "PT-1", studyDate: "20250301", groups: [{ trackingId: "T1", measurements: [mm(SCT.longAxis, 30)] }] })).toString("base64");
    const result = await client.connection.sendRequest<{ edit: { documentChanges: TextDocumentEdit[] }; summary: string[]; problems: string[] }>("nadir/importSr", { uri, position: { line: 1, character: 2 }, files: [{ name: "a.dcm", base64 }] });
    assert.deepEqual(result.problems, []);
    assert.equal(result.edit.documentChanges[0].textDocument.version, 3);
    const after = TextDocument.applyEdits(TextDocument.create(uri, "nadir", 3, text), result.edit.documentChanges[0].edits as never);
    assert.match(after, /\n\n {2}scan 2025-03-01 \{ {2}# imported from DICOM SR a\.dcm\n {4}T1 30 mm\n {2}\}\n\}\n$/);
    assert.match(result.summary[0], /matched 1/);
    assert.equal(await client.connection.sendRequest("nadir/importSr", { uri, position: null }), null);
    assert.equal(await client.connection.sendRequest("nadir/importSr", { uri: "untitled:unknown.nadir", position: null, files: [] }), null);
  });
});
