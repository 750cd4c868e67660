import { parseText } from "../../../server/src/core/syntax/parse";
import { strict as assert } from "assert";
import * as fs from "fs";
import * as path from "path";
import { formatText, formatLineRange } from "../../../server/src/core/format";
import { analyze } from "../../../server/src/core/analyze";
import { assessmentJson } from "../../../server/src/core/engine/json";
import { parseDay } from "../../../server/src/core/util/dates";
import { EXAMPLES_DIR, REPO_ROOT } from "../../helpers/paths";
import { ALL_CASES, MESSY } from "../service/cases";

const TODAY = parseDay("2025-07-01")!;

/** Everything a case file means: the assessment (spec JSON), the findings, and the model's facts. */
function meaningOf(text: string): string {
  const analysis = analyze(text, { today: TODAY });
  const json = assessmentJson(analysis, "case.nadir");
  return JSON.stringify({
    // Formatting moves text: the reasons of incomplete results are compared by code, not range.
    patients: JSON.parse(JSON.stringify(json.patients, (key, value) => (key === "range" ? undefined : value))),
    // Messages may quote a source line; its spacing is not part of the meaning.
    findings: analysis.diagnostics.map((d) => [d.code, d.severity, d.message.replace(/\s+/g, " ")]),
    model: analysis.model.patients.map((p) => ({
      id: p.id,
      settings: p.settings,
      therapies: p.therapies.map((t) => [t.name, t.kind, t.date]),
      assessments: p.assessments.map((a) => [a.kind, a.date, a.modality, a.ecog, a.clinical, a.measurements.map((m) => [m.lesionId, m.value, m.equivocal, m.node.declare, m.node.organ?.value, m.node.description?.value])]),
      lesions: p.episodes.map((e) => [...e.lesions.values()].map((l) => [l.id, l.kind, l.organ, l.description])),
      ctdna: p.ctdna.map((s) => [s.date, s.unit, s.value]),
      markers: p.markers.map((m) => [m.date, m.name, m.value, m.unit, m.uln]),
      biopsies: p.biopsies.map((b) => [b.date, b.organ, b.finding]),
      decisions: p.decisions.map((d) => [d.date, d.text]),
    })),
  });
}

/** Case texts written inline in the test suite (template literals holding a whole patient block). */
function caseTextsInTests(): Record<string, string> {
  const found: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory() && entry.name !== "e2e") walk(full);
      else if (entry.name.endsWith(".ts")) {
        const source = fs.readFileSync(full, "utf8");
        let i = 0;
        for (const m of source.matchAll(/`([^`]*)`/g)) {
          const body = m[1];
          if (body.includes("${") || body.includes("\\")) continue;
          if (!/^\s*(#.*\n\s*)*patient [^\n]*\{\s*\n[\s\S]*\}\s*$/.test(body)) continue;
          found[`${path.relative(REPO_ROOT, full)}#${i++}`] = body;
        }
      }
    }
  };
  walk(path.join(REPO_ROOT, "test"));
  return found;
}

function allCaseTexts(): Record<string, string> {
  const texts: Record<string, string> = { ...ALL_CASES, ...caseTextsInTests() };
  for (const name of fs.readdirSync(EXAMPLES_DIR).filter((n) => n.endsWith(".nadir"))) texts[`examples/${name}`] = fs.readFileSync(path.join(EXAMPLES_DIR, name), "utf8");
  return texts;
}

describe("format: formatText", () => {
  it("aligns the lesion columns of each scan block and normalises indentation and spacing", () => {
    assert.equal(formatText(MESSY), `patient "PT 9" {  # quoted id
  criteria RECIST 1.1
  baseline 2025-01-02 CT {
    T1  target liver "a  b"              42 mm
    T10 target lung                      18 mm  # long id
    NT1 non-target node "left  axillary" 12 mm

    # a comment inside the scan
  }

  scan 2025-03-01 CT {
    T1  split 10 mm + 5 mm
    T10 merged into T1
    NT1 absent
  }
}
`);
  });

  it("keeps broken lines exactly as written, and the line ends and byte-order mark of the file", () => {
    const broken = "\uFEFFpatient X {\r\n  baseline 2025-01-02 {\r\n      T1  target liver 12\r\n  T2   target lung 20 mm\r\n  }\r\n}\r\n";
    assert.equal(formatText(broken), "\uFEFFpatient X {\r\n  baseline 2025-01-02 {\r\n      T1  target liver 12\r\n    T2 target lung 20 mm\r\n  }\r\n}\r\n");
  });

  it("never turns a broken U+FEFF line into a byte-order mark by dropping the blank lines above it (fuzz find)", () => {
    const once = formatText("\n\uFEFF");
    assert.equal(once, "\n\uFEFF\n");
    assert.equal(formatText(once), once);
    assert.equal(parseText(once).diagnostics.length, 1, "the broken line is still a syntax error");
  });

  it("is idempotent and never changes what a file means: every example and every case text in the tests (R1-R16)", () => {
    const texts = allCaseTexts();
    assert.ok(Object.keys(texts).length >= 10, `only ${Object.keys(texts).length} case texts found`);
    for (const [name, text] of Object.entries(texts)) {
      const once = formatText(text);
      assert.equal(formatText(once), once, `${name}: formatting twice differs`);
      assert.equal(meaningOf(once), meaningOf(text), `${name}: formatting changed the assessment`);
    }
  });

  it("formats a range of lines only, with the alignment of the whole block", () => {
    const lines = MESSY.split("\n");
    const edit = formatLineRange(MESSY, 3, 3);
    assert.ok(edit);
    assert.equal(edit.text, '    T1  target liver "a  b"              42 mm\n');
    assert.equal(MESSY.slice(edit.start, edit.end), lines[3] + "\n");
    assert.equal(formatLineRange(formatText(MESSY), 0, 5), null);
  });
});
