// "Nadir: Show Response Timeline": a webview beside the editor that charts the
// patient under the cursor and follows edits and cursor moves. The extension
// sends a ChartModel; the bundled webview script draws it (no remote assets).
import { randomBytes } from "crypto";
import * as vscode from "vscode";
import { assessmentAt, findPatient } from "../assessmentLookup";
import { AssessmentSource } from "../assessmentSource";
import { debounce } from "../debounce";
import { assessmentBlockAt, ctdnaSamplesOfPatient, patientIdAt } from "../documentOutline";
import { buildChartModel, TimelineMessage } from "../../../server/src/core/chart/model";

export class TimelinePanel implements vscode.Disposable {
  private static current: TimelinePanel | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  private readonly scheduleRefresh = debounce(() => void this.refresh(), 200);
  private lastPosted = "";

  static show(extensionUri: vscode.Uri, source: AssessmentSource, editor: vscode.TextEditor): TimelinePanel {
    if (TimelinePanel.current) {
      TimelinePanel.current.track(editor);
      TimelinePanel.current.panel.reveal(vscode.ViewColumn.Beside, true);
      return TimelinePanel.current;
    }
    const panel = vscode.window.createWebviewPanel(
      "nadir.timeline",
      "Response Timeline",
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      { enableScripts: true, localResourceRoots: [vscode.Uri.joinPath(extensionUri, "dist", "webview")] },
    );
    TimelinePanel.current = new TimelinePanel(panel, extensionUri, source, editor);
    return TimelinePanel.current;
  }

  static get visiblePanel(): TimelinePanel | undefined {
    return TimelinePanel.current;
  }

  private constructor(
    private readonly panel: vscode.WebviewPanel,
    extensionUri: vscode.Uri,
    private readonly source: AssessmentSource,
    private editor: vscode.TextEditor,
  ) {
    panel.iconPath = vscode.Uri.joinPath(extensionUri, "images", "file-icon.svg");
    panel.webview.html = webviewHtml(panel.webview, extensionUri);
    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((message: { type?: string }) => {
        if (message?.type === "ready") this.refresh(true);
      }),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document === this.editor.document) this.scheduleRefresh();
      }),
      vscode.window.onDidChangeTextEditorSelection((e) => {
        if (e.textEditor.document === this.editor.document) {
          this.editor = e.textEditor;
          this.scheduleRefresh();
        }
      }),
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        if (editor?.document.languageId === "nadir") this.track(editor);
      }),
    );
  }

  track(editor: vscode.TextEditor): void {
    this.editor = editor;
    this.scheduleRefresh();
  }

  /** Re-reads the assessment; posts only when what the webview shows changes. */
  async refresh(force = false): Promise<void> {
    const { document } = this.editor;
    const line = this.editor.selection.active.line;
    const lines = document.getText().split(/\r\n|\r|\n/);
    const patientId = patientIdAt(lines, line);
    const assessment = await this.source.get(document);
    const patient = findPatient(assessment, patientId);
    let message: TimelineMessage;
    if (!assessment) {
      message = { type: "message", text: "Waiting for the Nadir language server\u2026" };
    } else if (!patient) {
      message = { type: "message", text: "Place the cursor inside a patient to see its response timeline." };
    } else {
      const atCursor = assessmentAt(patient, assessmentBlockAt(lines, line));
      const cursorDate = atCursor?.kind === "baseline" ? atCursor.episode.baseline?.date
        : atCursor?.kind === "timepoint" ? atCursor.timepoint.date : undefined;
      message = { type: "model", model: buildChartModel(patient, ctdnaSamplesOfPatient(lines, line), cursorDate) };
      this.panel.title = `Response Timeline: ${patient.id}`;
    }
    const serialised = JSON.stringify(message);
    if (!force && serialised === this.lastPosted) return;
    this.lastPosted = serialised;
    await this.panel.webview.postMessage(message);
  }

  dispose(): void {
    if (TimelinePanel.current === this) TimelinePanel.current = undefined;
    this.scheduleRefresh.cancel();
    for (const d of this.disposables.splice(0)) d.dispose();
    this.panel.dispose();
  }
}

function webviewHtml(webview: vscode.Webview, extensionUri: vscode.Uri): string {
  const nonce = randomBytes(16).toString("base64");
  const asset = (name: string) => webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, "dist", "webview", name));
  const csp = [
    "default-src 'none'",
    `img-src ${webview.cspSource} data:`,
    `style-src ${webview.cspSource} 'nonce-${nonce}'`,
    `script-src 'nonce-${nonce}'`,
  ].join("; ");
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${asset("timeline.css")}" nonce="${nonce}">
<title>Response Timeline</title>
</head>
<body>
<main id="timeline" aria-live="polite"><p class="message">Loading\u2026</p></main>
<script nonce="${nonce}" src="${asset("timeline.js")}"></script>
</body>
</html>`;
}
