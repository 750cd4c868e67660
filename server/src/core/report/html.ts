// The report as one self-contained, printable HTML page laid out like an IHE MRRT report:
// sections marked with `data-section-name` (and their LOINC section codes), accessible tables
// (caption, th scope), the timeline chart of the sum over time with its thresholds as inline SVG
// (the one chart definition, core/chart), a print stylesheet, and the coded content (RadLex and
// LOINC terms of what the report names) as a visible table with machine-readable data-*
// attributes. No scripts, no remote resources, no http(s) reference of any kind: the page works
// offline, in a mail, in a PACS or in the editor's webview (which adds only its CSP).
import type { Block, ReportDocument, Section, Table } from "./document";
import type { ScanReport } from "./model";
import { chartModelOf } from "../chart/views";
import { renderEpisodeSvg } from "../chart/svg";
import { chartLegend } from "../chart/html";
import { CHART_CSS } from "../chart/style";
import { LOINC_OID, modalityTerm, RADLEX_COMPARISON, RADLEX_OID, RADLEX_ORGANS } from "./radlex";
import type { ReportTarget } from "./model";

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] as string);
}
const esc = escapeHtml;

export const REPORT_CSS = `
:root { color-scheme: light; }
body { font-family: "Helvetica Neue", Helvetica, Arial, sans-serif; font-size: 14px; line-height: 1.45; color: #1a1a1a; background: #ffffff; margin: 0; padding: 24px; }
article.report { max-width: 960px; margin: 0 auto 48px; }
article.report + article.report { border-top: 2px solid #1a1a1a; padding-top: 24px; }
h1 { font-size: 1.5em; margin: 0 0 12px; }
h2 { font-size: 1.15em; margin: 22px 0 8px; padding-bottom: 3px; border-bottom: 1px solid #999999; }
h3 { font-size: 1em; margin: 16px 0 6px; }
section header.level1 { margin: 0; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 2px 16px; margin: 6px 0 10px; }
dl.facts dt { font-weight: 600; }
dl.facts dd { margin: 0; }
p.alert { border: 2px solid #a84900; background: #fff3e8; color: #6b2f00; padding: 8px 12px; font-weight: 700; }
table { border-collapse: collapse; margin: 6px 0 14px; }
caption { caption-side: top; text-align: left; font-weight: 600; padding-bottom: 4px; }
th, td { border-bottom: 1px solid #cfcfcf; padding: 3px 10px 3px 0; text-align: left; vertical-align: top; }
thead th { border-bottom: 2px solid #1a1a1a; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
ul.list { margin: 4px 0 10px; padding-left: 20px; }
figure.chart { margin: 8px 0 12px; }
figure.chart svg.timeline-chart { width: 100%; max-width: 760px; height: auto; }
figcaption { font-size: 0.9em; color: #444444; }
.legend { list-style: none; display: flex; flex-wrap: wrap; gap: 4px 16px; padding: 0; margin: 4px 0 0; font-size: 0.9em; }
.legend li { display: flex; align-items: center; gap: 6px; }
.legend .sum-line { stroke: #0072B2; stroke-width: 2.5; }
.legend .ref { stroke-width: 1.5; fill: none; }
.legend .ref-baseline { stroke: #777777; stroke-dasharray: 2 3; }
.legend .ref-pr { stroke: #009E73; stroke-dasharray: 6 4; }
.legend .ref-nadir { stroke: #CC79A7; stroke-dasharray: 1 3; }
.legend .ref-pd { stroke: #D55E00; stroke-dasharray: 6 4; }
.legend .ctdna-line { stroke: #7a6f00; stroke-dasharray: 4 2; stroke-width: 1.5; }
.legend .new-lesion { fill: #E69F00; stroke: #7a5400; }
section.impression p { font-size: 1.05em; margin: 4px 0; }
section.coded-content { font-size: 0.85em; color: #333333; }
${CHART_CSS}
@page { size: A4; margin: 14mm 12mm; }
@media print {
  body { padding: 0; font-size: 11pt; }
  article.report + article.report { break-before: page; border-top: none; padding-top: 0; }
  table, figure, dl.facts, p.alert { break-inside: avoid; }
  h2 { break-after: avoid; }
}
`.trim();

