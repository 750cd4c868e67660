// `nadir assess`, run the way users run it (node bin/nadir.js).
import { strict as assert } from "assert";
import { parse } from "csv-parse/sync";
import { runCli } from "../helpers/runCli";

const CASE = `patient P1 {
  schedule every 8 weeks
  baseline 2025-01-01 {
    T1 target liver 50 mm
  }
  scan 2025-03-01 {
    T1 30 mm
  }
}
`;

describe("cli: nadir assess", () => {
  it("--format json follows the spec for PT-0042", () => {
    const r = runCli(["assess", "examples/PT-0042.nadir", "--format", "json"]);
    assert.equal(r.code, 0, r.stderr);
    const doc = JSON.parse(r.stdout);
    assert.equal(doc.version, 1);
    assert.equal(doc.files[0].file, "examples/PT-0042.nadir");
    const episode = doc.files[0].patients[0].episodes[0];
    assert.deepEqual(episode.timepoints[0], {
      date: "2025-03-01", sum: 44, nadir: 77, changeFromBaselinePct: -42.9, changeFromNadirPct: -42.9, changeFromNadirMm: -33,
      target: "PR", nonTarget: "NON-CR/NON-PD", newLesions: "no", newLesionTargetSum: null, response: "PR", iResponse: "iPR",
    });
    assert.ok(doc.files[0].diagnostics.some((d: { code: string }) => d.code === "progression"));
  });

  it("assesses every example of a directory as JSON; names mistakes.nadir's errors but exits 0 (the README's main command)", () => {
    const r = runCli(["assess", "examples", "--format", "json"]);
    const doc = JSON.parse(r.stdout);
    assert.ok(doc.files.length >= 6);
    assert.equal(r.code, 0);
    assert.match(r.stderr, /^nadir assess: examples\/mistakes\.nadir has errors; results may be incomplete \(see 'nadir check'\)\n$/);
  });

  it("--strict exits 1 when a file has errors", () => {
    const r = runCli(["assess", "examples", "--strict"]);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /mistakes\.nadir has errors/);
    const clean = runCli(["assess", "examples/PT-0042.nadir", "--strict"]);
    assert.equal(clean.code, 0, clean.stderr);
  });

  it("--format csv prints a header and one row per time point, with the column names of export --to csv", () => {
    const r = runCli(["assess", "-", "--format", "csv"], { input: CASE });
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(r.stdout.trim().split("\n"), [
      "file,patient,criteria,episode,complete,therapy,date,sum_mm,nadir_mm,change_from_baseline_pct,change_from_nadir_pct,target,non_target,new_lesions,response,i_response",
      "<stdin>,P1,RECIST1.1,1,true,,2025-03-01,30,50,-40,-40,PR,,no,PR,",
    ]);
  });

  it("--format csv is a column subset of export --to csv, cell for cell, on every example", () => {
    const assess = parse(runCli(["assess", "examples", "--format", "csv"]).stdout, { columns: true }) as Array<Record<string, string>>;
    const exported = parse(runCli(["export", "--to", "csv", "--include-incomplete", "examples"]).stdout, { columns: true }) as Array<Record<string, string>>;
    assert.ok(assess.length > 50);
    assert.strictEqual(assess.length, exported.length);
    assess.forEach((row, i) => {
      for (const [column, value] of Object.entries(row)) assert.strictEqual(exported[i][column], value, `row ${i} column ${column}`);
    });
    assert.ok(assess.some((r) => r.complete === "false"), "mistakes.nadir: incomplete rows are marked");
  });

  it("--format table (the default) prints a timeline; --explain adds the trace of each response", () => {
    const plain = runCli(["assess", "-"], { input: CASE });
    assert.equal(plain.code, 0);
    assert.match(plain.stdout, /P1 {2}RECIST1\.1/);
    assert.match(plain.stdout, /2025-03-01 {2}30 {3}50 {5}-40\.0% {3}-40\.0% {4}PR/);
    assert.doesNotMatch(plain.stdout, /R7 table 1/);
    const explained = runCli(["assess", "-", "--explain"], { input: CASE });
    assert.match(explained.stdout, /R2: Sum = T1 30 = 30 mm\./);
    assert.match(explained.stdout, /R3: Sum 30 mm <= 35 mm \(70 % of the baseline 50 mm; -40\.0 %\): target PR\./);
    assert.match(explained.stdout, /R7 table 1: Target PR \| non-target NON-PD or NE \(none\) \| new No -> PR\./);
  });

  it("--criteria, --as-of, --confirm-responses and --min-sd-days reach the engine", () => {
    const json = (args: string[]) => JSON.parse(runCli(["assess", "-", "--format", "json", ...args], { input: CASE }).stdout).files[0];
    assert.equal(json([]).patients[0].episodes[0].timepoints[0].iResponse, undefined);
    assert.equal(json(["--criteria", "iRECIST"]).patients[0].episodes[0].timepoints[0].iResponse, "iPR");
    const codes = (args: string[]) => json(args).diagnostics.map((d: { code: string }) => d.code);
    assert.deepEqual(codes(["--as-of", "2025-05-10"]), []);
    assert.deepEqual(codes(["--as-of", "2025-05-11"]), ["follow-up-overdue"]);
    assert.ok(codes(["--as-of", "2025-03-02", "--confirm-responses"]).includes("response-unconfirmed"));
    const sd = `patient P { \n baseline 2025-01-01 {\n T1 target liver 50 mm\n }\n scan 2025-02-01 {\n T1 45 mm\n }\n}\n`;
    const best = (args: string[]) => JSON.parse(runCli(["assess", "-", "--format", "json", ...args], { input: sd }).stdout).files[0].patients[0].episodes[0].bestResponse;
    assert.equal(best([]), "NE");
    assert.equal(best(["--min-sd-days", "28"]), "SD");
  });

  it("usage and I/O problems exit 2 with one line", () => {
    for (const [args, message] of [
      [["assess", "-", "--format", "xml"], /^nadir assess: --format expects one of table, json, csv, got 'xml'\n$/],
      [["assess", "-", "--min-sd-days", "six"], /^nadir assess: --min-sd-days expects a whole number of days, got 'six'\n$/],
      [["assess", "-", "--as-of", "2025-02-30"], /^nadir assess: --as-of expects a real date YYYY-MM-DD, got '2025-02-30'\n$/],
      [["assess"], /^nadir assess: no case files given/],
      [["assess", "no/such/file.nadir"], /^nadir assess: cannot read 'no\/such\/file\.nadir'/],
      [["assess", "-", "--bogus"], /^nadir assess: unknown option '--bogus'/],
    ] as Array<[string[], RegExp]>) {
      const r = runCli(args, { input: CASE });
      assert.equal(r.code, 2, args.join(" "));
      assert.match(r.stderr, message);
      assert.equal(r.stdout, "");
    }
  });
});
