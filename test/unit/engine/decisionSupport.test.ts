// R35 on every decision-support text Nadir can produce: for generated immunotherapy cases (kinds,
// last doses, stop reasons, scans, deterioration, biopsies with variants, readings), every message of
// the decision-support codes, the therapy and biopsy hovers and the report's resistance section
// hold no "recommend", "should", "must", "indicated for this patient" and no dose; every text that
// offers options has R35's structure (the finding and its source, the sentence, the options, the
// source). The code table's texts are held to the same words.
import { strict as assert } from "assert";
import fc from "fast-check";
import { TextDocument } from "vscode-languageserver-textdocument";
import { analyze } from "../../../server/src/core/analyze";
import { resolveSettings } from "../../../server/src/core/settings";
import { AllCodes, CodeTable } from "../../../server/src/core/codes";
import { DISCUSS, DOSE, FORBIDDEN_WORDS } from "../../../server/src/core/engine/decisionSupport";
import { hover } from "../../../server/src/service/hover";
import { buildScanReport } from "../../../server/src/core/report/model";
import { reportDocument } from "../../../server/src/core/report/document";
import { renderText } from "../../../server/src/core/report/text";
import { formatDay, parseDay } from "../../../server/src/core/util/dates";

const START = parseDay("2025-01-06") as number;
const TODAY = parseDay("2027-01-01") as number;

/** The codes whose messages are decision support or sit beside it (R35 "applies to"). */
const DECISION_SUPPORT = new Set([
  "oligoprogression", "pdl1-changed", "pdl1-not-comparable", "biomarker-information", "actionable-variant", "options-to-discuss",
  "resistance-classified", "resistance-unclassifiable", "resistance-confirmation-due", "resistance-confirmation-late", "last-dose-missing",
]);

/** R35: "<finding with its source>. Information, options to discuss with the treating team: <options>. Source: <source>." */
const STRUCTURE = /^(?<finding>[A-Z].*?\d{4}-\d{2}-\d{2}.*?)\. Information, options to discuss with the treating team: (?<options>.+?)\. Source: (?<source>[^.].+)\.$/;

function clean(text: string, where: string): void {
  assert.doesNotMatch(text, FORBIDDEN_WORDS, `${where}: ${text}`);
  assert.doesNotMatch(text, DOSE, `${where}: ${text}`);
}

function structured(text: string, where: string): void {
  const m = STRUCTURE.exec(text);
  assert.ok(m, `${where} does not have R35's structure: ${text}`);
  assert.equal(text.split(DISCUSS).length, 2, `${where}: the sentence once`);
}

const VARIANTS = ["BRAF V600E", "BRAF V600K", 'EGFR "exon 19 deletion"', "EGFR L858R", "KRAS G12C", "TP53 R273H", "NRAS Q61K"];
const TIERS = ["", " tier I", " tier II", " tier III", " tier IV", " tier escat I-A", " tier escat X"];

