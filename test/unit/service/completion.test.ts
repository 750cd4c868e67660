import { strict as assert } from "assert";
import { completion, withoutSnippets } from "../../../server/src/service/completion";
import { InsertTextFormat } from "vscode-languageserver-types";
import { atCursor } from "./fixture";

const CASE = `patient PT-1 {
  criteria iRECIST
  schedule every 8 weeks
  therapy pembrolizumab from 2025-01-06 immunotherapy

  baseline 2025-01-02 CT {
    T1 target liver "segment VII"  42 mm
    N1 target node                 17 mm
    NT1 non-target bone            present
  }

  scan 2025-03-01 CT {
    T1 30 mm
    NL1 new lung 12 mm
@SCAN
  }
@PATIENT
}
`;

function labels(marked: string): string[] {
  const c = atCursor(marked);
  return completion(c.doc, c.position).map((i) => i.label);
}

const inScan = (line: string) => CASE.replace("@SCAN", line).replace("@PATIENT\n", "");
const inPatient = (line: string) => CASE.replace("@SCAN\n", "").replace("@PATIENT", line);

describe("service: completion", () => {
  it("inside a scan offers the declared lesion ids not yet given there, and scan statements", () => {
    const items = labels(inScan("    |"));
    assert.ok(items.includes("N1") && items.includes("NT1"), items.join(","));
    assert.ok(!items.includes("T1"), "T1 is already given at this scan");
    assert.ok(!items.includes("NL1"), "NL1 is declared at this scan");
    assert.ok(items.includes("ecog") && items.includes("clinical") && items.includes("new lesion"));
  });

  it("after a lesion id offers the values of its kind (R2, R5)", () => {
    const target = labels(inScan("    N1 |"));
    assert.ok(target.includes("too small") && target.includes("not evaluated") && target.includes("N mm"));
    assert.ok(!target.includes("present"), "present does not fit a target");
    const nonTarget = labels(inScan("    NT1 |"));
    assert.ok(nonTarget.includes("progressed") && nonTarget.includes("increased"));
    assert.ok(!nonTarget.includes("too small"));
  });

  it("offers units after a number and organs after a declaration", () => {
    assert.deepEqual(labels(inScan("    N1 12 |")), ["mm", "cm"]);
    const organs = labels(inScan("    NL2 new |"));
    assert.ok(organs.includes("equivocal") && organs.includes("liver") && organs.includes("node"));
    const baseline = atCursor(CASE.replace('    NT1 non-target bone            present\n', '    NT1 non-target |\n').replace("@SCAN\n", "").replace("@PATIENT\n", ""));
    assert.ok(completion(baseline.doc, baseline.position).some((i) => i.label === "soft-tissue"));
  });

  it("offers statement keywords, criteria, modalities and therapy kinds at patient level", () => {
    const statements = labels(inPatient("  |"));
    for (const k of ["scan", "baseline", "therapy", "ctdna", "marker", "biopsy", "decision", "note", "criteria", "schedule", "as of"]) assert.ok(statements.includes(k), k);
    assert.deepEqual(labels(inPatient("  criteria |")), ["RECIST 1.1", "iRECIST", "irRC", "irRECIST", "imRECIST"]);
    // P3: several names, each once (the registry lists them); none right after `RECIST`, where `1.1` is due.
    assert.deepEqual(labels(inPatient("  criteria iRECIST irRC |")), ["RECIST 1.1", "irRECIST", "imRECIST"]);
    assert.deepEqual(labels(inPatient("  criteria RECIST 1.1 |")), ["iRECIST", "irRC", "irRECIST", "imRECIST"]);
    assert.ok(labels(inPatient("  scan 2025-05-01 |")).includes("PET-CT"));
    assert.ok(labels(inPatient("  therapy nivolumab from 2025-06-01 |")).includes("immunotherapy"));
  });

  it("offers the next due date after `scan ` (R13)", () => {
    const c = atCursor(inPatient("  scan |"));
    const items = completion(c.doc, c.position);
    assert.equal(items[0].label, "2025-04-26");
    assert.match(items[0].detail ?? "", /R13/);
  });

  it("offers a new scan pre-filled with every followed lesion", () => {
    const c = atCursor(inPatient("  |"));
    const item = completion(c.doc, c.position).find((i) => i.label === "scan with every lesion");
    assert.ok(item && item.insertTextFormat === InsertTextFormat.Snippet);
    assert.equal(item.insertText, "scan ${1:2025-04-26} {\n\tT1  ${2:not evaluated}\n\tN1  ${3:not evaluated}\n\tNT1 ${4:not evaluated}\n\tNL1 ${5:not evaluated}\n}$0");
    const plain = withoutSnippets([item])[0];
    assert.equal(plain.insertText, "scan 2025-04-26 {\n  T1  not evaluated\n  N1  not evaluated\n  NT1 not evaluated\n  NL1 not evaluated\n}");
  });

  it("offers nothing inside comments and strings", () => {
    assert.deepEqual(labels(inScan("    # |")), []);
    assert.deepEqual(labels(inPatient('  note "|')), []);
  });

  it("offers a patient block at file level", () => {
    assert.deepEqual(labels("|"), ["patient"]);
  });
});
