// Webview script of the report preview: shows the report article posted by the extension (the
// language server's HTML, every text escaped there) or a message. Bundled by esbuild to
// dist/webview/report.js; loaded under a nonce-only CSP.
import type { ReportPreviewMessage } from "../src/report/messages";
import { followHost } from "./host";

const root = document.getElementById("report") as HTMLElement;

followHost<ReportPreviewMessage>((message) => {
  if (message.type === "report") {
    root.innerHTML = message.html;
  } else {
    const p = document.createElement("p");
    p.className = "message";
    p.textContent = message.text;
    root.replaceChildren(p);
  }
  root.dataset.state = message.type;
});
