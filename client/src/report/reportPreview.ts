// "Nadir: Open Report Preview to the Side": a webview beside the editor, like Markdown's preview,
// showing the structured report of the patient and scan under the cursor. It follows cursor moves
// and edits (debounced) and the active Nadir editor. The page is the HTML report's article with
// the report stylesheet (core/report) under a strict CSP: nonce-only script and style, no remote
// resources; the bundled script only swaps in the server's escaped HTML.
import { randomBytes } from "crypto";
import * as vscode from "vscode";
import { LanguageClient } from "vscode-languageclient/node";
import { debounce } from "../debounce";
import { REPORT_CSS } from "../../../server/src/core/report/html";
import { requestReport } from "./reportSource";
import type { ReportPreviewMessage } from "./messages";

export class ReportPreview implements vscode.Disposable {
  private static current: ReportPreview | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  private readonly scheduleRefresh = debounce(() => void this.refresh(), 250);
  private lastPosted = "";

  static show(extensionUri: vscode.Uri, client: () => LanguageClient | undefined, editor: vscode.TextEditor): ReportPreview {
    if (ReportPreview.current) {
      ReportPreview.current.track(editor);
      ReportPreview.current.panel.reveal(vscode.ViewColumn.Beside, true);
      return ReportPreview.current;
    }
    const panel = vscode.window.createWebviewPanel(
      "nadir.reportPreview",
      "Report Preview",
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      { enableScripts: true, localResourceRoots: [vscode.Uri.joinPath(extensionUri, "dist", "webview")] },
    );
    ReportPreview.current = new ReportPreview(panel, extensionUri, client, editor);
    return ReportPreview.current;
  }

  static get visiblePanel(): ReportPreview | undefined {
    return ReportPreview.current;
  }

  private constructor(
    private readonly panel: vscode.WebviewPanel,
    extensionUri: vscode.Uri,
    private readonly client: () => LanguageClient | undefined,
    private editor: vscode.TextEditor,
  ) {
    panel.iconPath = vscode.Uri.joinPath(extensionUri, "images", "file-icon.svg");
    panel.webview.html = previewHtml(panel.webview, extensionUri);
    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((message: { type?: string }) => {
        if (message?.type === "ready") void this.refresh(true);
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

  /** Asks for the report at the cursor; posts only when what the webview shows changes. */
  async refresh(force = false): Promise<void> {
    const result = await requestReport(this.client(), this.editor.document, this.editor.selection.active, "html-article");
    const message: ReportPreviewMessage = result.content === null
      ? { type: "message", text: result.message }
      : { type: "report", html: result.content, complete: result.complete };
    if (result.content !== null) this.panel.title = `Report: ${result.patientId} ${result.scanDate}`;
    const serialised = JSON.stringify(message);
    if (!force && serialised === this.lastPosted) return;
    this.lastPosted = serialised;
    await this.panel.webview.postMessage(message);
  }

  dispose(): void {
    if (ReportPreview.current === this) ReportPreview.current = undefined;
    this.scheduleRefresh.cancel();
    for (const d of this.disposables.splice(0)) d.dispose();
    this.panel.dispose();
  }
}

function previewHtml(webview: vscode.Webview, extensionUri: vscode.Uri): string {
  const nonce = randomBytes(16).toString("base64");
  const script = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, "dist", "webview", "report.js"));
  const csp = [
    "default-src 'none'",
    `img-src ${webview.cspSource} data:`,
    `style-src 'nonce-${nonce}'`,
    `script-src 'nonce-${nonce}'`,
  ].join("; ");
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<style nonce="${nonce}">
${REPORT_CSS}
.message { color: #555555; font-style: italic; }
</style>
<title>Report Preview</title>
</head>
<body>
<main id="report" aria-live="polite"><p class="message">Loading\u2026</p></main>
<script nonce="${nonce}" src="${script}"></script>
</body>
</html>`;
}
