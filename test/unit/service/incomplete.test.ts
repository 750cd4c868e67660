// Issue 10: the language service says when results rest on partial data (item 1), and an error
// inside a check is contained there too (item 7). Hovers on the patient and scan headers name the
// errors; the status-bar label comes from the same JSON flags; a throwing check family costs one
// `internal-error` diagnostic and every other diagnostic is still published.
import { strict as assert } from "assert";
import { hover } from "../../../server/src/service/hover";
import { toLspDiagnostics } from "../../../server/src/service/diagnostics";
import { codeLenses, inlayHints } from "../../../server/src/service/presentation";
import { assessmentDocument } from "../../../server/src/service/assessmentDocument";
import { assessmentAt, findPatient, incompleteLabel } from "../../../client/src/assessmentLookup";
import type { AssessmentDocument } from "../../../server/src/protocol";
import { caseDocument, on } from "./fixture";
import { throwingFamily, withFamily } from "../../helpers/faults";
import { COMPLETE_CASE, UNREADABLE_BASELINE_CASE } from "../../helpers/issue10";

const BROKEN = UNREADABLE_BASELINE_CASE + COMPLETE_CASE;

function hoverText(text: string, needle: string, shift = 1): string {
  const c = on(text, needle, 0, shift);
  const h = hover(c.doc, c.position);
  assert.ok(h, `a hover on ${needle}`);
  return (h.contents as { value: string }).value;
}

describe("service: incomplete results say so (issue 10)", () => {
  it("a hover on the patient header names the errors that make it incomplete", () => {
    const text = hoverText(BROKEN, "patient PT-1", 9);
    assert.match(text, /^\*\*patient PT-1\*\* · RECIST1\.1 · 1 episode assessed/);
    assert.match(text, /⚠ \*\*Incomplete: 1 error\*\* \(syntax-error line 3\): this patient's results rest on partial data/);
    assert.match(text, /Episode 1: .*NE.* · \*\*incomplete\*\*/);
    assert.match(hoverText(BROKEN, "patient PT-2", 9), /Complete: no error in this patient's block\./);
  });

  it("a hover on a scan header of an incomplete episode says so under its response", () => {
    const text = hoverText(BROKEN, "scan 2025-03-01", 2);
    assert.match(text, /\*\*scan 2025-03-01: NE\*\*/);
    assert.match(text, /T1's value on line 3 at the baseline could not be read/);
    assert.match(text, /⚠ \*\*Incomplete: 1 error\*\* \(syntax-error line 3\): this episode's results rest on partial data/);
    assert.doesNotMatch(hoverText(BROKEN.replace("4,2 cm", "42 mm"), "scan 2025-03-01", 2), /Incomplete/);
  });

  it("the baseline hover gives no partial sum, and code lenses and inlay hints say incomplete", () => {
    const text = hoverText(BROKEN, "baseline 2025-01-02", 2);
    assert.match(text, /Baseline sum: \*\*cannot be computed\*\*: T1's value on line 3 at the baseline could not be read, so every response of this episode is NE \(R4\)/);
    assert.doesNotMatch(text, /Baseline sum = /);
    const doc = caseDocument(BROKEN);
    assert.deepStrictEqual(codeLenses(doc).map((l) => l.command!.title), ["incomplete: 1 error · best response NE", "best response PR"]);
    const hints = inlayHints(doc, { start: { line: 0, character: 0 }, end: { line: 100, character: 0 } }).map((h) => h.label);
    assert.deepStrictEqual(hints, ["NE · incomplete", "NE · incomplete", "Σ 20 mm · −52.4 % vs baseline · PR"]);
  });

  it("the status-bar label reads the incompleteness of the server's JSON", () => {
    const doc = caseDocument(BROKEN);
    const json = assessmentDocument(doc, "case.nadir") as unknown as AssessmentDocument;
    const pt1 = findPatient(json, "PT-1")!;
    const scan = assessmentAt(pt1, { kind: "scan", date: "2025-03-01", headerLine: 5 })!;
    assert.equal(incompleteLabel(pt1, scan), "incomplete: 1 error");
    const pt2 = findPatient(json, "PT-2")!;
    assert.equal(incompleteLabel(pt2, assessmentAt(pt2, { kind: "scan", date: "2025-03-01", headerLine: BROKEN.split("\n").lastIndexOf("  scan 2025-03-01 CT {") })!), null);
  });

  it("a check family that throws: one internal-error diagnostic, every other diagnostic still published (item 7)", () => {
    const text = BROKEN.replace("T1 20 mm", "T1 20 mm\n    T9 12 mm");
    const clean = toLspDiagnostics(caseDocument(text).document, caseDocument(text).analysis.diagnostics);
    const doc = withFamily(throwingFamily(["T2"]), () => caseDocument(text));
    const published = toLspDiagnostics(doc.document, doc.analysis.diagnostics);
    const internal = published.filter((d) => d.code === "internal-error");
    assert.deepStrictEqual(internal.map((d) => [d.range.start.line, d.severity, d.source]), [[3, 1, "nadir"], [7, 1, "nadir"], [11, 1, "nadir"]]);
    assert.match(internal[0].message as string, /test: throws on purpose/);
    assert.deepStrictEqual(published.filter((d) => d.code !== "internal-error"), clean);
    const onHeader = hover(doc, doc.document.positionAt(text.indexOf("PT-1")));
    assert.match((onHeader!.contents as { value: string }).value, /Incomplete: 4 errors\*\* \(syntax-error line 3; internal-error lines 4, 8, 12\)/);
  });
});
