import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { deidentify } from "../../../server/src/core/deidentify";
import { dateShiftFor, pseudonymFor, MIN_SHIFT_DAYS, MAX_SHIFT_DAYS } from "../../../server/src/core/deidentify/pseudonyms";
import { commentSpans } from "../../../server/src/core/deidentify/comments";
import { parseText } from "../../../server/src/core/syntax/parse";
import { buildModel } from "../../../server/src/core/model/build";
import { analyze } from "../../../server/src/core/analyze";
import type { CaseAssessment } from "../../../server/src/core/engine/types";
import { parseDay } from "../../../server/src/core/util/dates";
import { EXAMPLES_DIR } from "../../helpers/paths";
import { MELANOMA } from "../export/handAssessed";

const OPTIONS = { seed: "test-seed", keepText: false };

function deidentified(text: string, options = OPTIONS): string {
  const result = deidentify(text, options);
  if (!result.ok) assert.fail(`not de-identified: ${result.problems.map((p) => p.message).join("; ")}`);
  return result.text;
}

/** Every dated fact of every patient as days from the patient's first date, in file order. */
function intervals(text: string): number[][] {
  return buildModel(parseText(text).file).patients.map((p) => {
    const days = [...p.therapies.map((t) => t.start), ...p.assessments.map((a) => a.day), ...p.ctdna.map((c) => c.day),
      ...p.markers.map((m) => m.day), ...p.biopsies.map((b) => b.day), ...p.decisions.map((d) => d.day), ...(p.settings.asOf !== undefined ? [p.settings.asOf] : [])];
    return days.map((d) => d - Math.min(...days));
  });
}

/** The assessment without dates: responses, sums and windows as days from the episode start. */
function dateFree(assessment: CaseAssessment) {
  const rel = (date: string | null | undefined, start: number | null) => (date && start !== null ? (parseDay(date) as number) - start : date ?? null);
  return assessment.patients.map((p) => ({
    criteria: p.criteria,
    episodes: p.episodes.map((e) => {
      const start = e.episode.start;
      return {
        baselineSum: e.baseline?.sum ?? null,
        timepoints: e.timepoints.map((tp) => ({
          day: start === null ? null : tp.day - start, sum: tp.sum, nadir: tp.nadir, changeFromBaselinePct: tp.changeFromBaselinePct, changeFromNadirPct: tp.changeFromNadirPct,
          target: tp.target, nonTarget: tp.nonTarget, newLesions: tp.newLesions, response: tp.response, iResponse: tp.iResponse ?? null,
        })),
        bestResponse: e.bestResponse, iBestResponse: e.iBestResponse ?? null, progression: rel(e.progressionDate, start),
        window: e.pendingConfirmation ? [rel(e.pendingConfirmation.iupdDate, start), rel(e.pendingConfirmation.from, start), rel(e.pendingConfirmation.to, start)] : null,
        nextDue: rel(e.nextDue, start), hyperprogression: e.hyperprogression.map((h) => [h.definition, h.computable, h.met]),
      };
    }),
  }));
}

