// Robustness properties (issue 7): random edits of the example case files (characters, lines,
// braces, quotes, unicode, mixed line endings) never make the parser, the model, the checks, the
// engine (R1-R16), any language-service handler or the formatter throw; every returned range lies
// inside the document; formatting is idempotent and preserves the assessment.
// Bounded and seeded for `npm test`; `npm run fuzz` runs the same properties with FUZZ_RUNS inputs.
import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import fc from "fast-check";
import { TextDocument } from "vscode-languageserver-textdocument";
import type { Range } from "vscode-languageserver-types";
import { analyze } from "../../server/src/core/analyze";
import { Codes } from "../../server/src/core/codes";
import { patientsJson } from "../../server/src/core/engine/json";
import { formatText } from "../../server/src/core/format";
import { parseDay } from "../../server/src/core/util/dates";
import { DEFAULT_SETTINGS } from "../../server/src/core/settings";
import type { CaseDocument } from "../../server/src/service/document";
import { hover } from "../../server/src/service/hover";
import { completion } from "../../server/src/service/completion";
import { codeActions } from "../../server/src/service/codeActions";
import { definition, references, prepareRename, rename } from "../../server/src/service/navigation";
import { documentSymbols } from "../../server/src/service/symbols";
import { foldingRanges, selectionRanges } from "../../server/src/service/structure";
import { semanticTokens } from "../../server/src/service/semanticTokens";
import { codeLenses, inlayHints } from "../../server/src/service/presentation";
import { toLspDiagnostics } from "../../server/src/service/diagnostics";
import { EXAMPLES_DIR } from "../helpers/paths";
import { assertInside, rangesIn, refusedOr } from "../helpers/lspRanges";

const FUZZ_RUNS = Number(process.env.FUZZ_RUNS) || 0;
/** Inputs per property: small in `npm test`, FUZZ_RUNS under `npm run fuzz`. */
const RUNS = FUZZ_RUNS > 0 ? FUZZ_RUNS : 200;
const SEED = Number(process.env.FUZZ_SEED) || 7;
const TODAY = parseDay("2026-01-01") as number;
const KNOWN_CODES = new Set<string>(Object.values(Codes));

/** Example files small enough for many runs; the big generated cohort is left to the benchmarks. */
const EXAMPLES = fs
  .readdirSync(EXAMPLES_DIR)
  .filter((f) => f.endsWith(".nadir"))
  .map((f) => fs.readFileSync(path.join(EXAMPLES_DIR, f), "utf8"))
  .filter((text) => text.length <= 8_000);

const TOKENS = [
  "{", "}", "{{", "}}", "\"", "\\", "\\\"", "#", " ", "\t", "\n", "\r\n", "\r", "\u00a0", "\ufeff", "\u2028",
  "é", "µm", "😀", "\u0000", "\ud800", "patient", "patient X {", "baseline", "scan", "scan 2025-02-30 CT {",
  "target", "non-target", "new", "equivocal", "node", "liver", "T1", "NL9", "42 mm", "3.5 cm", "-12 mm", "1e3 mm",
  "99999999999999999999 mm", "0 mm", "too small", "not evaluated", "absent", "present", "progressed",
  "split 3 mm + 4 mm", "merged into T1", "merged into T1\n    T1 merged into T2", "ecog 9", "clinical deterioration",
  "criteria iRECIST", "criteria RECIST 1.1", "confirm responses", "schedule every 0 weeks", "as of 2030-01-01",
  "therapy x from 2025-01-01 immunotherapy", "ctdna 2025-01-01 vaf 0 %", "ctdna 2025-01-01 undetected",
  "marker 2025-01-01 CEA 0 ng/mL uln 0", "biopsy 2025-01-01 liver \"x\"", "decision 2025-01-01 \"x\"", "note \"",
  "2025-01-01", "0000-00-00", "9999-12-31",
];

type Edit =
  | { kind: "insert"; at: number; text: string }
  | { kind: "delete"; at: number; length: number }
  | { kind: "duplicateLine"; at: number }
  | { kind: "deleteLine"; at: number }
  | { kind: "swapLines"; at: number; with: number }
  | { kind: "lineEndings"; to: "\r\n" | "\r" | "mixed" };

const editArbitrary: fc.Arbitrary<Edit> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant("insert" as const), at: fc.nat(), text: fc.constantFrom(...TOKENS) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("insert" as const), at: fc.nat(), text: fc.string({ maxLength: 6, unit: "binary" }) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant("delete" as const), at: fc.nat(), length: fc.integer({ min: 1, max: 40 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("duplicateLine" as const), at: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("deleteLine" as const), at: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("swapLines" as const), at: fc.nat(), with: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("lineEndings" as const), to: fc.constantFrom("\r\n" as const, "\r" as const, "mixed" as const) }) },
);

