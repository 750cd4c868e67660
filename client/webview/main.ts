// Webview script: draws the ChartModel posted by the extension. Bundled by
// esbuild to dist/webview/timeline.js; loaded under a nonce-only CSP.
import type { TimelineMessage } from "../../server/src/core/chart/model";
import { renderMessage, renderTimeline } from "../../server/src/core/chart/html";
import { followHost } from "./host";

const root = document.getElementById("timeline") as HTMLElement;

/** The criterion the user chose in the switch (P3); kept when the model is redrawn after an edit. */
let chosen: string | null = null;

/** Shows the view of one criterion and hides the others. */
function show(criterion: string | null): void {
  const views = Array.from(root.querySelectorAll<HTMLElement>(".criterion-view"));
  if (views.length === 0) return;
  // The chosen criterion when this patient reads it, else the view the markup shows (the primary's).
  const wanted = views.some((v) => v.dataset.criterion === criterion) ? criterion : null;
  if (wanted !== null) views.forEach((v) => (v.hidden = v.dataset.criterion !== wanted));
  const select = root.querySelector<HTMLSelectElement>(".criterion-select");
  if (select && wanted !== null) select.value = wanted;
  root.dataset.criterion = wanted ?? select?.value ?? "";
}

root.addEventListener("change", (event) => {
  const target = event.target as HTMLElement;
  if (target instanceof HTMLSelectElement && target.classList.contains("criterion-select")) {
    chosen = target.value;
    show(chosen);
  }
});

followHost<TimelineMessage>((message) => {
  // All text in the markup is escaped by the renderers; the model is ours.
  root.innerHTML = message.type === "model" ? renderTimeline(message.model) : renderMessage(message.text);
  root.dataset.state = message.type;
  show(chosen);
});
