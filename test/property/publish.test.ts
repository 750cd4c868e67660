// The server's encoded diagnostics (issue 16) after any sequence of edits equal the plain
// conversion of a fresh analysis: through the server's own document state (AnalysisCache, edits
// recorded as the client sends them), whether each version is published (its pieces then serve
// the next) or only analysed (a hover came first: the next publish reuses the pieces of the last
// published version across both edits), with edits that add and remove lines, CRLF, multi-byte text.
import { strict as assert } from "assert";
import fc from "fast-check";
import { TextDocument } from "vscode-languageserver-textdocument";
import { AnalysisCache, recordingUpdate } from "../../server/src/lsp/documentState";
import { serverSettingsFrom } from "../../server/src/service/settings";
import { toLspDiagnostics } from "../../server/src/service/diagnostics";
import { analyze } from "../../server/src/core/analyze";
import { generateCohort } from "../../bench/generate";

const FUZZ_RUNS = Number(process.env.FUZZ_RUNS) || 0;
const RUNS = FUZZ_RUNS > 0 ? FUZZ_RUNS : 60;
const SEED = Number(process.env.FUZZ_SEED) || 16;
const SETTINGS = serverSettingsFrom({ asOfDate: "2026-01-01" });
const COHORT = generateCohort(5, 5).text;
const BASES = [COHORT, COHORT.replace(/\n/g, "\r\n"), COHORT.replace(/^(  baseline .*)$/gm, "$1 # 😀 é")];
const INSERTS = ["", "1", "\n", "\n\n", "\r\n", " mm", "  # 😀\n", "é", "}", "  scan 2026-01-01 CT {\n  }\n", "x"];

const fresh = (text: string) => JSON.parse(JSON.stringify(toLspDiagnostics(TextDocument.create("file:///f.nadir", "nadir", 1, text), analyze(text, { settings: SETTINGS.core }).diagnostics)));

describe("property: encoded diagnostics equal a fresh conversion after any edits (issue 16)", function () {
  this.timeout(FUZZ_RUNS > 0 ? 0 : 120_000);

  it("published or only analysed versions in any order", () => {
    const step = fc.record({ at: fc.nat(), length: fc.nat(6), text: fc.constantFrom(...INSERTS), publish: fc.boolean() });
    fc.assert(fc.property(fc.constantFrom(...BASES), fc.array(step, { minLength: 1, maxLength: 6 }), (base, steps) => {
      const cache = new AnalysisCache(() => SETTINGS);
      const update = recordingUpdate(cache);
      let document = TextDocument.create("file:///e.nadir", "nadir", 1, base);
      cache.encodedDiagnostics(document);
      for (const s of steps) {
        const text = document.getText();
        const at = s.at % (text.length + 1);
        const range = { start: document.positionAt(at), end: document.positionAt(Math.min(text.length, at + s.length)) };
        document = update(document, [{ range, text: s.text }], document.version + 1);
        if (!s.publish) {
          cache.caseDocument(document);
          continue;
        }
        assert.deepStrictEqual(cache.encodedDiagnostics(document).toDiagnostics(), fresh(document.getText()));
      }
      const last = cache.encodedDiagnostics(document);
      assert.deepStrictEqual(last.toDiagnostics(), fresh(document.getText()));
    }), { numRuns: RUNS, seed: SEED });
  });

  it("an edit inside one patient encodes that patient only, and moves the later ones when it adds a line", () => {
    const cache = new AnalysisCache(() => SETTINGS);
    const update = recordingUpdate(cache);
    let document = TextDocument.create("file:///s.nadir", "nadir", 1, COHORT);
    const opened = cache.encodedDiagnostics(document);
    assert.equal(opened.statistics.encoded, opened.pieces.length);
    const at = document.positionAt(COHORT.indexOf(" mm\n", COHORT.length >> 1));
    document = update(document, [{ range: { start: at, end: at }, text: "1" }], 2);
    const typed = cache.encodedDiagnostics(document);
    assert.deepEqual(typed.statistics, { reused: typed.pieces.length - 1, moved: 0, encoded: 1 });
    document = update(document, [{ range: { start: at, end: at }, text: "\n" }], 3);
    const moved = cache.encodedDiagnostics(document);
    assert.equal(moved.statistics.encoded, 1);
    assert.ok(moved.statistics.moved > 0 && moved.statistics.reused > 0, JSON.stringify(moved.statistics));
    assert.deepStrictEqual(moved.toDiagnostics(), fresh(document.getText()));
  });
});
