// "Nadir: Show Response Timeline": a webview beside the editor that charts the
// patient under the cursor and follows edits and cursor moves. The extension
// sends a ChartModel (the core's one chart definition); the bundled webview
// script draws it (no remote assets).
import * as vscode from "vscode";
import { assessmentAt, findPatient } from "../assessmentLookup";
import { AssessmentSource } from "../assessmentSource";
import { assessmentBlockAt, ctdnaSamplesOfPatient, patientIdAt } from "../documentOutline";
import { buildChartModel, TimelineMessage } from "../../../server/src/core/chart/model";
import { createFollowingWebview, FollowingPanel, PanelSlot, webviewPage } from "../followingPanel";

export class TimelinePanel extends FollowingPanel<TimelineMessage> {
  private static readonly slot = new PanelSlot<TimelinePanel>();

  static show(extensionUri: vscode.Uri, source: AssessmentSource, editor: vscode.TextEditor): TimelinePanel {
    return TimelinePanel.slot.show(editor, () => new TimelinePanel(createFollowingWebview("nadir.timeline", "Response Timeline", extensionUri), extensionUri, source, editor));
  }

  static get visiblePanel(): TimelinePanel | undefined {
    return TimelinePanel.slot.current;
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
    TimelinePanel.slot.release(this);
  }
}

function webviewHtml(webview: vscode.Webview, extensionUri: vscode.Uri): string {
  const css = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, "dist", "webview", "timeline.css"));
  return webviewPage(webview, extensionUri, {
    title: "Response Timeline",
    mainId: "timeline",
    script: "timeline.js",
    head: (nonce) => `<link rel="stylesheet" href="${css}" nonce="${nonce}">`,
  });
}
