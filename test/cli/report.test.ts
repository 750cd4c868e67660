import * as assert from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { runCli } from "../helpers/runCli";
import { checkTextAgainstJson } from "../unit/report/numbers";
import type { JsonFileAssessment } from "../../server/src/core/engine/json";

describe("nadir report", () => {
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), "nadir-report-"))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("every scan of every example: the report's numbers are those of 'nadir assess --format json'", () => {
    const assess = runCli(["assess", "--format", "json", "--as-of", "2025-08-01", "examples"]);
    const report = runCli(["report", "--all-scans", "--as-of", "2025-08-01", "examples"]);
    assert.strictEqual(report.code, 0, report.stderr);
    const files = (JSON.parse(assess.stdout) as { files: JsonFileAssessment[] }).files;
    const chunks = report.stdout.split(/^(?=TUMOUR RESPONSE REPORT: )/m).filter((c) => c.trim());
    assert.ok(chunks.length > 150, `${chunks.length} reports`);
    // Reports come in input order, a patient's together; ids may repeat (mistakes.nadir has a duplicate-patient), so walk forward.
    const patients = files.flatMap((f) => f.patients);
    let at = 0;
    for (const chunk of chunks) {
      const [, id, date] = /^TUMOUR RESPONSE REPORT: (.+), (\d{4}-\d{2}-\d{2})$/m.exec(chunk)!;
      const [, line] = /^Line of therapy: (\d+) of/m.exec(chunk)!;
      while (patients[at].id !== id || patients[at].episodes.length < Number(line)) at++;
      const patient = patients[at];
      const episode = patient.episodes[Number(line) - 1];
      const tp = /^Examination: \S+ .*\(baseline;/m.test(chunk) ? null : episode.timepoints.find((t) => t.date === date)!;
      checkTextAgainstJson(chunk, episode, tp, `${id} ${date}`);
    }
  });

  it("default: the latest scan of each patient; --patient and --scan pick one", () => {
    const run = runCli(["report", "examples/irecist-pseudoprogression.nadir"]);
    assert.strictEqual(run.code, 0, run.stderr);
    assert.deepStrictEqual([...run.stdout.matchAll(/^TUMOUR RESPONSE REPORT: (.+)$/gm)].map((m) => m[1]), ["MEL-0203, 2025-06-30", "NSCLC-0311, 2025-05-05"]);
    const one = runCli(["report", "--patient", "MEL-0203", "--scan", "2025-02-24", "examples/irecist-pseudoprogression.nadir"]);
    assert.strictEqual(one.code, 0, one.stderr);
    assert.match(one.stdout, /^TUMOUR RESPONSE REPORT: MEL-0203, 2025-02-24$/m);
    assert.match(one.stdout, /^Unconfirmed progression \(iUPD, iRECIST\)\./m);
  });

  it("an unknown --patient or --scan is one line on stderr and exit 2", () => {
    const patient = runCli(["report", "--patient", "PT-9999", "examples/PT-0042.nadir"]);
    assert.strictEqual(patient.code, 2);
    assert.strictEqual(patient.stderr, "nadir report: no patient 'PT-9999' in the input (patients: PT-0042)\n");
    assert.strictEqual(patient.stdout, "");
    const scan = runCli(["report", "--scan", "2025-02-02", "examples/PT-0042.nadir"]);
    assert.strictEqual(scan.code, 2);
    assert.strictEqual(scan.stderr, "nadir report: PT-0042 has no scan on 2025-02-02 (scans: 2025-01-02, 2025-03-01, 2025-04-26)\n");
    const bad = runCli(["report", "--scan", "2025-02-30", "examples/PT-0042.nadir"]);
    assert.strictEqual(bad.code, 2);
    assert.match(bad.stderr, /--scan expects a real date/);
    assert.strictEqual(runCli(["report", "--format", "pdf", "examples"]).code, 2);
    assert.strictEqual(runCli(["report", "--scan", "2025-03-01", "--all-scans", "examples"]).code, 2);
  });

  it("an empty selection is exit 2 with a message", () => {
    const empty = runCli(["report", "-"], { input: "# no patients\n" });
    assert.strictEqual(empty.code, 2);
    assert.strictEqual(empty.stderr, "nadir report: nothing to report: the input holds no patient\n");
    const noBaseline = runCli(["report", "-"], { input: "patient X {\n  scan 2025-01-02 CT {\n  }\n}\n" });
    assert.strictEqual(noBaseline.code, 2);
    assert.match(noBaseline.stderr, /X \(<stdin>\): no baseline to report against \(missing-baseline at line 1\)/);
    assert.match(noBaseline.stderr, /nothing to report: no patient has a baseline/);
  });

  it("--out writes the file whole (html, fhir); a patient with errors is reported as incomplete, on stderr too", () => {
    const out = path.join(dir, "sub", "report.html");
    const run = runCli(["report", "--format", "html", "--patient", "ERR-0001", "-o", out, "examples/mistakes.nadir"]);
    assert.strictEqual(run.code, 0, run.stderr);
    assert.match(run.stderr, /ERR-0001 \(examples\/mistakes\.nadir\) is incomplete/);
    const html = fs.readFileSync(out, "utf8");
    assert.match(html, /^<!DOCTYPE html>/);
    assert.match(html, /INCOMPLETE: errors in the case file/);
    assert.deepStrictEqual(fs.readdirSync(path.dirname(out)), ["report.html"], "no temporary file left");
    const fhir = runCli(["report", "--format", "fhir", "examples/PT-0042.nadir"]);
    assert.strictEqual(JSON.parse(fhir.stdout).resourceType, "Bundle");
  });
});
