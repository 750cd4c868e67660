// The server keeps each document's diagnostics JSON-encoded, one piece per patient block, and
// after an edit reuses the pieces the edit cannot have changed (service/diagnostics.ts): pieces
// before the edit as they are, pieces on lines wholly after it with their line numbers moved when
// the edit added or removed lines. The bytes always parse to exactly the plain conversion.
import { strict as assert } from "assert";
import { TextDocument } from "vscode-languageserver-textdocument";
import type { CoreDiagnostic } from "../../../server/src/core/diagnostics";
import { encodeDiagnostics, toLspDiagnostic, toLspDiagnostics } from "../../../server/src/service/diagnostics";

const finding = (start: number, end: number, message = "PD (R7)"): CoreDiagnostic => ({ code: "progression", severity: "warning", message, start, end });
const plain = (document: TextDocument, core: CoreDiagnostic[]) => JSON.parse(JSON.stringify(toLspDiagnostics(document, core)));

describe("service: diagnostics encoded per block and reused across an edit", () => {
  // Three blocks (as patients are): lines 0-1, line 2, lines 3-4; a finding in each.
  const before = "aa bb\ncc dd ee\nff\ngg hh\nii\n";
  const blocks = [{ start: 0, end: 15 }, { start: 15, end: 18 }, { start: 18, end: 27 }];
  let core: CoreDiagnostic[];

  beforeEach(() => {
    core = [finding(0, 2), finding(9, 11), finding(15, 17), finding(24, 26, "near 10 µm → ≥ 20 %, 😀")];
  });

  /** Inserts `insert` at offset 7 (inside the first block) and moves the later findings, as reanalyze does. */
  function edited(insert: string) {
    const document = TextDocument.create("untitled:d.nadir", "nadir", 1, before);
    const previous = encodeDiagnostics(document, core, blocks);
    const next = TextDocument.update(document, [{ range: { start: { line: 1, character: 1 }, end: { line: 1, character: 1 } }, text: insert }], 2);
    for (const d of core.slice(1)) {
      d.start += insert.length;
      d.end += insert.length;
    }
    const moved = blocks.map((b, i) => (i === 0 ? { start: 0, end: b.end + insert.length } : { start: b.start + insert.length, end: b.end + insert.length }));
    const encoded = encodeDiagnostics(next, core, moved, previous, { unchangedPrefix: 7, changedEnd: 7 + insert.length });
    return { previous, encoded, expected: plain(next, core) };
  }

  it("encodes afresh to exactly the conversion, in ASCII, with the byte length it says", () => {
    const document = TextDocument.create("untitled:d.nadir", "nadir", 1, before);
    const encoded = encodeDiagnostics(document, core, blocks);
    assert.deepEqual(JSON.parse(encoded.toJsonText()), plain(document, core));
    assert.equal(encoded.byteLength, Buffer.concat(encoded.chunks()).length);
    assert.ok(/^[\x00-\x7f]*$/.test(encoded.toJsonText()), "non-ASCII characters are escaped");
    assert.deepEqual(encoded.statistics, { reused: 0, moved: 0, encoded: 3 });
  });

  it("re-encodes the edited block, reuses the others, and moves later line numbers when lines were added", () => {
    const { previous, encoded, expected } = edited("x\ny\n");
    assert.deepEqual(JSON.parse(encoded.toJsonText()), expected);
    assert.deepEqual(encoded.statistics, { reused: 0, moved: 2, encoded: 1 });
    assert.equal(encoded.pieces[1].bytes.length, previous.pieces[1].bytes.length, "line 2 -> 4: the same width");
    assert.deepEqual(expected[3].range.start, { line: 6, character: 0 });
  });

  it("takes the later blocks over byte for byte when the line count stays", () => {
    const { previous, encoded, expected } = edited("xyz");
    assert.deepEqual(JSON.parse(encoded.toJsonText()), expected);
    assert.deepEqual(encoded.statistics, { reused: 2, moved: 0, encoded: 1 });
    assert.equal(encoded.pieces[2], previous.pieces[2]);
  });

  it("moves line numbers when the file's largest line number gains a digit (wider fields)", () => {
    const lines = Array.from({ length: 8 }, (_, i) => `line ${i}`).join("\n") + "\n";
    const document = TextDocument.create("untitled:l.nadir", "nadir", 1, lines);
    const at = (line: number) => document.offsetAt({ line, character: 0 });
    const findings = [finding(at(1), at(1) + 4), finding(at(6), at(7) + 4), finding(at(7), at(7) + 4)];
    const blockList = [{ start: 0, end: at(2) }, { start: at(2), end: lines.length }];
    const previous = encodeDiagnostics(document, findings, blockList);
    assert.equal(previous.pieces[0].width, 1);
    const next = TextDocument.update(document, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: "a\nb\n" }], 2);
    for (const d of findings) {
      d.start += 4;
      d.end += 4;
    }
    const encoded = encodeDiagnostics(next, findings, blockList.map((b, i) => ({ start: i === 0 ? 0 : b.start + 4, end: b.end + 4 })), previous, { unchangedPrefix: 0, changedEnd: 4 });
    assert.deepEqual(encoded.statistics, { reused: 0, moved: 2, encoded: 0 });
    assert.equal(encoded.pieces[1].width, 2);
    assert.deepEqual(JSON.parse(encoded.toJsonText()), plain(next, findings));
    assert.deepEqual(encoded.toDiagnostics()[1].range, { start: { line: 8, character: 0 }, end: { line: 9, character: 4 } });
    // And back: moved again within the same width, the copy is overwritten in place.
    const again = TextDocument.update(next, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: "c\n" }], 3);
    for (const d of findings) {
      d.start += 2;
      d.end += 2;
    }
    const twice = encodeDiagnostics(again, findings, blockList.map((b, i) => ({ start: i === 0 ? 0 : b.start + 6, end: b.end + 6 })), encoded, { unchangedPrefix: 0, changedEnd: 2 });
    assert.equal(twice.pieces[1].bytes.length, encoded.pieces[1].bytes.length);
    assert.deepEqual(JSON.parse(twice.toJsonText()), plain(again, findings));
  });

  it("passes the core's data through without offsets, and omits data when nothing is left", () => {
    const document = TextDocument.create("untitled:d.nadir", "nadir", 1, before);
    const missing: CoreDiagnostic = { code: "missing-measurement", severity: "warning", message: "Not evaluated (R4)", start: 0, end: 2, data: { missing: ["T2"], insertAt: 12, indent: "    " } };
    assert.deepEqual(toLspDiagnostic(document, missing).data, { missing: ["T2"], indent: "    " });
    assert.equal("data" in toLspDiagnostic(document, finding(0, 2)), false);
    assert.equal("data" in toLspDiagnostic(document, { ...finding(0, 2), data: { insertAt: 3 } }), false);
  });
});
