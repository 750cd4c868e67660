import { strict as assert } from "assert";
import { definition, prepareRename, references, rename, RenameError } from "../../../server/src/service/navigation";
import { documentSymbols, workspaceSymbols } from "../../../server/src/service/symbols";
import { TextDocument } from "vscode-languageserver-textdocument";
import { SymbolKind } from "vscode-languageserver-types";
import { applyWorkspaceEdit, caseDocument, on } from "./fixture";
import { IUPD_PENDING, TOO_MANY_TARGETS } from "./cases";

const MERGED = `patient P {
  baseline 2025-01-02 CT {
    T1 target liver 40 mm
    T2 target liver 20 mm
  }
  scan 2025-03-01 CT {
    T1 45 mm
    T2 merged into T1
  }
}
patient Q {
  baseline 2025-01-02 CT {
    T1 target lung 30 mm
  }
}
`;

describe("service: navigation and symbols", () => {
  it("goes from a lesion value to its declaration", () => {
    const c = on(MERGED, "T1 45 mm", 0, 1);
    const target = definition(c.doc, c.position);
    assert.deepEqual(target?.range, { start: { line: 2, character: 4 }, end: { line: 2, character: 6 } });
  });

  it("finds references of a lesion within its patient's episode, `merged into` included (R2, R15)", () => {
    const c = on(MERGED, "T1 target liver", 0, 0);
    const lines = references(c.doc, c.position, true).map((l) => `${l.range.start.line}:${l.range.start.character}`);
    assert.deepEqual(lines, ["2:4", "6:4", "7:19"]);
    assert.equal(references(c.doc, c.position, false).length, 2);
  });

  it("renames a lesion everywhere in its episode and nowhere else", () => {
    const c = on(MERGED, "T1 45 mm", 0, 0);
    const after = applyWorkspaceEdit(MERGED, rename(c.doc, c.position, "L1"));
    assert.match(after, /L1 target liver 40 mm[\s\S]*L1 45 mm[\s\S]*T2 merged into L1[\s\S]*patient Q \{\n  baseline 2025-01-02 CT \{\n    T1 target lung/);
  });

  it("refuses invalid ids and clashes", () => {
    const c = on(MERGED, "T1 45 mm", 0, 0);
    assert.throws(() => rename(c.doc, c.position, "1X"), RenameError);
    assert.throws(() => rename(c.doc, c.position, "ecog"), RenameError);
    assert.throws(() => rename(c.doc, c.position, "T2"), /already a lesion/);
    assert.deepEqual(prepareRename(c.doc, c.position)?.placeholder, "T1");
    const keyword = on(MERGED, "baseline", 0, 2);
    assert.equal(prepareRename(keyword.doc, keyword.position), null);
    const undeclared = on(MERGED.replace("T2 merged into T1", "T9 12 mm"), "T9", 0, 1);
    assert.throws(() => prepareRename(undeclared.doc, undeclared.position), RenameError);
  });

  it("lists patient > episode > scans > lesions as document symbols", () => {
    const symbols = documentSymbols(caseDocument(IUPD_PENDING));
    assert.equal(symbols.length, 1);
    const [patient] = symbols;
    assert.equal(patient.name, "PT-7");
    const episode = patient.children![0];
    assert.equal(episode.name, "pembrolizumab");
    assert.equal(episode.kind, SymbolKind.Namespace);
    assert.deepEqual(episode.children!.map((s) => s.name), ["baseline 2025-01-02", "scan 2025-03-01", "scan 2025-04-26"]);
    assert.deepEqual(episode.children![2].children!.map((l) => l.name), ["T1", "T2", "NT1", "NL1"]);
    // Children lie inside their parents.
    const inside = (inner: { start: { line: number } ; end: { line: number } }, outer: typeof inner) => inner.start.line >= outer.start.line && inner.end.line <= outer.end.line;
    assert.ok(inside(episode.range, patient.range) && episode.children!.every((s) => inside(s.range, episode.range)));
  });

  it("finds patients across files for workspace symbols", () => {
    const files = [{ uri: "file:///a.nadir", text: IUPD_PENDING }, { uri: "file:///b.nadir", text: TOO_MANY_TARGETS }];
    const toDoc = (f: { uri: string; text: string }) => TextDocument.create(f.uri, "nadir", 0, f.text);
    assert.deepEqual(workspaceSymbols(files, "", toDoc).map((s) => s.name), ["PT-7", "A-1", "A-2"]);
    const hit = workspaceSymbols(files, "a-2", toDoc);
    assert.deepEqual(hit.map((s) => [s.name, s.location.uri, s.location.range.start.line]), [["A-2", "file:///b.nadir", 21]]);
  });
});
