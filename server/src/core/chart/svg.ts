// Draws one episode of a ChartModel as an SVG string. Styling is by class
// only: the webview's stylesheet maps classes to theme colours (so the markup
// needs no inline styles and passes the strict CSP); a standalone figure or
// printed report uses CHART_CSS (style.ts), embedded or in the page.
import { ChartEpisode, ChartModel, ChartPoint, ChartScale } from "./model";
import { CHART_CSS } from "./style";
import { dayNumber, escapeXml as esc, fmt, linearScale, niceTicks, Scale } from "./scale";

const width = 640;
const height = 360;
const margin = { top: 34, right: 60, bottom: 66, left: 56 };

interface Frame {
  x: Scale;
  y: Scale;
  ctdnaY: Scale | null;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

export const CHART_WIDTH = width;
export const CHART_HEIGHT = height;

export interface ChartSvgOptions {
  /** Embed the light, print-friendly stylesheet (a standalone .svg file). */
  embedStyle?: boolean;
  /** Position inside an enclosing SVG (stacked charts). */
  x?: number;
  y?: number;
}

/** The words of a chart without a criterion's view: RECIST 1.1's sum of diameters. */
const RECIST_SCALE: Omit<ChartScale, "criterion"> & { line: string } = { unit: "mm", axis: "Sum of diameters (mm)", pr: "PR \u221230 %", pd: "PD +20 % / +5 mm", line: "Target lesion sum" };

/** The words a chart uses for its episode: a criterion's view (P3), else RECIST 1.1's. */
function wordsOf(episode: ChartEpisode) {
  const s = episode.scale;
  return s ? { ...s, line: `${s.criterion} burden` } : RECIST_SCALE;
}

export function renderEpisodeSvg(model: ChartModel, episode: ChartEpisode, index: number, options: ChartSvgOptions = {}): string {
  const words = wordsOf(episode);
  const ctdna = model.ctdna?.samples ?? [];
  const days = [...episode.points.map((p) => dayNumber(p.date)), ...ctdna.map((s) => dayNumber(s.date))];
  const first = Math.min(...days);
  const last = Math.max(...days);
  const pad = Math.max(7, (last - first) * 0.04);
  const maxSum = Math.max(
    1,
    ...episode.points.flatMap((p) => [p.sum ?? 0, p.pdThreshold ?? 0]),
    episode.baselineSum ?? 0,
  );
  const sumTicks = niceTicks(maxSum * 1.1);
  const ctdnaMax = Math.max(0, ...ctdna.map((s) => s.value ?? 0));
  const frame: Frame = {
    left: margin.left,
    right: width - margin.right,
    top: margin.top,
    bottom: height - margin.bottom,
    x: linearScale([first - pad, last + pad], [margin.left, width - margin.right]),
    y: linearScale([0, sumTicks[sumTicks.length - 1]], [height - margin.bottom, margin.top]),
    ctdnaY: ctdna.length > 0 ? linearScale([0, niceTicks(ctdnaMax * 1.1 || 1).slice(-1)[0]], [height - margin.bottom, margin.top]) : null,
  };
  const place = options.x !== undefined || options.y !== undefined ? ` x="${options.x ?? 0}" y="${options.y ?? 0}" width="${width}" height="${height}"` : "";
  const parts = [
    `<svg class="timeline-chart" id="timeline-chart-${index}" viewBox="0 0 ${width} ${height}"${place} role="img" ` +
      `aria-label="${esc(`${words.line} over time for ${model.patientId}${episode.title ? `, ${episode.title}` : ""}`)}" xmlns="http://www.w3.org/2000/svg">`,
    options.embedStyle ? `<style>${CHART_CSS}</style><rect class="background" width="${width}" height="${height}"/>` : "",
    axes(frame, sumTicks, episode, model, ctdnaMax),
    referenceLines(frame, episode, words),
    irecistMarks(frame, episode.points),
    ctdnaSeries(frame, model),
    sumSeries(frame, episode.points, words.unit),
    newLesionMarks(frame, episode.points),
    "</svg>",
  ];
  return parts.join("\n");
}

function axes(f: Frame, ticks: number[], episode: ChartEpisode, model: ChartModel, ctdnaMax: number): string {
  const out: string[] = [];
  for (const t of ticks) {
    out.push(`<line class="grid" x1="${f.left}" x2="${f.right}" y1="${f.y(t)}" y2="${f.y(t)}"/>`);
    out.push(`<text class="tick" x="${f.left - 6}" y="${f.y(t) + 4}" text-anchor="end">${fmt(t)}</text>`);
  }
  out.push(`<text class="axis-title" transform="translate(14 ${(f.top + f.bottom) / 2}) rotate(-90)" text-anchor="middle">${esc(wordsOf(episode).axis)}</text>`);
  for (const p of episode.points) {
    const x = f.x(dayNumber(p.date));
    out.push(`<line class="tick-mark" x1="${x}" x2="${x}" y1="${f.bottom}" y2="${f.bottom + 4}"/>`);
    out.push(`<text class="tick date" x="${x}" y="${f.bottom + 16}" text-anchor="end" transform="rotate(-30 ${x} ${f.bottom + 16})">${esc(p.date)}</text>`);
  }
  out.push(`<line class="axis" x1="${f.left}" x2="${f.right}" y1="${f.bottom}" y2="${f.bottom}"/>`);
  out.push(`<line class="axis" x1="${f.left}" x2="${f.left}" y1="${f.top}" y2="${f.bottom}"/>`);
  if (f.ctdnaY && model.ctdna) {
    for (const t of niceTicks(ctdnaMax * 1.1 || 1, 4)) {
      out.push(`<text class="tick ctdna-tick" x="${f.right + 6}" y="${f.ctdnaY(t) + 4}">${fmt(t)}</text>`);
    }
    out.push(`<line class="axis ctdna-axis" x1="${f.right}" x2="${f.right}" y1="${f.top}" y2="${f.bottom}"/>`);
    out.push(`<text class="axis-title ctdna-title" transform="translate(${width - 22} ${(f.top + f.bottom) / 2}) rotate(90)" text-anchor="middle">ctDNA (${esc(model.ctdna.unit)})</text>`);
  }
  return out.join("\n");
}

function referenceLines(f: Frame, episode: ChartEpisode, words: ReturnType<typeof wordsOf>): string {
  const out: string[] = [];
  const unit = words.unit;
  // Baseline and PR labels sit at the left, PD and nadir labels at the right,
  // above or below their lines, so that close lines do not overprint.
  const horizontal = (cls: string, value: number, label: string, below: boolean) => {
    const y = f.y(value);
    out.push(`<line class="ref ${cls}" x1="${f.left}" x2="${f.right}" y1="${y}" y2="${y}"><title>${esc(label)}</title></line>`);
    out.push(`<text class="ref-label ${cls}" x="${f.left + 4}" y="${below ? y + 12 : y - 4}">${esc(label)}</text>`);
  };
  if (episode.baselineSum !== null) horizontal("ref-baseline", episode.baselineSum, `baseline ${fmt(episode.baselineSum)} ${unit}`, false);
  if (episode.prThreshold !== null) horizontal("ref-pr", episode.prThreshold, `${words.pr} (${fmt(episode.prThreshold)} ${unit})`, true);
  out.push(stepPath(f, episode.points, (p) => p.nadir, "ref ref-nadir", episode.scale ? "nadir (smallest earlier burden)" : "nadir (smallest earlier sum)"));
  out.push(stepPath(f, episode.points, (p) => p.pdThreshold, "ref ref-pd", episode.scale ? `PD threshold: ${words.pd} over the nadir` : "PD threshold: +20 % and +5 mm over the nadir"));
  // The current PD threshold and nadir are labelled at the start of their last step.
  const last = episode.points[episode.points.length - 1];
  const stepStart = episode.points[episode.points.length - 2];
  if (last && stepStart && !last.isBaseline) {
    const x = f.x(dayNumber(stepStart.date)) + 4;
    if (last.pdThreshold !== null) {
      out.push(`<text class="ref-label ref-pd" x="${x}" y="${f.y(last.pdThreshold) - 4}">${esc(words.pd)} (${fmt(last.pdThreshold)} ${unit})</text>`);
    }
    if (last.nadir !== null) {
      out.push(`<text class="ref-label ref-nadir" x="${x}" y="${f.y(last.nadir) + 12}">nadir ${fmt(last.nadir)} ${unit}</text>`);
    }
  }
  return out.join("\n");
}

/**
 * A step line over the follow-up scans: the reference a scan is judged
 * against holds from the previous assessment (the baseline for the first) to it.
 */
function stepPath(f: Frame, points: ChartPoint[], value: (p: ChartPoint) => number | null, cls: string, title: string): string {
  let d = "";
  let previousX: number | undefined;
  for (const p of points) {
    const x = f.x(dayNumber(p.date));
    const v = p.isBaseline ? null : value(p);
    if (v !== null && previousX !== undefined) d += `${d ? "L" : "M"}${previousX} ${f.y(v)}L${x} ${f.y(v)}`;
    previousX = x;
  }
  return d ? `<path class="${cls}" d="${d}" fill="none"><title>${esc(title)}</title></path>` : "";
}

function sumSeries(f: Frame, points: ChartPoint[], unit: string): string {
  const out: string[] = [];
  let run: string[] = [];
  const flush = () => {
    if (run.length > 1) out.push(`<polyline class="sum-line" fill="none" points="${run.join(" ")}"/>`);
    run = [];
  };
  for (const p of points) {
    if (p.sum === null) { flush(); continue; }
    run.push(`${f.x(dayNumber(p.date))},${f.y(p.sum)}`);
  }
  flush();
  for (const p of points) {
    const x = f.x(dayNumber(p.date));
    const y = p.sum === null ? f.bottom : f.y(p.sum);
    const cls = `response-label response-${p.label.replace(/[^A-Za-z]/g, "").toLowerCase()}`;
    if (p.sum !== null) {
      const title = `${p.date}: ${p.label}, ${unit === "mm" ? "sum" : "burden"} ${fmt(p.sum)} ${unit}`;
      out.push(`<circle class="sum-point${p.isCursor ? " cursor" : ""}" cx="${x}" cy="${y}" r="${p.isCursor ? 6 : 4}"><title>${esc(title)}</title></circle>`);
    }
    // The baseline is named by its reference line; scans get their response.
    if (!p.isBaseline) out.push(`<text class="${cls}" x="${x}" y="${y - 10}" text-anchor="middle">${esc(p.label)}</text>`);
  }
  return out.join("\n");
}

function newLesionMarks(f: Frame, points: ChartPoint[]): string {
  return points
    .filter((p) => p.newLesions === "yes" || p.newLesions === "equivocal")
    .map((p) => {
      const x = f.x(dayNumber(p.date));
      const y = f.bottom - 8;
      const cls = p.newLesions === "yes" ? "new-lesion" : "new-lesion equivocal";
      const title = p.newLesions === "yes" ? "new lesion(s)" : "equivocal new lesion(s)";
      return `<path class="${cls}" d="M${x} ${y - 7}L${x + 6} ${y + 4}L${x - 6} ${y + 4}Z"><title>${esc(`${p.date}: ${title}`)}</title></path>`;
    })
    .join("\n");
}

function irecistMarks(f: Frame, points: ChartPoint[]): string {
  return points
    .filter((p) => p.irecistMark)
    .map((p) => {
      const x = f.x(dayNumber(p.date));
      const cls = `irecist-mark mark-${(p.irecistMark as string).replace(/[^A-Za-z]/g, "").toLowerCase()}`;
      return `<line class="${cls}" x1="${x}" x2="${x}" y1="${f.top - 6}" y2="${f.bottom}"/>` +
        `<text class="${cls}" x="${x}" y="${f.top - 10}" text-anchor="middle">${esc(p.irecistMark as string)}</text>`;
    })
    .join("\n");
}

function ctdnaSeries(f: Frame, model: ChartModel): string {
  if (!f.ctdnaY || !model.ctdna) return "";
  const y = f.ctdnaY;
  const samples = model.ctdna.samples;
  const line = samples.map((s) => `${f.x(dayNumber(s.date))},${y(s.value ?? 0)}`).join(" ");
  const out = samples.length > 1 ? [`<polyline class="ctdna-line" fill="none" points="${line}"/>`] : [];
  for (const s of samples) {
    const cx = f.x(dayNumber(s.date));
    const cy = y(s.value ?? 0);
    const title = `${s.date}: ctDNA ${s.value === null ? "undetected" : `${fmt(s.value)} ${model.ctdna.unit}`}`;
    out.push(`<rect class="ctdna-point${s.value === null ? " undetected" : ""}" x="${cx - 4}" y="${cy - 4}" width="8" height="8"><title>${esc(title)}</title></rect>`);
  }
  return out.join("\n");
}
