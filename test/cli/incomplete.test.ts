// Issue 10, item 1, as a user runs it: the issue's `4,2 cm` case is one error (no cascade), its
// patient is reported incomplete with NE responses, in the table and in JSON, and errors outside
// every patient make the file incomplete.
import { strict as assert } from "assert";
import { runCli } from "../helpers/runCli";
import { COMPLETE_CASE, UNREADABLE_BASELINE_CASE } from "../helpers/issue10";

const ISSUE_CASE = UNREADABLE_BASELINE_CASE;

const GOOD = COMPLETE_CASE;

describe("cli: incomplete results are marked (issue 10)", () => {
  it("nadir check: the issue's case is one syntax-error, no unknown-lesion cascade", () => {
    const r = runCli(["check", "-"], { input: ISSUE_CASE });
    assert.equal(r.code, 1);
    assert.equal(r.stdout, "<stdin>:3:29 error syntax-error Expected a value such as `12 mm`, `absent` or `not evaluated`, found `4,2`.\n");
  });

  it("nadir check: `patien PT-1 {` is one error, not one per line of its block", () => {
    const r = runCli(["check", "-"], { input: ISSUE_CASE.replace("patient PT-1", "patien PT-1").replace("4,2 cm", "42 mm") });
    assert.deepStrictEqual(r.stdout.trim().split("\n"), ["<stdin>:1:1 error syntax-error Expected `patient`, found `patien`."]);
  });

  it("nadir assess (table): an INCOMPLETE line names the error, every response of the episode is NE and marked", () => {
    const r = runCli(["assess", "-"], { input: ISSUE_CASE + GOOD });
    assert.equal(r.code, 0);
    const lines = r.stdout.split("\n");
    const at = lines.indexOf("  PT-1  RECIST1.1");
    assert.deepStrictEqual(lines.slice(at, at + 7), [
      "  PT-1  RECIST1.1",
      "    INCOMPLETE: syntax-error line 3; results marked * rest on partial data (see 'nadir check')",
      "    Episode 1: from 2025-01-02; baseline 2025-01-02, sum -  (incomplete: syntax-error line 3)",
      "      date        sum  nadir  vs base  vs nadir  target  non-target  new  response",
      "      2025-03-01  -    -      -        -         NE      -           no   NE*",
      "      2025-05-01  -    -      -        -         NE      -           no   NE*",
      "      best response NE*; progression -*",
    ]);
    // The other patient is complete and unmarked.
    assert.match(r.stdout, /\n {2}PT-2 {2}RECIST1\.1\n {4}Episode 1: from 2025-01-02; baseline 2025-01-02, sum 42 mm\n/);
    assert.match(r.stdout, /2025-03-01 {2}20 .* PR\n/);
    assert.match(r.stderr, /has errors; results may be incomplete/);
  });

  it("nadir assess --explain says why: T1's value on line 3 could not be read", () => {
    const r = runCli(["assess", "-", "--explain"], { input: ISSUE_CASE });
    assert.match(r.stdout, /R4: T1's value on line 3 at the baseline could not be read: every sum of this episode is unknown and every response NE\./);
  });

  it("nadir assess --format json: complete false with the code and place; the file is complete when every error is inside a patient", () => {
    const json = JSON.parse(runCli(["assess", "-", "--format", "json"], { input: ISSUE_CASE + GOOD }).stdout).files[0];
    assert.equal(json.complete, true);
    const [pt1, pt2] = json.patients;
    assert.deepStrictEqual([pt1.complete, pt1.incompleteBecause], [false, [{ code: "syntax-error", range: { start: { line: 2, character: 28 }, end: { line: 2, character: 31 } } }]]);
    assert.deepStrictEqual(pt1.episodes[0].timepoints.map((t: { sum: number | null; response: string }) => [t.sum, t.response]), [[null, "NE"], [null, "NE"]]);
    assert.equal(pt1.episodes[0].baseline.sum, null);
    assert.deepStrictEqual([pt2.complete, pt2.incompleteBecause], [true, undefined]);
  });

  it("an error outside every patient makes the file incomplete, in JSON and in the table", () => {
    const input = `stray words\n${GOOD}`;
    const json = JSON.parse(runCli(["assess", "-", "--format", "json"], { input }).stdout).files[0];
    assert.deepStrictEqual([json.complete, json.patients[0].complete], [false, true]);
    const table = runCli(["assess", "-"], { input }).stdout;
    assert.match(table, /^<stdin>\n {2}INCOMPLETE: syntax-error line 1 outside every patient block: a patient may be missing\n/);
  });
});
