// The parts every figure shares: the accessible SVG root (<title>, <desc>, role="img"), axes
// with ticks, dashed reference lines and a legend.
import { el, num, SvgElement } from "./svg";
import type { LinearScale } from "./scale";
import type { MarkerShape } from "./palette";

export const FONT = "Helvetica, Arial, sans-serif";

export interface Frame {
  width: number;
  height: number;
  margin: { top: number; right: number; bottom: number; left: number };
}

export function svgRoot(frame: Frame, title: string, desc: string, body: Array<SvgElement | null>): SvgElement {
  return el("svg", {
    xmlns: "http://www.w3.org/2000/svg",
    width: frame.width,
    height: frame.height,
    viewBox: `0 0 ${frame.width} ${frame.height}`,
    role: "img",
    "aria-labelledby": "nadir-title nadir-desc",
    "font-family": FONT,
    "font-size": 12,
  }, [
    el("title", { id: "nadir-title" }, [title]),
    el("desc", { id: "nadir-desc" }, [desc]),
    el("rect", { width: frame.width, height: frame.height, fill: "#ffffff" }),
    el("text", { x: frame.width / 2, y: 22, "text-anchor": "middle", "font-size": 16, "font-weight": "bold" }, [title]),
    ...body,
  ]);
}

export function xAxis(scale: LinearScale, y: number, label: string, format: (v: number) => string = num): SvgElement {
  const [x0, x1] = [scale(scale.domain[0]), scale(scale.domain[1])];
  return el("g", { class: "axis x-axis" }, [
    el("line", { x1: x0, y1: y, x2: x1, y2: y, stroke: "#000000" }),
    ...scale.ticks.map((t) => el("g", { class: "tick" }, [
      el("line", { x1: scale(t), y1: y, x2: scale(t), y2: y + 5, stroke: "#000000" }),
      el("text", { x: scale(t), y: y + 18, "text-anchor": "middle" }, [format(t)]),
    ])),
    el("text", { x: (x0 + x1) / 2, y: y + 38, "text-anchor": "middle" }, [label]),
  ]);
}

export function yAxis(scale: LinearScale, x: number, label: string, format: (v: number) => string = num): SvgElement {
  const [y0, y1] = [scale(scale.domain[0]), scale(scale.domain[1])];
  return el("g", { class: "axis y-axis" }, [
    el("line", { x1: x, y1: y0, x2: x, y2: y1, stroke: "#000000" }),
    ...scale.ticks.map((t) => el("g", { class: "tick" }, [
      el("line", { x1: x - 5, y1: scale(t), x2: x, y2: scale(t), stroke: "#000000" }),
      el("text", { x: x - 8, y: scale(t) + 4, "text-anchor": "end" }, [format(t)]),
    ])),
    el("text", { x: x - 48, y: (y0 + y1) / 2, "text-anchor": "middle", transform: `rotate(-90 ${num(x - 48)} ${num((y0 + y1) / 2)})` }, [label]),
  ]);
}

/** A dashed horizontal line at a threshold (+20 % PD, -30 % PR), labelled at its right end. */
export function referenceLine(y: number, x0: number, x1: number, label: string, colour: string): SvgElement {
  return el("g", { class: "reference-line" }, [
    el("line", { x1: x0, y1: y, x2: x1, y2: y, stroke: colour, "stroke-dasharray": "6 4" }),
    el("text", { x: x1 + 4, y: y + 4, fill: colour }, [label]),
  ]);
}

export interface LegendItem {
  label: string;
  colour: string;
  shape?: MarkerShape | "rect";
  /** Drawn dashed and faded: an incomplete result. */
  incomplete?: boolean;
}

export function legend(items: LegendItem[], x: number, y: number): SvgElement {
  return el("g", { class: "legend" }, items.map((item, i) => el("g", { class: "legend-item" }, [
    item.incomplete
      ? el("rect", { x: x, y: y + i * 18 - 6, width: 12, height: 12, fill: "#FFFFFF", stroke: "#333333", "stroke-dasharray": "3 2" })
      : marker(item.shape ?? "rect", x + 6, y + i * 18, item.colour),
    el("text", { x: x + 18, y: y + i * 18 + 4 }, [item.label]),
  ])));
}

