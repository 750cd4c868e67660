// The timeline webview's body for a ChartModel: a heading, each episode's chart, a legend and
// the numbers behind the chart as a table (readable without the chart). The legend is shared
// with the HTML report.
import { ChartEpisode, ChartModel } from "./model";
import { renderEpisodeSvg } from "./svg";
import { escapeXml as esc, fmt } from "./scale";

export function renderTimeline(model: ChartModel): string {
  if (model.episodes.length === 0) {
    return renderMessage(`${model.patientId} has no baseline yet: there is nothing to chart.`);
  }
  const views = model.views ?? [];
  const heading = `<header><h1>${esc(model.patientId)}</h1><span class="criteria">${esc(views.length > 0 ? views.map((v) => v.label).join(" \u00b7 ") : model.criteria)}</span>${criterionSwitch(model)}</header>` +
    (model.complete ? "" : `<p class="incomplete" role="alert">Incomplete: the case file has errors in this patient; the results below rest on part of the data.</p>`);
  if (views.length === 0) return heading + model.episodes.map((episode, i) => renderEpisode(model, episode, i)).join("\n");
  // P3: one view per criterion read, each with its own burden and thresholds; the switch shows one (the primary first).
  return heading + views.map((view, v) => [
    `<div class="criterion-view" data-criterion="${esc(view.criterion)}"${view.primary ? "" : " hidden"}>`,
    ...view.episodes.map((episode, i) => renderEpisode(model, episode, v * 100 + i)),
    `</div>`,
  ].join("\n")).join("\n");
}

/** The criterion switch of a patient read under several criteria (the webview script shows the chosen view). */
function criterionSwitch(model: ChartModel): string {
  const views = model.views ?? [];
  if (views.length < 2) return "";
  const options = views.map((v) => `<option value="${esc(v.criterion)}"${v.primary ? " selected" : ""}>${esc(v.label)}${v.primary ? " (primary)" : ""}</option>`).join("");
  return `<label class="criterion-switch">Criteria <select class="criterion-select" aria-label="Criteria drawn">${options}</select></label>`;
}

export function renderMessage(text: string): string {
  return `<p class="message">${esc(text)}</p>`;
}

function renderEpisode(model: ChartModel, episode: ChartEpisode, index: number): string {
  const facts = [
    episode.bestResponse ? `best response <strong>${esc(episode.bestResponse)}</strong>` : "",
    episode.progressionDate ? `progression ${esc(episode.progressionDate)}` : "",
  ].filter(Boolean).join(" \u00b7 ");
  return [
    `<section class="episode">`,
    `<h2>${esc(episode.title)}</h2>${facts ? `<p class="facts">${facts}</p>` : ""}`,
    episode.complete ? "" : `<p class="incomplete">Incomplete: errors touch this line of therapy.</p>`,
    `<figure>${renderEpisodeSvg(model, episode, index)}</figure>`,
    chartLegend(model, episode),
    table(episode),
    `</section>`,
  ].join("\n");
}

/** The chart's key as an HTML list (the swatches use the chart's own classes); a criterion's view names its own lines. */
export function chartLegend(model: ChartModel, episode?: ChartEpisode): string {
  const item = (cls: string, text: string) =>
    `<li><svg class="swatch" viewBox="0 0 24 10" width="24" height="10"><line class="${cls}" x1="0" x2="24" y1="5" y2="5"/></svg>${esc(text)}</li>`;
  const scale = episode?.scale;
  return [
    `<ul class="legend">`,
    item("sum-line", scale ? `${scale.criterion} burden (${scale.unit})` : "sum of target diameters"),
    item("ref ref-baseline", "baseline"),
    item("ref ref-pr", scale ? `PR threshold (${scale.pr})` : "PR threshold (\u221230 % from baseline)"),
    item("ref ref-nadir", "nadir"),
    item("ref ref-pd", scale ? `PD threshold (${scale.pd} from nadir)` : "PD threshold (+20 % and +5 mm from nadir)"),
    model.ctdna ? item("ctdna-line", `ctDNA (${model.ctdna.unit}, right axis)`) : "",
    `<li><svg class="swatch" viewBox="0 0 12 12" width="12" height="12"><path class="new-lesion" d="M6 0L12 12L0 12Z"/></svg>new lesion</li>`,
    `</ul>`,
  ].join("");
}

function table(episode: ChartEpisode): string {
  const rows = episode.points.map((p) => {
    return `<tr${p.isCursor ? ` class="cursor"` : ""}><td>${esc(p.date)}</td><td>${p.sum === null ? "NE" : fmt(p.sum)}</td>` +
      `<td>${p.changeFromBaselinePct === null ? "" : `${fmt(p.changeFromBaselinePct)} %`}</td><td>${p.isBaseline || p.nadir === null ? "" : fmt(p.nadir)}</td>` +
      `<td>${p.newLesions === "no" ? "" : esc(p.newLesions)}</td><td>${esc(p.irecistMark && episode.scale ? p.irecistMark : p.label)}</td></tr>`;
  });
  const unit = episode.scale?.unit ?? "mm";
  return `<table class="numbers"><thead><tr><th>Date</th><th>${episode.scale ? "Burden" : "Sum"} (${unit})</th><th>From baseline</th><th>Nadir (${unit})</th><th>New</th><th>Response</th></tr></thead>` +
    `<tbody>${rows.join("")}</tbody></table>`;
}
