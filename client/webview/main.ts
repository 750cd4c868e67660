// Webview script: draws the ChartModel posted by the extension. Bundled by
// esbuild to dist/webview/timeline.js; loaded under a nonce-only CSP.
import type { TimelineMessage } from "../../server/src/core/chart/model";
import { renderMessage, renderTimeline } from "../../server/src/core/chart/html";
import { followHost } from "./host";

const root = document.getElementById("timeline") as HTMLElement;

followHost<TimelineMessage>((message) => {
  // All text in the markup is escaped by the renderers; the model is ours.
  root.innerHTML = message.type === "model" ? renderTimeline(message.model) : renderMessage(message.text);
  root.dataset.state = message.type;
});
