// Waterfall plot: the best % change of the target sum from baseline per patient episode, one
// bar each sorted from the largest increase to the deepest decrease, coloured by best overall
// response (R8 / R9), with the +20 % and -30 % lines (R3).
import { el, SvgElement } from "./svg";
import { linearScale } from "./scale";
import { Frame, legend, referenceLine, svgRoot, yAxis } from "./frame";
import { RESPONSE_COLOURS, RESPONSE_ORDER, responseColour, NO_RESPONSE_COLOUR } from "./palette";
import type { PlotEpisode } from "./data";
import { PD_LINE, PR_LINE, signed } from "./spider";

const FRAME: Frame = { width: 900, height: 540, margin: { top: 50, right: 180, bottom: 90, left: 80 } };

export function waterfallPlot(episodes: PlotEpisode[]): SvgElement {
  const bars = episodes
    .filter((e): e is PlotEpisode & { bestPct: number } => e.bestPct !== null)
    .sort((a, b) => b.bestPct - a.bestPct || a.label.localeCompare(b.label));
  const { width, height, margin } = FRAME;
  const y = linearScale(Math.min(-100, ...bars.map((b) => b.bestPct)), Math.max(40, ...bars.map((b) => b.bestPct)), height - margin.bottom, margin.top);
  const plotWidth = width - margin.left - margin.right;
  const slot = plotWidth / Math.max(bars.length, 1);
  const barWidth = Math.min(40, slot * 0.8);
  const zero = y(0);
  const rects = bars.map((b, i) => {
    const cx = margin.left + slot * (i + 0.5);
    const top = Math.min(zero, y(b.bestPct));
    const colour = responseColour(b.bestResponse);
    return el("g", { class: "bar", "data-patient": b.label }, [
      el("title", {}, [`${b.label}: best change ${signed(b.bestPct)} %, best response ${b.bestResponse ?? "none"}`]),
      el("rect", { x: cx - barWidth / 2, y: top, width: barWidth, height: Math.max(Math.abs(y(b.bestPct) - zero), 1), fill: colour, stroke: "#333333", "stroke-width": 0.5 }),
      el("text", { x: cx, y: height - margin.bottom + 14, "text-anchor": "end", "font-size": 10, transform: `rotate(-45 ${cx.toFixed(2)} ${(height - margin.bottom + 14).toFixed(2)})` }, [b.label]),
    ]);
  });
  const used = RESPONSE_ORDER.filter((r) => bars.some((b) => responseColour(b.bestResponse) === RESPONSE_COLOURS[r]));
  const legendItems = used.map((r) => ({ label: r, colour: RESPONSE_COLOURS[r] }));
  if (bars.some((b) => responseColour(b.bestResponse) === NO_RESPONSE_COLOUR)) legendItems.push({ label: "no response yet", colour: NO_RESPONSE_COLOUR });
  const desc = `Waterfall plot of the best change in the sum of target lesion diameters from baseline (%), one bar per patient (${bars.length} shown), ` +
    `sorted from the largest increase to the largest decrease and coloured by best overall response. Dashed lines mark +20 % (progression threshold) and -30 % (partial response threshold).` +
    (episodes.length > bars.length ? ` ${episodes.length - bars.length} without a follow-up sum are not shown.` : "");
  return svgRoot(FRAME, "Best change in tumour burden", desc, [
    yAxis(y, margin.left, "Best change from baseline (%)"),
    el("line", { x1: margin.left, y1: zero, x2: width - margin.right, y2: zero, stroke: "#000000" }),
    el("g", { class: "bars" }, rects),
    referenceLine(y(PD_LINE), margin.left, width - margin.right, "+20 %", "#d7191c"),
    referenceLine(y(PR_LINE), margin.left, width - margin.right, "-30 %", "#1a9641"),
    legend(legendItems, width - margin.right + 50, margin.top + 10),
  ]);
}
