// `nadir plot`: the figures oncology papers use, as deterministic, accessible SVG. Episodes that
// errors touch are left out unless `includeIncomplete` (then drawn marked); the caller learns
// which were left out and why, and how many were drawn (an empty figure is no answer).
import type { CohortFile } from "../export/cohort";
import { LeftOutEpisode, plotData, PlotEpisode } from "./data";
import { spiderPlot } from "./spider";
import { waterfallPlot } from "./waterfall";
import { swimmerPlot } from "./swimmer";
import { renderSvg } from "./svg";
import { timelineFigure } from "../chart/figure";

export const PLOT_KINDS = ["spider", "waterfall", "swimmer", "timeline"] as const;
export type PlotKind = (typeof PLOT_KINDS)[number];

export interface PlotOptions {
  includeIncomplete?: boolean;
}

export interface PlotResult {
  svg: string;
  /** Episodes drawn (0: nothing to show). */
  drawn: number;
  leftOut: LeftOutEpisode[];
  /** Why nothing or less was drawn, in words, for the command line. */
  why: string | null;
}

/** The episodes each kind can draw: the spider and waterfall need a follow-up sum. */
export function drawable(kind: PlotKind, episodes: PlotEpisode[]): PlotEpisode[] {
  switch (kind) {
    case "spider":
      return episodes.filter((e) => e.points.length > 1);
    case "waterfall":
      return episodes.filter((e) => e.bestPct !== null);
    case "swimmer":
    case "timeline":
      return episodes;
  }
}

export function plot(kind: PlotKind, files: CohortFile[], options: PlotOptions = {}): PlotResult {
  const { episodes, leftOut } = plotData(files, options);
  const drawn = drawable(kind, episodes).length;
  const why = drawn > 0 ? null
    : episodes.length > 0 ? `no episode has a follow-up with a target sum to compare with its baseline`
      : leftOut.length > 0 ? `every episode was left out as incomplete`
        : `the input holds no patient with a baseline`;
  return { svg: plotSvgOf(kind, episodes), drawn, leftOut, why };
}

/** The SVG of `kind` for the complete episodes of `files` (incomplete ones too with `includeIncomplete`). */
export function plotSvg(kind: PlotKind, files: CohortFile[], options: PlotOptions = {}): string {
  return plot(kind, files, options).svg;
}

function plotSvgOf(kind: PlotKind, episodes: PlotEpisode[]): string {
  switch (kind) {
    case "spider":
      return renderSvg(spiderPlot(episodes));
    case "waterfall":
      return renderSvg(waterfallPlot(episodes));
    case "swimmer":
      return renderSvg(swimmerPlot(episodes));
    case "timeline":
      return timelineFigure(episodes);
  }
}