describe("deidentify: pseudonyms, shifted dates, no free text", () => {
  it("pseudonyms are stable for a seed, differ between seeds and are valid bare patient ids", () => {
    assert.strictEqual(pseudonymFor("a", "PT-0042"), pseudonymFor("a", "PT-0042"));
    assert.notStrictEqual(pseudonymFor("a", "PT-0042"), pseudonymFor("b", "PT-0042"));
    assert.notStrictEqual(pseudonymFor("a", "PT-0042"), pseudonymFor("a", "PT-0043"));
    assert.match(pseudonymFor("a", "PT-0042"), /^[A-Za-z0-9][A-Za-z0-9._-]*$/);
  });

  it("shifts a patient's dates by one offset of 30 to 730 days, never 0", () => {
    for (let i = 0; i < 200; i++) {
      const shift = dateShiftFor(String(i), "PT-0042");
      assert.ok(Math.abs(shift) >= MIN_SHIFT_DAYS && Math.abs(shift) <= MAX_SHIFT_DAYS, String(shift));
    }
  });

  it("replaces the id, moves every date and keeps every interval (R8, R10, R13 windows rest on intervals)", () => {
    const out = deidentified(MELANOMA);
    const result = deidentify(MELANOMA, OPTIONS);
    assert.ok(result.ok);
    const [patient] = result.patients;
    assert.strictEqual(patient.id, "PT-0042");
    assert.ok(!out.includes("PT-0042"));
    assert.ok(out.includes(`patient ${patient.pseudonym} {`));
    for (const date of MELANOMA.match(/\d{4}-\d{2}-\d{2}/g) ?? []) assert.ok(!out.includes(date), `${date} is still there`);
    assert.deepStrictEqual(intervals(out), intervals(MELANOMA));
    const shifted = buildModel(parseText(out).file).patients[0];
    assert.strictEqual(shifted.assessments[1].day - (parseDay("2025-01-02") as number), patient.shiftDays);
  });

  it("removes comments, notes, lesion descriptions, decision and biopsy text, and still parses", () => {
    const text = `# Smith, John, 1961-02-03
patient "Smith J" { # record 4711
  note "referred by Dr Who"
  baseline 2025-01-02 CT {
    T1 target liver "segment VII, Smith"  42 mm   # measured by JS
    note "patient anxious"
  }
  scan 2025-03-01 CT {
    T1 30 mm
  }
  biopsy 2025-03-10 liver "Smith: adenocarcinoma"
  decision 2025-03-12 "call John on 555-0101"
}
`;
    const out = deidentified(text);
    for (const secret of ["Smith", "John", "4711", "Dr Who", "anxious", "JS", "555", "1961"]) assert.ok(!out.includes(secret), `${secret} in\n${out}`);
    assert.deepStrictEqual(parseText(out).diagnostics, []);
    assert.match(out, /T1 target liver\s+42 mm\n/);
    assert.ok(out.startsWith("patient "), "a comment line goes with its line break");
    assert.match(out, /biopsy \d{4}-\d{2}-\d{2} liver ""/);
    assert.match(out, /decision \d{4}-\d{2}-\d{2} ""/);
  });

  it("keeps free text with keepText, but still replaces ids and dates", () => {
    const out = deidentified(MELANOMA, { seed: "s", keepText: true });
    assert.ok(out.includes('"segment VII metastasis"') && out.includes("# Melanoma") && out.includes("PD-L1 TPS 40%"));
    assert.ok(!out.includes("PT-0042") && !out.includes("2025-01-02"));
  });

  it("keeps CRLF line ends and finds comments outside strings only", () => {
    const crlf = deidentified(MELANOMA.replace(/\n/g, "\r\n"));
    assert.ok(!/[^\r]\n/.test(crlf));
    assert.deepStrictEqual(commentSpans('x "a # b" # c\n"q\\"#"'), [{ start: 10, end: 13 }]);
  });

  it("refuses a file with syntax errors or invalid dates, pointing at them", () => {
    const text = "patient P {\n  baseline 2025-02-30 CT {\n    T1 target liver 12 mm\n  }\n  scan 2025-03-01 CT\n}\n";
    const result = deidentify(text, OPTIONS);
    assert.ok(!result.ok);
    assert.deepStrictEqual([...new Set(result.problems.map((p) => p.code))].sort(), ["invalid-date", "syntax-error"]);
    assert.strictEqual(result.problems.find((p) => p.code === "invalid-date")?.start, text.indexOf("2025-02-30"), "points at the date");
  });

  it("gives the same responses, sums and windows before and after, for every example (R3-R13)", () => {
    const files = fs.readdirSync(EXAMPLES_DIR).filter((f) => f.endsWith(".nadir") && f !== "mistakes.nadir");
    assert.ok(files.length >= 4);
    for (const file of files) {
      const text = fs.readFileSync(path.join(EXAMPLES_DIR, file), "utf8");
      const before = analyze(text);
      const after = analyze(deidentified(text));
      assert.ok(before.assessment.patients.some((p) => p.episodes.some((e) => e.timepoints.length > 0)), `${file}: the engine assessed no time point`);
      assert.deepStrictEqual(dateFree(after.assessment), dateFree(before.assessment), file);
      assert.deepStrictEqual(after.diagnostics.map((d) => d.code), before.diagnostics.map((d) => d.code), file);
    }
  });
});
