// "Nadir: Copy Report as Text" puts the plain-text report of the scan under the cursor on the
// clipboard (fixed-width, no Markdown: it pastes into any reporting system); "Nadir: Save
// Report..." writes the HTML page, the Markdown or the FHIR Bundle of that scan where the user says.
import * as vscode from "vscode";
import { LanguageClient } from "vscode-languageclient/node";
import type { ReportRequestFormat } from "../../../server/src/protocol";
import { requestReport } from "./reportSource";

function nadirEditor(action: string): vscode.TextEditor | undefined {
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.document.languageId !== "nadir") {
    void vscode.window.showInformationMessage(`Open a Nadir case file and put the cursor on a scan to ${action}.`);
    return undefined;
  }
  return editor;
}

export async function copyReportText(client: LanguageClient | undefined): Promise<string | undefined> {
  const editor = nadirEditor("copy its report");
  if (!editor) return undefined;
  const result = await requestReport(client, editor.document, editor.selection.active, "text");
  if (result.content === null) {
    void vscode.window.showWarningMessage(result.message);
    return undefined;
  }
  await vscode.env.clipboard.writeText(result.content);
  const note = result.complete ? "" : " It is marked incomplete: the case file has errors in this patient.";
  void vscode.window.showInformationMessage(`Report of ${result.patientId}, ${result.scanDate} copied as text.${note}`);
  return result.content;
}

const formats: Array<vscode.QuickPickItem & { format: ReportRequestFormat; extension: string; filter: string }> = [
  { label: "HTML", description: "one self-contained printable page with the chart", format: "html", extension: "html", filter: "HTML" },
  { label: "Markdown", description: "headings and tables", format: "md", extension: "md", filter: "Markdown" },
  { label: "FHIR R4 Bundle", description: "DiagnosticReport with TumorSize and disease-status Observations (JSON)", format: "fhir", extension: "json", filter: "FHIR JSON" },
];

export async function saveReport(client: LanguageClient | undefined): Promise<vscode.Uri | undefined> {
  const editor = nadirEditor("save its report");
  if (!editor) return undefined;
  const picked = await vscode.window.showQuickPick(formats, { title: "Save report as", placeHolder: "Format" });
  if (!picked) return undefined;
  const result = await requestReport(client, editor.document, editor.selection.active, picked.format);
  if (result.content === null) {
    void vscode.window.showWarningMessage(result.message);
    return undefined;
  }
  const name = `${result.patientId}-${result.scanDate}.report.${picked.extension}`.replace(/[\\/:*?"<>|\s]+/g, "_");
  const target = await vscode.window.showSaveDialog({
    defaultUri: vscode.Uri.joinPath(editor.document.uri, "..", name),
    filters: { [picked.filter]: [picked.extension] },
    title: "Save report",
  });
  if (!target) return undefined;
  await vscode.workspace.fs.writeFile(target, Buffer.from(result.content, "utf8"));
  void vscode.window.showInformationMessage(`Report saved to ${vscode.workspace.asRelativePath(target)}.`);
  return target;
}
