// Per-patient incremental re-analysis (issue 7) gives exactly what a full analyze() of the edited
// text gives: the syntax tree, the model, every diagnostic (syntax, structural, clinical R1-R16)
// and the assessment, for random edit sequences of the examples and of generated cohorts.
import { strict as assert } from "assert";
import * as fs from "fs";
import * as path from "path";
import fc from "fast-check";
import { analyze, Analysis } from "../../server/src/core/analyze";
import { reanalyze, TextChange } from "../../server/src/core/incremental/reanalyze";
import { changeBetween } from "../../server/src/core/incremental/changeBetween";
import { patientsJson } from "../../server/src/core/engine/json";
import { parseDay } from "../../server/src/core/util/dates";
import { generateCohort } from "../../bench/generate";
import { EXAMPLES_DIR } from "../helpers/paths";

const FUZZ_RUNS = Number(process.env.FUZZ_RUNS) || 0;
const RUNS = FUZZ_RUNS > 0 ? FUZZ_RUNS : 100;
const SEED = Number(process.env.FUZZ_SEED) || 11;
const OPTIONS = { today: parseDay("2026-01-01") as number };

const EXAMPLES = fs.readdirSync(EXAMPLES_DIR).filter((f) => f.endsWith(".nadir")).map((f) => fs.readFileSync(path.join(EXAMPLES_DIR, f), "utf8")).filter((t) => t.length <= 8_000);
const COHORT = generateCohort(3, 6).text;
// Also with CRLF and lone-CR line ends and a byte-order mark: offsets must move the same way.
// A repeated patient id: duplicate-patient compares blocks, so it must survive per-patient edits.
const PAIR = generateCohort(3, 2).text;
const REPEATED = `${PAIR}\n${PAIR.slice(PAIR.indexOf("patient "), PAIR.indexOf("\n}\n") + 3)}`;
const BASES = [...EXAMPLES, COHORT.replace(/\n/g, "\r\n"), "\ufeff" + EXAMPLES[0].replace(/\n/g, "\r"), REPEATED, COHORT];

const INSERTS = ["", "1", "7", " ", "\n", "\r\n", "}", "{", "\"", "#", "x", "T9", "new", "target", "absent", "mm", "  scan 2025-02-01 CT {\n", "patient Q {\n", "  }\n", "é", "\u00a0"];

/** Everything a client can observe, as comparable text (Maps become entry lists). */
function observable(a: Analysis): string {
  return JSON.stringify(
    { text: a.text, file: a.parse.file, parse: a.parse.diagnostics, diagnostics: a.diagnostics, clinical: a.assessment.diagnostics, patients: patientsJson(a.assessment, a.text), model: a.model },
    (_key, value) => (value instanceof Map ? [...value.entries()] : value),
  );
}

const changeArbitrary = fc.record({ at: fc.nat(), length: fc.nat(12), text: fc.oneof(fc.constantFrom(...INSERTS), fc.string({ maxLength: 3 })) });

function toChange(text: string, c: { at: number; length: number; text: string }): TextChange {
  const start = c.at % (text.length + 1);
  return { start, end: Math.min(text.length, start + c.length), text: c.text };
}

describe("robustness: incremental re-analysis equals full analysis (issue 7)", function () {
  this.timeout(FUZZ_RUNS > 0 ? 0 : 60_000);

  it("re-analyses only the edited patient for an edit inside its block", () => {
    const text = BASES[BASES.length - 1];
    const at = text.indexOf(" mm\n", text.length / 2);
    const result = reanalyze(analyze(text, OPTIONS), { start: at - 1, end: at, text: "9" }, OPTIONS);
    assert.equal(result.incremental, true);
    assert.equal(observable(result.analysis), observable(analyze(result.analysis.text, OPTIONS)));
  });

  it("falls back to a full analysis when an edit touches a patient's header or closing brace", () => {
    const text = BASES[BASES.length - 1];
    const brace = text.indexOf("\n}\n") + 1;
    const result = reanalyze(analyze(text, OPTIONS), { start: brace, end: brace + 1, text: "" }, OPTIONS);
    assert.equal(result.incremental, false);
    assert.equal(observable(result.analysis), observable(analyze(result.analysis.text, OPTIONS)));
  });

  it("a line break added above a patient with an unreadable value re-analyses it, so its line numbers stay right (issue 10)", () => {
    const text = "patient A {\n  baseline 2025-01-02 CT {\n    T1 target liver 42 mm\n  }\n}\npatient B {\n  baseline 2025-01-02 CT {\n    T1 target liver 4,2 cm\n  }\n  scan 2025-03-01 CT {\n    T1 40 mm\n  }\n}\n";
    const at = text.indexOf("    T1 target liver 42 mm");
    for (const insert of ["\n", "\r", "x"]) {
      const result = reanalyze(analyze(text, OPTIONS), { start: at, end: at, text: insert }, OPTIONS);
      const full = analyze(result.analysis.text, OPTIONS);
      assert.equal(result.incremental, insert === "x");
      assert.equal(observable(result.analysis), observable(full));
      const trace = (a: Analysis) => a.assessment.patients[1].episodes[0].timepoints[0].explanation.map((e) => e.text).join(" ");
      assert.equal(trace(result.analysis), trace(full));
      assert.match(trace(full), new RegExp(`T1's value on line ${insert === "x" ? 8 : 9} at the baseline`));
    }
  });

  it("changeBetween finds one replacement that turns the old text into the new", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), fc.string({ maxLength: 40 }), (before, after) => {
        const c = changeBetween(before, after);
        assert.equal(before.slice(0, c.start) + c.text + before.slice(c.end), after);
        assert.ok(0 <= c.start && c.start <= c.end && c.end <= before.length);
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });

  it("any sequence of random edits: incremental and full results are identical", () => {
    let incremental = 0;
    fc.assert(
      fc.property(fc.constantFrom(...BASES), fc.array(changeArbitrary, { minLength: 1, maxLength: 5 }), (base, changes) => {
        let current = analyze(base, OPTIONS);
        for (const c of changes) {
          const result = reanalyze(current, toChange(current.text, c), OPTIONS);
          if (result.incremental) incremental++;
          assert.equal(observable(result.analysis), observable(analyze(result.analysis.text, OPTIONS)));
          current = result.analysis;
        }
      }),
      { numRuns: RUNS, seed: SEED },
    );
    // Most random edits land inside a patient block: the fast path must really be exercised.
    assert.ok(incremental > RUNS / 2, `only ${incremental} incremental re-analyses`);
  });
});
