// The report's content as sections of paragraphs, key-value lines and tables, in the order of an
// IHE MRRT report (procedure, comparison, findings, impression). The text, Markdown and HTML
// renderers walk this one document, so every format says the same thing; the section names are
// the MRRT `data-section-name`s and the LOINC section codes of the coded content.
import type { ScanReport, TargetRow } from "./model";
import { incompleteSentence } from "./impression";
import { mmText, pctText, responseWords, signedMmText } from "./words";
import { DISCUSS } from "../engine/decisionSupport";

/** A burden of the JSON in its unit: "44 mm", "1279.3 mm²". */
const burdenWords = (value: number, unit: "mm" | "mm2") => (unit === "mm" ? `${mmText(value)} mm` : `${value} mm²`);

export interface Table {
  caption: string;
  columns: Array<{ header: string; numeric?: boolean }>;
  rows: string[][];
  /** Shown instead of an empty table. */
  empty: string;
}

export type Block =
  | { kind: "paragraph"; text: string; alert?: boolean }
  | { kind: "facts"; items: Array<[string, string]> }
  | { kind: "table"; table: Table }
  | { kind: "list"; items: string[] }
  | { kind: "chart" };

export interface Section {
  /** MRRT data-section-name. */
  name: string;
  title: string;
  /** LOINC code of the section (report section codes of radiology templates), when there is one. */
  loinc?: { code: string; display: string };
  blocks: Block[];
}

export interface ReportDocument {
  title: string;
  sections: Section[];
}

const site = (organ: string, nodal: boolean, description: string | null) =>
  `${nodal ? "node (short axis)" : organ}${description ? `, ${description}` : ""}`;

const HYPER_NAMES: Record<string, string> = {
  champiat: "Champiat 2017", "saada-bouzid": "Saada-Bouzid 2017", ferrara: "Ferrara 2018", matos: "Matos 2020", kato: "Kato 2017",
};

const mmCell = (c: TargetRow["baseline"] | null) => (c === null ? "" : c.text);

