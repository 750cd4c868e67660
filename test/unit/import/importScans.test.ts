import * as assert from "assert";
import * as fc from "fast-check";
import { analyze } from "../../../server/src/core/analyze";
import { describeReports, importScansInto, newCaseFromScans } from "../../../server/src/core/import/importScans";
import type { ImportedLesion, ImportedScan } from "../../../server/src/core/import/types";
import { KNOWN_ORGANS } from "../../../server/src/core/model/organs";

function lesion(organ: string, tenths: number, extra: Partial<ImportedLesion> = {}): ImportedLesion {
  return { source: "r.dcm", trackingId: null, trackingUid: null, organ, description: null, value: { kind: "size", tenths }, measured: "long axis", ...extra };
}

function scan(date: string, lesions: ImportedLesion[], extra: Partial<ImportedScan> = {}): ImportedScan {
  return { sources: [`${date}.dcm`], patientId: "PT-1", date, modality: "CT", lesions, skipped: [], ...extra };
}

function ok(outcome: ReturnType<typeof newCaseFromScans>) {
  if (!outcome.ok) assert.fail(outcome.problems.join("\n"));
  return outcome;
}

function errors(text: string) {
  return analyze(text).diagnostics.filter((d) => d.severity === "error");
}

function lesionLines(text: string): string[] {
  return text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== "" && !/^(patient|baseline|scan|note|criteria|\}|#)/.test(l));
}

