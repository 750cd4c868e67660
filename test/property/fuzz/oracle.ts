// What every fuzz input must survive (issue 16, item 4). One call checks one text through:
// - the core pipeline (parse, model, checks, engine R1-R35): known codes, spans inside the text;
// - every language-service handler: diagnostics (and the server's pre-encoded publish, which must
//   parse to exactly the plain conversion), hover, completion, definition, references, rename,
//   selection ranges, code actions (each edit applied: it fits the text, and the result analyses),
//   document and workspace symbols, folding, semantic tokens, inlay hints, code lenses, the
//   assessment and export documents and the report service in every format;
// - formatting: idempotent, and meaning-preserving (the assessment JSON with ranges left out, and
//   the diagnostics' codes, are the same before and after); range formatting yields a valid edit;
// - the CLI's commands on the text as a file, in process: check in every format, assess in every
//   format (and --explain), report --all-scans in every format, export csv / cdisc / fhir, plot of
//   every kind, deidentify (whose copy must analyse again): no exception, no stack trace, an exit
//   code the command documents, machine-readable output that parses.
// A failure throws FuzzFailure naming the stage; anything else thrown is a crash of that stage.
import { strict as assert } from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { PassThrough, Writable } from "stream";
import { TextDocument } from "vscode-languageserver-textdocument";
import type { Position, Range, TextEdit, WorkspaceEdit } from "vscode-languageserver-types";
import { analyze, Analysis } from "../../../server/src/core/analyze";
import { Codes } from "../../../server/src/core/codes";
import { patientsJson } from "../../../server/src/core/engine/json";
import { formatLineRange, formatText } from "../../../server/src/core/format";
import { DEFAULT_SETTINGS } from "../../../server/src/core/settings";
import { parseDay } from "../../../server/src/core/util/dates";
import type { CaseDocument } from "../../../server/src/service/document";
import { hover } from "../../../server/src/service/hover";
import { completion } from "../../../server/src/service/completion";
import { codeActions } from "../../../server/src/service/codeActions";
import { definition, prepareRename, references, rename } from "../../../server/src/service/navigation";
import { documentSymbols, workspaceSymbols } from "../../../server/src/service/symbols";
import { foldingRanges, selectionRanges } from "../../../server/src/service/structure";
import { semanticTokens } from "../../../server/src/service/semanticTokens";
import { codeLenses, inlayHints } from "../../../server/src/service/presentation";
import { assessmentDocument, exportText } from "../../../server/src/service/assessmentDocument";
import { reportOf } from "../../../server/src/service/report";
import { REPORT_REQUEST_FORMATS } from "../../../server/src/protocol";
import { toLspDiagnostics } from "../../../server/src/service/diagnostics";
import { main } from "../../../server/src/cli/main";
import { Random } from "../../../bench/random";
import { assertInside, rangesIn, refusedOr } from "../../helpers/lspRanges";

export const TODAY = parseDay("2026-01-01") as number;
const AS_OF = "2026-01-01";
const KNOWN_CODES = new Set<string>(Object.values(Codes));
const URI = "file:///fuzz/case.nadir";

export class FuzzFailure extends Error {
  constructor(readonly stage: string, message: string) {
    super(`${stage}: ${message}`);
  }
}

/** Runs `check` as `stage`: an assertion or any exception becomes a FuzzFailure of that stage. */
async function stage<T>(name: string, check: () => T | Promise<T>): Promise<T> {
  try {
    return await check();
  } catch (e) {
    if (e instanceof FuzzFailure) throw e;
    const detail = e instanceof Error ? (e instanceof assert.AssertionError ? e.message : `${e.name}: ${e.message}\n${e.stack ?? ""}`) : String(e);
    throw new FuzzFailure(name, detail);
  }
}

export interface OracleOptions {
  /** Scratch directory for the CLI's files (one per process). */
  scratch: string;
  /** Extra check of the diagnostics (the server's encoded publish), given the plain conversion. */
  encodedDiagnostics?: (document: TextDocument, analysis: Analysis, rng: Random, today: number) => void;
  /** Seeded choice of positions and ranges; the input's own PRNG keeps a failure reproducible. */
  rng: Random;
  /** Which of the CLI's formats and plot kinds this input runs (see cliCalls): the input's index. */
  turn: number;
}

