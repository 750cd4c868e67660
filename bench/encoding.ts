// What publishing costs the server per edit, in-process, on each cohort (issue 16, item 2): the
// diagnostics of the whole file encoded as the server did before (toLspDiagnostics +
// JSON.stringify of the message) beside the pre-encoded pieces it keeps now, after an edit in the
// middle that keeps the line count (every other patient's piece reused as it is) and after one
// that adds a line (the pieces after it copied with their line numbers overwritten), and what
// re-encoding those later pieces instead would cost (the design this replaced is the first column;
// keeping offsets in `data` would make every length-changing keystroke a "moved" case).
import * as fs from "fs";
import { TextDocument } from "vscode-languageserver-textdocument";
import { analyze } from "../server/src/core/analyze";
import { parseDay } from "../server/src/core/util/dates";
import { encodeDiagnostics, toLspDiagnostics } from "../server/src/service/diagnostics";
import type { Dataset } from "./data";
import { timeBest } from "./stats";

const TODAY = parseDay("2026-01-01") as number;

export interface EncodingResult {
  name: string;
  diagnostics: number;
  publishBytes: number;
  /** The old path: convert every diagnostic and JSON.stringify the message. */
  convertAndStringifyMs: number;
  /** Encoding every diagnostic afresh (on open). */
  encodeAllMs: number;
  /** After an edit in the middle that keeps the line count: pieces reused. */
  reuseMs: number;
  /** After an edit in the middle that adds a line: the later pieces moved. */
  moveMs: number;
  /** The alternative to moving: encoding the later pieces afresh. */
  reencodeLaterMs: number;
}

export function measureEncoding(dataset: Dataset): EncodingResult {
  const text = fs.readFileSync(dataset.nadirPath, "utf8");
  const analysis = analyze(text, { today: TODAY });
  const document = TextDocument.create("file:///bench.nadir", "nadir", 1, text);
  const blocks = analysis.parse.file.items;
  const diagnostics = analysis.diagnostics;
  const convertAndStringifyMs = timeBest(() => JSON.stringify({ jsonrpc: "2.0", method: "textDocument/publishDiagnostics", params: { uri: document.uri, version: 1, diagnostics: toLspDiagnostics(document, diagnostics) } }), 3, 0, 5).ms;
  let first = encodeDiagnostics(document, diagnostics, blocks);
  const encodeAllMs = timeBest(() => (first = encodeDiagnostics(document, diagnostics, blocks)), 3, 0, 5).ms;
  const middle = text.indexOf("\n", text.length >> 1) + 1;
  const reuseMs = timeBest(() => encodeDiagnostics(document, diagnostics, blocks, first, { unchangedPrefix: middle, changedEnd: middle + 1 }), 5, 0, 20).ms;
  // A line added at `middle`: the text, the diagnostics after it (in place, as the core's
  // re-analysis moves them) and the blocks after it move by one.
  const moved = TextDocument.create("file:///bench.nadir", "nadir", 2, `${text.slice(0, middle)}\n${text.slice(middle)}`);
  const later = diagnostics.findIndex((d) => d.start >= middle);
  if (later >= 0) {
    for (let i = later; i < diagnostics.length; i++) {
      diagnostics[i].start++;
      diagnostics[i].end++;
    }
  }
  const movedBlocks = blocks.map((b) => (b.start >= middle ? { start: b.start + 1, end: b.end + 1 } : b));
  const moveMs = timeBest(() => encodeDiagnostics(moved, diagnostics, movedBlocks, first, { unchangedPrefix: middle, changedEnd: middle + 1 }), 5, 0, 20).ms;
  const reencodeLaterMs = later < 0 ? 0 : timeBest(() => encodeDiagnostics(moved, diagnostics.slice(later), movedBlocks), 3, 0, 5).ms;
  return { name: dataset.name, diagnostics: diagnostics.length, publishBytes: first.byteLength, convertAndStringifyMs, encodeAllMs, reuseMs, moveMs, reencodeLaterMs };
}