function applyEdit(text: string, edit: Edit): string {
  switch (edit.kind) {
    case "insert": {
      const at = edit.at % (text.length + 1);
      return text.slice(0, at) + edit.text + text.slice(at);
    }
    case "delete": {
      const at = edit.at % (text.length + 1);
      return text.slice(0, at) + text.slice(at + edit.length);
    }
    case "lineEndings": {
      let i = 0;
      return text.replace(/\r\n|\n|\r/g, () => (edit.to === "mixed" ? ["\n", "\r\n", "\r"][i++ % 3] : edit.to));
    }
    default: {
      const lines = text.split("\n");
      const at = edit.at % lines.length;
      if (edit.kind === "duplicateLine") lines.splice(at, 0, lines[at]);
      else if (edit.kind === "deleteLine") lines.splice(at, 1);
      else {
        const other = edit.with % lines.length;
        [lines[at], lines[other]] = [lines[other], lines[at]];
      }
      return lines.join("\n");
    }
  }
}

const editedExample: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom(...EXAMPLES), fc.array(editArbitrary, { minLength: 1, maxLength: 8 }))
  .map(([text, edits]) => edits.reduce(applyEdit, text));

function caseDocument(text: string): CaseDocument {
  return { document: TextDocument.create("file:///fuzz.nadir", "nadir", 1, text), analysis: analyze(text, { today: TODAY }) };
}

function fuzz<T extends unknown[]>(property: fc.IProperty<T>): void {
  fc.assert(property, { numRuns: RUNS, seed: SEED });
}

describe("robustness: random edits of the examples (issue 7)", function () {
  this.timeout(FUZZ_RUNS > 0 ? 0 : 60_000);

  it("has example case files to edit", () => {
    assert.ok(EXAMPLES.length >= 3, `expected example case files in ${EXAMPLES_DIR}`);
  });

  it("parse, model, checks and engine (R1-R16) never throw (nor report an internal-error), and every diagnostic lies inside the text with a known code", () => {
    fuzz(fc.property(editedExample, (text) => {
      const analysis = analyze(text, { today: TODAY });
      for (const d of analysis.diagnostics) {
        assert.ok(KNOWN_CODES.has(d.code), `unknown code ${d.code}`);
        // A contained exception is still a defect: the fuzzer must see it (issue 10, item 7).
        assert.notEqual(d.code, Codes.internalError, d.message);
        assert.ok(0 <= d.start && d.start <= d.end && d.end <= text.length, `${d.code} at ${d.start}-${d.end} outside 0-${text.length}`);
        assert.ok(d.message.length > 0, `${d.code} without a message`);
      }
      const document = TextDocument.create("file:///fuzz.nadir", "nadir", 1, text);
      for (const lsp of toLspDiagnostics(document, analysis.diagnostics)) assertInside(document, lsp.range, `diagnostic ${lsp.code}`);
    }));
  });

  it("every language-service handler answers at any position without throwing, with ranges inside the document", () => {
    const position = fc.record({ line: fc.nat(400), character: fc.nat(120) });
    fuzz(fc.property(editedExample, fc.array(position, { minLength: 1, maxLength: 3 }), (text, positions) => {
      const doc = caseDocument(text);
      const { document } = doc;
      const whole: Range = { start: { line: 0, character: 0 }, end: document.positionAt(text.length) };
      const diagnostics = toLspDiagnostics(document, doc.analysis.diagnostics);
      const results: Array<[string, unknown]> = [
        ["documentSymbols", documentSymbols(doc)],
        ["foldingRanges", foldingRanges(doc)],
        ["semanticTokens", semanticTokens(doc)],
        ["codeLenses", codeLenses(doc)],
        ["inlayHints", inlayHints(doc, whole)],
        ["codeActions(all)", codeActions(doc, whole, diagnostics, DEFAULT_SETTINGS)],
      ];
      // Positions may lie past the end of a line or of the document, as clients sometimes send.
      const onText = positions.map((p) => (p.line < document.lineCount ? p : document.positionAt(p.character * 37)));
      for (const p of [...positions, ...onText]) {
        results.push(["hover", hover(doc, p)], ["completion", completion(doc, p)], ["definition", definition(doc, p)]);
        results.push(["references", references(doc, p, true)]);
        results.push(["selectionRanges", selectionRanges(doc, [p])]);
        results.push(["codeActions", codeActions(doc, { start: p, end: p }, diagnostics, DEFAULT_SETTINGS)]);
        results.push(["prepareRename", refusedOr(() => prepareRename(doc, p))], ["rename", refusedOr(() => rename(doc, p, "T99"))]);
      }
      for (const [what, result] of results) {
        // Edits may also target the very end (an insertion after the last line).
        for (const range of rangesIn(result)) assertInside(document, range, what);
      }
    }));
  });

  it("formatting is idempotent and preserves the assessment and the diagnostics' codes", () => {
    fuzz(fc.property(editedExample, (text) => {
      const once = formatText(text);
      assert.strictEqual(formatText(once), once, "formatting a formatted text changed it");
      const before = analyze(text, { today: TODAY });
      const after = analyze(once, { today: TODAY });
      // Formatting moves text, so the reasons of incomplete results are compared by code only.
      const results = (a: typeof before) => JSON.stringify(patientsJson(a.assessment, a.text), (key, value) => (key === "range" ? undefined : value));
      assert.strictEqual(results(after), results(before));
      const codes = (a: typeof before) => a.diagnostics.map((d) => d.code).sort();
      assert.deepStrictEqual(codes(after), codes(before));
    }));
  });
});
