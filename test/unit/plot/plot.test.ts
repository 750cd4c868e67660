import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { XMLParser } from "fast-xml-parser";
import { plot, plotSvg, PLOT_KINDS, PlotKind } from "../../../server/src/core/plot";
import { plotData, plotEpisodes } from "../../../server/src/core/plot/data";
import { OKABE_ITO, RESPONSE_GROUPS, responseGroup } from "../../../server/src/core/plot/palette";
import { labelBox, placeLabels } from "../../../server/src/core/plot/labels";
import { EVENT_STYLE } from "../../../server/src/core/plot/swimmer";
import { analyze } from "../../../server/src/core/analyze";
import type { CohortFile } from "../../../server/src/core/export/cohort";
import { mixedCohort } from "../export/handAssessed";
import { EXAMPLES_DIR, REPO_ROOT } from "../../helpers/paths";
import { countColour, differingShare, readPng, renderSvgToPng } from "../../helpers/renderPng";

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
      assert.match(String((root.desc as Node)["#text"]), new RegExp(`${kind.charAt(0).toUpperCase()}${kind.slice(1)} plot`));
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
    assert.strictEqual(all(groups(root, "series")[0], "rect").length, 3, "three square (PR) markers");
    assert.deepStrictEqual(all(groups(root, "reference-line"), "text").map((t) => t["#text"]), ["+20 %", "-30 %"]);
  });

  it("waterfall: bars sorted from the largest increase to the deepest decrease, coloured by best response (R8)", () => {
    const root = parseSvg(plotSvg("waterfall", cohort));
    const bars = groups(root, "bar");
    assert.deepStrictEqual(bars.map((g) => g["data-patient"]), ["CRC 7 #1", "PT-0042"]);
    const heights = bars.map((g) => Number((g.rect as Node[])[0].height));
    assert.ok(heights[0] < heights[1], "-37.5 % is a shorter bar than -42.9 %");
    assert.ok(bars.every((g) => (g.rect as Node[])[0].fill === OKABE_ITO.skyBlue), "PR and iPR share the PR colour");
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

  it("draws an empty cohort without failing, and says nothing was drawn and why", () => {
    for (const kind of PLOT_KINDS) {
      const result = plot(kind, []);
      assert.match(result.svg, /<desc id="nadir-desc">/);
      assert.strictEqual(result.drawn, 0);
      assert.match(result.why ?? "", /no patient with a baseline/);
    }
  });
});

/** The repository's examples, analysed by the real engine (cohort and mistakes included). */
function examples(): CohortFile[] {
  return fs.readdirSync(EXAMPLES_DIR).filter((f) => f.endsWith(".nadir")).sort()
    .map((f) => ({ path: `examples/${f}`, analysis: analyze(fs.readFileSync(path.join(EXAMPLES_DIR, f), "utf8")) }));
}

