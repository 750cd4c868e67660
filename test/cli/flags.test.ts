// Every flag of every command (issue 10, item 6): a bad value, a value for a flag that takes none,
// an empty value, a flag given twice with two values, a missing value and combinations that cannot
// both hold are usage errors (exit 2) with one line on standard error that names the flag, the
// value and what is expected. The table must have a row for every flag a command's usage lists,
// so a flag added later without validation fails here.
import { strict as assert } from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { COMMANDS } from "../../server/src/cli/commands";
import { runInProcess } from "../helpers/runCli";

const CASE = `patient P {
  as of 2025-04-01
  baseline 2025-01-02 CT {
    T1 target liver 42 mm
  }
}
`;
const F = "case.nadir";

/** [flag covered, arguments, what standard error must say after `nadir <command>: `]. */
type Row = [string, string[], RegExp];

/** The option set shared by every command that assesses (server/src/cli/assessOptions.ts), after `lead` arguments. */
function assessOptionRows(lead: string[], includeIncomplete: boolean): Row[] {
  return [
    ["--criteria", [...lead, "--criteria", "WHO", F], /^--criteria expects RECIST1\.1, iRECIST, irRC, irRECIST or imRECIST \(or several, separated by spaces or commas\), got 'WHO'$/],
    ["--criteria", [...lead, "--criteria", "irRC,irrc", F], /^--criteria names irrc twice \('irRC,irrc'\): name each criterion once$/],
    ["--criteria", [...lead, "--criteria", "iRECIST WHO", F], /^--criteria expects .*, got 'iRECIST WHO'$/],
    ["--confirm-responses", [...lead, "--confirm-responses=no", F], /^option '--confirm-responses' takes no value/],
    ["--min-sd-days", [...lead, "--min-sd-days", "-1", F], /^--min-sd-days expects a whole number of days, got '-1'$/],
    ...(includeIncomplete ? [["--include-incomplete", [...lead, "--include-incomplete=yes", F], /^option '--include-incomplete' takes no value/]] as Row[] : []),
  ];
}