describe("import: new case files from imported scans (R1 measurability)", () => {
  it("R1 boundaries: LD 10.0 mm is a target, 9.9 mm non-target; node SA 15.0 target, 14.9 non-target, 9.9 not recorded", () => {
    const out = ok(newCaseFromScans([scan("2025-01-02", [
      lesion("liver", 100), lesion("lung", 99), lesion("node", 150), lesion("node", 149), lesion("node", 99, { source: "r.dcm group 5" }),
    ])]));
    assert.deepStrictEqual(lesionLines(out.text), [
      "T1  target liver    10 mm",
      "NT1 non-target lung 9.9 mm  # longest diameter < 10 mm: not measurable (R1)",
      "N1  target node     15 mm",
      "NT2 non-target node 14.9 mm  # node with short axis 10 to < 15 mm: not measurable (R1)",
    ]);
    assert.deepStrictEqual(out.reports[0].skipped, [{ source: "r.dcm group 5", reason: "lymph node with short axis 9.9 mm (< 10 mm) is normal and not recorded (R1)" }]);
    assert.deepStrictEqual(errors(out.text), []);
  });

  it("R1 limits: at most 2 targets per organ (nodes one organ) and 5 in all; the largest are kept, the rest are non-targets with the reason", () => {
    const out = ok(newCaseFromScans([scan("2025-01-02", [
      lesion("liver", 200), lesion("liver", 300), lesion("liver", 250),
      lesion("node", 160), lesion("node", 170), lesion("node", 180),
      lesion("lung", 110), lesion("lung", 120), lesion("bone", 130),
    ])]));
    const lines = lesionLines(out.text);
    assert.strictEqual(lines.filter((l) => / target /.test(l)).length, 5);
    assert.match(lines[0], /^NT\d+ +non-target liver +20 mm +# measurable, but liver already has 2 larger targets \(R1: at most 2 per organ\)$/);
    assert.match(lines[3], /^NT\d+ +non-target node +16 mm +# measurable, but lymph nodes already have 2 larger targets/);
    assert.match(lines[6], /^NT\d+ +non-target lung +11 mm +# measurable, but 5 larger targets are already chosen \(R1: at most 5 targets\)$/);
    assert.deepStrictEqual(errors(out.text).map((d) => d.code), []);
    const warnings = analyze(out.text).diagnostics.map((d) => d.code);
    assert.ok(!warnings.includes("too-many-targets") && !warnings.includes("too-many-targets-in-organ") && !warnings.includes("target-not-measurable"));
  });

  it("uses valid Tracking Identifiers as lesion ids and stores Tracking UIDs as notes", () => {
    const out = ok(newCaseFromScans([scan("2025-01-02", [
      lesion("liver", 420, { trackingId: "T7", trackingUid: "2.25.1" }),
      lesion("lung", 180, { trackingId: "Lesion 2", trackingUid: "2.25.2" }),
      lesion("lung", 50, { trackingId: "note" }),
    ])]));
    assert.match(out.text, /T7 +target liver +42 mm\n/);
    assert.match(out.text, /T1 +target lung +18 mm +# tracking identifier Lesion 2\n/);
    assert.match(out.text, /NT1 +non-target lung/);
    assert.match(out.text, /note "tracking-uid T7 2\.25\.1"\n/);
    assert.match(out.text, /note "tracking-uid T1 2\.25\.2"\n/);
  });

  it("later reports of the same patient become scans matched by Tracking UID", () => {
    const out = ok(newCaseFromScans([
      scan("2025-03-01", [lesion("liver", 300, { trackingId: "L-a", trackingUid: "2.25.1" })]),
      scan("2025-01-02", [lesion("liver", 420, { trackingId: "L-a", trackingUid: "2.25.1" })]),
    ]));
    assert.match(out.text, /baseline 2025-01-02 CT \{[^}]*L-a target liver 42 mm[^}]*\}\s*scan 2025-03-01 CT \{[^}]*L-a 30 mm/);
    assert.deepStrictEqual(out.reports.map((r) => `${r.block} ${r.date}`), ["baseline 2025-01-02", "scan 2025-03-01"]);
    assert.deepStrictEqual(out.reports[1].matched, [{ id: "L-a", by: "tracking UID" }]);
  });

  it("a report without a patient id needs --patient", () => {
    const out = newCaseFromScans([scan("2025-01-02", [lesion("liver", 200)], { patientId: null })]);
    assert.ok(!out.ok);
    assert.match(out.problems[0], /no patient id in the report; give one with --patient/);
    assert.ok(ok(newCaseFromScans([scan("2025-01-02", [lesion("liver", 200)], { patientId: null })], { patient: "X 1" })).text.startsWith('patient "X 1" {'));
  });
});

const CASE = `patient PT-1 {
  baseline 2025-01-02 CT {
    T1 target liver "segment VII" 42 mm
    T2 target lung "right lower lobe" 18 mm
    N1 target node 17 mm
    NT1 non-target bone "L3" present
    note "tracking-uid T2 2.25.222"
  }

  scan 2025-03-01 CT {
    T1 30 mm
    T2 10 mm
    N1 12 mm
    NT1 present
  }
}

patient PT-2 {
  baseline 2025-01-02 CT {
    T1 target liver 42 mm
  }
}
`;

describe("import: appending a scan to an existing patient (--into)", () => {
  it("matches by Tracking UID, then Tracking Identifier, then organ and description; the rest are new; unmeasured lesions are not evaluated (R4)", () => {
    const out = ok(importScansInto(CASE, [scan("2025-04-26", [
      lesion("lung", 120, { trackingId: "whatever", trackingUid: "2.25.222" }),
      lesion("liver", 380, { trackingId: "t1", trackingUid: "2.25.111" }),
      lesion("node", 90, { description: "anything" }),
      lesion("bone", 150, { description: "L3" }),
      lesion("liver", 120, { trackingId: "Lx", trackingUid: "2.25.333" }),
      lesion("liver", 60),
    ])], { origin: "DICOM SR" }));
    const block = out.text.slice(out.text.indexOf("scan 2025-04-26"), out.text.indexOf("patient PT-2"));
    assert.deepStrictEqual(lesionLines(block).map((l) => l.replace(/ +/g, " ")), [
      "T1 38 mm",
      "T2 12 mm",
      "N1 not evaluated # not measured in the imported report (R4)",
      "NT1 15 mm",
      'NL1 new node "anything" 9 mm # new: matches no lesion of the baseline',
      "Lx new liver 12 mm # new: matches no lesion of the baseline",
      "NL2 new liver 6 mm # new: matches no lesion of the baseline",
    ]);
    assert.deepStrictEqual(out.reports[0].matched, [
      { id: "T2", by: "tracking UID" }, { id: "T1", by: "tracking identifier" }, { id: "NT1", by: "organ and description" },
    ]);
    assert.match(block, /note "tracking-uid T1 2\.25\.111"/);
    assert.match(block, /note "tracking-uid Lx 2\.25\.333"/);
    assert.ok(!/tracking-uid T2/.test(block), "a known UID is not repeated");
    assert.deepStrictEqual(errors(out.text), []);
    assert.match(describeReports(out.reports)[0], /^PT-1 scan 2025-04-26 from 2025-04-26\.dcm: matched 3 .*added 3 .*not evaluated N1; skipped 0$/);
  });

  it("an equivocal new lesion stays equivocal (R6: the report cannot say), and a finding site that differs is flagged", () => {
    const withEquivocal = CASE.replace("    NT1 present\n  }\n}", "    NT1 present\n    NL1 new equivocal lung 4 mm\n  }\n}");
    const out = ok(importScansInto(withEquivocal, [scan("2025-04-26", [lesion("lung", 60, { trackingId: "NL1" }), lesion("liver", 180, { trackingId: "T2" })])]));
    const block = out.text.slice(out.text.indexOf("scan 2025-04-26"));
    assert.match(block, /NL1 new equivocal 6 mm +# still equivocal \(R6\): the report cannot say; remove `new equivocal` if it is now unequivocal\n/);
    assert.match(block, /T2 +18 mm +# the report's finding site is liver; T2 was declared lung\n/);
    const tp = analyze(out.text).assessment.patients[0].episodes[0].timepoints.find((t) => t.date === "2025-04-26");
    assert.strictEqual(tp?.newLesions, "equivocal");
  });

  it("the stored UID matches the next import even when the tracking identifier changed", () => {
    const first = ok(importScansInto(CASE, [scan("2025-04-26", [lesion("liver", 380, { trackingId: "T1", trackingUid: "2.25.111" })])]));
    const second = ok(importScansInto(first.text, [scan("2025-06-20", [lesion("liver", 400, { trackingId: "Lesion A", trackingUid: "2.25.111" })])]));
    assert.deepStrictEqual(second.reports[0].matched, [{ id: "T1", by: "tracking UID" }]);
  });

  it("a Tracking Identifier whose lesion has another known UID is a different lesion", () => {
    const out = ok(importScansInto(CASE, [scan("2025-04-26", [lesion("lung", 150, { trackingId: "T2", trackingUid: "2.25.999" })])]));
    assert.deepStrictEqual(out.reports[0].matched, []);
    assert.deepStrictEqual(out.reports[0].added.map((a) => a.id), ["NL1"]);
  });

  it("a lesion measured twice in one report is skipped the second time with the reason", () => {
    const out = ok(importScansInto(CASE, [scan("2025-04-26", [lesion("liver", 380, { trackingId: "T1", source: "a group 1" }), lesion("liver", 390, { trackingId: "T1", source: "a group 2" })])]));
    assert.deepStrictEqual(out.reports[0].skipped, [{ source: "a group 2", reason: "measures lesion T1 again (already from a group 1)" }]);
  });

  it("places the block by date: a scan between two others goes between them", () => {
    const out = ok(importScansInto(CASE, [scan("2025-02-01", [lesion("liver", 400, { trackingId: "T1" })])]));
    assert.ok(out.text.indexOf("scan 2025-02-01") < out.text.indexOf("scan 2025-03-01"));
    assert.ok(!analyze(out.text).diagnostics.some((d) => d.code === "scan-order"));
  });

  it("a scan before the baseline is a pre-treatment scan: unmatched lesions are skipped (no new lesions there)", () => {
    const out = ok(importScansInto(CASE, [scan("2024-12-01", [lesion("liver", 400, { trackingId: "T1" }), lesion("lung", 100, { trackingId: "X" })])]));
    assert.match(out.reports[0].skipped[0].reason, /a scan before the baseline cannot declare new lesions/);
    assert.deepStrictEqual(errors(out.text), []);
  });

  it("chooses the patient by --patient or the report's patient id; refuses unknown or ambiguous ones and existing dates", () => {
    const second = ok(importScansInto(CASE, [scan("2025-04-26", [lesion("liver", 380, { trackingId: "T1" })], { patientId: "PT-2" })])).text;
    assert.ok(second.indexOf("scan 2025-04-26") > second.indexOf("patient PT-2"));
    const unknown = importScansInto(CASE, [scan("2025-04-26", [lesion("liver", 380)], { patientId: "PT-9" })]);
    assert.ok(!unknown.ok && /patient PT-9 \(from the report\) is not in the file \(patients: PT-1, PT-2\); choose one with --patient/.test(unknown.problems[0]));
    const none = importScansInto(CASE, [scan("2025-04-26", [lesion("liver", 380)], { patientId: null })]);
    assert.ok(!none.ok && /no patient id; choose the patient with --patient/.test(none.problems[0]));
    const twice = importScansInto(CASE.replace("patient PT-2", "patient PT-1"), [scan("2025-04-26", [lesion("liver", 380)])]);
    assert.ok(!twice.ok && /appears 2 times/.test(twice.problems[0]));
    const sameDate = importScansInto(CASE, [scan("2025-03-01", [lesion("liver", 380)])]);
    assert.ok(!sameDate.ok && /already has an assessment dated 2025-03-01/.test(sameDate.problems[0]));
    assert.ok(ok(importScansInto(CASE, [scan("2025-04-26", [lesion("liver", 380)], { patientId: "PT-9" })], { patient: "PT-2" })).text.includes("scan 2025-04-26"));
  });

  it("keeps CRLF line endings and the rest of the file byte for byte", () => {
    const crlf = CASE.replace(/\n/g, "\r\n");
    const out = ok(importScansInto(crlf, [scan("2025-04-26", [lesion("liver", 380, { trackingId: "T1" })])]));
    assert.ok(!/[^\r]\n/.test(out.text));
    const at = out.text.indexOf("\r\n\r\n  scan 2025-04-26");
    assert.ok(at > 0);
    assert.strictEqual(out.text.slice(0, at), crlf.slice(0, at));
  });

  it("property: any imported content yields a file without syntax errors and without new errors", () => {
    const organ = fc.constantFrom(...KNOWN_ORGANS);
    const text = fc.string({ maxLength: 12 });
    const imported = fc.record({
      organ, tenths: fc.integer({ min: 0, max: 3000 }),
      trackingId: fc.option(fc.oneof(text, fc.constantFrom("T1", "T2", "N1", "NT1", "note", "new", "ecog", "A b", "9x")), { nil: null }),
      trackingUid: fc.option(fc.constantFrom("2.25.1", "2.25.222", "2.25.3"), { nil: null }),
      description: fc.option(text, { nil: null }),
    });
    fc.assert(fc.property(fc.array(imported, { maxLength: 8 }), fc.integer({ min: 0, max: 200 }), fc.option(text, { nil: undefined }), (lesions, offset, patient) => {
      const date = new Date(Date.UTC(2024, 11, 1) + offset * 86_400_000).toISOString().slice(0, 10);
      const list = lesions.map((l, i) => lesion(l.organ, l.tenths, { trackingId: l.trackingId, trackingUid: l.trackingUid, description: l.description, source: `g${i}` }));
      const into = importScansInto(CASE, [scan(date, list)]);
      if (into.ok) {
        assert.deepStrictEqual(analyze(into.text).parse.diagnostics, []);
        assert.deepStrictEqual(errors(into.text), []);
      } else {
        assert.ok(into.problems.every((p) => /already has an assessment/.test(p)), into.problems.join("\n"));
      }
      const fresh = newCaseFromScans([scan(date, list, { patientId: patient ?? "PT-1" })]);
      if (fresh.ok) {
        assert.deepStrictEqual(analyze(fresh.text).parse.diagnostics, []);
        assert.deepStrictEqual(errors(fresh.text), []);
      } else {
        assert.fail(fresh.problems.join("\n"));
      }
    }), { numRuns: 200 });
  });
});
