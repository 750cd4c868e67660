// A tiny SVG element tree and its serialisation (fast-xml-parser's XMLBuilder escapes text and
// attributes). Numbers are written with at most two decimals so the output is deterministic.
import { XMLBuilder } from "fast-xml-parser";

export type Attrs = Record<string, string | number | undefined>;

export interface SvgElement {
  name: string;
  attrs: Attrs;
  children: Array<SvgElement | string>;
}

export function el(name: string, attrs: Attrs = {}, children: Array<SvgElement | string | null | false> = []): SvgElement {
  return { name, attrs, children: children.filter((c): c is SvgElement | string => c !== null && c !== false) };
}

export function num(value: number): string {
  const r = Math.round(value * 100) / 100;
  return Object.is(r, -0) ? "0" : String(r);
}

type Ordered = Record<string, unknown>;

function toOrdered(node: SvgElement | string): Ordered {
  if (typeof node === "string") return { "#text": node };
  const attributes: Record<string, string> = {};
  for (const [key, value] of Object.entries(node.attrs)) {
    if (value === undefined) continue;
    attributes[`@_${key}`] = typeof value === "number" ? num(value) : value;
  }
  return { [node.name]: node.children.map(toOrdered), ":@": attributes };
}

export function renderSvg(root: SvgElement): string {
  const builder = new XMLBuilder({ preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: "@_", format: true, indentBy: "  ", suppressEmptyNode: true });
  return `<?xml version="1.0" encoding="UTF-8"?>\n${builder.build([toOrdered(root)]).trim()}\n`;
}