const TABLE: Record<string, Row[]> = {
  check: [
    ["--format", ["--format", "xml", F], /^--format expects one of text, json, sarif, junit, github, got 'xml'$/],
    ["--max-warnings", ["--max-warnings", "-1", F], /^--max-warnings expects a whole number of 0 or more, got '-1'$/],
    ["--max-warnings", ["--max-warnings", "many", F], /^--max-warnings expects a whole number of 0 or more, got 'many'$/],
    ["--max-warnings", ["--max-warnings=2.5", F], /^--max-warnings expects a whole number of 0 or more, got '2.5'$/],
    ["--max-warnings", [F, "--max-warnings"], /^option '--max-warnings' needs a value/],
    ["--quiet", ["--quiet=yes", F], /^option '--quiet' takes no value/],
    ["--jobs", ["--jobs", "0", F], /^--jobs expects a whole number of 1 or more, got '0'$/],
    ["--jobs", ["--jobs", "-2", F], /^--jobs expects a whole number of 1 or more, got '-2'$/],
    ["--as-of", ["--as-of", "2025-02-30", F], /^--as-of expects a real date YYYY-MM-DD, got '2025-02-30'$/],
    ["--as-of", ["--as-of", "1.4.2025", F], /^--as-of expects a real date YYYY-MM-DD, got '1.4.2025'$/],
    ["--criteria", ["--criteria", "i-RECIST", F], /^--criteria expects RECIST1\.1, iRECIST, irRC, irRECIST or imRECIST \(or several, separated by spaces or commas\), got 'i-RECIST'$/],
    ["--format", ["--format", "json", "--format", "text", F], /^--format is given twice \('json' and 'text'\): give it once/],
    ["--format", ["--format=", F], /^--format needs a value/],
    ["--verbose", ["--verbose", F], /^unknown option '--verbose'/],
  ],
  assess: [
    ["--format", ["--format", "xml", F], /^--format expects one of table, json, csv, got 'xml'$/],
    ["--explain", ["--explain", "--format", "csv", F], /^--explain prints the trace under each response of the table: use it with --format table, not --format csv$/],
    ["--explain", ["--explain", "--format", "json", F], /^--explain .* not --format json$/],
    ["--explain", ["--explain=all", F], /^option '--explain' takes no value/],
    ["--as-of", ["--as-of", "2025-13-01", F], /^--as-of expects a real date YYYY-MM-DD, got '2025-13-01'$/],
    ["--criteria", ["--criteria", "WHO", F], /^--criteria expects RECIST1\.1, iRECIST, irRC, irRECIST or imRECIST \(or several, separated by spaces or commas\), got 'WHO'$/],
    ["--confirm-responses", ["--confirm-responses=no", F], /^option '--confirm-responses' takes no value/],
    ["--min-sd-days", ["--min-sd-days", "-1", F], /^--min-sd-days expects a whole number of days, got '-1'$/],
    ["--min-sd-days", ["--min-sd-days", "six", F], /^--min-sd-days expects a whole number of days, got 'six'$/],
    ["--strict", ["--strict=1", F], /^option '--strict' takes no value/],
  ],
  format: [
    ["--check", ["--check=true", F], /^option '--check' takes no value/],
    ["--write", ["--write=yes", F], /^option '--write' takes no value/],
    ["--write", ["--check", "--write", F], /^use either --check or --write, not both$/],
    ["--write", ["--write", "-"], /^--write cannot rewrite standard input/],
  ],
  export: [
    ["--to", ["--to", "xml", F], /^unknown export 'xml' \(use --to csv\|cdisc\|fhir\|dicom-sr\)$/],
    ["--to", [F], /^say what to export with --to csv\|cdisc\|fhir\|dicom-sr$/],
    ["--out", ["--to", "csv", "--out=", F], /^--out needs a value/],
    ["--table", ["--to", "cdisc", "--table", "dm", F], /^unknown table 'dm' \(use --table tu\|tr\|rs\)$/],
    ["--table", ["--to", "csv", "--table", "tu", F], /^--table is for --to cdisc$/],
    ["--study", ["--to", "cdisc", "--table", "tu", "--study", "my study", F], /^--study expects letters, digits, '-' or '_', got 'my study'$/],
    ["--as-of", ["--to", "csv", "--as-of", "soon", F], /^--as-of expects a real date YYYY-MM-DD, got 'soon'$/],
    ...assessOptionRows(["--to", "csv"], true),
  ],
  plot: [
    ["--kind", ["--kind", "pie", F], /^unknown plot kind 'pie' \(use --kind spider\|waterfall\|swimmer\|timeline\)$/],
    ["--out", ["--kind", "spider", "--out=", F], /^--out needs a value/],
    ["--as-of", ["--kind", "spider", "--as-of", "2025-06-31", F], /^--as-of expects a real date YYYY-MM-DD, got '2025-06-31'$/],
    ...assessOptionRows(["--kind", "spider"], true),
  ],
  deidentify: [
    ["--seed", ["--seed", "abc", "--out", "copies", F], /^--seed expects a whole number \(.*\), got 'abc'$/],
    ["--seed", ["--seed", "-5", "--out", "copies", F], /^--seed expects a whole number \(.*\), got '-5'$/],
    ["--out", ["--seed", "1", F], /^say where the copies go with --out DIR$/],
    ["--out", ["--out=", F], /^--out needs a value/],
    ...["--keep-text", "--keep-therapy-names", "--keep-organs", "--keep-markers", "--keep-lesion-ids"].map((flag): Row => [flag, [`${flag}=no`, "--out", "copies", F], new RegExp(`^option '${flag}' takes no value`)]),
  ],
  import: [
    ["--into", ["sr", F, "--into"], /^option '--into' needs a value/],
    ["--patient", ["sr", F, "--patient", "X"], /^--patient names the patient of --into CASE.nadir to add the scan to: give --into too$/],
    ["--out", ["sr", F, "--out="], /^--out needs a value/],
    ["--tu", ["sdtm", "--tr", "tr.csv"], /^give the tables with --tu TU.csv --tr TR.csv$/],
    ["--tr", ["sdtm", "--tu", "tu.csv"], /^give the tables with --tu TU.csv --tr TR.csv$/],
    ["--rs", ["sdtm", "--tu", "tu.csv", "--tr", "tr.csv", "--rs="], /^--rs needs a value/],
    ["--evaluator", ["sdtm", "--tu", "tu.csv", "--tr", "tr.csv", "--evaluator="], /^--evaluator needs a value/],
    ["--agreement", ["sdtm", "--tu", "tu.csv", "--tr", "tr.csv", "--rs", "rs.csv", "--agreement", "xml"], /^unknown agreement format 'xml' \(use --agreement text\|csv\|json\)$/],
    ["--agreement", ["sdtm", "--tu", "tu.csv", "--tr", "tr.csv", "--agreement", "csv"], /^--agreement compares with the recorded responses: give --rs RS.csv$/],
  ],
  report: [
    ["--patient", ["--patient=", F], /^--patient needs a value/],
    ["--scan", ["--scan", "2025-02-30", F], /^--scan expects a real date YYYY-MM-DD, got '2025-02-30'$/],
    ["--all-scans", ["--all-scans=yes", F], /^option '--all-scans' takes no value/],
    ["--all-scans", ["--scan", "2025-01-02", "--all-scans", F], /^--scan and --all-scans exclude each other$/],
    ["--format", ["--format", "pdf", F], /^--format expects one of text, md, html, fhir, got 'pdf'$/],
    ["--out", ["--out=", F], /^--out needs a value/],
    ["--as-of", ["--as-of", "2025-02-30", F], /^--as-of expects a real date YYYY-MM-DD, got '2025-02-30'$/],
    ...assessOptionRows([], false),
  ],
  lsp: [
    ["--stdio", [], /^say how to talk: `nadir lsp --stdio`$/],
    ["--stdio", ["--stdio", "--verbose"], /^unknown option '--verbose'/],
  ],
};

