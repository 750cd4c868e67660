// Spider plot: % change of the target sum from baseline over time, one line per patient
// episode, coloured by its best response, with the +20 % (PD, R3) and -30 % (PR, R3) lines.
import { el, num, SvgElement } from "./svg";
import { linearScale } from "./scale";
import { Frame, legend, referenceLine, svgRoot, xAxis, yAxis } from "./frame";
import { RESPONSE_ORDER, responseColour, RESPONSE_COLOURS } from "./palette";
import type { PlotEpisode } from "./data";

const FRAME: Frame = { width: 900, height: 540, margin: { top: 50, right: 180, bottom: 60, left: 80 } };
export const PD_LINE = 20;
export const PR_LINE = -30;

export function spiderPlot(episodes: PlotEpisode[]): SvgElement {
  const shown = episodes.filter((e) => e.points.length > 1);
  const { width, height, margin } = FRAME;
  const allPoints = shown.flatMap((e) => e.points);
  const x = linearScale(Math.min(0, ...allPoints.map((p) => p.weeks)), Math.max(8, ...allPoints.map((p) => p.weeks)), margin.left, width - margin.right);
  const y = linearScale(Math.min(-100, ...allPoints.map((p) => p.pct)), Math.max(40, ...allPoints.map((p) => p.pct)), height - margin.bottom, margin.top);
  const lines = shown.map((e) => {
    const colour = responseColour(e.bestResponse);
    const d = e.points.map((p, i) => `${i === 0 ? "M" : "L"}${num(x(p.weeks))} ${num(y(p.pct))}`).join("");
    const last = e.points[e.points.length - 1];
    return el("g", { class: "series", "data-patient": e.label }, [
      el("title", {}, [`${e.label}: ${e.points.map((p) => `${p.date} ${signed(p.pct)} %`).join(", ")}; best response ${e.bestResponse ?? "none"}`]),
      el("path", { d, fill: "none", stroke: colour, "stroke-width": 2 }),
      ...e.points.map((p) => el("circle", { cx: x(p.weeks), cy: y(p.pct), r: 3, fill: colour })),
      el("text", { x: x(last.weeks) + 6, y: y(last.pct) + 4, "font-size": 10 }, [e.label]),
    ]);
  });
  const used = RESPONSE_ORDER.filter((r) => shown.some((e) => responseColour(e.bestResponse) === RESPONSE_COLOURS[r]));
  const desc = `Spider plot of the change in the sum of target lesion diameters from baseline (%) against weeks since the start of treatment, ` +
    `one line per patient (${shown.length} shown), coloured by best overall response. Dashed lines mark +20 % (progression threshold) and -30 % (partial response threshold).` +
    (episodes.length > shown.length ? ` ${episodes.length - shown.length} without a follow-up sum are not shown.` : "");
  return svgRoot(FRAME, "Change in tumour burden over time", desc, [
    xAxis(x, y(y.domain[0]), "Weeks since start of treatment"),
    yAxis(y, margin.left, "Change from baseline (%)"),
    el("line", { x1: margin.left, y1: y(0), x2: width - margin.right, y2: y(0), stroke: "#999999" }),
    referenceLine(y(PD_LINE), margin.left, width - margin.right, "+20 %", "#d7191c"),
    referenceLine(y(PR_LINE), margin.left, width - margin.right, "-30 %", "#1a9641"),
    el("g", { class: "lines" }, lines),
    legend(used.map((r) => ({ label: r, colour: RESPONSE_COLOURS[r], shape: "rect" as const })), width - margin.right + 50, margin.top + 10),
  ]);
}

export function signed(value: number): string {
  return value > 0 ? `+${num(value)}` : num(value);
}
