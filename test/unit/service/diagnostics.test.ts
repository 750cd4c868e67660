// Converting diagnostics for the next version of a document reuses earlier conversions only where
// the edit cannot have moved them (the server publishes every diagnostic after each edit).
import { strict as assert } from "assert";
import { TextDocument } from "vscode-languageserver-textdocument";
import type { CoreDiagnostic } from "../../../server/src/core/diagnostics";
import { toLspDiagnostics, toLspDiagnosticsReusing } from "../../../server/src/service/diagnostics";

const finding = (start: number, end: number): CoreDiagnostic => ({ code: "progression", severity: "warning", message: "PD (R7)", start, end });

describe("service: diagnostics reused across an edit", () => {
  // Three findings: on line 0 before the edit, on line 1 after the edit (same line), on line 3.
  const before = "aa bb\ncc dd ee\nff\ngg hh\n";
  const core = [finding(0, 2), finding(9, 11), finding(18, 20)];

  function edited(insert: string) {
    const document = TextDocument.create("untitled:d.nadir", "nadir", 1, before);
    const previous = toLspDiagnosticsReusing(document, core, null, { unchangedPrefix: 0, changedEnd: 0 });
    // Insert at offset 7 (inside line 1, before "dd"); the core objects after it move, as reanalyze moves them.
    TextDocument.update(document, [{ range: { start: { line: 1, character: 1 }, end: { line: 1, character: 1 } }, text: insert }], 2);
    for (const d of core.slice(1)) {
      d.start += insert.length;
      d.end += insert.length;
    }
    const next = toLspDiagnosticsReusing(document, core, previous, { unchangedPrefix: 7, changedEnd: 7 + insert.length });
    return { previous, next, expected: toLspDiagnostics(document, core) };
  }

  afterEach(() => {
    core.splice(0, 3, finding(0, 2), finding(9, 11), finding(18, 20));
  });

  it("keeps the conversion before the edit, converts the edited line afresh and moves later lines", () => {
    const { previous, next, expected } = edited("x\ny");
    assert.deepEqual(next.lsp, expected);
    assert.equal(next.lsp[0], previous.lsp[0], "the finding before the edit is the same object");
    assert.deepEqual(next.lsp[2].range.start, { line: 4, character: 0 });
    assert.deepEqual(next.lsp[2].data, { code: "progression", start: 21, end: 23 });
  });

  it("gives the same result for an edit that adds no line", () => {
    const { next, expected } = edited("xyz");
    assert.deepEqual(next.lsp, expected);
  });
});