function tableHtml(t: Table, level: number): string {
  if (t.rows.length === 0) return `<h${level + 1} class="table-title">${esc(t.caption)}</h${level + 1}><p>${esc(t.empty)}</p>`;
  const cls = (numeric?: boolean) => (numeric ? ` class="num"` : "");
  const head = `<thead><tr>${t.columns.map((c) => `<th scope="col"${cls(c.numeric)}>${esc(c.header)}</th>`).join("")}</tr></thead>`;
  const body = t.rows.map((row) => `<tr>${row.map((cell, i) => i === 0
    ? `<th scope="row">${esc(cell)}</th>`
    : `<td${cls(t.columns[i].numeric)}>${esc(cell)}</td>`).join("")}</tr>`).join("\n");
  return `<table>\n<caption>${esc(t.caption)}</caption>\n${head}\n<tbody>\n${body}\n</tbody>\n</table>`;
}

function chartHtml(target: ReportTarget, report: ScanReport, index: number): string {
  const model = chartModelOf(target.patient, target.analysis.text, report.scan.date);
  const episode = model.episodes[target.episodeIndex];
  if (!episode) return "";
  // The report of a scan charts the scans and ctDNA samples up to it, nothing later.
  const upTo = (d: string) => d <= report.scan.date;
  const shown = { ...episode, points: episode.points.filter((p) => upTo(p.date)) };
  const samples = model.ctdna?.samples.filter((s) => upTo(s.date)) ?? [];
  const asOfScan = { ...model, ctdna: model.ctdna && samples.length > 0 ? { ...model.ctdna, samples } : null };
  const svg = renderEpisodeSvg(asOfScan, shown, index).replace(` xmlns="http://www.w3.org/2000/svg"`, "");
  return `<figure class="chart">\n${svg}\n${chartLegend(asOfScan)}\n<figcaption>Sum of target diameters over time (mm) with the baseline, the PR threshold (-30 % from baseline), ` +
    `the nadir and the PD threshold (+20 % and +5 mm over the nadir); the scan of this report is circled.</figcaption>\n</figure>`;
}

function blockHtml(b: Block, level: number, chart: () => string): string {
  switch (b.kind) {
    case "paragraph":
      return b.alert ? `<p class="alert" role="alert">${esc(b.text)}</p>` : `<p>${esc(b.text)}</p>`;
    case "facts":
      return `<dl class="facts">${b.items.map(([k, v]) => `<dt>${esc(k)}</dt><dd>${esc(v)}</dd>`).join("")}</dl>`;
    case "table":
      return tableHtml(b.table, level);
    case "list":
      return `<ul class="list">${b.items.map((i) => `<li>${esc(i)}</li>`).join("")}</ul>`;
    case "chart":
      return chart();
  }
}

const slug = (name: string) => name.toLowerCase().replace(/[^a-z0-9]+/g, "-");

interface CodedEntry { origtxt: string; scheme: "RADLEX" | "LOINC"; code: string; meaning: string }

function codedContent(doc: ReportDocument, report: ScanReport): CodedEntry[] {
  const entries: CodedEntry[] = doc.sections.filter((s) => s.loinc).map((s) => ({ origtxt: slug(s.name), scheme: "LOINC" as const, code: s.loinc!.code, meaning: s.loinc!.display }));
  const modality = modalityTerm(report.scan.modality);
  if (modality) entries.push({ origtxt: "examination", scheme: "RADLEX", code: modality.code, meaning: modality.meaning });
  if (!report.scan.isBaseline) entries.push({ origtxt: "comparison", scheme: "RADLEX", code: RADLEX_COMPARISON.code, meaning: RADLEX_COMPARISON.meaning });
  const seen = new Set<string>();
  for (const l of [...report.targets, ...report.nonTargets, ...report.newLesions.map((n) => ({ ...n, nodal: n.organ === "node" }))]) {
    const organ = l.nodal ? "node" : l.organ;
    const term = RADLEX_ORGANS[organ];
    if (!term || seen.has(`${l.id}`)) continue;
    seen.add(l.id);
    entries.push({ origtxt: `lesion-${l.id}`, scheme: "RADLEX", code: term.code, meaning: term.meaning });
  }
  return entries;
}

