// Label placement without overlap: each label tries a few positions around its anchor (right,
// above, below, left of a line's last point) and takes the first whose box stays inside the
// bounds and clear of every label and marker already placed. A figure labels all of its series
// or none: when one label finds no free place, the caller leaves the labels out and says so.

export interface LabelRequest {
  text: string;
  /** The point the label belongs to. */
  x: number;
  y: number;
  /** Half-size of the marker drawn at the point: labels keep this far away. */
  clearance?: number;
}

export interface PlacedLabel {
  text: string;
  x: number;
  /** Baseline of the text. */
  y: number;
  anchor: "start" | "middle" | "end";
}

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** Width of a text in a sans-serif face: a conservative 0.62 em per character (ids are capitals and digits). */
export function textWidth(text: string, fontSize: number): number {
  return text.length * fontSize * 0.62;
}

/** Offsets from the point: dx in units of the clearance plus 3 px, dy in em (plus the clearance above or below). */
const CANDIDATES: Array<{ dx: number; dy: number; side: -1 | 0 | 1; anchor: PlacedLabel["anchor"] }> = [
  { dx: 1, dy: 0.35, side: 0, anchor: "start" },
  { dx: 1, dy: -0.2, side: -1, anchor: "start" },
  { dx: 1, dy: 0.8, side: 1, anchor: "start" },
  { dx: 0, dy: -0.3, side: -1, anchor: "middle" },
  { dx: 0, dy: 0.9, side: 1, anchor: "middle" },
  { dx: -1, dy: 0.35, side: 0, anchor: "end" },
  { dx: -1, dy: -0.2, side: -1, anchor: "end" },
  { dx: -1, dy: 0.8, side: 1, anchor: "end" },
];

function boxOf(text: string, x: number, y: number, anchor: PlacedLabel["anchor"], fontSize: number): Box {
  const w = textWidth(text, fontSize);
  const left = anchor === "start" ? x : anchor === "end" ? x - w : x - w / 2;
  return { left, right: left + w, top: y - fontSize * 0.8, bottom: y + fontSize * 0.25 };
}

function overlaps(a: Box, b: Box, pad = 1): boolean {
  return a.left < b.right + pad && b.left < a.right + pad && a.top < b.bottom + pad && b.top < a.bottom + pad;
}

/**
 * Places every label, or returns null when some label has no free place. `obstacles` are boxes
 * labels must not cover (markers, the legend).
 */
export function placeLabels(requests: LabelRequest[], bounds: Box, fontSize: number, obstacles: Box[] = []): PlacedLabel[] | null {
  const taken: Box[] = [...obstacles];
  const placed: PlacedLabel[] = [];
  // Top to bottom, then left to right: deterministic, and neighbours are settled in order.
  const order = requests.map((r, i) => ({ r, i })).sort((a, b) => a.r.y - b.r.y || a.r.x - b.r.x || a.i - b.i);
  const result: Array<PlacedLabel | undefined> = new Array(requests.length);
  for (const { r, i } of order) {
    let chosen: PlacedLabel | undefined;
    const clearance = r.clearance ?? 0;
    for (const c of CANDIDATES) {
      const x = r.x + c.dx * (clearance + 3);
      const y = r.y + c.dy * fontSize + c.side * clearance;
      const box = boxOf(r.text, x, y, c.anchor, fontSize);
      if (box.left < bounds.left || box.right > bounds.right || box.top < bounds.top || box.bottom > bounds.bottom) continue;
      if (taken.some((t) => overlaps(t, box))) continue;
      chosen = { text: r.text, x, y, anchor: c.anchor };
      taken.push(box);
      break;
    }
    if (!chosen) return null;
    result[i] = chosen;
    placed.push(chosen);
  }
  return result as PlacedLabel[];
}

/** The box a placed label covers (for tests and obstacle lists). */
export function labelBox(label: PlacedLabel, fontSize: number): Box {
  return boxOf(label.text, label.x, label.y, label.anchor, fontSize);
}
