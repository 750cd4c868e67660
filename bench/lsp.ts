// Editor latency over the real protocol: open -> first diagnostics, one-character edit ->
// publishDiagnostics (debounce set to 0, nothing subtracted), hover and completion, and the
// server's memory with the big cohort open.
import * as fs from "fs";
import { pathToFileURL } from "url";
import {
  DidOpenTextDocumentNotification, DidChangeTextDocumentNotification, DidCloseTextDocumentNotification,
  HoverRequest, CompletionRequest, Position,
} from "vscode-languageserver-protocol/node";
import type { Dataset } from "./data";
import { LspSession } from "./lspClient";
import { nowMs, percentile } from "./stats";

export const EDITS = 200;
const PROBES = 100;
/** Edits stop early on a slow file so that the whole benchmark stays within a few minutes. */
const EDIT_BUDGET_MS = 45_000;
const SETTINGS = { diagnostics: { debounceMs: 0 }, asOfDate: "2026-01-01" };

export interface LspFileResult {
  name: string;
  bytes: number;
  openToDiagnosticsMs: number;
  edits: number;
  editP50Ms: number;
  editP95Ms: number;
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

export async function measureLsp(datasets: Dataset[]): Promise<LspResult> {
  let session: LspSession;
  try {
    session = await LspSession.start(SETTINGS);
  } catch (e) {
    return { available: false, note: `language server did not start: ${(e as Error).message}`, files: [] };
  }
  const files: LspFileResult[] = [];
  try {
    for (const dataset of datasets) {
      if (!session.running) break;
      files.push(await measureFile(session, dataset));
    }
  } finally {
    await session.stop();
  }
  return { available: true, note: "debounce 0", files };
}

async function measureFile(session: LspSession, dataset: Dataset): Promise<LspFileResult> {
  const text = fs.readFileSync(dataset.nadirPath, "utf8");
  const uri = pathToFileURL(dataset.nadirPath).toString();
  const connection = session.connection;

  const result: LspFileResult = {
    name: dataset.name, bytes: Buffer.byteLength(text), openToDiagnosticsMs: NaN, edits: 0, editP50Ms: NaN, editP95Ms: NaN,
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
  await first;
  result.openToDiagnosticsMs = nowMs() - opened;
  result.rssAfterOpenMb = session.rssMb();

  // Edits: retype the last digit of a measurement in the middle of the file, back and forth.
  const target = middleMeasurement(lines);
  const original = lines[target.line][target.character];
  const other = original === "7" ? "8" : "7";
  const editTimes: number[] = [];
  const editStart = nowMs();
  for (let i = 0; i < EDITS && nowMs() - editStart < EDIT_BUDGET_MS; i++) {
    version++;
    const range = { start: target, end: { line: target.line, character: target.character + 1 } };
    const published = session.waitForDiagnostics(uri, version, 30_000);
    const sent = nowMs();
    await connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version },
      contentChanges: [{ range, text: i % 2 === 0 ? other : original }],
    });
    await published;
    editTimes.push(nowMs() - sent);
    result.edits = editTimes.length;
    result.editP50Ms = percentile(editTimes, 50);
    result.editP95Ms = percentile(editTimes, 95);
  }

  const probes = lesionLinesAround(lines, target.line, PROBES);
  const hoverTimes: number[] = [];
  for (const line of probes) {
    const start = nowMs();
    await connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line, character: 5 } });
    hoverTimes.push(nowMs() - start);
  }
  result.hoverP95Ms = percentile(hoverTimes, 95);
  const completionTimes: number[] = [];
  for (const [i, line] of probes.entries()) {
    // Half at the start of a statement, half where a value goes (after `T1 `).
    const character = i % 2 === 0 ? 4 : lines[line].indexOf(" ", 4) + 1;
    const start = nowMs();
    await connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: { line, character } });
    completionTimes.push(nowMs() - start);
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
