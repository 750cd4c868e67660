import { strict as assert } from "assert";
import { reportOf, ReportParamsError } from "../../../server/src/service/report";
import { atCursor, caseDocument, on, URI } from "./fixture";
import { IUPD_PENDING, TOO_MANY_TARGETS } from "./cases";

describe("service: nadir/report at the cursor", () => {
  it("reports the scan block under the cursor, its header or a lesion line inside it", () => {
    for (const needle of ["scan 2025-03-01", "T2 10 mm"]) {
      const { doc, position } = on(IUPD_PENDING, needle);
      const result = reportOf(doc, "case.nadir", { uri: URI, position, format: "text" });
      assert.ok(result.content !== null);
      assert.equal(result.scanDate, "2025-03-01", needle);
    }
    const baseline = on(IUPD_PENDING, "T1 target liver");
    const atBaseline = reportOf(baseline.doc, "case.nadir", { uri: URI, position: baseline.position, format: "text" });
    assert.ok(atBaseline.content !== null && atBaseline.scanDate === "2025-01-02");
    assert.match(atBaseline.content, /^Baseline examination \(iRECIST\)\./m);
  });

  it("elsewhere in a patient, the patient's latest scan; outside every patient of a file with several, a message", () => {
    const { doc, position } = on(IUPD_PENDING, "therapy pembrolizumab");
    const latest = reportOf(doc, "case.nadir", { uri: URI, position, format: "md" });
    assert.ok(latest.content !== null && latest.scanDate === "2025-04-26");
    const two = atCursor(`|${TOO_MANY_TARGETS}`);
    const outside = reportOf(two.doc, "case.nadir", { uri: URI, position: two.position, format: "text" });
    assert.deepEqual(outside, { content: null, message: "Place the cursor inside a patient to see its report." });
  });

  it("by patient and scan; unknown ones give a message, a bad format an error", () => {
    const doc = caseDocument(IUPD_PENDING);
    const named = reportOf(doc, "case.nadir", { uri: URI, patient: "PT-7", scan: "2025-03-01", format: "html-article" });
    assert.ok(named.content !== null && named.content.startsWith('<article class="report" data-patient="PT-7" data-scan="2025-03-01"'));
    const unknown = reportOf(doc, "case.nadir", { uri: URI, patient: "PT-7", scan: "2025-03-02", format: "text" });
    assert.equal(unknown.content, null);
    assert.match((unknown as { message: string }).message, /^PT-7 has no scan on 2025-03-02/);
    assert.throws(() => reportOf(doc, "case.nadir", { uri: URI, patient: "PT-7", format: "pdf" as never }), ReportParamsError);
  });
});
