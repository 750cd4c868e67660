// The timeline chart's colours outside VS Code: a light, print-friendly stylesheet for
// standalone SVG files and the HTML report (the webview maps the same classes to the editor's
// theme in client/webview/timeline.css). Colours are Okabe-Ito, as in every figure (plot/palette.ts).
import { OKABE_ITO } from "../plot/palette";

export const CHART_CSS = `
.timeline-chart { font-family: Helvetica, Arial, sans-serif; font-size: 12px; }
.timeline-chart .background { fill: #ffffff; }
.timeline-chart text { fill: #1a1a1a; }
.timeline-chart .grid { stroke: #e3e3e3; stroke-width: 1; }
.timeline-chart .axis, .timeline-chart .tick-mark { stroke: #555555; }
.timeline-chart text.tick { fill: #555555; }
.timeline-chart .axis-title { font-weight: 600; }
.timeline-chart .sum-line { stroke: ${OKABE_ITO.blue}; stroke-width: 2.5; fill: none; }
.timeline-chart .sum-point { fill: ${OKABE_ITO.blue}; stroke: #ffffff; stroke-width: 1.5; }
.timeline-chart .sum-point.cursor { stroke: #000000; stroke-width: 2.5; }
.timeline-chart .ref { stroke-width: 1.5; fill: none; }
.timeline-chart .ref-baseline { stroke: #777777; stroke-dasharray: 2 3; }
.timeline-chart .ref-pr { stroke: ${OKABE_ITO.bluishGreen}; stroke-dasharray: 6 4; }
.timeline-chart .ref-nadir { stroke: ${OKABE_ITO.reddishPurple}; stroke-dasharray: 1 3; }
.timeline-chart .ref-pd { stroke: ${OKABE_ITO.vermillion}; stroke-dasharray: 6 4; }
.timeline-chart text.ref-label { font-size: 11px; }
.timeline-chart text.ref-pr { fill: #00704f; }
.timeline-chart text.ref-pd { fill: #a84900; }
.timeline-chart text.ref-nadir { fill: #8f4f77; }
.timeline-chart text.response-label { font-weight: 700; }
.timeline-chart text.response-pd, .timeline-chart text.response-icpd { fill: #a84900; }
.timeline-chart text.response-iupd { fill: #8f4f77; }
.timeline-chart text.response-pr, .timeline-chart text.response-ipr, .timeline-chart text.response-cr, .timeline-chart text.response-icr { fill: #00704f; }
.timeline-chart .new-lesion { fill: ${OKABE_ITO.orange}; stroke: #7a5400; }
.timeline-chart .new-lesion.equivocal { fill: none; stroke: #7a5400; stroke-width: 1.5; }
.timeline-chart .irecist-mark { stroke: ${OKABE_ITO.reddishPurple}; stroke-dasharray: 3 3; }
.timeline-chart text.irecist-mark { fill: #8f4f77; font-weight: 700; }
.timeline-chart .ctdna-line { stroke: #7a6f00; stroke-width: 1.5; stroke-dasharray: 4 2; fill: none; }
.timeline-chart .ctdna-point { fill: ${OKABE_ITO.yellow}; stroke: #7a6f00; }
.timeline-chart .ctdna-point.undetected { fill: #ffffff; }
.timeline-chart text.ctdna-tick, .timeline-chart text.ctdna-title { fill: #7a6f00; }
.timeline-chart text.ref-label, .timeline-chart text.response-label, .timeline-chart text.irecist-mark {
  paint-order: stroke; stroke: #ffffff; stroke-width: 3px; stroke-linejoin: round;
}
`.trim();
