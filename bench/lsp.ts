// Editor latency over the real protocol, on every cohort: open -> first diagnostics and open ->
// all diagnostics (a large file gets the patients on screen first; the bench asks `nadir/status`
// when the full ones are out), one-character edits -> publishDiagnostics and edits that add or
// remove a line (every later diagnostic moves) (debounce 0, nothing subtracted), hover and
// completion, the server's memory after open, and what one publish of the whole file costs a
// client to decode (JSON.parse of its text, in this process): the floor under the edit figures.
import * as fs from "fs";
import { pathToFileURL } from "url";
import {
  DidOpenTextDocumentNotification, DidChangeTextDocumentNotification, DidCloseTextDocumentNotification,
  HoverRequest, CompletionRequest, Position, Range,
} from "vscode-languageserver-protocol/node";
import type { Dataset } from "./data";
import { LspSession } from "./lspClient";
import { nowMs, percentile, timeBest } from "./stats";

export const EDITS = 200;
export const LINE_EDITS = 100;
const PROBES = 100;
/** Edits stop early on a slow file so that the whole benchmark stays within minutes. */
const EDIT_BUDGET_MS = 45_000;
const SETTINGS = { diagnostics: { debounceMs: 0 }, asOfDate: "2026-01-01" };

export interface LspFileResult {
  name: string;
  bytes: number;
  /** Until the first publish of the opened version (the patients on screen, for a large file). */
  openToDiagnosticsMs: number;
  firstDiagnostics: number;
  /** Until the publish of all of them. */
  openToAllDiagnosticsMs: number;
  diagnostics: number;
  /** Size of the JSON of one publish of all diagnostics, and a client's JSON.parse of it. */
  publishBytes: number;
  clientParseMs: number;
  edits: number;
  editP50Ms: number;
  editP95Ms: number;
  lineEdits: number;
  lineEditP50Ms: number;
  lineEditP95Ms: number;
  hoverP95Ms: number;
  completionP95Ms: number;
  rssAfterOpenMb: number | null;
  /** Why the measurement of this file stopped early (a reply that never came), if it did. */
  problem: string | null;
}

export interface LspResult {
  available: boolean;
  note: string;
  files: LspFileResult[];
}

export async function measureLsp(datasets: Dataset[], log: (line: string) => void = () => undefined): Promise<LspResult> {
  const files: LspFileResult[] = [];
  // A fresh server for each file: the memory after open is that file's, and no file's garbage
  // is collected during another's edits.
  for (const dataset of datasets) {
    let session: LspSession;
    try {
      session = await LspSession.start(SETTINGS);
    } catch (e) {
      return { available: false, note: `language server did not start: ${(e as Error).message}`, files };
    }
    try {
      log(`language server: ${dataset.name}`);
      files.push(await measureFile(session, dataset));
    } finally {
      await session.stop();
    }
  }
  return { available: true, note: "debounce 0, one server per file", files };
}

async function measureFile(session: LspSession, dataset: Dataset): Promise<LspFileResult> {
  const text = fs.readFileSync(dataset.nadirPath, "utf8");
  const uri = pathToFileURL(dataset.nadirPath).toString();
  const connection = session.connection;

  const result: LspFileResult = {
    name: dataset.name, bytes: Buffer.byteLength(text), openToDiagnosticsMs: NaN, firstDiagnostics: 0, openToAllDiagnosticsMs: NaN, diagnostics: 0,
    publishBytes: 0, clientParseMs: NaN, edits: 0, editP50Ms: NaN, editP95Ms: NaN, lineEdits: 0, lineEditP50Ms: NaN, lineEditP95Ms: NaN,
    hoverP95Ms: NaN, completionP95Ms: NaN, rssAfterOpenMb: null, problem: null,
  };
  try {
    await measureSteps(session, uri, text, result);
  } catch (e) {
    result.problem = (e as Error).message;
  }
  if (session.running) await connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  return result;
}

