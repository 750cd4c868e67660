// The server's per-document state: analyses cached by version and settings, and the per-document
// debounce that coalesces a burst of edits into one validation. No timing is asserted: calls made
// in one synchronous run always land inside the debounce window.
import { strict as assert } from "assert";
import { TextDocument } from "vscode-languageserver-textdocument";
import { AnalysisCache, ValidationScheduler } from "../../server/src/lsp/documentState";
import { serverSettingsFrom } from "../../server/src/service/settings";

const TEXT = "patient X {\n  baseline 2025-01-02 CT {\n    T1 target liver 40 mm\n  }\n}\n";

describe("lsp: document state", () => {
  it("reuses the analysis of an unchanged version and recomputes after an edit or a settings change", () => {
    let settings = serverSettingsFrom({});
    const cache = new AnalysisCache(() => settings);
    const v1 = TextDocument.create("untitled:a.nadir", "nadir", 1, TEXT);
    const first = cache.caseDocument(v1).analysis;
    assert.equal(cache.caseDocument(v1).analysis, first);
    const v2 = TextDocument.update(v1, [{ text: TEXT.replace("40 mm", "41 mm") }], 2);
    const second = cache.caseDocument(v2).analysis;
    assert.notEqual(second, first);
    settings = serverSettingsFrom({ criteria: "iRECIST" });
    cache.invalidateAll();
    assert.notEqual(cache.caseDocument(v2).analysis, second);
    assert.equal(cache.size, 1);
    cache.delete("untitled:a.nadir");
    assert.equal(cache.size, 0);
  });

  it("coalesces a burst of edits into one validation per document, and cancels on close", async () => {
    const validated: string[] = [];
    let done: () => void = () => undefined;
    const finished = new Promise<void>((resolve) => (done = resolve));
    const scheduler = new ValidationScheduler(() => 5, (uri) => {
      validated.push(uri);
      if (validated.length === 2) setTimeout(done, 20);
    });
    for (let i = 0; i < 10; i++) scheduler.schedule("a");
    scheduler.schedule("b");
    scheduler.schedule("c");
    scheduler.cancel("c");
    assert.equal(scheduler.pending, 2);
    await finished;
    assert.deepEqual(validated.sort(), ["a", "b"]);
    assert.equal(scheduler.pending, 0);
  });
});
