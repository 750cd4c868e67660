// Renders SVG to pixels the way a reader sees a figure (resvg, with the machine's fonts) and
// compares renders loosely with committed PNG goldens: text antialiasing may differ by a few
// pixels between font versions, a changed colour, shape or layout may not.
import * as fs from "fs";
import { Resvg } from "@resvg/resvg-js";
import { PNG } from "pngjs";

export interface Raster {
  width: number;
  height: number;
  /** RGBA, row by row. */
  pixels: Buffer;
  png: Buffer;
}

export function renderSvgToPng(svg: string): Raster {
  const image = new Resvg(svg, { font: { loadSystemFonts: true, defaultFontFamily: "Liberation Sans" }, background: "#ffffff" }).render();
  return { width: image.width, height: image.height, pixels: Buffer.from(image.pixels), png: Buffer.from(image.asPng()) };
}

export function readPng(file: string): Raster {
  const png = PNG.sync.read(fs.readFileSync(file));
  return { width: png.width, height: png.height, pixels: png.data, png: fs.readFileSync(file) };
}

/** Share of pixels (0..1) whose colour differs by more than `tolerance` in some channel. */
export function differingShare(a: Raster, b: Raster, tolerance = 48): number {
  if (a.width !== b.width || a.height !== b.height) return 1;
  let differing = 0;
  for (let i = 0; i < a.pixels.length; i += 4) {
    if (Math.abs(a.pixels[i] - b.pixels[i]) > tolerance || Math.abs(a.pixels[i + 1] - b.pixels[i + 1]) > tolerance || Math.abs(a.pixels[i + 2] - b.pixels[i + 2]) > tolerance) differing++;
  }
  return differing / (a.width * a.height);
}

/** How many pixels have exactly this colour (#RRGGBB). */
export function countColour(r: Raster, hex: string): number {
  const [red, green, blue] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  let n = 0;
  for (let i = 0; i < r.pixels.length; i += 4) if (r.pixels[i] === red && r.pixels[i + 1] === green && r.pixels[i + 2] === blue) n++;
  return n;
}