/** Height the legend takes. */
export function legendHeight(items: LegendItem[]): number {
  return items.length * 18;
}

const OUTLINE = { stroke: "#000000", "stroke-width": 0.8 };

/** A marker of `shape` centred on (cx, cy); `size` is its half-width. Shapes carry a thin dark outline so light colours show on white. */
export function marker(shape: MarkerShape | "rect", cx: number, cy: number, colour: string, size = 6): SvgElement {
  const s = size;
  const path = (d: string, extra: Record<string, string | number> = {}) => el("path", { d, fill: colour, ...OUTLINE, ...extra });
  switch (shape) {
    case "rect":
      return el("rect", { x: cx - s, y: cy - s, width: 2 * s, height: 2 * s, fill: colour, stroke: "#333333", "stroke-width": 0.5 });
    case "square": {
      const h = s * 0.85;
      return el("rect", { x: cx - h, y: cy - h, width: 2 * h, height: 2 * h, fill: colour, ...OUTLINE });
    }
    case "circle":
      return el("circle", { cx, cy, r: s * 0.9, fill: colour, ...OUTLINE });
    case "ring":
      return el("circle", { cx, cy, r: s * 0.8, fill: "#FFFFFF", stroke: colour === "#DDDDDD" ? "#777777" : colour, "stroke-width": 1.5 });
    case "diamond":
      return path(`M${num(cx)} ${num(cy - s * 1.1)}L${num(cx + s)} ${num(cy)}L${num(cx)} ${num(cy + s * 1.1)}L${num(cx - s)} ${num(cy)}Z`);
    case "triangle":
      return path(`M${num(cx)} ${num(cy - s)}L${num(cx + s)} ${num(cy + s * 0.8)}L${num(cx - s)} ${num(cy + s * 0.8)}Z`);
    case "triangle-down":
      return path(`M${num(cx)} ${num(cy + s)}L${num(cx + s)} ${num(cy - s * 0.8)}L${num(cx - s)} ${num(cy - s * 0.8)}Z`);
    case "cross": {
      const d = `M${num(cx - s * 0.8)} ${num(cy - s * 0.8)}L${num(cx + s * 0.8)} ${num(cy + s * 0.8)}M${num(cx + s * 0.8)} ${num(cy - s * 0.8)}L${num(cx - s * 0.8)} ${num(cy + s * 0.8)}`;
      // A dark outline under the stroke keeps the cross visible on any bar colour, its own included.
      return el("g", { class: "marker-cross" }, [
        el("path", { d, stroke: "#000000", "stroke-width": 4.5, fill: "none" }),
        el("path", { d, stroke: colour, "stroke-width": 2.5, fill: "none" }),
      ]);
    }
    case "plus": {
      const d = `M${num(cx - s)} ${num(cy)}L${num(cx + s)} ${num(cy)}M${num(cx)} ${num(cy - s)}L${num(cx)} ${num(cy + s)}`;
      return el("g", { class: "marker-plus" }, [
        el("path", { d, stroke: "#000000", "stroke-width": 4.5, fill: "none" }),
        el("path", { d, stroke: colour, "stroke-width": 2.5, fill: "none" }),
      ]);
    }
    case "arrow":
      return el("path", { d: `M${num(cx - s)} ${num(cy - s * 0.8)}L${num(cx + s * 0.7)} ${num(cy)}L${num(cx - s)} ${num(cy + s * 0.8)}Z`, fill: colour });
  }
}

/** A line of small print under the plot area (what was left out, why labels are missing). */
export function note(text: string, x: number, y: number): SvgElement {
  return el("text", { class: "note", x, y, "font-size": 11, fill: "#444444" }, [text]);
}