describe("plot: figures a paper can use (issue 10 item 11)", () => {
  const cohort = examples();

  it("palette: every response group has its own colour and its own marker shape (Okabe-Ito)", () => {
    const colours = RESPONSE_GROUPS.map((g) => g.colour);
    const shapes = RESPONSE_GROUPS.map((g) => g.shape);
    assert.strictEqual(new Set(colours).size, colours.length);
    assert.strictEqual(new Set(shapes).size, shapes.length);
    const okabeIto = new Set<string>(Object.values(OKABE_ITO));
    assert.ok(colours.every((c) => okabeIto.has(c)), `${colours} are Okabe-Ito colours`);
    const events = Object.values(EVENT_STYLE);
    assert.strictEqual(new Set(events.map((e) => e.shape)).size, events.length, "swimmer events differ in shape");
    assert.strictEqual(new Set(events.map((e) => e.colour)).size, events.length, "swimmer events differ in colour (iCPD is not PD's red)");
  });

  it("an unconfirmed iUPD as best response is drawn as iUPD, not as PD (R9 iBOR under iRECIST)", () => {
    assert.notStrictEqual(responseGroup("iUPD"), responseGroup("PD"));
    assert.strictEqual(responseGroup("iCPD"), responseGroup("PD"));
    const hnscc = plotEpisodes(cohort).find((e) => e.label === "HNSCC-0058");
    assert.strictEqual(hnscc?.bestResponse, "iUPD");
    const root = parseSvg(plotSvg("swimmer", cohort));
    const lane = groups(root, "lane").find((g) => g["data-patient"] === "HNSCC-0058")!;
    assert.strictEqual((lane.rect as Node[])[0].fill, OKABE_ITO.reddishPurple);
  });

  it("marks a PD or iCPD once per episode: progression is an event, later scans stay PD / iCPD (R10)", () => {
    const { episodes } = plotData(cohort);
    const sticky = episodes.filter((e) => e.source.episode.timepoints.filter((tp) => tp.response === "PD").length > 1);
    assert.ok(sticky.length > 0, "the examples hold episodes with PD at several scans");
    for (const e of episodes) {
      for (const kind of ["PD", "iCPD"] as const) assert.ok(e.events.filter((ev) => ev.kind === kind).length <= 1, `${e.label}: one ${kind} marker`);
    }
  });

  it("episodes that errors touch are left out, with their codes and lines, unless asked for (then marked)", () => {
    const { episodes, leftOut } = plotData(cohort);
    assert.ok(episodes.every((e) => e.complete));
    // mistakes.nadir holds ERR-0001 twice (duplicate-patient): the second block is left out too.
    assert.deepStrictEqual(leftOut.map((e) => e.label), ["ERR-0001", "ERR-0002", "ERR-0004", "ERR-0001", "ERR-0005"]);
    assert.deepStrictEqual(leftOut[0].reasons[0], { code: "invalid-date", line: 8 });
    for (const kind of PLOT_KINDS) {
      const drawn = plotSvg(kind, cohort);
      for (const id of ["ERR-0001", "ERR-0002", "ERR-0004", "ERR-0005"]) assert.ok(!drawn.includes(`data-patient="${id}"`), `${kind} leaves out ${id}`);
      const marked = parseSvg(plotSvg(kind, cohort, { includeIncomplete: true }));
      const incomplete = all(marked, "g").filter((g) => String(g.class).endsWith(" incomplete")).map((g) => g["data-patient"]);
      assert.ok(incomplete.includes("ERR-0001"), `${kind} draws ERR-0001 marked with --include-incomplete: ${incomplete}`);
      assert.ok(!incomplete.includes("PT-0042"));
    }
  });

  it("spider: labels are placed without overlapping each other, or left out all together with a note", () => {
    const few = cohort.filter((f) => !f.path.endsWith("cohort.nadir"));
    const labelled = parseSvg(plotSvg("spider", few));
    const texts = all(groups(labelled, "lines"), "text").filter((t) => t.class === "label");
    assert.ok(texts.length >= 4, `the small cohort is labelled: ${texts.length}`);
    const boxes = texts.map((t) => labelBox({ text: String(t["#text"]), x: Number(t.x), y: Number(t.y), anchor: t["text-anchor"] as "start" }, 10));
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const [a, b] = [boxes[i], boxes[j]];
        assert.ok(a.right <= b.left || b.right <= a.left || a.bottom <= b.top || b.bottom <= a.top, `labels ${texts[i]["#text"]} and ${texts[j]["#text"]} overlap`);
      }
    }
    const crowded = plotSvg("spider", cohort);
    assert.ok(!/class="label"/.test(crowded), "the 40-patient cohort gets no overlapping labels");
    assert.match(crowded, /Lines are not labelled: \d+ labels do not fit without overlap/);
  });

  it("labels: placement gives up (null) rather than overlap", () => {
    const bounds = { left: 0, right: 60, top: 0, bottom: 30 };
    assert.ok(placeLabels([{ text: "A-1", x: 5, y: 15 }], bounds, 10));
    assert.strictEqual(placeLabels(Array.from({ length: 12 }, (_, i) => ({ text: `PATIENT-${i}`, x: 5, y: 15 })), bounds, 10), null);
  });

  for (const kind of PLOT_KINDS) {
    it(`${kind}: renders to PNG and matches its golden render loosely (UPDATE_SNAPSHOTS=1 rewrites it)`, () => {
      // The timeline stacks one chart per episode: its golden is of the single-file examples only.
      const input = kind === "timeline" ? cohort.filter((f) => !f.path.endsWith("cohort.nadir")) : cohort;
      const raster = renderSvgToPng(plotSvg(kind, input));
      const file = path.join(SNAPSHOTS, `examples-${kind}.png`);
      if (process.env.UPDATE_SNAPSHOTS === "1") fs.writeFileSync(file, raster.png);
      const golden = readPng(file);
      assert.deepStrictEqual([raster.width, raster.height], [golden.width, golden.height]);
      const share = differingShare(raster, golden);
      assert.ok(share < 0.01, `${(share * 100).toFixed(2)} % of the pixels differ from ${path.relative(REPO_ROOT, file)}`);
      // The colours a reader sees are the palette's: PR bars/markers in sky blue, PD in vermillion;
      // the timeline's sum line in blue, its PD threshold in vermillion.
      assert.ok(countColour(raster, kind === "timeline" ? OKABE_ITO.blue : OKABE_ITO.skyBlue) > 50, "sky blue (PR) / blue (sum) is visible");
      assert.ok(countColour(raster, OKABE_ITO.vermillion) > 20, "vermillion (PD) is visible");
    });
  }
});