/** Every flag a command's usage text mentions (besides --help). */
function usageFlags(usage: string): string[] {
  return [...new Set(usage.match(/(?<![\w-])--[a-z][a-z-]*/g) ?? [])].filter((flag) => flag !== "--help").sort();
}

describe("cli: every flag of every command is validated with a message that names it", function () {
  this.timeout(30000);
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "nadir-flags-"));
    fs.writeFileSync(path.join(dir, F), CASE);
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("has rows for every command and every flag its usage lists", () => {
    assert.deepStrictEqual(Object.keys(TABLE).sort(), COMMANDS.map((c) => c.name).sort());
    for (const command of COMMANDS) {
      const covered = new Set(TABLE[command.name].map(([flag]) => flag));
      for (const flag of usageFlags(command.usage)) assert.ok(covered.has(flag), `nadir ${command.name}: no row for ${flag}`);
    }
  });

  for (const [name, rows] of Object.entries(TABLE)) {
    for (const [flag, args, expected] of rows) {
      it(`nadir ${name} ${args.join(" ")}: exit 2, ${flag} explained`, async () => {
        const run = await runInProcess([name, ...args], { cwd: dir });
        assert.equal(run.code, 2, `exit ${run.code}: ${run.stderr}`);
        assert.equal(run.stdout, "");
        const lines = run.stderr.split("\n");
        assert.deepStrictEqual([lines.length, lines[1]], [2, ""], `one line on standard error: ${run.stderr}`);
        const prefix = `nadir ${name}: `;
        assert.ok(lines[0].startsWith(prefix), run.stderr);
        assert.match(lines[0].slice(prefix.length), expected);
        assert.deepStrictEqual(fs.readdirSync(dir), [F], "nothing written");
      });
    }
  }
});
