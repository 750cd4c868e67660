// Issue 11: `nadir assess --explain` shows, for each of the seven iRECIST defect cases, the answer
// of its comment and the rule (R10 clarification bullet) that decided it.
import { strict as assert } from "assert";
import { runCli } from "../helpers/runCli";

const FILE = "test/fixtures/irecist/defects.nadir";

/** The lines of one patient's block of the table. */
function block(out: string, id: string): string {
  const start = out.indexOf(`\n  ${id}  iRECIST`);
  assert.ok(start >= 0, `no patient ${id}`);
  const next = out.slice(start + 1).search(/\n {2}\S/);
  return next < 0 ? out.slice(start) : out.slice(start, start + 1 + next);
}

/** The row of a scan date and the trace lines under it. */
function row(text: string, date: string): string {
  const start = text.indexOf(`      ${date}`);
  assert.ok(start >= 0, `no row ${date}`);
  const rest = text.slice(start + 1);
  const next = rest.search(/\n {6}\S/);
  return next < 0 ? rest : rest.slice(0, next);
}

describe("cli: assess --explain on the iRECIST defect cases (issue 11)", () => {
  const r = runCli(["assess", FILE, "--explain"]);
  const cases: Array<[string, string, string, RegExp]> = [
    ["A", "2024-06-10", "iUPD", /R10 \(measured nodal non-target\): NT1 7\.9 mm -> 9\.9 mm/],
    ["B", "2023-05-22", "iUPD", /R10 \(run reference\): A target was not evaluated at the first iUPD \(2023-03-06\)/],
    ["C", "2023-04-23", "iSD", /R10 \(equivocal lesions and resets\): NL1 \(still equivocal\)/],
    ["C", "2023-07-10", "iUPD", /R10: iUPD: New lesion NL1 \(bone\)/],
    ["D", "2023-02-26", "iUPD", /R10 \(early scan disregarded\): Scan 20 days after the first iUPD of the run \(2023-02-06\)/],
    ["D", "2023-03-27", "iCPD", /R10 \(which growth confirms\): Confirms the iUPD of 2023-02-06: targets newly meet RECIST 1\.1 PD/],
    ["E", "2023-04-28", "iCPD", /R10 \(days from the first iUPD\): 162 days after the first iUPD of the run \(2022-11-17\): not early[\s\S]*R10: Confirms the iUPD of 2022-11-17: target sum 75\.4 mm is \+10\.2 mm from 65\.2 mm at the first iUPD/],
    ["F", "2022-10-25", "NE", /R10 \(new node\): NL1 \(node 6\.4 mm\)[\s\S]*R10 \(lesion not evaluated in a run\): T1 not evaluated/],
    ["G", "2025-06-03", "NE", /R10 \(new lesion not evaluated\): NL1 not evaluated/],
    ["G", "2025-07-10", "iCPD", /R10: Confirms the iUPD of 2024-11-09: NLT sum of measures 49\.8 mm is \+27\.2 mm from 22\.6 mm at the first iUPD/],
  ];
  for (const [id, date, response, rule] of cases) {
    it(`${id} ${date}: ${response}, decided by ${rule.source.split(":")[0].replace(/\\/g, "")}`, () => {
      assert.equal(r.code, 0, r.stderr);
      const text = row(block(r.stdout, id), date);
      assert.match(text.split("\n")[0], new RegExp(`\\s${response}$`));
      assert.match(text, rule);
    });
  }
  it("the episode summary gives both dates of progression and the pending window of the run's first iUPD", () => {
    assert.match(block(r.stdout, "F"), /progression -; RECIST 1\.1 progression 2022-09-25; iUPD of 2022-09-25 awaits confirmation, window 2022-10-23 to 2022-11-20/);
    assert.match(block(r.stdout, "D"), /progression 2023-02-06; RECIST 1\.1 progression 2023-02-06/);
  });
});
