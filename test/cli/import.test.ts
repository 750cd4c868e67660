import * as assert from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { runCli } from "../helpers/runCli";
import { buildSr, cm, mm, SCT, SRT, UNITS } from "../helpers/srBuilder";
import { analyze } from "../../server/src/core/analyze";
import { EXAMPLES_DIR } from "../helpers/paths";

/** PT-0042 without its last scan (2025-04-26), to import that scan from an SR. */
function caseWithoutLastScan(): string {
  const text = fs.readFileSync(path.join(EXAMPLES_DIR, "PT-0042.nadir"), "utf8");
  const start = text.indexOf("  scan 2025-04-26");
  return text.slice(0, start) + text.slice(text.indexOf("  }\n", start) + 4);
}

describe("nadir import sr", function () {
  this.timeout(60000);
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), "nadir-import-"))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));
  const write = (name: string, bytes: Uint8Array | string) => {
    fs.writeFileSync(path.join(dir, name), bytes);
    return path.join(dir, name);
  };

  const followUp = () => buildSr({
    patientId: "PT-0042", studyDate: "20250426", procedure: ["CT", "DCM", "Computed Tomography"],
    groups: [
      { trackingId: "T1", site: SCT.liver, measurements: [cm(SCT.longAxis, 3.8)] },
      { trackingId: "T2", site: SCT.lung, measurements: [mm(SCT.longAxis, 0)] },
      { trackingId: "N1", site: SRT.node, siteConcept: SRT.findingSite, measurements: [mm(SRT.shortAxis, 12)] },
      { trackingId: "Lesion 9", trackingUid: "2.25.9", site: SCT.liver, measurements: [mm(SRT.longAxis, 12)] },
      { trackingId: "px", site: SCT.lung, measurements: [{ concept: SCT.longAxis, value: 40, unit: UNITS.pixels }] },
      { trackingId: "area", site: SCT.liver, measurements: [{ concept: SCT.area, value: 100, unit: UNITS.mm2 }] },
    ],
  });

  it("--into appends the scan to the patient, rewrites the file atomically, and summarises on stderr (exit 0 with skipped groups)", () => {
    const into = write("case.nadir", caseWithoutLastScan());
    const sr = write("fu.dcm", followUp());
    const run = runCli(["import", "sr", sr, "--into", into]);
    assert.strictEqual(run.code, 0, run.stderr);
    const text = fs.readFileSync(into, "utf8");
    assert.match(text, /scan 2025-04-26 CT \{ {2}# imported from DICOM SR .*fu\.dcm\n {4}T1 +38 mm\n {4}T2 +absent\n {4}N1 +12 mm\n {4}NT1 +not evaluated +# not measured in the imported report \(R4\)\n {4}NT2 +not evaluated[^\n]*\n {4}NL1 +new liver 12 mm +# new: matches no lesion of the baseline \(tracking identifier Lesion 9\)\n {4}note "tracking-uid NL1 2\.25\.9"\n {2}\}/);
    assert.deepStrictEqual(analyze(text).diagnostics.filter((d) => d.severity === "error"), []);
    assert.deepStrictEqual(fs.readdirSync(dir).sort(), ["case.nadir", "fu.dcm"], "no temporary file left behind");
    assert.match(run.stderr, /PT-0042 scan 2025-04-26 from .*fu\.dcm: matched 3 \(T1 by tracking identifier, T2 by tracking identifier, N1 by tracking identifier\); added 1 \(NL1: new lesion, liver\); not evaluated NT1, NT2; skipped 2/);
    assert.match(run.stderr, /skipped .*fu\.dcm group 5 \(px\): long axis: unit \{pixels\} \(UCUM\) is not a length in mm or cm/);
    assert.match(run.stderr, /skipped .*fu\.dcm group 6 \(area\): no linear measurement .*found Area/);
    assert.match(run.stderr, /wrote .*case\.nadir/);
  });

  it("without --into prints a new case file; --out writes it (never over an existing file)", () => {
    const sr = write("b.dcm", buildSr({ patientId: "P-1", studyDate: "20250102", groups: [
      { trackingId: "T1", site: SCT.liver, measurements: [mm(SCT.longAxis, 42)] },
      { trackingId: "N1", site: SCT.node, measurements: [mm(SCT.shortAxis, 12)] },
    ] }));
    const run = runCli(["import", "sr", sr]);
    assert.strictEqual(run.code, 0, run.stderr);
    assert.match(run.stdout, /^patient P-1 \{\n {2}baseline 2025-01-02 \{/);
    assert.match(run.stdout, /T1 target liver +42 mm/);
    assert.match(run.stdout, /N1 non-target node 12 mm +# node with short axis 10 to < 15 mm: not measurable \(R1\)/);
    const out = path.join(dir, "new.nadir");
    assert.strictEqual(runCli(["import", "sr", sr, "--out", out]).code, 0);
    assert.strictEqual(fs.readFileSync(out, "utf8"), run.stdout);
    const again = runCli(["import", "sr", sr, "--out", out]);
    assert.strictEqual(again.code, 2);
    assert.match(again.stderr, /already exists/);
  });

  it("a directory: reads the SRs in it, lists and ignores the files that are not SR", () => {
    fs.mkdirSync(path.join(dir, "study"));
    fs.writeFileSync(path.join(dir, "study", "sr.dcm"), followUp());
    fs.writeFileSync(path.join(dir, "study", "image.dcm"), buildSr({ sopClassUid: "1.2.840.10008.5.1.4.1.1.2", modality: "CT", studyDate: "20250426", groups: [] }));
    fs.writeFileSync(path.join(dir, "study", "readme.txt"), "hello");
    const run = runCli(["import", "sr", path.join(dir, "study")]);
    assert.strictEqual(run.code, 0, run.stderr);
    assert.match(run.stderr, /ignored .*image\.dcm: DICOM, but not a structured report/);
    assert.match(run.stderr, /ignored .*readme\.txt: not a DICOM file/);
  });

  describe("bad input: one line each, nothing written, exit 2", () => {
    const cases: Array<[string, () => Uint8Array | string, RegExp]> = [
      ["not DICOM", () => "patient X {}\n", /x\.dcm: not a DICOM file/],
      ["DICOM that is not an SR", () => buildSr({ sopClassUid: "1.2.840.10008.5.1.4.1.1.2", modality: "CT", studyDate: "20250426", groups: [] }), /x\.dcm: DICOM, but not a structured report/],
      ["an SR without measurements", () => buildSr({ patientId: "PT-0042", studyDate: "20250426", groups: [] }), /x\.dcm: a Measurement Report without measurement groups/],
      ["a damaged file", () => followUp().slice(0, 700), /x\.dcm: damaged DICOM file/],
      ["only non-length units", () => buildSr({ patientId: "PT-0042", studyDate: "20250426", groups: [{ trackingId: "T1", measurements: [{ concept: SCT.longAxis, value: 3, unit: UNITS.pixels }] }] }), /x\.dcm: no measurement group with a linear measurement in mm or cm: nothing to import \(long axis: unit \{pixels\}/],
      ["a missing date", () => buildSr({ patientId: "PT-0042", groups: [{ measurements: [mm(SCT.longAxis, 20)] }] }), /x\.dcm: no study date, content date or observation date/],
    ];
    for (const [what, bytes, message] of cases) {
      it(what, () => {
        const into = write("case.nadir", caseWithoutLastScan());
        const before = fs.readFileSync(into, "utf8");
        const run = runCli(["import", "sr", write("x.dcm", bytes()), "--into", into]);
        assert.strictEqual(run.code, 2, run.stderr);
        assert.match(run.stderr, message);
        assert.match(run.stderr, /nothing written\n$/);
        assert.strictEqual(run.stderr.split("\n").filter((l) => l).length, 2, run.stderr);
        assert.strictEqual(fs.readFileSync(into, "utf8"), before);
      });
    }

    it("a patient that is not in the file, and a missing --into file", () => {
      const into = write("case.nadir", caseWithoutLastScan());
      const run = runCli(["import", "sr", write("x.dcm", followUp()), "--into", into, "--patient", "PT-9"]);
      assert.strictEqual(run.code, 2);
      assert.match(run.stderr, /patient PT-9 is not in the file \(patients: PT-0042\)/);
      const missing = runCli(["import", "sr", write("y.dcm", followUp()), "--into", path.join(dir, "none.nadir")]);
      assert.strictEqual(missing.code, 2);
      assert.match(missing.stderr, /cannot read '.*none\.nadir': no such file or directory/);
    });

    it("usage errors", () => {
      assert.strictEqual(runCli(["import"]).code, 2);
      assert.match(runCli(["import", "pdf"]).stderr, /unknown import 'pdf'/);
      assert.match(runCli(["import", "sr"]).stderr, /no DICOM SR files given/);
      assert.match(runCli(["import", "--help"]).stdout, /nadir import sr <files \| directories>/);
    });
  });

  it("round trip: export --to dicom-sr, then import --into: the same ids and values", () => {
    const out = path.join(dir, "sr");
    const exported = runCli(["export", "--to", "dicom-sr", "--out", out, "examples/PT-0042.nadir"]);
    assert.strictEqual(exported.code, 0, exported.stderr);
    assert.deepStrictEqual(fs.readdirSync(out).sort(), ["PT-0042_2024-11-20.dcm", "PT-0042_2025-01-02.dcm", "PT-0042_2025-03-01.dcm", "PT-0042_2025-04-26.dcm"]);
    assert.match(exported.stderr, /PT-0042 2025-04-26: NT1 not written \(increased, no size/);
    const into = write("case.nadir", caseWithoutLastScan());
    const run = runCli(["import", "sr", path.join(out, "PT-0042_2025-04-26.dcm"), "--into", into]);
    assert.strictEqual(run.code, 0, run.stderr);
    const text = fs.readFileSync(into, "utf8");
    assert.match(text, /T1 +38 mm\n {4}T2 +absent\n {4}N1 +12 mm\n {4}NT1 +not evaluated[^\n]*\n {4}NT2 +absent\n {4}NL1 +new liver 12 mm[^\n]*\n {4}NL3 +new lung +4 mm/);
    assert.strictEqual(runCli(["export", "--to", "dicom-sr", "examples/PT-0042.nadir"]).code, 2, "binary files need --out");
  });
});

describe("nadir import sdtm", function () {
  this.timeout(60000);
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), "nadir-import-sdtm-"))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));
  const fixture = (name: string) => path.join("test", "fixtures", "sdtm", `${name}.csv`);

  it("writes one case file per subject and prints the agreement report", () => {
    const run = runCli(["import", "sdtm", "--tu", fixture("tu"), "--tr", fixture("tr"), "--rs", fixture("rs"), "--out", dir]);
    assert.strictEqual(run.code, 0, run.stderr);
    assert.deepStrictEqual(fs.readdirSync(dir).sort(), ["001.nadir", "002.nadir"]);
    assert.match(run.stdout, /Compared 4 time points: 3 agree \(75 %\)\.\nCohen's kappa 0\.600 \(exactly 3\/5\)/);
    const check = runCli(["check", dir]);
    assert.strictEqual(check.code === 2, false, check.stderr);
  });

  it("--agreement csv|json, --evaluator", () => {
    const csv = runCli(["import", "sdtm", "--tu", fixture("tu"), "--tr", fixture("tr"), "--rs", fixture("rs"), "--agreement", "csv"]);
    assert.strictEqual(csv.code, 0, csv.stderr);
    assert.strictEqual(csv.stdout.split("\n")[0], "SUBJECT,VISIT,DATE,CRITERIA,NADIR,RECORDED,AGREE,RULES,EXPLANATION");
    const json = runCli(["import", "sdtm", "--tu", fixture("tu"), "--tr", fixture("tr"), "--rs", fixture("rs"), "--agreement", "json", "--evaluator", "RADIOLOGIST 2"]);
    assert.strictEqual(JSON.parse(json.stdout).agreements, 2);
    const cases = runCli(["import", "sdtm", "--tu", fixture("tu"), "--tr", fixture("tr")]);
    assert.match(cases.stdout, /patient 001 \{[\s\S]*patient 002 \{/);
  });

  it("bad input: exit 2, one line each, nothing written", () => {
    const tr = fs.readFileSync(fixture("tr"), "utf8").replace("LDIAM,Longest Diameter,5,cm", "AREA,Area,5,cm");
    fs.writeFileSync(path.join(dir, "tr.csv"), tr);
    const out = path.join(dir, "out");
    const run = runCli(["import", "sdtm", "--tu", fixture("tu"), "--tr", path.join(dir, "tr.csv"), "--out", out]);
    assert.strictEqual(run.code, 2);
    assert.match(run.stderr, /tr\.csv:2: unknown TRTESTCD 'AREA'/);
    assert.ok(!fs.existsSync(out));
    const xpt = path.join(dir, "tu.xpt");
    fs.writeFileSync(xpt, "HEADER RECORD*******LIBRARY HEADER RECORD!!!!!!!000000000000000000000000000000");
    assert.match(runCli(["import", "sdtm", "--tu", xpt, "--tr", fixture("tr")]).stderr, /a SAS transport \(XPT\) file; Nadir reads SDTM as CSV/);
    assert.match(runCli(["import", "sdtm", "--tu", fixture("tu"), "--tr", fixture("tr"), "--agreement", "csv"]).stderr, /give --rs RS\.csv/);
  });
});
