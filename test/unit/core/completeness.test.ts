// Completeness marks (spec, "What the tools report": `complete`) found by span lookup: the same
// errors, in the list's own order, as scanning every diagnostic for every patient, whether the
// list is sorted by start (analyze()) or not; errors between and after patient blocks stay outside.
import { strict as assert } from "assert";
import { analyze } from "../../../server/src/core/analyze";
import { errorsOutsidePatients, markCompleteness } from "../../../server/src/core/completeness";
import type { CoreDiagnostic } from "../../../server/src/core/diagnostics";
import type { Span } from "../../../server/src/core/syntax/ast";
import { COMPLETE_CASE, UNREADABLE_BASELINE_CASE } from "../../helpers/issue10";

const inside = (d: CoreDiagnostic, s: Span) => d.start >= s.start && (d.start < s.end || (d.start === s.end && d.end === s.end));

function shuffled<T>(list: T[], seed: number): T[] {
  const out = [...list];
  let state = seed;
  for (let i = out.length - 1; i > 0; i--) {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    const j = state % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

describe("completeness: errors looked up by span", () => {
  // Errors inside patients, a stray line between them and one after the last block.
  const text = `${UNREADABLE_BASELINE_CASE}stray line\n${COMPLETE_CASE}${UNREADABLE_BASELINE_CASE.replace(/PT-1/g, "PT-3")}trailing }\n`;
  const analysis = analyze(text, { today: 20000 });

  it("the case has errors inside and outside the patient blocks", () => {
    assert.ok(analysis.assessment.patients.length >= 3);
    assert.ok(analysis.assessment.errorsOutsidePatients.length >= 2);
    assert.ok(analysis.assessment.patients.some((p) => !p.complete));
  });

  for (const seed of [0, 1, 2, 3]) {
    it(`gives each patient the errors a full scan gives, in the list's order (${seed === 0 ? "sorted" : `shuffled, seed ${seed}`})`, () => {
      const diagnostics = seed === 0 ? analysis.diagnostics : shuffled(analysis.diagnostics, seed);
      markCompleteness(analysis.assessment, diagnostics);
      for (const p of analysis.assessment.patients) {
        const expected = diagnostics.filter((d) => d.severity === "error" && inside(d, p.patient.node));
        assert.deepEqual(p.incompleteBecause, expected);
        assert.equal(p.complete, expected.length === 0);
      }
      const outside = diagnostics.filter((d) => d.severity === "error" && !analysis.assessment.patients.some((p) => inside(d, p.patient.node)));
      assert.deepEqual(errorsOutsidePatients(analysis.assessment, diagnostics), outside);
      assert.deepEqual(analysis.assessment.errorsOutsidePatients, outside);
    });
  }
});
