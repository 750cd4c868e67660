// Where the resistance classification and the language 1.1 therapy facts reach users: a line of
// `nadir assess` (and its --explain steps), the `resistance` column of the CSV, `resistance` and
// `biomarkers` in the JSON, the FHIR Observation and the therapy's period and status, the CDISC
// FOLLOW-UP epoch after the last dose, and `nadir report`.
import { strict as assert } from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { parse } from "csv-parse/sync";
import type { Bundle, MedicationStatement, Observation, Resource } from "@medplum/fhirtypes";
import { runCli } from "../helpers/runCli";
import { fhirProblems } from "../helpers/fhirSchema";
import { MELANOMA } from "../helpers/immunotherapy";

describe("nadir: resistance and structured biopsies in the outputs", function () {
  this.timeout(60000);
  let dir: string;
  let file: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "nadir-resistance-"));
    file = path.join(dir, "melanoma.nadir");
    fs.writeFileSync(file, MELANOMA);
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("assess (table) has one resistance line per immunotherapy line, with its numbers; --explain adds the steps", () => {
    const r = runCli(["assess", file]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /\n    Episode 1: pembrolizumab from 2025-01-06 \(last dose 2025-09-22, stopped: progression\); baseline 2025-01-02, sum 62 mm\n/, "the end of the line (P2) in its header");
    assert.match(r.stdout, /\n      resistance: secondary \(acquired\) resistance \(SITC 2020 single agent, RECIST 1\.1 reading\): exposure 231 days; disease control 231 days; best response PR; progression 2025-08-25 confirmed by the scan of 2025-09-22; on treatment\n/);
    const explained = runCli(["assess", "--explain", file]).stdout;
    assert.match(explained, /\n {10}R21: Exposure 231 days and disease control 231 days \(183 or more: 6 months or more\), best response PR, progression on treatment: secondary resistance\.\n/);
    const chemo = path.join(dir, "chemo.nadir");
    fs.writeFileSync(chemo, "patient C {\n  therapy FOLFOX from 2025-01-06 chemotherapy\n  baseline 2025-01-02 CT {\n    T1 target liver 40 mm\n  }\n}\n");
    assert.doesNotMatch(runCli(["assess", chemo]).stdout, /resistance:/, "not applicable: no line");
  });

  it("assess (json) has `resistance` per episode and `biomarkers` per patient (P5)", () => {
    const json = JSON.parse(runCli(["assess", "--format", "json", file]).stdout);
    const p = json.files[0].patients[0];
    assert.deepEqual(p.episodes[0].resistance, {
      class: "secondary", text: "secondary (acquired) resistance", reason: "best response PR with disease control of 231 days (6 months or more), exposure 231 days",
      exposureDays: 231, controlDays: 231, daysSinceLastDose: null, bestResponse: "PR", progressionDate: "2025-08-25", confirmedBy: "2025-09-22",
      reading: "RECIST1.1", definition: "SITC 2020 single agent",
    });
    assert.deepEqual(p.biomarkers.map((b: { kind: string; value: unknown; category: string; change: string | null }) => `${b.kind} ${b.value} ${b.category} ${b.change}`), [
      "pd-l1-tps 40 1-49 % null", "tmb 8 below 10 mut/Mb null", "msi stable MSS null",
      "pd-l1-tps 55 >= 50 % higher", "tmb 11 TMB-high higher", "msi stable MSS same",
      "variant BRAF V600E actionable (built-in example, R34) null", "variant TP53 R273H not tier I or II as reported null",
    ]);
    const codes = json.files[0].diagnostics.map((d: { code: string }) => d.code);
    for (const code of ["resistance-classified", "options-to-discuss", "pdl1-changed", "biomarker-information", "actionable-variant", "oligoprogression"]) assert.ok(codes.includes(code), code);
  });

  it("export csv has the `resistance` column, one class per episode on each of its rows", () => {
    const r = runCli(["export", "--to", "csv", file]);
    assert.equal(r.code, 0, r.stderr);
    const rows = parse(r.stdout, { columns: true }) as Array<Record<string, string>>;
    assert.deepEqual(rows.map((row) => row.resistance), ["secondary", "secondary", "secondary", "secondary"]);
  });

  it("export fhir: the therapy ends at its last dose with its stop reason; the resistance class is an Observation focused on it", () => {
    const r = runCli(["export", "--to", "fhir", file]);
    assert.equal(r.code, 0, r.stderr);
    const bundle = JSON.parse(r.stdout) as Bundle;
    assert.deepEqual(fhirProblems(bundle), []);
    const resources = (bundle.entry ?? []).map((e) => e.resource as Resource);
    const therapy = resources.find((x) => x.resourceType === "MedicationStatement") as MedicationStatement;
    assert.deepEqual([therapy.status, therapy.effectivePeriod, therapy.statusReason?.[0].text], ["stopped", { start: "2025-01-06", end: "2025-09-22" }, "stopped: progression"]);
    const resistance = resources.find((x) => x.resourceType === "Observation" && (x as Observation).code.text?.startsWith("Resistance")) as Observation;
    assert.equal(resistance.status, "final");
    assert.deepEqual(resistance.valueCodeableConcept, { coding: [{ system: "urn:nadir:resistance", code: "secondary" }], text: "secondary (acquired) resistance" });
    assert.equal(resistance.effectiveDateTime, "2025-08-25");
    const therapyUrl = bundle.entry!.find((e) => e.resource === therapy)!.fullUrl;
    assert.equal(resistance.focus?.[0].reference, therapyUrl);
    assert.deepEqual(resistance.component?.map((c) => [c.code.text?.split(" (")[0], c.valueQuantity?.value ?? c.valueCodeableConcept?.text ?? c.valueDateTime ?? c.valueString]), [
      ["Exposure", 231], ["Disease-control duration", 231], ["Best overall response up to the progression", "PR"], ["Date of progression", "2025-08-25"], ["Progression confirmed by", "scan of 2025-09-22"],
    ]);
    assert.equal(resistance.derivedFrom?.length, 4, "the response Observations up to the confirming scan");
  });

  it("export cdisc: follow-ups after the line's last dose are in the FOLLOW-UP epoch", () => {
    const stopped = path.join(dir, "stopped.nadir");
    fs.writeFileSync(stopped, MELANOMA.replace("to 2025-09-22", "to 2025-06-01"));
    const out = path.join(dir, "sdtm");
    const r = runCli(["export", "--to", "cdisc", "-o", out, stopped]);
    assert.equal(r.code, 0, r.stderr);
    const tr = parse(fs.readFileSync(path.join(out, "tr.csv"), "utf8"), { columns: true }) as Array<Record<string, string>>;
    assert.deepEqual([...new Set(tr.map((row) => `${row.TRDTC} ${row.EPOCH}`))], [
      "2025-01-02 SCREENING", "2025-03-03 TREATMENT", "2025-05-05 TREATMENT", "2025-08-25 FOLLOW-UP", "2025-09-22 FOLLOW-UP",
    ]);
  });

  it("report: the last scan's report has the resistance section with the options, and lists every biopsy", () => {
    const r = runCli(["report", file]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /\nLine of therapy: 1 of 1, pembrolizumab \(immunotherapy\), started 2025-01-06, last dose 2025-09-22,\n {17}stopped: progression\n/);
    assert.match(r.stdout, /\nIMMUNOTHERAPY RESISTANCE \(SITC\)\nResistance \(R17-R24\): secondary \(acquired\) resistance \(SITC 2020 single agent, RECIST 1\.1 reading\);/);
    assert.match(r.stdout, /\nOptions to discuss \(R35\)\. Confirmed progression under pembrolizumab on 2025-08-25/);
    assert.match(r.stdout, /\n {2}2025-09-30 biopsy liver: PD-L1 TPS 55 % \(at least 50 %, 22C3\), higher category than 2025-01-03;/);
    assert.match(r.stdout, /\nResistance: secondary \(acquired\) resistance \(SITC 2020 single agent, RECIST 1\.1 reading; see/);
    const earlier = runCli(["report", "--scan", "2025-03-03", file]).stdout;
    assert.doesNotMatch(earlier, /IMMUNOTHERAPY RESISTANCE/, "an earlier scan's report has no classification that rests on later scans");
  });
});
