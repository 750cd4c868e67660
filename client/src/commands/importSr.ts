// "Nadir: Import DICOM SR..." and dropping .dcm files onto a case file. The client only reads the
// files the user picked or dropped and sends their bytes; the language server reads the reports
// and answers with a WorkspaceEdit on the open document (undoable), plus a summary to show.
import * as vscode from "vscode";
import { LanguageClient } from "vscode-languageclient/node";
import { ImportSrParams, ImportSrResult, Requests } from "../../../server/src/protocol";

type LspWorkspaceEdit = NonNullable<Parameters<LanguageClient["protocol2CodeConverter"]["asWorkspaceEdit"]>[0]>;

/** Asks the server for the import edit of `files` at `position` of `document`; shows problems. */
export async function requestImport(client: LanguageClient, document: vscode.TextDocument, position: vscode.Position | null, files: vscode.Uri[], output: vscode.LogOutputChannel): Promise<{ edit: vscode.WorkspaceEdit; summary: string[] } | null> {
  const payload: ImportSrParams["files"] = [];
  for (const file of files) {
    try {
      payload.push({ name: vscode.workspace.asRelativePath(file), base64: Buffer.from(await vscode.workspace.fs.readFile(file)).toString("base64") });
    } catch (error) {
      void vscode.window.showErrorMessage(`Cannot read ${vscode.workspace.asRelativePath(file)}: ${String(error)}`);
      return null;
    }
  }
  const params: ImportSrParams = {
    uri: client.code2ProtocolConverter.asUri(document.uri),
    position: position ? client.code2ProtocolConverter.asPosition(position) : null,
    files: payload,
  };
  const result: ImportSrResult | null = await client.sendRequest(Requests.importSr, params);
  if (!result) return null;
  for (const line of [...result.summary, ...result.problems]) output.info(`import: ${line}`);
  if (!result.edit) {
    void vscode.window.showErrorMessage(`Nothing imported. ${result.problems.join(" ")}`);
    return null;
  }
  return { edit: await client.protocol2CodeConverter.asWorkspaceEdit(result.edit as LspWorkspaceEdit), summary: result.summary };
}

export function showSummary(summary: string[]): void {
  const skipped = summary.filter((l) => l.startsWith("  skipped")).length;
  const head = summary.filter((l) => !l.startsWith("  ")).join(" ");
  void vscode.window.showInformationMessage(`Imported: ${head}${skipped ? ` (${skipped} group${skipped === 1 ? "" : "s"} skipped; details in the Nadir output)` : ""}`);
}

export async function importSr(client: LanguageClient | undefined, output: vscode.LogOutputChannel): Promise<boolean> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.document.languageId !== "nadir") {
    void vscode.window.showInformationMessage("Open a Nadir case file, and place the cursor in the patient, to import a DICOM SR.");
    return false;
  }
  if (!client?.isRunning()) {
    void vscode.window.showWarningMessage("The Nadir language server is not running.");
    return false;
  }
  const files = await vscode.window.showOpenDialog({
    canSelectMany: true,
    openLabel: "Import",
    title: "Import DICOM SR measurement reports",
    filters: { "DICOM SR": ["dcm", "DCM"], "All files": ["*"] },
  });
  if (!files || files.length === 0) return false;
  const result = await requestImport(client, editor.document, editor.selection.active, files, output);
  if (!result) return false;
  const applied = await vscode.workspace.applyEdit(result.edit);
  if (applied) showSummary(result.summary);
  return applied;
}

/** Dropping .dcm files onto a case file imports them into the patient where they are dropped. */
export class SrDropProvider implements vscode.DocumentDropEditProvider {
  constructor(private readonly client: () => LanguageClient | undefined, private readonly output: vscode.LogOutputChannel) {}

  async provideDocumentDropEdits(document: vscode.TextDocument, position: vscode.Position, dataTransfer: vscode.DataTransfer, token: vscode.CancellationToken): Promise<vscode.DocumentDropEdit | undefined> {
    const list = await dataTransfer.get("text/uri-list")?.asString();
    if (!list || token.isCancellationRequested) return undefined;
    const files = list.split(/\r?\n/).map((l) => l.trim()).filter((l) => l && !l.startsWith("#")).map((l) => vscode.Uri.parse(l)).filter((u) => /\.dcm$/i.test(u.path));
    const client = this.client();
    if (files.length === 0 || !client?.isRunning()) return undefined;
    const result = await requestImport(client, document, position, files, this.output);
    if (!result || token.isCancellationRequested) return undefined;
    const drop = new vscode.DocumentDropEdit("");
    drop.additionalEdit = result.edit;
    showSummary(result.summary);
    return drop;
  }
}