async function measureSteps(session: LspSession, uri: string, text: string, result: LspFileResult): Promise<void> {
  const connection = session.connection;
  const lines = text.split("\n");
  let version = 1;
  const opened = nowMs();
  const first = session.waitForDiagnostics(uri, version);
  await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: "nadir", version, text } });
  const firstParams = await first;
  result.openToDiagnosticsMs = nowMs() - opened;
  result.firstDiagnostics = firstParams.diagnostics.length;
  await session.allDiagnosticsOut();
  const all = session.lastPublish.get(uri)!;
  result.openToAllDiagnosticsMs = all.at - opened;
  result.diagnostics = all.params.diagnostics.length;
  result.rssAfterOpenMb = session.rssMb();
  const json = JSON.stringify(all.params);
  result.publishBytes = Buffer.byteLength(json);
  result.clientParseMs = timeBest(() => JSON.parse(json), 3, 0, 5).ms;

  const target = middleMeasurement(lines);
  const sendVersioned = async (range: Range, newText: string, times: number[]) => {
    version++;
    const published = session.waitForDiagnostics(uri, version, 30_000);
    const sent = nowMs();
    await connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [{ range, text: newText }] });
    await published;
    times.push(nowMs() - sent);
  };

  // Edits: retype the last digit of a measurement in the middle of the file, back and forth.
  const original = lines[target.line][target.character];
  const other = original === "7" ? "8" : "7";
  const digit = { start: target, end: { line: target.line, character: target.character + 1 } };
  const editTimes: number[] = [];
  let start = nowMs();
  for (let i = 0; i < EDITS && (i % 2 === 1 || nowMs() - start < EDIT_BUDGET_MS); i++) {
    await sendVersioned(digit, i % 2 === 0 ? other : original, editTimes);
  }
  result.edits = editTimes.length;
  result.editP50Ms = percentile(editTimes, 50);
  result.editP95Ms = percentile(editTimes, 95);

  // Line edits: add an empty line after that measurement and remove it again; every diagnostic
  // after it moves by a line each time.
  const endOfLine = { line: target.line, character: lines[target.line].length };
  const lineTimes: number[] = [];
  start = nowMs();
  for (let i = 0; i < LINE_EDITS && (i % 2 === 1 || nowMs() - start < EDIT_BUDGET_MS); i++) {
    if (i % 2 === 0) await sendVersioned({ start: endOfLine, end: endOfLine }, "\n", lineTimes);
    else await sendVersioned({ start: endOfLine, end: { line: target.line + 1, character: 0 } }, "", lineTimes);
  }
  result.lineEdits = lineTimes.length;
  result.lineEditP50Ms = percentile(lineTimes, 50);
  result.lineEditP95Ms = percentile(lineTimes, 95);

  const probes = lesionLinesAround(lines, target.line, PROBES);
  const hoverTimes: number[] = [];
  for (const line of probes) {
    const t = nowMs();
    await connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line, character: 5 } });
    hoverTimes.push(nowMs() - t);
  }
  result.hoverP95Ms = percentile(hoverTimes, 95);
  const completionTimes: number[] = [];
  for (const [i, line] of probes.entries()) {
    // Half at the start of a statement, half where a value goes (after `T1 `).
    const character = i % 2 === 0 ? 4 : lines[line].indexOf(" ", 4) + 1;
    const t = nowMs();
    await connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: { line, character } });
    completionTimes.push(nowMs() - t);
  }
  result.completionP95Ms = percentile(completionTimes, 95);
}

const MEASUREMENT = /^    [A-Z]+\d* \d+ mm$/;

/** The last digit of the first follow-up measurement (`    T1 42 mm`) after the middle line. */
function middleMeasurement(lines: string[]): Position {
  for (let i = Math.floor(lines.length / 2); i < lines.length; i++) {
    if (MEASUREMENT.test(lines[i])) return { line: i, character: lines[i].length - 4 };
  }
  throw new Error("no measurement line in the second half of the file");
}

function lesionLinesAround(lines: string[], around: number, count: number): number[] {
  const found: number[] = [];
  for (let i = Math.max(0, around - count * 4); i < lines.length && found.length < count; i++) {
    if (/^    [A-Z]+\d* /.test(lines[i])) found.push(i);
  }
  return found;
}
