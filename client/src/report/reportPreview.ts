// "Nadir: Open Report Preview to the Side": a webview beside the editor, like Markdown's preview,
// showing the structured report of the patient and scan under the cursor. It follows cursor moves
// and edits (debounced) and the active Nadir editor. The page is the HTML report's article with
// the report stylesheet (core/report) under a strict CSP: nonce-only script and style, no remote
// resources; the bundled script only swaps in the server's escaped HTML.
import * as vscode from "vscode";
import { LanguageClient } from "vscode-languageclient/node";
import { REPORT_CSS } from "../../../server/src/core/report/html";
import { createFollowingWebview, FollowingPanel, strictCsp } from "../followingPanel";
import { requestReport } from "./reportSource";
import type { ReportPreviewMessage } from "./messages";

export class ReportPreview extends FollowingPanel<ReportPreviewMessage> {
  private static current: ReportPreview | undefined;

  static show(extensionUri: vscode.Uri, client: () => LanguageClient | undefined, editor: vscode.TextEditor): ReportPreview {
    if (ReportPreview.current) {
      ReportPreview.current.track(editor);
      ReportPreview.current.reveal();
      return ReportPreview.current;
    }
    ReportPreview.current = new ReportPreview(createFollowingWebview("nadir.reportPreview", "Report Preview", extensionUri), extensionUri, client, editor);
    return ReportPreview.current;
  }

  static get visiblePanel(): ReportPreview | undefined {
    return ReportPreview.current;
  }

  private constructor(panel: vscode.WebviewPanel, extensionUri: vscode.Uri, private readonly client: () => LanguageClient | undefined, editor: vscode.TextEditor) {
    super(panel, extensionUri, editor, 250);
    panel.webview.html = previewHtml(panel.webview, extensionUri);
  }

  protected async compute(): Promise<{ message: ReportPreviewMessage; title?: string }> {
    const result = await requestReport(this.client(), this.editor.document, this.editor.selection.active, "html-article");
    if (result.content === null) return { message: { type: "message", text: result.message } };
    return { message: { type: "report", html: result.content, complete: result.complete }, title: `Report: ${result.patientId} ${result.scanDate}` };
  }

  protected disposed_(): void {
    if (ReportPreview.current === this) ReportPreview.current = undefined;
  }
}

function previewHtml(webview: vscode.Webview, extensionUri: vscode.Uri): string {
  const { nonce, csp } = strictCsp(webview);
  const script = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, "dist", "webview", "report.js"));
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
