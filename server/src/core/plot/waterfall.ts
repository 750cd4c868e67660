// Waterfall plot: the best % change of the target sum from baseline per patient episode, one
// bar each sorted from the largest increase to the deepest decrease, coloured by best overall
// response under the patient's criteria (R8 / iBOR R9), with the +20 % and -30 % lines (R3).
// Patient ids label the bars while they fit; narrower bars go unlabelled, and the figure says so.
import { el, SvgElement } from "./svg";
import { linearScale } from "./scale";
import { Frame, legend, LegendItem, note, referenceLine, svgRoot, yAxis } from "./frame";
import { OKABE_ITO, responseGroup, usedGroups } from "./palette";
import type { PlotEpisode } from "./data";
import { PD_LINE, PR_LINE, signed } from "./spider";

const FRAME: Frame = { width: 900, height: 560, margin: { top: 50, right: 200, bottom: 110, left: 80 } };
const LABEL_SIZE = 10;
/** Smallest font the bar labels may shrink to before they are left out. */
const MIN_LABEL_SIZE = 7;

export function waterfallPlot(episodes: PlotEpisode[]): SvgElement {
  const bars = episodes
    .filter((e): e is PlotEpisode & { bestPct: number } => e.bestPct !== null)
    .sort((a, b) => b.bestPct - a.bestPct || a.label.localeCompare(b.label));
  const { width, height, margin } = FRAME;
  const y = linearScale(Math.min(-100, ...bars.map((b) => b.bestPct)), Math.max(40, ...bars.map((b) => b.bestPct)), height - margin.bottom, margin.top);
  const plotWidth = width - margin.left - margin.right;
  const slot = plotWidth / Math.max(bars.length, 1);
  const barWidth = Math.min(40, slot * 0.8);
  // Rotated 45 degrees, neighbouring labels are slot x sin 45 apart: the font must fit in that.
  const labelSize = Math.min(LABEL_SIZE, Math.floor(((slot * Math.SQRT1_2) / 1.1) * 10) / 10);
  const labelled = labelSize >= MIN_LABEL_SIZE;
  const zero = y(0);
  const labelY = height - margin.bottom + 14;
  const rects = bars.map((b, i) => {
    const cx = margin.left + slot * (i + 0.5);
    const top = Math.min(zero, y(b.bestPct));
    const colour = responseGroup(b.bestResponse).colour;
    return el("g", { class: b.complete ? "bar" : "bar incomplete", "data-patient": b.label }, [
      el("title", {}, [`${b.label}${b.complete ? "" : " (incomplete: errors in the case file)"}: best change ${signed(b.bestPct)} %, best response ${b.bestResponse ?? "none"}`]),
      el("rect", {
        x: cx - barWidth / 2, y: top, width: barWidth, height: Math.max(Math.abs(y(b.bestPct) - zero), 1), fill: colour, stroke: "#333333", "stroke-width": b.complete ? 0.5 : 1.2,
        ...(b.complete ? {} : { "stroke-dasharray": "4 2", "fill-opacity": 0.45 }),
      }),
      labelled
        ? el("text", { x: cx, y: labelY, "text-anchor": "end", "font-size": labelSize, transform: `rotate(-45 ${cx.toFixed(2)} ${labelY.toFixed(2)})` }, [b.complete ? b.label : `${b.label} †`])
        : null,
    ]);
  });
  const legendItems: LegendItem[] = usedGroups(bars.map((b) => b.bestResponse)).map((g) => ({ label: g.label, colour: g.colour }));
  if (bars.some((b) => !b.complete)) legendItems.push({ label: "† incomplete (errors)", colour: "#FFFFFF", incomplete: true });
  const notes: string[] = [];
  if (!labelled && bars.length > 0) notes.push(`Bars are not labelled: ${bars.length} ids do not fit side by side; each bar's tooltip names its patient.`);
  if (episodes.length > bars.length) notes.push(`${episodes.length - bars.length} without a follow-up sum ${episodes.length - bars.length === 1 ? "is" : "are"} not shown.`);
  const desc = `Waterfall plot of the best change in the sum of target lesion diameters from baseline (%), one bar per patient (${bars.length} shown), ` +
    `sorted from the largest increase to the largest decrease and coloured by best overall response (iBOR under iRECIST). Dashed lines mark +20 % (progression threshold) and -30 % (partial response threshold).` +
    (notes.length > 0 ? ` ${notes.join(" ")}` : "");
  return svgRoot(FRAME, "Best change in tumour burden", desc, [
    yAxis(y, margin.left, "Best change from baseline (%)"),
    el("line", { x1: margin.left, y1: zero, x2: width - margin.right, y2: zero, stroke: "#000000" }),
    el("g", { class: "bars" }, rects),
    referenceLine(y(PD_LINE), margin.left, width - margin.right, "+20 %", OKABE_ITO.vermillion),
    referenceLine(y(PR_LINE), margin.left, width - margin.right, "-30 %", OKABE_ITO.blue),
    legend(legendItems, width - margin.right + 50, margin.top + 10),
    ...notes.map((text, i) => note(text, margin.left, height - 24 + i * 14 - (notes.length - 1) * 14)),
  ]);
}
