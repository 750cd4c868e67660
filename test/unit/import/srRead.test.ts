import * as assert from "assert";
import { readSr } from "../../../server/src/core/import/srRead";
import { ImportError } from "../../../server/src/core/import/types";
import { buildSr, cm, mm, SCT, SRT, UNITS } from "../../helpers/srBuilder";

function errorOf(run: () => unknown): string {
  try {
    run();
  } catch (e) {
    assert.ok(e instanceof ImportError, `expected an ImportError, got ${String(e)}`);
    return e.message;
  }
  assert.fail("expected an error");
}

describe("import: reading DICOM SR (TID 1500) with dcmjs", () => {
  const report = buildSr({
    patientId: "PT-7", studyDate: "20250301", procedure: ["77477000", "SCT", "Computed Tomography"],
    groups: [
      { trackingId: "T1", trackingUid: "2.25.11", site: SCT.liver, measurements: [mm(SCT.longAxis, 42), mm(SCT.shortAxis, 30)] },
      { trackingId: "Lesion 2", site: SRT.liver, siteConcept: SRT.findingSite, measurements: [cm(SRT.longAxis, 1.85)] },
      { trackingId: "N1", site: SCT.node, measurements: [mm(SCT.longAxis, 25), mm(SRT.shortAxis, 16)] },
      { trackingId: "N2", site: SRT.node, siteConcept: SRT.findingSite, measurements: [mm(SCT.longAxis, 25)] },
      { trackingId: "px", site: SCT.lung, measurements: [{ concept: SCT.longAxis, value: 120, unit: UNITS.pixels }] },
      { trackingId: "area", site: SCT.lung, measurements: [{ concept: SCT.area, value: 300, unit: UNITS.mm2 }] },
      { trackingId: "len", site: SCT.heart, measurements: [mm(SRT.length, 12.34)] },
      { trackingId: "dia", measurements: [mm(SCT.diameter, 9)] },
    ],
  });
  const scan = readSr(report, "a.dcm");

  it("reads the patient id, the study date and the modality (Procedure Reported)", () => {
    assert.strictEqual(scan.patientId, "PT-7");
    assert.strictEqual(scan.date, "2025-03-01");
    assert.strictEqual(scan.modality, "CT");
  });

  it("maps each group with a linear measurement to a lesion: SNOMED CT and legacy SRT codes alike, cm converted to mm; a Long Axis and Short Axis pair is kept whole (P1)", () => {
    assert.deepStrictEqual(scan.lesions.map((l) => [l.trackingId, l.organ, l.value, l.measured]), [
      ["T1", "liver", { kind: "size", tenths: 420, diameters: { long: 420, short: 300 } }, "long axis and short axis"],
      ["Lesion 2", "liver", { kind: "size", tenths: 185 }, "long axis"],
      ["N1", "node", { kind: "size", tenths: 160, diameters: { long: 250, short: 160 } }, "long axis and short axis"],
      ["len", "other", { kind: "size", tenths: 123 }, "length"],
      ["dia", "other", { kind: "size", tenths: 90 }, "diameter"],
    ]);
    assert.strictEqual(scan.lesions[0].trackingUid, "2.25.11");
  });

  it("keeps an unknown finding site's code in the description (organ other)", () => {
    assert.strictEqual(scan.lesions[3].description, "finding site SCT 80891009 Heart");
  });

  it("lists skipped groups with their reasons: a node without short axis (R1), a pixel unit, an area only", () => {
    assert.deepStrictEqual(scan.skipped.map((s) => s.source), ["a.dcm group 4 (N2)", "a.dcm group 5 (px)", "a.dcm group 6 (area)"]);
    assert.match(scan.skipped[0].reason, /short axis \(R1\).*only long axis/);
    assert.match(scan.skipped[1].reason, /unit \{pixels\} \(UCUM\) is not a length in mm or cm/);
    assert.match(scan.skipped[2].reason, /no linear measurement .*found Area/);
  });

  it("matches concepts by code value and scheme: a right value under another scheme is not Long Axis", () => {
    const s = readSr(buildSr({ studyDate: "20250301", groups: [{ measurements: [mm(["103339001", "SRT", "Long Axis"], 20)] }] }), "x.dcm");
    assert.strictEqual(s.lesions.length, 0);
    assert.match(s.skipped[0].reason, /no linear measurement/);
  });

  it("falls back to the content date when there is no study date", () => {
    assert.strictEqual(readSr(buildSr({ contentDate: "20250405", groups: [{ measurements: [mm(SCT.longAxis, 20)] }] }), "x.dcm").date, "2025-04-05");
  });

  describe("bad input: one clear message naming the file, what and why", () => {
    it("not DICOM", () => {
      assert.strictEqual(errorOf(() => readSr(new TextEncoder().encode("patient PT-1 {}\n"), "case.nadir")), "case.nadir: not a DICOM file (no 'DICM' marker after the 128-byte preamble)");
    });
    it("DICOM, but not an SR (a CT image)", () => {
      const ct = buildSr({ sopClassUid: "1.2.840.10008.5.1.4.1.1.2", modality: "CT", studyDate: "20250301", groups: [] });
      assert.match(errorOf(() => readSr(ct, "ct.dcm")), /^ct\.dcm: DICOM, but not a structured report \(SOP class 1\.2\.840\.10008\.5\.1\.4\.1\.1\.2, modality CT\)/);
    });
    it("an SR that is not a Measurement Report", () => {
      const other = buildSr({ title: ["18748-4", "LN", "Diagnostic imaging report"], studyDate: "20250301", groups: [] });
      assert.match(errorOf(() => readSr(other, "r.dcm")), /not a TID 1500 Measurement Report \(document title \(18748-4, LN/);
    });
    it("a Measurement Report without measurements", () => {
      assert.match(errorOf(() => readSr(buildSr({ studyDate: "20250301", groups: [] }), "e.dcm")), /^e\.dcm: a Measurement Report without measurement groups/);
      assert.match(errorOf(() => readSr(buildSr({ studyDate: "20250301", groups: [], noMeasurementContainer: true }), "e.dcm")), /without measurement groups/);
    });
    it("a damaged file (truncated)", () => {
      const whole = buildSr({ studyDate: "20250301", groups: [{ measurements: [mm(SCT.longAxis, 20)] }] });
      assert.match(errorOf(() => readSr(whole.slice(0, whole.length - 30), "cut.dcm")), /^cut\.dcm: damaged DICOM file, cannot be read/);
    });
    it("a missing date", () => {
      assert.match(errorOf(() => readSr(buildSr({ groups: [{ measurements: [mm(SCT.longAxis, 20)] }] }), "d.dcm")), /^d\.dcm: no study date, content date or observation date/);
    });
    it("an invalid date", () => {
      assert.match(errorOf(() => readSr(buildSr({ studyDate: "20250231", groups: [{ measurements: [mm(SCT.longAxis, 20)] }] }), "d.dcm")), /no study date/);
    });
  });
});
