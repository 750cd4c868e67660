// Spider plot: % change of the target sum from baseline over time, one line per patient
// episode, coloured and marked by its best response under the patient's criteria (R8 / R9),
// with the +20 % (PD, R3) and -30 % (PR, R3) lines. Lines are labelled with their patient when
// every label finds a free place (labels.ts); otherwise the figure says so and each line's
// tooltip names its patient.
import { el, num, SvgElement } from "./svg";
import { linearScale } from "./scale";
import { Frame, legend, legendHeight, LegendItem, marker, note, referenceLine, svgRoot, xAxis, yAxis } from "./frame";
import { OKABE_ITO, responseGroup, usedGroups } from "./palette";
import { Box, placeLabels } from "./labels";
import type { PlotEpisode } from "./data";

const FRAME: Frame = { width: 900, height: 560, margin: { top: 50, right: 200, bottom: 80, left: 80 } };
export const PD_LINE = 20;
export const PR_LINE = -30;
const LABEL_SIZE = 10;
const MARKER = 4;

export function spiderPlot(episodes: PlotEpisode[]): SvgElement {
  const shown = episodes.filter((e) => e.points.length > 1);
  const { width, height, margin } = FRAME;
  const allPoints = shown.flatMap((e) => e.points);
  const x = linearScale(Math.min(0, ...allPoints.map((p) => p.weeks)), Math.max(8, ...allPoints.map((p) => p.weeks)), margin.left, width - margin.right);
  const y = linearScale(Math.min(-100, ...allPoints.map((p) => p.pct)), Math.max(40, ...allPoints.map((p) => p.pct)), height - margin.bottom, margin.top);
  const right = x(x.domain[1]);

  // The reference lines' labels sit right of the plot area; line labels keep clear of them.
  const referenceLabels: Box[] = [PD_LINE, PR_LINE].map((v) => ({ left: right, right: right + 40, top: y(v) - 10, bottom: y(v) + 6 }));
  const groups = usedGroups(shown.map((e) => e.bestResponse));
  const items: LegendItem[] = groups.map((g) => ({ label: g.label, colour: g.colour, shape: g.shape }));
  if (shown.some((e) => !e.complete)) items.push({ label: "† incomplete (errors)", colour: "#FFFFFF", incomplete: true });
  const legendX = width - margin.right + 50;
  const legendBox: Box = { left: legendX - 4, right: width, top: margin.top, bottom: margin.top + 14 + legendHeight(items) };
  const markerBoxes: Box[] = allPoints.map((p) => ({ left: x(p.weeks) - MARKER, right: x(p.weeks) + MARKER, top: y(p.pct) - MARKER, bottom: y(p.pct) + MARKER }));
  const labels = placeLabels(
    shown.map((e) => {
      const last = e.points[e.points.length - 1];
      return { text: e.complete ? e.label : `${e.label} †`, x: x(last.weeks), y: y(last.pct), clearance: MARKER };
    }),
    { left: margin.left + 2, right: width - 4, top: margin.top, bottom: y(y.domain[0]) - 2 },
    LABEL_SIZE,
    [...markerBoxes, ...referenceLabels, legendBox],
  );

  const lines = shown.map((e, i) => {
    const group = responseGroup(e.bestResponse);
    const d = e.points.map((p, j) => `${j === 0 ? "M" : "L"}${num(x(p.weeks))} ${num(y(p.pct))}`).join("");
    const label = labels?.[i];
    return el("g", { class: e.complete ? "series" : "series incomplete", "data-patient": e.label }, [
      el("title", {}, [`${e.label}${e.complete ? "" : " (incomplete: errors in the case file)"}: ${e.points.map((p) => `${p.date} ${signed(p.pct)} %`).join(", ")}; best response ${e.bestResponse ?? "none"}`]),
      el("path", { d, fill: "none", stroke: group.colour, "stroke-width": 1.8, ...(e.complete ? {} : { "stroke-dasharray": "5 3" }) }),
      ...e.points.map((p) => marker(group.shape, x(p.weeks), y(p.pct), group.colour, MARKER)),
      label
        ? el("text", { class: "label", x: label.x, y: label.y, "text-anchor": label.anchor, "font-size": LABEL_SIZE, stroke: "#FFFFFF", "stroke-width": 3, "paint-order": "stroke", "stroke-linejoin": "round" }, [label.text])
        : null,
    ]);
  });
  const notes: string[] = [];
  if (!labels && shown.length > 0) notes.push(`Lines are not labelled: ${shown.length} labels do not fit without overlap; each line's tooltip names its patient.`);
  if (episodes.length > shown.length) notes.push(`${episodes.length - shown.length} without a follow-up sum ${episodes.length - shown.length === 1 ? "is" : "are"} not shown.`);
  const desc = `Spider plot of the change in the sum of target lesion diameters from baseline (%) against weeks since the start of treatment, ` +
    `one line per patient (${shown.length} shown), coloured and marked by best overall response (iBOR under iRECIST). Dashed lines mark +20 % (progression threshold) and -30 % (partial response threshold).` +
    (notes.length > 0 ? ` ${notes.join(" ")}` : "");
  return svgRoot(FRAME, "Change in tumour burden over time", desc, [
    xAxis(x, y(y.domain[0]), "Weeks since start of treatment"),
    yAxis(y, margin.left, "Change from baseline (%)"),
    el("line", { x1: margin.left, y1: y(0), x2: right, y2: y(0), stroke: "#999999" }),
    referenceLine(y(PD_LINE), margin.left, right, "+20 %", OKABE_ITO.vermillion),
    referenceLine(y(PR_LINE), margin.left, right, "-30 %", OKABE_ITO.blue),
    el("g", { class: "lines" }, lines),
    legend(items, legendX, margin.top + 10),
    ...notes.map((text, i) => note(text, margin.left, height - margin.bottom + 56 + i * 14)),
  ]);
}

export function signed(value: number): string {
  return value > 0 ? `+${num(value)}` : num(value);
}
