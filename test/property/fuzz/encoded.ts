// The server's pre-encoded diagnostics (service/diagnostics: encodeDiagnostics) against the plain
// conversion, for the fuzz oracle and the property tests: encoded afresh, and after one random
// edit re-analysed per patient with the previous version's pieces reused, the bytes must parse to
// exactly what toLspDiagnostics gives (as JSON: what a plain publish would carry).
import { strict as assert } from "assert";
import { TextDocument } from "vscode-languageserver-textdocument";
import type { Analysis } from "../../../server/src/core/analyze";
import { analyze } from "../../../server/src/core/analyze";
import { reanalyze } from "../../../server/src/core/incremental/reanalyze";
import { diagnosticsAround, encodeDiagnostics, toLspDiagnostics } from "../../../server/src/service/diagnostics";
import { CROSS_PATIENT_CODES } from "../../../server/src/core/check";
import type { Random } from "../../../bench/random";

const EDITS = ["\n", "\n\n", "\r\n", "x", "7", "  ", "é", "😀", "\r", "}", "\n  scan 2025-01-01 CT {\n  }\n"];

/** What the wire would carry for `analysis` without the encoding: the conversion, through JSON. */
export function plainJson(document: TextDocument, analysis: Analysis): unknown {
  return JSON.parse(JSON.stringify(toLspDiagnostics(document, analysis.diagnostics)));
}

export function checkEncodedDiagnostics(document: TextDocument, analysis: Analysis, rng: Random, today: number): void {
  checkDiagnosticsAround(document, analysis, rng, today);
  const fresh = encodeDiagnostics(document, analysis.diagnostics, analysis.parse.file.items);
  assert.deepStrictEqual(JSON.parse(fresh.toJsonText()), plainJson(document, analysis), "encoded diagnostics differ from the conversion");
  assert.equal(Buffer.byteLength(fresh.toJsonText(), "utf8"), fresh.byteLength, "encoded diagnostics are not ASCII");

  // One edit: the analysis is consumed by reanalyze, so a copy of it is made first.
  const text = analysis.text;
  const previous = analyze(text, { today });
  const before = encodeDiagnostics(document, previous.diagnostics, previous.parse.file.items);
  const at = rng.int(0, text.length);
  const remove = rng.chance(0.3) ? rng.int(1, 3) : 0;
  const change = { start: at, end: Math.min(text.length, at + remove), text: remove > 0 && rng.chance(0.5) ? "" : rng.pick(EDITS) };
  const { analysis: next } = reanalyze(previous, change, { today });
  const edited = TextDocument.create(document.uri, "nadir", 2, next.text);
  const reused = encodeDiagnostics(edited, next.diagnostics, next.parse.file.items, before, { unchangedPrefix: change.start, changedEnd: change.start + change.text.length });
  assert.deepStrictEqual(JSON.parse(reused.toJsonText()), plainJson(edited, next), `after replacing ${change.start}-${change.end} by ${JSON.stringify(change.text)} the reused encoding differs from the conversion`);
}

/**
 * The first publish of a large file (diagnosticsAround) carries, for the patients it covers,
 * exactly the diagnostics the full analysis gives them (but duplicate-patient), encoded alike.
 */
export function checkDiagnosticsAround(document: TextDocument, analysis: Analysis, rng: Random, today: number): void {
  const text = analysis.text;
  const from = rng.int(0, text.length);
  const to = Math.min(text.length, from + rng.int(0, 400));
  const around = diagnosticsAround(text, from, to, rng.int(0, 2000), (slice) => analyze(slice, { today }));
  assert.ok(around.from <= from || around.from === 0, `slice ${around.from}-${around.to} starts after ${from}`);
  // A diagnostic belongs to the block it starts in (half-open: one at a block's very end, zero
  // wide, is about the next line).
  const inBlocks = analysis.diagnostics.filter((d) => !CROSS_PATIENT_CODES.has(d.code) && around.blocks.some((b) => b.start <= d.start && d.start < b.end && d.end <= b.end));
  const partial = JSON.parse(encodeDiagnostics(document, around.diagnostics, around.blocks).toJsonText());
  const full = JSON.parse(JSON.stringify(toLspDiagnostics(document, inBlocks)));
  assert.deepStrictEqual(partial, full, `the diagnostics of the patients in ${around.from}-${around.to}, analysed alone, differ from the full analysis's`);
}