const caseArbitrary = fc.record({
  kinds: fc.constantFrom("immunotherapy", "immunotherapy", "immunotherapy+chemotherapy", "immunotherapy+immunotherapy", "immunotherapy+targeted", "chemotherapy"),
  lastDose: fc.option(fc.integer({ min: 1, max: 400 }), { nil: null }),
  stopped: fc.option(fc.constantFrom("completed", "toxicity", "progression", "choice", "other"), { nil: null }),
  cancer: fc.constantFrom(null, "melanoma", "nsclc", '"NSCLC"', "colorectal"),
  later: fc.constantFrom(null, "docetaxel chemotherapy", "SBRT radiotherapy"),
  laterDay: fc.integer({ min: 60, max: 400 }),
  scans: fc.array(fc.record({
    gap: fc.integer({ min: 14, max: 90 }),
    t1: fc.integer({ min: 0, max: 90 }),
    t2: fc.integer({ min: 5, max: 40 }),
    newLesion: fc.boolean(),
    deterioration: fc.boolean(),
    nt: fc.constantFrom("present", "present", "progressed", "absent"),
  }), { minLength: 1, maxLength: 7 }),
  biopsies: fc.array(fc.record({
    day: fc.integer({ min: -10, max: 500 }),
    organ: fc.constantFrom("liver", "lung", "skin"),
    tps: fc.option(fc.integer({ min: 0, max: 100 }), { nil: null }),
    cps: fc.option(fc.integer({ min: 0, max: 100 }), { nil: null }),
    assay: fc.constantFrom("", " assay 22C3", " assay SP263"),
    tmb: fc.option(fc.integer({ min: 0, max: 300 }), { nil: null }),
    msi: fc.constantFrom(null, "high", "low", "stable"),
    mmr: fc.constantFrom(null, "deficient", "proficient"),
    variant: fc.option(fc.tuple(fc.constantFrom(...VARIANTS), fc.constantFrom(...TIERS)), { nil: null }),
  }), { maxLength: 3 }),
  reading: fc.constantFrom("RECIST1.1", "iRECIST", "primary"),
  late: fc.constantFrom("reject", "accept"),
  short: fc.constantFrom("primary", "unclassifiable"),
});

type Case = typeof caseArbitrary extends fc.Arbitrary<infer T> ? T : never;

function caseText(c: Case): string {
  const lines = ["patient P {", "  as of 2026-06-01"];
  if (c.cancer) lines.push(`  cancer ${c.cancer}`);
  const to = c.lastDose !== null ? ` to ${formatDay(START + c.lastDose)}` : "";
  lines.push(`  therapy pembrolizumab from ${formatDay(START)}${to} ${c.kinds}${c.stopped ? ` stopped ${c.stopped}` : ""}`);
  if (c.later) lines.push(`  therapy ${c.later.split(" ")[0]} from ${formatDay(START + c.laterDay)} ${c.later.split(" ")[1]}`);
  lines.push(`  baseline ${formatDay(START - 4)} CT {`, "    T1 target liver 40 mm", "    T2 target lung 20 mm", "    NT1 non-target bone present", "    ecog 0", "  }");
  let day = START;
  let declared = false;
  for (const s of c.scans) {
    day += s.gap;
    lines.push(`  scan ${formatDay(day)} CT {`, `    T1 ${s.t1} mm`, `    T2 ${s.t2} mm`, `    NT1 ${s.nt}`);
    if (s.newLesion) lines.push(declared ? "    NL1 15 mm" : "    NL1 new liver 15 mm");
    else if (declared) lines.push("    NL1 absent");
    declared ||= s.newLesion;
    if (s.deterioration) lines.push("    clinical deterioration");
    lines.push("  }");
  }
  for (const b of c.biopsies) {
    const fields = [
      b.tps !== null ? `pd-l1 tps ${b.tps} %${b.assay}` : null,
      b.cps !== null ? `pd-l1 cps ${b.cps}${b.assay}` : null,
      b.tmb !== null ? `tmb ${b.tmb / 10} mut/Mb` : null,
      b.msi ? `msi ${b.msi}` : null,
      b.mmr ? `mmr ${b.mmr}` : null,
      b.variant ? `variant ${b.variant[0]}${b.variant[1]}` : null,
    ].filter(Boolean);
    lines.push(`  biopsy ${formatDay(START + b.day)} ${b.organ} {`, ...fields.map((f) => `    ${f}`), "  }");
  }
  lines.push("}");
  return `${lines.join("\n")}\n`;
}

