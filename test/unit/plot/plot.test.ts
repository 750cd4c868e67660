import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { XMLParser } from "fast-xml-parser";
import { plotSvg, PLOT_KINDS, PlotKind } from "../../../server/src/core/plot";
import { plotEpisodes } from "../../../server/src/core/plot/data";
import { mixedCohort } from "../export/handAssessed";
import { REPO_ROOT } from "../../helpers/paths";

const SNAPSHOTS = path.join(REPO_ROOT, "test", "fixtures", "plots");

type Node = Record<string, unknown>;

function parseSvg(svg: string): Node {
  return new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "", isArray: (name) => ["g", "text", "line", "rect", "circle", "path", "title"].includes(name) }).parse(svg).svg;
}

/** Every element named `name` below `node`, depth first. */
function all(node: unknown, name: string): Node[] {
  const found: Node[] = [];
  const walk = (n: unknown) => {
    if (Array.isArray(n)) return n.forEach(walk);
    if (!n || typeof n !== "object") return;
    for (const [key, value] of Object.entries(n as Node)) {
      if (key === name) (Array.isArray(value) ? value : [value]).forEach((v) => found.push(v as Node));
      walk(value);
    }
  };
  walk(node);
  return found;
}

function groups(svg: Node, cls: string): Node[] {
  return all(svg, "g").filter((g) => g.class === cls);
}

describe("plot: cohort figures as SVG", () => {
  const cohort = mixedCohort();

  for (const kind of PLOT_KINDS) {
    it(`${kind}: is accessible (role img, <title>, <desc>) and deterministic`, () => {
      const svg = plotSvg(kind, cohort);
      assert.strictEqual(svg, plotSvg(kind, mixedCohort()));
      const root = parseSvg(svg);
      assert.strictEqual(root.role, "img");
      assert.ok(String((root.title as Node[])[0]["#text"]).length > 0);
      assert.match(String((root.desc as Node)["#text"]), new RegExp(kind === "spider" ? "Spider plot" : kind === "waterfall" ? "Waterfall plot" : "Swimmer plot"));
    });

    it(`${kind}: matches its snapshot (UPDATE_SNAPSHOTS=1 rewrites it)`, () => {
      const svg = plotSvg(kind as PlotKind, cohort);
      const file = path.join(SNAPSHOTS, `${kind}.svg`);
      if (process.env.UPDATE_SNAPSHOTS === "1") {
        fs.mkdirSync(SNAPSHOTS, { recursive: true });
        fs.writeFileSync(file, svg);
      }
      assert.strictEqual(svg, fs.readFileSync(file, "utf8"));
    });
  }

  it("data: % change per time point from baseline (0 at baseline) and the best change per episode (R3, R8)", () => {
    const episodes = plotEpisodes(cohort);
    assert.deepStrictEqual(episodes.map((e) => [e.label, e.points.map((p) => p.pct), e.bestPct, e.bestResponse]), [
      ["PT-0042", [0, -42.9, -35.1], -42.9, "iPR"],
      ["CRC 7 #1", [0, -37.5], -37.5, "PR"],
      ["CRC 7 #2", [0], null, null],
    ]);
    assert.deepStrictEqual(episodes[0].events.map((e) => `${e.kind} ${e.date}`), ["response 2025-03-01", "iUPD 2025-04-26"]);
    assert.deepStrictEqual(episodes.map((e) => e.ongoing), [false, false, true]);
  });

  it("spider: one line per episode with a follow-up, and the +20 % / -30 % lines (R3)", () => {
    const root = parseSvg(plotSvg("spider", cohort));
    assert.deepStrictEqual(groups(root, "series").map((g) => g["data-patient"]), ["PT-0042", "CRC 7 #1"]);
    assert.strictEqual(all(groups(root, "series")[0], "circle").length, 3);
    assert.deepStrictEqual(all(groups(root, "reference-line"), "text").map((t) => t["#text"]), ["+20 %", "-30 %"]);
  });

  it("waterfall: bars sorted from the largest increase to the deepest decrease, coloured by best response (R8)", () => {
    const root = parseSvg(plotSvg("waterfall", cohort));
    const bars = groups(root, "bar");
    assert.deepStrictEqual(bars.map((g) => g["data-patient"]), ["CRC 7 #1", "PT-0042"]);
    const heights = bars.map((g) => Number((g.rect as Node[])[0].height));
    assert.ok(heights[0] < heights[1], "-37.5 % is a shorter bar than -42.9 %");
    assert.ok(bars.every((g) => (g.rect as Node[])[0].fill === "#a6d96a"), "PR and iPR share the PR colour");
  });

  it("swimmer: one lane per episode, longest first, with response, iUPD and PD markers (R10)", () => {
    const root = parseSvg(plotSvg("swimmer", cohort));
    const lanes = groups(root, "lane");
    assert.deepStrictEqual(lanes.map((g) => g["data-patient"]), ["CRC 7 #1", "PT-0042", "CRC 7 #2"]);
    const events = (lane: Node) => (lane.g as Node[]).map((g) => g.class);
    assert.deepStrictEqual(events(lanes[0]), ["event event-response", "event event-PD"]);
    assert.deepStrictEqual(events(lanes[1]), ["event event-response", "event event-iUPD"]);
    assert.deepStrictEqual(events(lanes[2]), ["ongoing"]);
  });

  it("draws an empty cohort without failing", () => {
    for (const kind of PLOT_KINDS) assert.match(plotSvg(kind, []), /<desc id="nadir-desc">/);
  });
});
