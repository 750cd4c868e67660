// "Nadir: Export Assessment…": the server formats the export with the CLI's
// code; the client asks for a format and a destination.
import * as path from "path";
import * as vscode from "vscode";
import { LanguageClient } from "vscode-languageclient/node";
import { ExportFormat, ExportParams, ExportResult, Requests } from "../../../server/src/protocol";

const formats: Array<vscode.QuickPickItem & { format: ExportFormat }> = [
  { label: "CSV", description: "one row per assessment", format: "csv" },
  { label: "JSON", description: "the `nadir assess --format json` document", format: "json" },
];

export async function exportAssessment(client: LanguageClient | undefined): Promise<vscode.Uri | undefined> {
  const document = vscode.window.activeTextEditor?.document;
  if (!document || document.languageId !== "nadir") {
    void vscode.window.showInformationMessage("Open a Nadir case file to export its assessment.");
    return undefined;
  }
  if (!client?.isRunning()) {
    void vscode.window.showWarningMessage("The Nadir language server is not running.");
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(formats, { title: "Export assessment as", placeHolder: "Format" });
  if (!picked) return undefined;
  const params: ExportParams = { uri: client.code2ProtocolConverter.asUri(document.uri), format: picked.format };
  const result: ExportResult | null = await client.sendRequest(Requests.export, params);
  if (!result) return undefined;
  const { text } = result;
  const target = await vscode.window.showSaveDialog({
    defaultUri: defaultTarget(document.uri, picked.format),
    filters: picked.format === "csv" ? { CSV: ["csv"] } : { JSON: ["json"] },
    title: "Export assessment",
  });
  if (!target) return undefined;
  await vscode.workspace.fs.writeFile(target, Buffer.from(text, "utf8"));
  void vscode.window.showInformationMessage(`Assessment exported to ${vscode.workspace.asRelativePath(target)}.`);
  return target;
}

function defaultTarget(source: vscode.Uri, format: ExportFormat): vscode.Uri {
  const base = path.posix.basename(source.path, ".nadir");
  return vscode.Uri.joinPath(source, "..", `${base}.assessment.${format}`);
}
