import * as assert from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { parse } from "csv-parse/sync";
import type { Bundle } from "@medplum/fhirtypes";
import { runCli } from "../helpers/runCli";
import { fhirProblems } from "../helpers/fhirSchema";
import { TIMEPOINT_COLUMNS } from "../../server/src/core/export/csv";
import { RS_COLUMNS, TR_COLUMNS, TU_COLUMNS } from "../../server/src/core/export/cdisc";

describe("nadir export", function () {
  this.timeout(60000);
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), "nadir-export-"))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("--to csv prints one row per time point, with the spec's numbers for PT-0042 (R3, R7, R10)", () => {
    const run = runCli(["export", "--to", "csv", "examples/PT-0042.nadir"]);
    assert.strictEqual(run.code, 0, run.stderr);
    const rows = parse(run.stdout, { columns: true }) as Array<Record<string, string>>;
    assert.deepStrictEqual(Object.keys(rows[0]), TIMEPOINT_COLUMNS);
    assert.deepStrictEqual(rows.map((r) => r.date), ["2025-03-01", "2025-04-26"]);
    const first = rows[0];
    assert.deepStrictEqual([first.baseline_sum_mm, first.sum_mm, first.nadir_mm, first.change_from_baseline_pct, first.target, first.non_target, first.new_lesions, first.response, first.i_response],
      ["77", "44", "77", "-42.9", "PR", "NON-CR/NON-PD", "no", "PR", "iPR"]);
  });

  it("--to csv -o DIR writes timepoints.csv for a whole directory", () => {
    const run = runCli(["export", "--to", "csv", "-o", dir, "examples/cohort.nadir", "examples/PT-0042.nadir"]);
    assert.strictEqual(run.code, 0, run.stderr);
    const rows = parse(fs.readFileSync(path.join(dir, "timepoints.csv"), "utf8"), { columns: true }) as Array<Record<string, string>>;
    assert.ok(new Set(rows.map((r) => r.patient)).size > 10);
    assert.match(run.stderr, /wrote timepoints\.csv/);
  });

  it("--to cdisc -o DIR writes TU, TR and RS tables with their SDTM columns", () => {
    const run = runCli(["export", "--to", "cdisc", "--study", "ONC-1", "-o", dir, "examples"]);
    assert.strictEqual(run.code, 0, run.stderr);
    assert.match(run.stderr, /error/, "mistakes.nadir has errors: the user is told");
    const read = (name: string) => parse(fs.readFileSync(path.join(dir, name), "utf8"), { columns: true }) as Array<Record<string, string>>;
    const [tu, tr, rs] = [read("tu.csv"), read("tr.csv"), read("rs.csv")];
    assert.deepStrictEqual(Object.keys(tu[0]), TU_COLUMNS);
    assert.deepStrictEqual(Object.keys(tr[0]), TR_COLUMNS);
    assert.deepStrictEqual(Object.keys(rs[0]), RS_COLUMNS);
    assert.ok(tu.every((r) => r.STUDYID === "ONC-1" && r.TULNKID !== ""));
    assert.deepStrictEqual([...new Set(tr.map((r) => r.TRTESTCD))].sort(), ["LDIAM", "LPERP", "SUMDIAM", "TUMSTATE"]);
    assert.deepStrictEqual([...new Set(rs.map((r) => r.RSTESTCD))].sort(), ["BESTRSP", "NEWLIND", "NTRGRESP", "OVRLRESP", "TRGRESP"]);
    assert.deepStrictEqual([...new Set(rs.map((r) => r.RSCAT))].sort(), ["RECIST 1.1", "iRECIST"]);
    const pt = rs.filter((r) => r.USUBJID === "ONC-1-PT-0042" && r.RSDTC === "2025-03-01");
    assert.deepStrictEqual(pt.map((r) => `${r.RSTESTCD}=${r.RSORRES} (${r.RSCAT})`),
      ["TRGRESP=PR (RECIST 1.1)", "NTRGRESP=NON-CR/NON-PD (RECIST 1.1)", "NEWLIND=N (RECIST 1.1)", "OVRLRESP=PR (RECIST 1.1)", "OVRLRESP=iPR (iRECIST)"]);
    // ERR-0006 holds warnings only (as-of-before-last-scan, merged-across-organs, scan-order): it is complete.
    assert.deepStrictEqual([...new Set(tu.map((r) => r.USUBJID).filter((id) => id.startsWith("ONC-1-ERR-")))], ["ONC-1-ERR-0006"], "incomplete patients are left out");
  });

  it("leaves incomplete patients out unless --include-incomplete, naming them with codes and lines on standard error", () => {
    const run = runCli(["export", "--to", "csv", "examples/mistakes.nadir", "examples/PT-0042.nadir"]);
    assert.strictEqual(run.code, 0, run.stderr);
    const rows = parse(run.stdout, { columns: true }) as Array<Record<string, string>>;
    assert.deepStrictEqual([...new Set(rows.map((r) => r.patient))], ["ERR-0006", "PT-0042"], "only complete patients (ERR-0006 has warnings only)");
    assert.ok(rows.every((r) => r.complete === "true"));
    assert.match(run.stderr, /^nadir export: left out ERR-0002 of examples\/mistakes\.nadir \(incomplete: .*syntax-error line 64.*\); --include-incomplete keeps it$/m);
    const all = runCli(["export", "--to", "csv", "--include-incomplete", "examples/mistakes.nadir"]);
    const kept = parse(all.stdout, { columns: true }) as Array<Record<string, string>>;
    assert.ok(kept.some((r) => r.patient === "ERR-0002" && r.complete === "false"), all.stdout);
    assert.match(all.stderr, /included ERR-0002 of examples\/mistakes\.nadir although incomplete/);
  });

  it("nothing to export (no patient, or every patient left out as incomplete) is exit 2 with a message, not an empty table", () => {
    const empty = runCli(["export", "--to", "csv", "-"], { input: "# no patient here\n" });
    assert.strictEqual(empty.code, 2);
    assert.match(empty.stderr, /^nadir export: nothing to export: the input holds no patient$/m);
    const broken = "patient X {\n  baseline 2025-01-02 CT {\n    T1 target liver 4,2 cm\n  }\n}\n";
    const left = runCli(["export", "--to", "csv", "-"], { input: broken });
    assert.strictEqual(left.code, 2);
    assert.match(left.stderr, /^nadir export: left out X of <stdin> \(incomplete: syntax-error line 3\)/m);
    assert.match(left.stderr, /^nadir export: nothing to export: every patient was left out as incomplete/m);
    assert.strictEqual(left.stdout, "");
    const kept = runCli(["export", "--to", "csv", "--include-incomplete", "-"], { input: broken });
    assert.strictEqual(kept.code, 0, kept.stderr);
  });

  it("marks responses of incomplete episodes in FHIR as preliminary, with a note saying why", () => {
    const run = runCli(["export", "--to", "fhir", "--include-incomplete", "examples/mistakes.nadir"]);
    const bundles = run.stdout.trim().split("\n").map((l) => JSON.parse(l) as Bundle);
    const responses = bundles.flatMap((b) => (b.entry ?? []).map((e) => e.resource!)).filter((r) => r.resourceType === "Observation" && r.code?.coding?.[0]?.code === "97509-4");
    assert.ok(responses.length > 0);
    const complete = runCli(["assess", "--format", "json", "examples/mistakes.nadir"]);
    const completeIds = new Set((JSON.parse(complete.stdout).files[0].patients as Array<{ id: string; complete: boolean }>).filter((p) => p.complete).map((p) => p.id));
    assert.ok(completeIds.size > 0 && completeIds.size < bundles.length, "mistakes.nadir holds complete and incomplete patients");
    for (const bundle of bundles) {
      const patient = (bundle.entry ?? []).map((e) => e.resource!).find((r) => r.resourceType === "Patient") as { identifier?: Array<{ value?: string }> } | undefined;
      const id = patient?.identifier?.[0]?.value ?? "";
      const ofPatient = (bundle.entry ?? []).map((e) => e.resource!).filter((r) => r.resourceType === "Observation" && r.code?.coding?.[0]?.code === "97509-4");
      for (const r of ofPatient as Array<{ status: string; note?: Array<{ text: string }> }>) {
        if (completeIds.has(id)) {
          assert.strictEqual(r.status, "final", id);
        } else {
          assert.strictEqual(r.status, "preliminary", id);
          assert.match(r.note?.[0]?.text ?? "", /^Incomplete: .*\(.*\)/);
        }
      }
    }
    for (const bundle of bundles) for (const entry of bundle.entry ?? []) assert.deepStrictEqual(fhirProblems(entry.resource!), []);
  });

  it("leaves a patient with an organ that has no CDISC location term out of the CDISC tables, exit 1", () => {
    const text = "patient TYPO {\n  baseline 2025-01-02 CT {\n    T1 target lvier 42 mm\n  }\n  scan 2025-03-01 CT {\n    T1 30 mm\n  }\n}\n";
    const run = runCli(["export", "--to", "cdisc", "--table", "tu", "-"], { input: text });
    assert.strictEqual(run.code, 1);
    assert.match(run.stderr, /^nadir export: <stdin>:3: left out TYPO from the CDISC tables: organ 'lvier' has no CDISC anatomical location \(LOC\) term/m);
    assert.strictEqual(run.stdout.trim(), TU_COLUMNS.join(","));
  });

  it("takes the option set of assess (--criteria, --confirm-responses, --min-sd-days, --as-of) and passes it to the engine (R8)", () => {
    const text = "patient P {\n  baseline 2025-01-02 CT {\n    T1 target liver 50 mm\n  }\n  scan 2025-03-01 CT {\n    T1 30 mm\n  }\n}\n";
    const row = (...args: string[]) => {
      const run = runCli(["export", "--to", "csv", ...args, "-"], { input: text });
      assert.strictEqual(run.code, 0, run.stderr);
      return (parse(run.stdout, { columns: true }) as Array<Record<string, string>>)[0];
    };
    assert.deepStrictEqual([row().criteria, row().best_response], ["RECIST1.1", "PR"]);
    assert.deepStrictEqual([row("--criteria", "iRECIST").i_response, row("--criteria", "iRECIST").i_best_response], ["iPR", "iPR"]);
    assert.strictEqual(row("--confirm-responses").best_response, "SD", "an unconfirmed PR counts as SD (R8)");
    assert.strictEqual(row("--confirm-responses", "--min-sd-days", "200").best_response, "NE", "SD too early to count (R8)");
    assert.strictEqual(row("--as-of", "2025-03-02").complete, "true");
    for (const [args, message] of [
      [["--criteria", "i-RECIST"], /--criteria expects RECIST1\.1, iRECIST, irRC, irRECIST or imRECIST \(or several, separated by spaces or commas\), got 'i-RECIST'/],
      [["--min-sd-days", "lots"], /--min-sd-days expects a whole number/],
    ] as Array<[string[], RegExp]>) {
      const bad = runCli(["export", "--to", "csv", ...args, "examples/PT-0042.nadir"]);
      assert.strictEqual(bad.code, 2);
      assert.match(bad.stderr, message);
    }
    assert.match(runCli(["export", "--help"]).stdout, /--include-incomplete/);
    assert.match(runCli(["plot", "--help"]).stdout, /--criteria NAMES +criteria for patients whose file names none:[\s\S]*--include-incomplete/);
  });

  it("--to cdisc on standard output needs --table, and prints that one table", () => {
    const missing = runCli(["export", "--to", "cdisc", "examples/PT-0042.nadir"]);
    assert.strictEqual(missing.code, 2);
    assert.match(missing.stderr, /--table/);
    const rs = runCli(["export", "--to", "cdisc", "--table", "rs", "examples/PT-0042.nadir"]);
    assert.strictEqual(rs.code, 0);
    assert.strictEqual(rs.stdout.split("\n")[0], RS_COLUMNS.join(","));
  });

  it("--to fhir -o DIR writes one valid R4 Bundle per patient", () => {
    const run = runCli(["export", "--to", "fhir", "-o", dir, "examples/PT-0042.nadir", "examples/irecist-pseudoprogression.nadir"]);
    assert.strictEqual(run.code, 0, run.stderr);
    const files = fs.readdirSync(dir).sort();
    assert.ok(files.includes("PT-0042.json"));
    assert.ok(files.length >= 2);
    for (const file of files) {
      const bundle = JSON.parse(fs.readFileSync(path.join(dir, file), "utf8")) as Bundle;
      assert.deepStrictEqual(fhirProblems(bundle), [], file);
      for (const entry of bundle.entry ?? []) assert.deepStrictEqual(fhirProblems(entry.resource!), [], `${file} ${entry.resource!.resourceType}`);
    }
  });

  it("--to fhir prints one Bundle per line (NDJSON) on standard output", () => {
    const run = runCli(["export", "--to", "fhir", "examples/irecist-pseudoprogression.nadir"]);
    const lines = run.stdout.trim().split("\n");
    const patients = runCli(["export", "--to", "csv", "examples/irecist-pseudoprogression.nadir"]).stdout;
    const ids = new Set((parse(patients, { columns: true }) as Array<Record<string, string>>).map((r) => r.patient));
    assert.strictEqual(lines.length, ids.size);
    for (const line of lines) assert.strictEqual((JSON.parse(line) as Bundle).resourceType, "Bundle");
  });

  it("says what is wrong with its arguments (exit 2)", () => {
    for (const [args, message] of [
      [["export", "examples"], /--to csv\|cdisc\|fhir/],
      [["export", "--to", "xml", "examples"], /unknown export 'xml'/],
      [["export", "--to", "csv", "--table", "tu", "examples"], /--table is for --to cdisc/],
      [["export", "--to", "csv", "--as-of", "2025-02-30", "examples"], /real date/],
      [["export", "--to", "csv", "nowhere.nadir"], /cannot read 'nowhere.nadir'/],
      [["export", "--to", "csv", "--bogus", "examples"], /unknown option '--bogus'/],
    ] as Array<[string[], RegExp]>) {
      const run = runCli(args);
      assert.strictEqual(run.code, 2, args.join(" "));
      assert.match(run.stderr, message);
    }
  });
});
