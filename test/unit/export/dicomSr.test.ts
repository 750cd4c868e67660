import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import * as dcmjs from "dcmjs";
import { analyze } from "../../../server/src/core/analyze";
import { dicomSrReports, nameBasedUid, trackingUidOf } from "../../../server/src/core/export/dicomSr";
import { readSr } from "../../../server/src/core/import/srRead";
import { importScansInto, newCaseFromScans } from "../../../server/src/core/import/importScans";
import { EXAMPLES_DIR } from "../../helpers/paths";

const text = fs.readFileSync(path.join(EXAMPLES_DIR, "PT-0042.nadir"), "utf8");
const reports = dicomSrReports([{ path: "PT-0042.nadir", analysis: analyze(text) }]);

describe("export: DICOM SR (TID 1500 Measurement Report) per scan", () => {
  it("writes one Enhanced SR per assessment, readable by dcmjs, with the TID 1500 structure", () => {
    assert.deepStrictEqual(reports.map((r) => `${r.kind} ${r.date}`), ["scan 2024-11-20", "baseline 2025-01-02", "scan 2025-03-01", "scan 2025-04-26"]);
    const bytes = reports[1].bytes;
    const ds = dcmjs.data.DicomMetaDictionary.naturalizeDataset(dcmjs.data.DicomMessage.readFile(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer).dict) as Record<string, any>;
    assert.strictEqual(ds.SOPClassUID, "1.2.840.10008.5.1.4.1.1.88.22");
    assert.strictEqual(ds.Modality, "SR");
    assert.strictEqual(ds.PatientID, "PT-0042");
    assert.strictEqual(ds.StudyDate, "20250102");
    assert.strictEqual(ds.ConceptNameCodeSequence[0].CodeValue, "126000");
    const measurements = ds.ContentSequence.find((c: any) => c.ConceptNameCodeSequence[0].CodeValue === "126010");
    const groups = measurements.ContentSequence;
    assert.strictEqual(groups.length, 4, "T1, T2, N1, NT2 (NT1 is `present`: no size)");
    const n1 = groups[2].ContentSequence;
    assert.deepStrictEqual(n1.map((c: any) => c.ConceptNameCodeSequence[0].CodeValue), ["112039", "112040", "363698007", "103340004"]);
    assert.strictEqual(n1[0].TextValue, "N1");
    assert.strictEqual(n1[2].ConceptCodeSequence[0].CodeValue, "59441001");
    assert.strictEqual(n1[3].MeasuredValueSequence[0].MeasurementUnitsCodeSequence[0].CodeValue, "mm");
    assert.strictEqual(Number(n1[3].MeasuredValueSequence[0].NumericValue), 17);
    assert.deepStrictEqual(reports[1].notExported, [{ lesionId: "NT1", why: "present, no size" }]);
  });

  it("leaves a value that cannot be read out of the SR and says so, never with its text (issue 10)", () => {
    const broken = "patient PT-9 {\n  baseline 2025-01-02 CT {\n    T1 target liver 42 mm\n    T2 target lung 4,2 cm Smith\n  }\n}\n";
    const [baseline] = dicomSrReports([{ path: "b.nadir", analysis: analyze(broken) }]);
    assert.deepStrictEqual(baseline.notExported, [{ lesionId: "T2", why: "value unreadable (line 4)" }]);
    assert.ok(!Buffer.from(baseline.bytes).toString("latin1").includes("Smith"));
  });

  it("Tracking UIDs are 2.25 OIDs derived from patient and lesion: the same across scans, different between lesions", () => {
    const uid = trackingUidOf("PT-0042", "T1");
    assert.match(uid, /^2\.25\.\d{1,39}$/);
    assert.ok(uid.length <= 64);
    assert.strictEqual(uid, trackingUidOf("PT-0042", "T1"));
    assert.notStrictEqual(uid, trackingUidOf("PT-0042", "T2"));
    assert.notStrictEqual(uid, trackingUidOf("PT-0043", "T1"));
    const uids = reports.map((r) => readSr(r.bytes, "x").lesions.find((l) => l.trackingId === "T1")?.trackingUid);
    assert.deepStrictEqual(new Set(uids), new Set([uid]));
    // A version-5 UUID: the version nibble is 5 and the variant bits are 10.
    const hex = BigInt(nameBasedUid("x").slice(5)).toString(16).padStart(32, "0");
    assert.strictEqual(hex[12], "5");
    assert.ok(["8", "9", "a", "b"].includes(hex[16]));
  });

  it("is deterministic: the same case file gives the same bytes", () => {
    const again = dicomSrReports([{ path: "PT-0042.nadir", analysis: analyze(text) }]);
    assert.deepStrictEqual(again.map((r) => Buffer.from(r.bytes).toString("hex")), reports.map((r) => Buffer.from(r.bytes).toString("hex")));
  });

  it("round trip: export, import --into the case without that scan: the same ids and values", () => {
    const start = text.indexOf("  scan 2025-04-26");
    const end = text.indexOf("  }\n", start) + 4;
    const without = text.slice(0, start) + text.slice(end);
    const scan = readSr(reports[3].bytes, "PT-0042_2025-04-26.dcm");
    const out = importScansInto(without, [scan]);
    if (!out.ok) assert.fail(out.problems.join("\n"));
    const original = analyze(text).model.patients[0].assessments.find((a) => a.date === "2025-04-26");
    const imported = analyze(out.text).model.patients[0].assessments.find((a) => a.date === "2025-04-26");
    const sized = (a: typeof original) => new Map((a?.measurements ?? []).filter((m) => m.value.kind === "size").map((m) => [m.lesionId, m.value.kind === "size" ? m.value.tenths : -1]));
    assert.deepStrictEqual(sized(imported), sized(original));
    assert.deepStrictEqual(out.reports[0].matched.map((m) => `${m.id} by ${m.by}`), ["T1 by tracking identifier", "T2 by tracking identifier", "N1 by tracking identifier", "NT2 by tracking identifier"]);
    assert.strictEqual(imported?.modality, "CT");
  });

  it("round trip into a new case file: the baseline's ids, organs and sizes come back", () => {
    const out = newCaseFromScans([readSr(reports[1].bytes, "b.dcm")]);
    if (!out.ok) assert.fail(out.problems.join("\n"));
    const lesions = [...analyze(out.text).model.patients[0].episodes[0].lesions.values()].map((l) => `${l.id} ${l.kind} ${l.organ}`);
    assert.deepStrictEqual(lesions, ["T1 target liver", "T2 target lung", "N1 target node", "NT2 non-target node"]);
  });

  it("P1 round trip: `A x B` leaves as a Long Axis and a Short Axis, and comes back as `A x B` (nodes too)", () => {
    const text = `patient PT-9 {
  baseline 2025-01-02 CT {
    T1 target liver 42 x 30 mm
    N1 target node 25 x 17 mm
  }
}
`;
    const [report] = dicomSrReports([{ path: "b.nadir", analysis: analyze(text) }]);
    const scan = readSr(report.bytes, "b.dcm");
    assert.deepStrictEqual(scan.lesions.map((l) => [l.trackingId, l.value]), [
      ["T1", { kind: "size", tenths: 420, diameters: { long: 420, short: 300 } }],
      ["N1", { kind: "size", tenths: 170, diameters: { long: 250, short: 170 } }],
    ]);
    const out = newCaseFromScans([scan]);
    if (!out.ok) assert.fail(out.problems.join("\n"));
    assert.match(out.text, /T1 +target liver +42 x 30 mm/);
    assert.match(out.text, /N1 +target node +25 x 17 mm/);
  });
});