/** Every decision-support text of one case: messages, hovers of the therapy and biopsy lines, the report's sections. */
function texts(text: string, c: Case): Array<[string, string]> {
  const settings = resolveSettings({ resistanceReading: c.reading, resistanceLateConfirmation: c.late, resistanceShortResponse: c.short });
  const analysis = analyze(text, { settings, today: TODAY });
  const out: Array<[string, string]> = analysis.diagnostics.filter((d) => DECISION_SUPPORT.has(d.code)).map((d) => [`${d.code} message`, d.message]);
  const document = TextDocument.create("file:///p.nadir", "nadir", 1, text);
  const doc = { document, analysis };
  const at = (needle: string, from = 0) => document.positionAt(text.indexOf(needle, from) + 1);
  const therapyHover = hover(doc, at("pembrolizumab"));
  if (therapyHover) out.push(["therapy hover", (therapyHover.contents as { value: string }).value]);
  for (let i = text.indexOf("  biopsy "); i >= 0; i = text.indexOf("  biopsy ", i + 1)) {
    const h = hover(doc, document.positionAt(i + 3));
    if (h) out.push(["biopsy hover", (h.contents as { value: string }).value]);
  }
  const patient = analysis.assessment.patients[0];
  patient.episodes.forEach((e, i) => {
    if (e.timepoints.length === 0) return;
    const report = buildScanReport({ file: "p.nadir", analysis, patient, episodeIndex: i, scan: e.timepoints.length - 1 });
    const doc2 = reportDocument(report);
    for (const section of doc2.sections.filter((s) => s.name === "Resistance")) out.push(["report resistance section", JSON.stringify(section)]);
    out.push(["report text", renderText(doc2).split("IMPRESSION")[1] ?? ""]);
  });
  return out;
}

describe("R35: decision-support text, everywhere Nadir writes it", function () {
  this.timeout(120000);

  it("the code table's descriptions and details hold no forbidden word and no dose", () => {
    for (const code of AllCodes) {
      clean(CodeTable[code].description, `${code} description`);
      if (CodeTable[code].details) clean(CodeTable[code].details!, `${code} details`);
    }
  });

  it("the checks themselves fail on advice and doses (so the property below can fail)", () => {
    for (const bad of ["We recommend nivolumab.", "You should consider chemotherapy.", "Surgery must follow.", "Radiation is indicated for this patient.", "pembrolizumab 200 mg every 3 weeks", "carboplatin AUC 5", "SBRT 8 Gy x 3"]) {
      assert.throws(() => clean(bad, "sample"));
    }
    assert.throws(() => structured("Targeted therapy is an option.", "sample"));
    structured("BRAF V600E, biopsy 2025-05-20 liver, tier I. Information, options to discuss with the treating team: targeted therapy (BRAF/MEK inhibition) is an approved option for BRAF V600-mutant melanoma. Source: FDA/EMA approvals of BRAF/MEK inhibitors.", "sample");
  });

  it("for generated cases: no forbidden word or dose in any message, hover or report; R35's structure wherever options are offered", () => {
    let offered = 0;
    let options = 0;
    fc.assert(
      fc.property(caseArbitrary, (c) => {
        const text = caseText(c);
        for (const [where, t] of texts(text, c)) {
          clean(t, `${where}\n${text}`);
          if (where.endsWith("message") && t.includes(DISCUSS)) {
            structured(t, `${where}\n${text}`);
            offered++;
            if (where.startsWith("options-to-discuss")) options++;
          }
          if (where === "therapy hover" && t.includes("**Options to discuss**")) {
            // The hover: the finding with its date, the sentence, then each option with what brought it up and its source.
            const section = t.slice(t.indexOf("**Options to discuss**"));
            assert.match(section, /\n\nConfirmed progression (under pembrolizumab on \d{4}-\d{2}-\d{2}|on \d{4}-\d{2}-\d{2}, \d+ days after the last dose of pembrolizumab) \((confirmed clinically|confirmed by the scan of \d{4}-\d{2}-\d{2}|no confirmation needed, R23); [^\n]+\)\. Information, options to discuss with the treating team:\n\n/);
            for (const item of section.split("\n").filter((l) => l.startsWith("- "))) assert.match(item, /^- .+: brought up by .+\. Source: .+\.$/, item);
            assert.match(section, /Listed in a fixed order, not ranked\./);
          }
        }
      }),
      { seed: 35, numRuns: 250 },
    );
    assert.ok(offered > 20 && options > 5, `the generator reaches options texts (${offered} messages, ${options} options-to-discuss)`);
  });
});