/** Ids are MRRT's section names; the second and later reports of a page add their number. */
function sectionHtml(section: Section, level: number, chart: () => string, idSuffix: string): string {
  const heading = `<header class="level1"><h${level}>${esc(section.title)}</h${level}></header>`;
  const body = section.blocks.map((b) => blockHtml(b, level, chart)).filter(Boolean).join("\n");
  return `<section id="${slug(section.name)}${idSuffix}" class="level1 ${slug(section.name)}" data-section-name="${esc(section.name)}">\n${heading}\n${body}\n</section>`;
}

/** One report as an <article>; `level` is the heading level of its title. */
export function reportArticle(doc: ReportDocument, report: ScanReport, target: ReportTarget, index: number, level = 1): string {
  const coded = codedContent(doc, report);
  const codedRows = coded.map((e) => `<tr data-origtxt="${esc(e.origtxt)}" data-scheme="${e.scheme}" data-code="${esc(e.code)}" data-meaning="${esc(e.meaning)}">` +
    `<th scope="row">${esc(e.origtxt)}</th><td>${e.scheme}</td><td>${esc(e.code)}</td><td>${esc(e.meaning)}</td></tr>`).join("\n");
  const idSuffix = index === 0 ? "" : `-${index + 1}`;
  const codedSection = `<section id="coded_content${idSuffix}" class="level1 coded-content" data-section-name="Coded Content" data-coding-schemes="RADLEX ${RADLEX_OID}; LOINC ${LOINC_OID}">\n` +
    `<header class="level1"><h${level + 1}>Coded content</h${level + 1}></header>\n<table>\n<caption>Terms of this report (RadLex ${RADLEX_OID}, LOINC ${LOINC_OID})</caption>\n` +
    `<thead><tr><th scope="col">Entry</th><th scope="col">Scheme</th><th scope="col">Code</th><th scope="col">Meaning</th></tr></thead>\n<tbody>\n${codedRows}\n</tbody>\n</table>\n</section>`;
  const chart = () => chartHtml(target, report, index);
  return [
    `<article class="report${report.completeness.complete ? "" : " incomplete"}" data-patient="${esc(report.patientId)}" data-scan="${report.scan.date}" data-criteria="${esc(report.criteriaLabel)}">`,
    `<h${level}>${esc(doc.title)}</h${level}>`,
    ...doc.sections.map((s) => sectionHtml(s, level + 1, chart, idSuffix)),
    codedSection,
    `</article>`,
  ].join("\n");
}

export function renderHtmlPage(parts: Array<{ doc: ReportDocument; report: ScanReport; target: ReportTarget }>): string {
  const single = parts.length === 1;
  const title = single ? parts[0].doc.title : `Tumour response reports (${parts.length})`;
  const first = parts[0]?.report;
  const articles = parts.map((p, i) => reportArticle(p.doc, p.report, p.target, i, single ? 1 : 2)).join("\n");
  return [
    "<!DOCTYPE html>",
    `<html lang="en">`,
    "<head>",
    `<meta charset="UTF-8">`,
    `<meta name="viewport" content="width=device-width, initial-scale=1">`,
    `<title>${esc(title)}</title>`,
    `<meta name="dcterms.title" content="${esc(title)}">`,
    `<meta name="dcterms.type" content="IMAGE_REPORT">`,
    `<meta name="dcterms.language" content="en">`,
    `<meta name="dcterms.creator" content="Nadir">`,
    first ? `<meta name="dcterms.date" content="${first.scan.date}">` : "",
    `<style>\n${REPORT_CSS}\n</style>`,
    "</head>",
    "<body>",
    single ? "" : `<h1>${esc(title)}</h1>`,
    articles,
    "</body>",
    "</html>",
    "",
  ].filter((l) => l !== "").join("\n") + "\n";
}
