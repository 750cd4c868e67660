// Swimmer plot: time on therapy per patient episode (start of treatment to the last
// assessment), with markers for responses (CR / PR, iCR / iPR), iUPD, iCPD (R10) and PD, and an
// arrow where the episode has not progressed.
import { el, SvgElement } from "./svg";
import { linearScale } from "./scale";
import { Frame, legend, LegendItem, marker, svgRoot, xAxis } from "./frame";
import { RESPONSE_COLOURS, RESPONSE_ORDER, responseColour } from "./palette";
import type { PlotEpisode, PlotEventKind } from "./data";

const ROW = 26;
const MARGIN = { top: 50, right: 180, bottom: 60, left: 120 };

const EVENT_STYLE: Record<PlotEventKind, { shape: "circle" | "triangle" | "cross"; colour: string; label: string }> = {
  response: { shape: "circle", colour: "#006837", label: "CR / PR" },
  iUPD: { shape: "triangle", colour: "#f46d43", label: "iUPD (unconfirmed)" },
  iCPD: { shape: "cross", colour: "#a50026", label: "iCPD (confirmed)" },
  PD: { shape: "cross", colour: "#d7191c", label: "PD" },
};

export function swimmerPlot(episodes: PlotEpisode[]): SvgElement {
  const rows = [...episodes].sort((a, b) => b.endWeeks - a.endWeeks || a.label.localeCompare(b.label));
  const usedKinds = (Object.keys(EVENT_STYLE) as PlotEventKind[]).filter((k) => rows.some((r) => r.events.some((e) => e.kind === k)));
  const barItems: LegendItem[] = RESPONSE_ORDER.filter((c) => rows.some((r) => responseColour(r.bestResponse) === RESPONSE_COLOURS[c]))
    .map((c) => ({ label: `best: ${c}`, colour: RESPONSE_COLOURS[c] }));
  const items: LegendItem[] = [...barItems, ...usedKinds.map((k) => ({ label: EVENT_STYLE[k].label, colour: EVENT_STYLE[k].colour, shape: EVENT_STYLE[k].shape }))];
  if (rows.some((r) => r.ongoing)) items.push({ label: "no progression", colour: "#333333", shape: "arrow" });
  const frame: Frame = { width: 900, height: MARGIN.top + MARGIN.bottom + Math.max(rows.length * ROW, items.length * 18, ROW), margin: MARGIN };
  const x = linearScale(0, Math.max(8, ...rows.map((r) => r.endWeeks)), MARGIN.left, frame.width - MARGIN.right);
  const bars = rows.map((r, i) => {
    const cy = MARGIN.top + i * ROW + ROW / 2;
    const colour = responseColour(r.bestResponse);
    return el("g", { class: "lane", "data-patient": r.label }, [
      el("title", {}, [`${r.label}: ${r.endWeeks.toFixed(1)} weeks on therapy, best response ${r.bestResponse ?? "none"}` +
        (r.events.length > 0 ? `; ${r.events.map((e) => `${e.category} on ${e.date}`).join(", ")}` : "") + (r.ongoing ? "; no progression" : "")]),
      el("text", { x: MARGIN.left - 8, y: cy + 4, "text-anchor": "end" }, [r.label]),
      el("rect", { x: x(0), y: cy - 8, width: Math.max(x(r.endWeeks) - x(0), 1), height: 16, fill: colour, stroke: "#333333", "stroke-width": 0.5 }),
      ...r.events.map((e) => {
        const style = EVENT_STYLE[e.kind];
        return el("g", { class: `event event-${e.kind}` }, [marker(style.shape, x(e.weeks), cy, style.colour)]);
      }),
      r.ongoing ? el("g", { class: "ongoing" }, [marker("arrow", x(r.endWeeks) + 10, cy, "#333333")]) : null,
    ]);
  });
  const desc = `Swimmer plot of the time on therapy in weeks, one bar per patient (${rows.length}), longest first, coloured by best overall response. ` +
    "Circles mark responses, triangles iUPD, crosses iCPD or PD; an arrow marks a patient without progression.";
  return svgRoot(frame, "Time on therapy and response", desc, [
    xAxis(x, frame.height - MARGIN.bottom, "Weeks since start of treatment"),
    el("g", { class: "lanes" }, bars),
    legend(items, frame.width - MARGIN.right + 30, MARGIN.top + 10),
  ]);
}