export async function checkText(text: string, options: OracleOptions): Promise<void> {
  const analysis = await stage("analyze", () => analyze(text, { today: TODAY }));
  const document = TextDocument.create(URI, "nadir", 1, text);
  const doc: CaseDocument = { document, analysis };
  await stage("diagnostics", () => checkDiagnostics(doc, options));
  await stage("handlers", () => checkHandlers(doc, options.rng));
  await stage("code actions", () => checkCodeActions(doc));
  await stage("formatting", () => checkFormatting(doc, options.rng));
  await stage("documents and report", () => checkDocuments(doc, options.rng, options.turn));
  await checkCli(text, options.scratch, options.turn);
}

function checkDiagnostics(doc: CaseDocument, options: OracleOptions): void {
  const { analysis, document } = doc;
  const text = analysis.text;
  for (const d of analysis.diagnostics) {
    assert.ok(KNOWN_CODES.has(d.code), `unknown code ${d.code}`);
    assert.ok(0 <= d.start && d.start <= d.end && d.end <= text.length, `${d.code} at ${d.start}-${d.end} outside 0-${text.length}`);
    assert.ok(d.message.length > 0, `${d.code} without a message`);
  }
  for (const lsp of toLspDiagnostics(document, analysis.diagnostics)) assertInside(document, lsp.range, `diagnostic ${lsp.code}`);
  options.encodedDiagnostics?.(document, analysis, options.rng, TODAY);
}

function positionsFor(document: TextDocument, rng: Random): Position[] {
  const text = document.getText();
  const out: Position[] = [];
  // On the text (most interesting: tokens), past a line's end, past the document's end.
  for (let i = 0; i < 4; i++) out.push(document.positionAt(rng.int(0, text.length)));
  out.push({ line: rng.int(0, document.lineCount + 2), character: rng.int(0, 140) });
  return out;
}

function checkHandlers(doc: CaseDocument, rng: Random): void {
  const { document } = doc;
  const whole: Range = { start: { line: 0, character: 0 }, end: document.positionAt(document.getText().length) };
  const results: Array<[string, unknown]> = [
    ["documentSymbols", documentSymbols(doc)],
    ["workspaceSymbols", workspaceSymbols([{ uri: document.uri, text: document.getText() }], "", () => document)],
    ["foldingRanges", foldingRanges(doc)],
    ["codeLenses", codeLenses(doc)],
    ["inlayHints", inlayHints(doc, whole)],
  ];
  const tokens = semanticTokens(doc);
  assert.ok(tokens.data.length % 5 === 0, "semantic tokens come in fives");
  for (const p of positionsFor(document, rng)) {
    results.push(["hover", hover(doc, p)], ["completion", completion(doc, p)], ["definition", definition(doc, p)]);
    results.push(["references", references(doc, p, true)], ["selectionRanges", selectionRanges(doc, [p])]);
    results.push(["prepareRename", refusedOr(() => prepareRename(doc, p))]);
    const renamed = refusedOr(() => rename(doc, p, "T99"));
    results.push(["rename", renamed]);
    if (renamed) applyWorkspaceEdit(document, renamed, "rename");
  }
  for (const [what, result] of results) for (const range of rangesIn(result)) assertInside(document, range, what);
}

function checkCodeActions(doc: CaseDocument): void {
  const { document } = doc;
  const text = document.getText();
  const diagnostics = toLspDiagnostics(document, doc.analysis.diagnostics);
  const whole: Range = { start: { line: 0, character: 0 }, end: document.positionAt(text.length) };
  const actions = [
    ...codeActions(doc, whole, diagnostics, DEFAULT_SETTINGS),
    // Refactors are offered where the cursor is: one per diagnostic's place, as an editor asks.
    ...diagnostics.slice(0, 6).flatMap((d) => codeActions(doc, d.range, [d], DEFAULT_SETTINGS)),
  ];
  // Every edit must fit the text; the texts of the first few distinct ones are analysed again.
  const analysed = new Set<string>();
  for (const action of actions) {
    if (!action.edit) continue;
    const edited = applyWorkspaceEdit(document, action.edit, `code action "${action.title}"`);
    if (analysed.size >= 3 || analysed.has(edited)) continue;
    analysed.add(edited);
    try {
      analyze(edited, { today: TODAY });
    } catch (e) {
      throw new FuzzFailure("code actions", `analysing the text after "${action.title}" threw ${(e as Error).stack}`);
    }
  }
}

