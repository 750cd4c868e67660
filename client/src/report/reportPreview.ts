// "Nadir: Open Report Preview to the Side": a webview beside the editor, like Markdown's preview,
// showing the structured report of the patient and scan under the cursor. It follows cursor moves
// and edits (debounced) and the active Nadir editor. The page is the HTML report's article with
// the report stylesheet (core/report) under a strict CSP: nonce-only script and style, no remote
// resources; the bundled script only swaps in the server's escaped HTML.
import * as vscode from "vscode";
import { LanguageClient } from "vscode-languageclient/node";
import { REPORT_CSS } from "../../../server/src/core/report/html";
import { createFollowingWebview, FollowingPanel, PanelSlot, webviewPage } from "../followingPanel";
import { requestReport } from "./reportSource";
import type { ReportPreviewMessage } from "./messages";

export class ReportPreview extends FollowingPanel<ReportPreviewMessage> {
  private static readonly slot = new PanelSlot<ReportPreview>();

  static show(extensionUri: vscode.Uri, client: () => LanguageClient | undefined, editor: vscode.TextEditor): ReportPreview {
    return ReportPreview.slot.show(editor, () => new ReportPreview(createFollowingWebview("nadir.reportPreview", "Report Preview", extensionUri), extensionUri, client, editor));
  }

  static get visiblePanel(): ReportPreview | undefined {
    return ReportPreview.slot.current;
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
    ReportPreview.slot.release(this);
  }
}

function previewHtml(webview: vscode.Webview, extensionUri: vscode.Uri): string {
  return webviewPage(webview, extensionUri, {
    title: "Report Preview",
    mainId: "report",
    script: "report.js",
    head: (nonce) => `<style nonce="${nonce}">\n${REPORT_CSS}\n.message { color: #555555; font-style: italic; }\n</style>`,
  });
}
