// Property: whatever a (valid) DICOM SR measurement report holds, importing it never produces a
// case file with syntax errors, nor one with more errors than it started with.
import * as assert from "assert";
import * as fc from "fast-check";
import { analyze } from "../../server/src/core/analyze";
import { readSr } from "../../server/src/core/import/srRead";
import { importScansInto, newCaseFromScans } from "../../server/src/core/import/importScans";
import { buildSr, CodeTriple, SCT, SRT, UNITS, TestGroup } from "../helpers/srBuilder";

const CASE = `patient "PT 1" {
  baseline 2025-01-02 CT {
    T1 target liver "segment VII" 42 mm
    N1 target node 17 mm
    NT1 non-target bone present
  }
  scan 2025-03-01 CT {
    T1 30 mm
    N1 12 mm
    NT1 present
    NL1 new equivocal lung 4 mm
  }
}
`;

const concepts: CodeTriple[] = [SCT.longAxis, SCT.shortAxis, SCT.diameter, SCT.length, SCT.area, SRT.longAxis, SRT.shortAxis, SRT.length, SRT.area, ["999", "99X", "Odd"]];
const sites: CodeTriple[] = [SCT.liver, SCT.lung, SCT.node, SCT.bone, SCT.heart, SRT.liver, SRT.node, ["T-XXXXX", "SRT", "Nowhere"]];
const units: CodeTriple[] = [UNITS.mm, UNITS.cm, UNITS.pixels, UNITS.mm2];

const group: fc.Arbitrary<TestGroup> = fc.record({
  trackingId: fc.option(fc.oneof(fc.string({ maxLength: 16 }), fc.constantFrom("T1", "N1", "NT1", "NL1", "note", "Lesion 1", 'a"b\\c')), { nil: undefined }),
  trackingUid: fc.option(fc.constantFrom("2.25.1", "2.25.2", "1.2.3.4"), { nil: undefined }),
  site: fc.option(fc.constantFrom(...sites), { nil: undefined }),
  measurements: fc.array(fc.record({
    concept: fc.constantFrom(...concepts),
    value: fc.oneof(fc.double({ min: 0, max: 500, noNaN: true }).map((v) => Math.round(v * 100) / 100), fc.constantFrom(0, 9.95, 10, 14.99, 15)),
    unit: fc.constantFrom(...units),
  }), { maxLength: 3 }),
});

describe("property: importing any DICOM SR content gives a case file that parses cleanly", () => {
  it("new case files and --into never have syntax errors or new errors", () => {
    fc.assert(fc.property(fc.array(group, { minLength: 1, maxLength: 7 }), fc.integer({ min: 0, max: 300 }), (groups, offset) => {
      const date = new Date(Date.UTC(2024, 11, 1) + offset * 86_400_000).toISOString().slice(0, 10).replace(/-/g, "");
      const scan = readSr(buildSr({ patientId: "PT 1", studyDate: date, groups }), "r.dcm");
      if (scan.lesions.length === 0) return;
      for (const outcome of [newCaseFromScans([scan]), importScansInto(CASE, [scan])]) {
        if (!outcome.ok) {
          // The import refuses rather than write an error: a scan already there, or a size above
          // 500 mm (a value above 50 cm is generated: `invalid-value`, nothing written).
          const implausible = groups.some((g) => g.measurements.some((m) => m.unit === UNITS.cm && Number(m.value) > 50));
          assert.ok(outcome.problems.every((p) => /already has an assessment/.test(p) || (implausible && /not a plausible lesion size.*\(nothing written\)/.test(p))), outcome.problems.join("\n"));
          continue;
        }
        const analysis = analyze(outcome.text);
        assert.deepStrictEqual(analysis.parse.diagnostics, [], outcome.text);
        assert.deepStrictEqual(analysis.diagnostics.filter((d) => d.severity === "error").map((d) => d.message), [], outcome.text);
      }
    }), { numRuns: 150 });
  });
});