/** The text after `edit` (which must only touch this document, with ranges inside it that do not overlap). */
function applyWorkspaceEdit(document: TextDocument, edit: WorkspaceEdit, what: string): string {
  const uris = Object.keys(edit.changes ?? {});
  assert.ok(!edit.documentChanges, `${what}: unexpected documentChanges`);
  assert.ok(uris.every((u) => u === document.uri), `${what}: edits another document ${uris.join(", ")}`);
  const edits: TextEdit[] = edit.changes?.[document.uri] ?? [];
  for (const e of edits) assertInside(document, e.range, what);
  const spans = edits.map((e) => [document.offsetAt(e.range.start), document.offsetAt(e.range.end)]).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  for (let i = 1; i < spans.length; i++) assert.ok(spans[i][0] >= spans[i - 1][1], `${what}: overlapping edits ${JSON.stringify(spans)}`);
  return TextDocument.applyEdits(document, edits);
}

function checkFormatting(doc: CaseDocument, rng: Random): void {
  const text = doc.analysis.text;
  const once = formatText(text);
  assert.strictEqual(formatText(once), once, "formatting a formatted text changed it (not idempotent)");
  const after = analyze(once, { today: TODAY });
  // Formatting moves text: results are compared without ranges, diagnostics by code.
  const meaning = (a: Analysis) => JSON.stringify(patientsJson(a.assessment, a.text), (key, value) => (key === "range" ? undefined : value));
  assert.strictEqual(meaning(after), meaning(doc.analysis), "formatting changed the assessment");
  const codes = (a: Analysis) => a.diagnostics.map((d) => d.code).sort().join(" ");
  assert.strictEqual(codes(after), codes(doc.analysis), "formatting changed the diagnostics");
  // Range formatting (the editor's "Format Selection"): an edit of whole lines inside the text.
  const lines = doc.document.lineCount;
  const from = rng.int(0, lines - 1);
  const to = Math.min(lines - 1, from + rng.int(0, 12));
  const edit = formatLineRange(text, from, to);
  if (edit) {
    assert.ok(0 <= edit.start && edit.start <= edit.end && edit.end <= text.length, `range formatting edit ${edit.start}-${edit.end} outside the text`);
    const ranged = text.slice(0, edit.start) + edit.text + text.slice(edit.end);
    // Up to the line ending: with mixed endings the formatter writes the first one it finds, and
    // a range edit may remove that one (a leading blank line).
    const lf = (t: string) => t.replace(/\r\n?/g, "\n");
    assert.strictEqual(lf(formatText(ranged)), lf(once), "formatting the whole text after formatting a range gives another text");
  }
}

function checkDocuments(doc: CaseDocument, rng: Random, turn: number): void {
  const label = "case.nadir";
  JSON.stringify(assessmentDocument(doc, label));
  JSON.parse(exportText(doc, label, "json"));
  exportText(doc, label, "csv");
  const patients = doc.analysis.model.patients.slice(0, 3);
  // Every format at a cursor; by patient id in one format (in turn).
  for (const format of REPORT_REQUEST_FORMATS) {
    const report = reportOf(doc, label, { uri: URI, position: doc.document.positionAt(rng.int(0, doc.analysis.text.length)), format });
    if (format === "fhir" && report.content !== null) JSON.parse(report.content);
  }
  for (const p of patients) reportOf(doc, label, { uri: URI, patient: p.id, format: REPORT_REQUEST_FORMATS[turn % REPORT_REQUEST_FORMATS.length] });
}

// ---------------------------------------------------------------------------------------------
// The CLI, in process, on the text as a file.

class Capture extends Writable {
  text = "";
  readonly isTTY = false;
  _write(chunk: Buffer, _encoding: BufferEncoding, done: () => void): void {
    this.text += chunk.toString();
    done();
  }
}

interface CliCall {
  args: string[];
  /** Exit codes the command documents for a file it can read. */
  codes: number[];
  /** Standard output must parse as JSON (or as one JSON value per line). */
  json?: "whole" | "lines";
}

/**
 * The commands run on one input: every command, and the formats and kinds of each in turn (input
 * `turn` runs check's and report's format number turn, plot's kind number turn, modulo their
 * counts), so that a campaign covers each one on a share of its inputs at a tenth of the cost.
 */
