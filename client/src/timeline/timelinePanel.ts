// "Nadir: Show Response Timeline": a webview beside the editor that charts the
// patient under the cursor and follows edits and cursor moves. The extension
// sends a ChartModel (the core's one chart definition); the bundled webview
// script draws it (no remote assets).
import * as vscode from "vscode";
import { assessmentAt, findPatient } from "../assessmentLookup";
import { AssessmentSource } from "../assessmentSource";
import { assessmentBlockAt, ctdnaSamplesOfPatient, patientIdAt } from "../documentOutline";
import { buildChartModel, TimelineMessage } from "../../../server/src/core/chart/model";
import { createFollowingWebview, FollowingPanel, strictCsp } from "../followingPanel";

export class TimelinePanel extends FollowingPanel<TimelineMessage> {
  private static current: TimelinePanel | undefined;

  static show(extensionUri: vscode.Uri, source: AssessmentSource, editor: vscode.TextEditor): TimelinePanel {
    if (TimelinePanel.current) {
      TimelinePanel.current.track(editor);
      TimelinePanel.current.reveal();
      return TimelinePanel.current;
    }
    TimelinePanel.current = new TimelinePanel(createFollowingWebview("nadir.timeline", "Response Timeline", extensionUri), extensionUri, source, editor);
    return TimelinePanel.current;
  }

  static get visiblePanel(): TimelinePanel | undefined {
    return TimelinePanel.current;
  }

  private constructor(panel: vscode.WebviewPanel, extensionUri: vscode.Uri, private readonly source: AssessmentSource, editor: vscode.TextEditor) {
    super(panel, extensionUri, editor, 200);
    panel.webview.html = webviewHtml(panel.webview, extensionUri);
  }

  protected async compute(): Promise<{ message: TimelineMessage; title?: string }> {
    const { document } = this.editor;
    const line = this.editor.selection.active.line;
    const lines = document.getText().split(/\r\n|\r|\n/);
    const patientId = patientIdAt(lines, line);
    const assessment = await this.source.get(document);
    const patient = findPatient(assessment, patientId);
    if (!assessment) return { message: { type: "message", text: "Waiting for the Nadir language server\u2026" } };
    if (!patient) return { message: { type: "message", text: "Place the cursor inside a patient to see its response timeline." } };
    const atCursor = assessmentAt(patient, assessmentBlockAt(lines, line));
    const cursorDate = atCursor?.kind === "baseline" ? atCursor.episode.baseline?.date
      : atCursor?.kind === "timepoint" ? atCursor.timepoint.date : undefined;
    return {
      message: { type: "model", model: buildChartModel(patient, ctdnaSamplesOfPatient(lines, line), cursorDate) },
      title: `Response Timeline: ${patient.id}`,
    };
  }

  protected disposed_(): void {
    if (TimelinePanel.current === this) TimelinePanel.current = undefined;
  }
}

function webviewHtml(webview: vscode.Webview, extensionUri: vscode.Uri): string {
  const { nonce, csp } = strictCsp(webview);
  const asset = (name: string) => webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, "dist", "webview", name));
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
