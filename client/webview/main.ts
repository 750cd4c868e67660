// Webview script: draws the ChartModel posted by the extension. Bundled by
// esbuild to dist/webview/timeline.js; loaded under a nonce-only CSP.
import type { TimelineMessage } from "../../server/src/core/chart/model";
import { renderMessage, renderTimeline } from "../../server/src/core/chart/html";

interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const root = document.getElementById("timeline") as HTMLElement;

function render(message: TimelineMessage): void {
  // All text in the markup is escaped by the renderers; the model is ours.
  root.innerHTML = message.type === "model" ? renderTimeline(message.model) : renderMessage(message.text);
  root.dataset.state = message.type;
}

const saved = vscode.getState() as TimelineMessage | undefined;
if (saved) render(saved);

window.addEventListener("message", (event: MessageEvent<TimelineMessage>) => {
  render(event.data);
  vscode.setState(event.data);
});
vscode.postMessage({ type: "ready" });