export function cliCalls(file: string, out: string, turn: number): CliCall[] {
  const asOf = ["--as-of", AS_OF];
  const pick = <T>(items: readonly T[]) => items[turn % items.length];
  const checkFormat = pick(["text", "json", "sarif", "junit", "github"]);
  const reportFormat = pick(["text", "md", "html", "fhir"]);
  const calls: CliCall[] = [
    { args: ["check", "--format", checkFormat, ...asOf, file], codes: [0, 1], json: checkFormat === "json" || checkFormat === "sarif" ? "whole" : undefined },
    { args: ["assess", "--format", "table", ...(turn % 2 === 0 ? ["--explain"] : []), ...asOf, file], codes: [0] },
    { args: ["assess", "--format", "json", "--strict", ...asOf, file], codes: [0, 1], json: "whole" },
    { args: ["assess", "--format", "csv", ...asOf, file], codes: [0] },
    // Nothing to report or draw (no patient, no scan) is exit 2 with a message: allowed.
    { args: ["report", "--all-scans", "--format", reportFormat, ...asOf, file], codes: [0, 2], json: reportFormat === "fhir" ? "whole" : undefined },
    // Nothing left to export (no patient, or every patient incomplete without
    // --include-incomplete) is exit 2 with a message, never an empty table: allowed.
    { args: ["export", "--to", "csv", ...asOf, file], codes: [0, 1, 2] },
    { args: ["export", "--to", "cdisc", "--include-incomplete", "--out", path.join(out, "cdisc"), ...asOf, file], codes: [0, 1, 2] },
    { args: ["export", "--to", "fhir", ...asOf, file], codes: [0, 1, 2], json: "lines" },
    { args: ["plot", "--kind", pick(["spider", "waterfall", "swimmer", "timeline"]), "--include-incomplete", ...asOf, file], codes: [0, 2] },
    { args: ["deidentify", "--seed", "7", "--out", path.join(out, "deid"), file], codes: [0, 1, 2] },
  ];
  return calls;
}

async function checkCli(text: string, scratch: string, turn: number): Promise<void> {
  const file = path.join(scratch, "case.nadir");
  const out = path.join(scratch, "out");
  fs.rmSync(out, { recursive: true, force: true });
  fs.writeFileSync(file, text);
  for (const call of cliCalls(file, out, turn)) {
    const name = `cli ${call.args.filter((a) => a !== file && !a.startsWith(scratch)).join(" ")}`;
    const stdout = new Capture();
    const stderr = new Capture();
    const code = await stage(name, () => main(call.args, { stdout, stderr, stdin: new PassThrough(), env: { NO_COLOR: "1" }, cwd: scratch }));
    await stage(name, () => {
      assert.ok(!/\n\s+at .+:\d+:\d+\)?\n/.test(stderr.text), `a stack trace on standard error:\n${stderr.text}`);
      assert.ok(call.codes.includes(code), `exit ${code} (expected ${call.codes.join(" or ")}); stderr: ${stderr.text.slice(0, 500)}`);
      if (code === 2) assert.ok(/^nadir [a-z]+: \S/m.test(stderr.text), `exit 2 without a clear message: ${JSON.stringify(stderr.text.slice(0, 300))}`);
      if (code === 2 && call.args[0] === "export") assert.ok(/^nadir export: nothing to export/m.test(stderr.text), `export exit 2 for another reason than nothing to export: ${stderr.text.slice(0, 300)}`);
      if (code !== 2 && call.json === "whole") JSON.parse(stdout.text);
      if (code !== 2 && call.json === "lines") for (const line of stdout.text.split("\n").filter(Boolean)) JSON.parse(line);
    });
  }
  await stage("cli deidentify output", () => {
    const dir = path.join(out, "deid");
    if (!fs.existsSync(dir)) return;
    for (const name of fs.readdirSync(dir)) {
      const copy = fs.readFileSync(path.join(dir, name), "utf8");
      analyze(copy, { today: TODAY });
      assert.ok(!copy.includes("\u0000"), "a NUL in the de-identified copy");
    }
  });
}

export function scratchDirectory(): string {
  const base = fs.existsSync("/dev/shm") ? "/dev/shm" : os.tmpdir();
  return fs.mkdtempSync(path.join(base, "nadir-fuzz-"));
}

// ---------------------------------------------------------------------------------------------
