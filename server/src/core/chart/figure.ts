// `nadir plot --kind timeline`: the response-timeline chart of the editor and the HTML report
// (one definition, svg.ts), for every episode drawn, stacked under a heading per patient in one
// standalone SVG with the print stylesheet embedded.
import type { CohortEpisode } from "../export/cohort";
import { chartModelOf } from "./views";
import { CHART_HEIGHT, CHART_WIDTH, renderEpisodeSvg } from "./svg";
import { CHART_CSS } from "./style";
import { escapeXml as esc } from "./scale";

const HEADING = 30;
const TITLE = 40;

export function timelineFigure(episodes: Array<{ source: CohortEpisode; complete: boolean; label: string }>): string {
  const blocks: string[] = [];
  let y = TITLE;
  let drawn = 0;
  episodes.forEach(({ source, complete, label }, i) => {
    const model = chartModelOf(source.patient, source.file.analysis.text);
    const episode = model.episodes[source.number - 1];
    if (!episode) return;
    const heading = `${source.patient.id} (${source.patient.criteria === "iRECIST" ? "iRECIST" : "RECIST 1.1"})${episode.title ? `: ${episode.title}` : ""}` +
      (episode.bestResponse ? `; best response ${episode.bestResponse}` : "") + (complete ? "" : " \u2020 incomplete (errors in the case file)");
    blocks.push(`<g class="episode${complete ? "" : " incomplete"}" data-patient="${esc(label)}">`,
      `<title>${esc(heading)}</title>`,
      `<text class="episode-heading" x="8" y="${y + 20}">${esc(heading)}</text>`,
      renderEpisodeSvg(model, episode, i, { x: 0, y: y + HEADING }),
      `</g>`);
    y += HEADING + CHART_HEIGHT;
    drawn++;
  });
  const height = y + 8;
  const desc = `Timeline plot of the sum of target lesion diameters over time for ${drawn} episode${drawn === 1 ? "" : "s"}, ` +
    "with the baseline, the PR threshold (-30 % from baseline), the nadir and the PD threshold (+20 % and +5 mm over the nadir).";
  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<svg xmlns="http://www.w3.org/2000/svg" width="${CHART_WIDTH}" height="${height}" viewBox="0 0 ${CHART_WIDTH} ${height}" role="img" aria-labelledby="nadir-title nadir-desc">`,
    `<title id="nadir-title">Response timeline</title>`,
    `<desc id="nadir-desc">${esc(desc)}</desc>`,
    `<style>${CHART_CSS}\n.episode-heading { font-family: Helvetica, Arial, sans-serif; font-size: 14px; font-weight: 600; fill: #1a1a1a; }\n.figure-title { font-family: Helvetica, Arial, sans-serif; font-size: 16px; font-weight: 700; }</style>`,
    `<rect width="${CHART_WIDTH}" height="${height}" fill="#ffffff"/>`,
    `<text class="figure-title" x="${CHART_WIDTH / 2}" y="24" text-anchor="middle">Response timeline</text>`,
    ...blocks,
    `</svg>`,
    "",
  ].join("\n");
}
