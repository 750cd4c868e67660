// "Nadir: Insert Next Scan": the server knows the schedule and the lesions to
// list, so it computes the edit; the client only applies it.
import * as vscode from "vscode";
import { LanguageClient } from "vscode-languageclient/node";
import { NextScanEditParams, Requests } from "../../../server/src/protocol";

/** The LSP WorkspaceEdit, as the client's converter takes it. */
type LspWorkspaceEdit = NonNullable<Parameters<LanguageClient["protocol2CodeConverter"]["asWorkspaceEdit"]>[0]>;

export async function insertNextScan(client: LanguageClient | undefined): Promise<boolean> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.document.languageId !== "nadir") {
    void vscode.window.showInformationMessage("Open a Nadir case file to insert a scan.");
    return false;
  }
  if (!client?.isRunning()) {
    void vscode.window.showWarningMessage("The Nadir language server is not running.");
    return false;
  }
  const params: NextScanEditParams = {
    uri: client.code2ProtocolConverter.asUri(editor.document.uri),
    position: client.code2ProtocolConverter.asPosition(editor.selection.active),
  };
  const edit = (await client.sendRequest(Requests.nextScanEdit, params)) as LspWorkspaceEdit | null;
  if (!edit) {
    void vscode.window.showInformationMessage("No scan to insert here: place the cursor in a patient that has a baseline.");
    return false;
  }
  return vscode.workspace.applyEdit(await client.protocol2CodeConverter.asWorkspaceEdit(edit));
}