export function reportDocument(r: ScanReport): ReportDocument {
  const sections: Section[] = [];
  const incomplete = incompleteSentence(r);

  const header: Block[] = [];
  if (incomplete) header.push({ kind: "paragraph", text: incomplete, alert: true });
  for (const x of r.completeness.outsidePatients) header.push({ kind: "paragraph", text: `The file has an error outside every patient (${x.code} at line ${x.line}): a patient may be missing.`, alert: true });
  header.push({
    kind: "facts",
    items: [
      ["Patient", r.patientId],
      ["Criteria", r.criteriaLabel],
      ["Line of therapy", `${r.episode.number} of ${r.episode.count}${r.episode.therapy ? `, ${r.episode.therapy}${r.episode.therapyKind ? ` (${r.episode.therapyKind})` : ""}` : ""}${r.episode.start ? `, started ${r.episode.start}` : ""}${r.episode.end ? `, ${r.episode.end}` : ""}`],
      ["Examination", `${r.scan.date}${r.scan.modality ? ` ${r.scan.modality}` : ""} (${r.scan.isBaseline ? "baseline" : "follow-up"}; ${r.file} line ${r.scan.line})`],
    ],
  });
  sections.push({ name: "Procedure Information", title: "Examination", loinc: { code: "55111-9", display: "Current imaging procedure description" }, blocks: header });

  const comparison: Array<[string, string]> = r.scan.isBaseline
    ? [["Comparison", "none: this is the baseline"]]
    : [
      ["Baseline", r.compared.baseline ?? "none"],
      ["Nadir", r.compared.nadir ?? "none (no evaluable sum yet)"],
      ["Previous", r.compared.previous ?? (r.compared.baseline ? `${r.compared.baseline} (the baseline)` : "none")],
    ];
  sections.push({ name: "Comparison", title: "Comparison", loinc: { code: "18834-2", display: "Radiology Comparison study" }, blocks: [{ kind: "facts", items: comparison }] });

  const findings: Block[] = [];
  const tcols = r.scan.isBaseline
    ? [{ header: "ID" }, { header: "Site" }, { header: "Baseline", numeric: true }]
    : [{ header: "ID" }, { header: "Site" }, { header: "Baseline", numeric: true }, { header: "Nadir", numeric: true }, { header: "Previous", numeric: true }, { header: "Current", numeric: true }, { header: "Change", numeric: true }, { header: "Status" }];
  findings.push({
    kind: "table",
    table: {
      caption: "Target lesions (mm as summed, R2: too small 5, absent 0; lymph nodes: short axis; NE not evaluated)",
      columns: tcols,
      rows: r.targets.map((t) => r.scan.isBaseline
        ? [t.id, site(t.organ, t.nodal, t.description), mmCell(t.baseline)]
        : [t.id, site(t.organ, t.nodal, t.description), mmCell(t.baseline), mmCell(t.nadir), mmCell(t.previous), mmCell(t.current), t.changeMm === null ? "" : signedMmText(t.changeMm).replace(" mm", ""), t.status]),
      empty: "No target lesions.",
    },
  });
  findings.push({
    kind: "table",
    table: {
      caption: "Non-target lesions",
      columns: r.scan.isBaseline ? [{ header: "ID" }, { header: "Site" }, { header: "Baseline" }] : [{ header: "ID" }, { header: "Site" }, { header: "Baseline" }, { header: "Previous" }, { header: "Current" }],
      rows: r.nonTargets.map((n) => r.scan.isBaseline ? [n.id, site(n.organ, n.nodal, n.description), n.baseline] : [n.id, site(n.organ, n.nodal, n.description), n.baseline, n.previous ?? "", n.current]),
      empty: "No non-target lesions.",
    },
  });
  if (!r.scan.isBaseline) {
    findings.push({
      kind: "table",
      table: {
        caption: "New lesions",
        columns: [{ header: "ID" }, { header: "Site" }, { header: "First seen" }, { header: "This scan" }, { header: "Equivocal" }],
        rows: r.newLesions.map((l) => [l.id, site(l.organ, false, l.description), l.firstSeen, l.current, l.equivocal ? "yes" : "no"]),
        empty: "No new lesions.",
      },
    });
  }
  const s = r.sums;
  const sumFacts: Array<[string, string]> = [];
  if (s.current !== null) sumFacts.push(["Sum of target diameters", `${mmText(s.current)} mm`]);
  else if (r.targets.length > 0) sumFacts.push(["Sum of target diameters", `not computable (${r.unreadable.length > 0 ? "a value could not be read" : "a target not evaluated"}, R4)`]);
  if (!r.scan.isBaseline && s.baseline !== null) {
    sumFacts.push(["Baseline sum", `${mmText(s.baseline)} mm (${r.compared.baseline})`]);
    if (s.changeFromBaselinePct !== null && s.changeFromBaselineMm !== null) sumFacts.push(["Change from baseline", `${signedMmText(s.changeFromBaselineMm)}, ${pctText(s.changeFromBaselinePct)}`]);
  }
  if (s.nadir !== null) {
    sumFacts.push(["Nadir sum", `${mmText(s.nadir)} mm (${r.compared.nadir})`]);
    if (s.changeFromNadirPct !== null && s.changeFromNadirMm !== null) sumFacts.push(["Change from nadir", `${signedMmText(s.changeFromNadirMm)}, ${pctText(s.changeFromNadirPct)}`]);
  }
  if (sumFacts.length > 0) findings.push({ kind: "facts", items: sumFacts });
  findings.push({ kind: "chart" });
  if (r.categories) {
    const c = r.categories;
    const items: Array<[string, string]> = [
      ["Target response", c.target ?? "none (no target lesions)"],
      ["Non-target response", c.nonTarget ?? "none (no non-target lesions)"],
      ["New lesions", c.newLesions],
      ["Overall response (RECIST 1.1, R7)", `${c.response}: ${responseWords(c.response)}`],
    ];
    if (r.irecist) {
      let state = `${r.irecist.state}: ${responseWords(r.irecist.state)}`;
      if (r.irecist.pendingHere && r.irecist.pending) state += `; confirmation pending, scan due between ${r.irecist.pending.from} and ${r.irecist.pending.to} (iUPD of ${r.irecist.pending.iupdDate})`;
      items.push(["Overall response (iRECIST, R10)", state]);
    }
    items.push(["Best overall response (R8)", r.best.response ?? "none yet"]);
    if (r.irecist) items.push(["Best overall response (iRECIST, R9)", r.best.iResponse ?? "none yet"]);
    if (r.best.laterScans > 0) items.push(["Best response covers", `scans up to ${r.best.throughDate} (${r.best.laterScans} after this one)`]);
    if (r.irecist?.progressionDate) items.push(["Date of progression (iRECIST)", r.irecist.progressionDate]);
    if (r.irecist?.recistProgressionDate) items.push(["Date of progression (RECIST 1.1)", r.irecist.recistProgressionDate]);
    if (!r.irecist && r.progressionDate) items.push([`Date of progression (${r.progressionRule})`, r.progressionDate]);
    findings.push({ kind: "facts", items });
  }
  if (r.readings) {
    // P3, R25: the scan under each criterion read, side by side.
    findings.push({
      kind: "table",
      table: {
        caption: "This scan under each criterion read (P3, R25)",
        columns: [{ header: "Criteria" }, { header: "Burden", numeric: true }, { header: "vs baseline", numeric: true }, { header: "vs nadir", numeric: true }, { header: "Response" }, { header: "Best response" }],
        rows: r.readings.map((x) => [
          `${x.label}${x.primary ? " (primary)" : ""}`,
          x.burden === null ? "NE" : burdenWords(x.burden, x.unit),
          x.changeFromBaselinePct === null ? "" : pctText(x.changeFromBaselinePct),
          x.changeFromNadirPct === null ? "" : pctText(x.changeFromNadirPct),
          x.shown,
          x.best,
        ]),
        empty: "No criterion read.",
      },
    });
    const notes = [
      ...r.readings.filter((x) => x.neReason).map((x) => `${x.label} NE: ${x.neReason}.`),
      ...r.readings.filter((x) => x.progressionDate).map((x) => `${x.label}: progression dated ${x.progressionDate}.`),
    ];
    if (notes.length > 0) findings.push({ kind: "list", items: notes });
  }
  sections.push({ name: "Findings", title: "Findings", loinc: { code: "59776-5", display: "Procedure Findings" }, blocks: findings });

  const clinical: Block[] = [];
  const ctdna: string[] = r.ctdna.samples.map((x) => `${x.date}: ctDNA ${x.text}`);
  if (r.ctdna.reading) ctdna.push(`Reading (R11): profile ${r.ctdna.reading.profile}, trend ${r.ctdna.reading.trend}. ${r.ctdna.reading.detail}`);
  ctdna.push(...r.markers.map((m) => `${m.date}: ${m.text}`));
  ctdna.push(...r.biopsies.map((b) => `${b.date}: ${b.text} (R31-R34)`));
  clinical.push(ctdna.length > 0 ? { kind: "list", items: ctdna } : { kind: "paragraph", text: "No ctDNA, tumour-marker or structured biopsy readings up to this scan." });
  if (r.hyperprogression.length > 0) {
    clinical.push({ kind: "list", items: r.hyperprogression.map((h) => `Hyperprogression (R12), ${HYPER_NAMES[h.definition] ?? h.definition}: ${h.met ? "met" : "not met"}. ${h.detail}`) });
  }
  const follow: string[] = [];
  if (r.followUp.overdue) follow.push(`${r.followUp.overdue.message} (${r.followUp.overdue.rules.join(", ")})`);
  else if (r.followUp.nextDue) follow.push(`Next assessment due ${r.followUp.nextDue} (R13).`);
  if (follow.length > 0) clinical.push({ kind: "list", items: follow });
  const notes = r.findings.filter((f) => f.code !== "follow-up-overdue").map((f) => `${f.code} (${f.rules.join(", ")}; line ${f.line}): ${f.message}`);
  clinical.push(notes.length > 0 ? { kind: "list", items: notes } : { kind: "paragraph", text: "No further findings at this scan." });
  sections.push({ name: "Clinical Correlation", title: "ctDNA, markers and further findings", blocks: clinical });

  if (r.resistance) {
    // R17-R24 and R35: the class with its numbers, the steps, then the options as information.
    const x = r.resistance;
    const blocks: Block[] = [
      { kind: "paragraph", text: `Resistance (R17-R24): ${x.text} (${x.basis})${x.text.endsWith(x.reason) ? "" : `; ${x.reason}`}.` },
      { kind: "facts", items: x.facts },
      { kind: "list", items: x.steps.map((s) => `${s.rule}: ${s.text}`) },
    ];
    if (x.finding && x.options.length > 0) {
      blocks.push({ kind: "paragraph", text: `Options to discuss (R35). ${x.finding.charAt(0).toUpperCase()}${x.finding.slice(1)}. ${DISCUSS}` });
      blocks.push({ kind: "list", items: x.options.map((o) => `${o.option}: brought up by ${o.because}. Source: ${o.source}.`) });
      blocks.push({ kind: "paragraph", text: `Listed in a fixed order, not ranked.${x.notBroughtUp.length > 0 ? ` Not brought up: ${x.notBroughtUp.join("; ")}.` : ""}` });
    }
    sections.push({ name: "Resistance", title: "Immunotherapy resistance (SITC)", blocks });
  }

  sections.push({ name: "Impression", title: "Impression", loinc: { code: "19005-8", display: "Impressions" }, blocks: r.impression.map((text, i) => ({ kind: "paragraph", text, alert: i === 0 && !r.completeness.complete })) });

  return { title: `Tumour response report: ${r.patientId}, ${r.scan.date}`, sections };
}
