// `nadir plot`: the figures oncology papers use, as deterministic, accessible SVG.
import type { CohortFile } from "../export/cohort";
import { plotEpisodes } from "./data";
import { spiderPlot } from "./spider";
import { waterfallPlot } from "./waterfall";
import { swimmerPlot } from "./swimmer";
import { renderSvg } from "./svg";

export const PLOT_KINDS = ["spider", "waterfall", "swimmer"] as const;
export type PlotKind = (typeof PLOT_KINDS)[number];

export function plotSvg(kind: PlotKind, files: CohortFile[]): string {
  const episodes = plotEpisodes(files);
  switch (kind) {
    case "spider":
      return renderSvg(spiderPlot(episodes));
    case "waterfall":
      return renderSvg(waterfallPlot(episodes));
    case "swimmer":
      return renderSvg(swimmerPlot(episodes));
  }
}
