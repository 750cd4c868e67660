// Entry point of the Nadir extension: starts the language server and wires the
// commands, the status-bar item and the response timeline to it.
import * as vscode from "vscode";
import { LanguageClient } from "vscode-languageclient/node";
import { AssessmentSource } from "./assessmentSource";
import { exportAssessment } from "./commands/exportAssessment";
import { insertNextScan } from "./commands/insertNextScan";
import { importSr, SrDropProvider } from "./commands/importSr";
import { restartServer } from "./commands/restartServer";
import { createLanguageClient } from "./languageClient";
import { ResponseStatusBar } from "./statusBar";
import { TimelinePanel } from "./timeline/timelinePanel";
import { ReportPreview } from "./report/reportPreview";
import { copyReportText, saveReport } from "./report/reportCommands";
import { trackVisibleRanges } from "./visibleRanges";

let client: LanguageClient | undefined;

export interface NadirExtensionApi {
  /** For the extension-host tests: the running language client. */
  readonly client: LanguageClient | undefined;
}

export async function activate(context: vscode.ExtensionContext): Promise<NadirExtensionApi> {
  const output = vscode.window.createOutputChannel("Nadir", { log: true });
  client = createLanguageClient(context, output);
  const source = new AssessmentSource(() => client);
  const statusBar = new ResponseStatusBar(source);

  context.subscriptions.push(
    output,
    statusBar,
    client,
    vscode.commands.registerCommand("nadir.showTimeline", () => {
      const editor = vscode.window.activeTextEditor;
      if (!editor || editor.document.languageId !== "nadir") {
        void vscode.window.showInformationMessage("Open a Nadir case file to show its response timeline.");
        return undefined;
      }
      return TimelinePanel.show(context.extensionUri, source, editor);
    }),
    vscode.commands.registerCommand("nadir.openReportPreview", () => {
      const editor = vscode.window.activeTextEditor;
      if (!editor || editor.document.languageId !== "nadir") {
        void vscode.window.showInformationMessage("Open a Nadir case file to preview its report.");
        return undefined;
      }
      return ReportPreview.show(context.extensionUri, () => client, editor);
    }),
    vscode.commands.registerCommand("nadir.copyReportText", () => copyReportText(client)),
    vscode.commands.registerCommand("nadir.saveReport", () => saveReport(client)),
    vscode.commands.registerCommand("nadir.insertNextScan", () => insertNextScan(client)),
    vscode.commands.registerCommand("nadir.exportAssessment", () => exportAssessment(client)),
    vscode.commands.registerCommand("nadir.importSr", () => importSr(client, output)),
    vscode.languages.registerDocumentDropEditProvider({ language: "nadir" }, new SrDropProvider(() => client, output)),
    trackVisibleRanges(() => client),
    vscode.commands.registerCommand("nadir.restartServer", async () => {
      await restartServer(client);
      source.invalidate();
      statusBar.refresh();
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (!e.affectsConfiguration("nadir")) return;
      // Settings change the assessment without changing the document version.
      source.invalidate();
      statusBar.refresh();
      void TimelinePanel.visiblePanel?.refresh();
      void ReportPreview.visiblePanel?.refresh();
    }),
  );

  try {
    await client.start();
  } catch (error) {
    output.error(`The Nadir language server failed to start: ${String(error)}`);
    void vscode.window.showErrorMessage("The Nadir language server failed to start; see the Nadir output.");
  }
  statusBar.refresh();
  return { get client() { return client; } };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
