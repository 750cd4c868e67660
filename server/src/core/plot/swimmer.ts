// Swimmer plot: time on therapy per patient episode (start of treatment to the last
// assessment), coloured by best response under the patient's criteria (R8 / iBOR R9), with
// markers for responses (CR / PR, iCR / iPR), iUPD, iCPD (R10) and PD, each its own shape and
// colour, and an arrow where the episode has not progressed.
import { el, SvgElement } from "./svg";
import { linearScale } from "./scale";
import { Frame, legend, LegendItem, marker, svgRoot, xAxis } from "./frame";
import { MarkerShape, OKABE_ITO, responseGroup, usedGroups } from "./palette";
import type { PlotEpisode, PlotEventKind } from "./data";

const ROW = 26;
const MARGIN = { top: 50, right: 200, bottom: 70, left: 150 };

export const EVENT_STYLE: Record<PlotEventKind, { shape: MarkerShape; colour: string; label: string }> = {
  response: { shape: "circle", colour: OKABE_ITO.blue, label: "CR / PR (iCR / iPR)" },
  iUPD: { shape: "triangle", colour: OKABE_ITO.reddishPurple, label: "iUPD (unconfirmed)" },
  iCPD: { shape: "diamond", colour: OKABE_ITO.black, label: "iCPD (confirmed)" },
  PD: { shape: "cross", colour: OKABE_ITO.vermillion, label: "PD" },
};

export function swimmerPlot(episodes: PlotEpisode[]): SvgElement {
  const rows = [...episodes].sort((a, b) => b.endWeeks - a.endWeeks || a.label.localeCompare(b.label));
  const usedKinds = (Object.keys(EVENT_STYLE) as PlotEventKind[]).filter((k) => rows.some((r) => r.events.some((e) => e.kind === k)));
  const barItems: LegendItem[] = usedGroups(rows.map((r) => r.bestResponse)).map((g) => ({ label: `best: ${g.label}`, colour: g.colour }));
  const items: LegendItem[] = [...barItems, ...usedKinds.map((k) => ({ label: EVENT_STYLE[k].label, colour: EVENT_STYLE[k].colour, shape: EVENT_STYLE[k].shape }))];
  if (rows.some((r) => r.ongoing)) items.push({ label: "no progression", colour: "#333333", shape: "arrow" });
  if (rows.some((r) => !r.complete)) items.push({ label: "† incomplete (errors)", colour: "#FFFFFF", incomplete: true });
  const frame: Frame = { width: 900, height: MARGIN.top + MARGIN.bottom + Math.max(rows.length * ROW, items.length * 18, ROW), margin: MARGIN };
  const x = linearScale(0, Math.max(8, ...rows.map((r) => r.endWeeks)), MARGIN.left, frame.width - MARGIN.right);
  const bars = rows.map((r, i) => {
    const cy = MARGIN.top + i * ROW + ROW / 2;
    const colour = responseGroup(r.bestResponse).colour;
    return el("g", { class: r.complete ? "lane" : "lane incomplete", "data-patient": r.label }, [
      el("title", {}, [`${r.label}${r.complete ? "" : " (incomplete: errors in the case file)"}: ${r.endWeeks.toFixed(1)} weeks on therapy, best response ${r.bestResponse ?? "none"}` +
        (r.events.length > 0 ? `; ${r.events.map((e) => `${e.category} on ${e.date}`).join(", ")}` : "") + (r.ongoing ? "; no progression" : "")]),
      el("text", { x: MARGIN.left - 8, y: cy + 4, "text-anchor": "end" }, [r.complete ? r.label : `${r.label} †`]),
      el("rect", {
        x: x(0), y: cy - 8, width: Math.max(x(r.endWeeks) - x(0), 1), height: 16, fill: colour, stroke: "#333333", "stroke-width": r.complete ? 0.5 : 1.2,
        ...(r.complete ? {} : { "stroke-dasharray": "4 2", "fill-opacity": 0.45 }),
      }),
      ...r.events.map((e) => {
        const style = EVENT_STYLE[e.kind];
        return el("g", { class: `event event-${e.kind}` }, [marker(style.shape, x(e.weeks), cy, style.colour, 6)]);
      }),
      r.ongoing ? el("g", { class: "ongoing" }, [marker("arrow", x(r.endWeeks) + 10, cy, "#333333")]) : null,
    ]);
  });
  const desc = `Swimmer plot of the time on therapy in weeks, one bar per patient (${rows.length}), longest first, coloured by best overall response (iBOR under iRECIST). ` +
    "Circles mark responses, triangles iUPD, diamonds iCPD, crosses PD; an arrow marks a patient without progression.";
  return svgRoot(frame, "Time on therapy and response", desc, [
    xAxis(x, frame.height - MARGIN.bottom, "Weeks since start of treatment"),
    el("g", { class: "lanes" }, bars),
    legend(items, frame.width - MARGIN.right + 30, MARGIN.top + 10),
  ]);
}

