// Webview script of the report preview: shows the report article posted by the extension (the
// language server's HTML, every text escaped there) or a message. Bundled by esbuild to
// dist/webview/report.js; loaded under a nonce-only CSP.
import type { ReportPreviewMessage } from "../src/report/messages";

interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const root = document.getElementById("report") as HTMLElement;

function render(message: ReportPreviewMessage): void {
  if (message.type === "report") {
    root.innerHTML = message.html;
  } else {
    const p = document.createElement("p");
    p.className = "message";
    p.textContent = message.text;
    root.replaceChildren(p);
  }
  root.dataset.state = message.type;
}

const saved = vscode.getState() as ReportPreviewMessage | undefined;
if (saved) render(saved);

window.addEventListener("message", (event: MessageEvent<ReportPreviewMessage>) => {
  render(event.data);
  vscode.setState(event.data);
});
vscode.postMessage({ type: "ready" });
