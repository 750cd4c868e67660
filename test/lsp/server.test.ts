// Protocol-level tests: the real server (`nadir lsp --stdio`) and a real client library.
import { strict as assert } from "assert";
import * as fs from "fs";
import * as path from "path";
import { pathToFileURL } from "url";
import { TextDocument } from "vscode-languageserver-textdocument";
import {
  CodeAction, CodeActionRequest, CodeLensRequest, CompletionRequest, DefinitionRequest, DidChangeConfigurationNotification,
  DocumentFormattingRequest, DocumentRangeFormattingRequest, DocumentSymbolRequest, FoldingRangeRequest, HoverRequest,
  InlayHintRequest, PrepareRenameRequest, ReferencesRequest, RenameRequest, SelectionRangeRequest, SemanticTokensRequest,
  TextEdit, WorkspaceEdit, WorkspaceSymbolRequest, ResponseError, DocumentSymbol, CompletionItem, InsertTextFormat,
} from "vscode-languageserver-protocol/node";
import { EXAMPLES_DIR, SPEC_EXAMPLE } from "../helpers/paths";
import { messageText, TestClient } from "./lspClient";
import { formatText } from "../../server/src/core/format";
import { parseText } from "../../server/src/core/syntax/parse";
import { REPORT_REQUEST, ReportResult } from "../../server/src/protocol";

// The reference example with its own spacing (the positions below are counted in it).
const PT0042 = fs.readFileSync(SPEC_EXAMPLE, "utf8");
const uri = (name: string) => pathToFileURL(path.join(EXAMPLES_DIR, name)).toString();

function apply(text: string, docUri: string, edit: WorkspaceEdit | TextEdit[] | null | undefined): string {
  const edits = Array.isArray(edit) ? edit : edit?.changes?.[docUri];
  assert.ok(edits && edits.length > 0, "expected edits");
  return TextDocument.applyEdits(TextDocument.create(docUri, "nadir", 1, text), edits);
}

function positionOf(text: string, needle: string, shift = 1) {
  const at = text.indexOf(needle);
  assert.ok(at >= 0, needle);
  return TextDocument.create("x", "nadir", 1, text).positionAt(at + shift);
}

describe("lsp: the server over stdio with a full-featured client", function () {
  let client: TestClient;
  let config: Record<string, unknown> = { diagnostics: { debounceMs: 20 } };

  before(async () => {
    client = await TestClient.start({
      capabilities: {
        workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true }, workspaceFolders: true },
        textDocument: { completion: { completionItem: { snippetSupport: true } }, rename: { prepareSupport: true } },
      },
      configuration: () => config,
      workspaceFolders: [{ uri: pathToFileURL(EXAMPLES_DIR).toString(), name: "examples" }],
    });
  });

  after(() => client?.kill());

  it("declares exactly the implemented capabilities, statically, with incremental sync", () => {
    const caps = client.initializeResult.capabilities;
    assert.deepEqual(Object.keys(caps).sort(), [
      "codeActionProvider", "codeLensProvider", "completionProvider", "definitionProvider", "documentFormattingProvider",
      "documentRangeFormattingProvider", "documentSymbolProvider", "foldingRangeProvider", "hoverProvider", "inlayHintProvider",
      "referencesProvider", "renameProvider", "selectionRangeProvider", "semanticTokensProvider", "textDocumentSync", "workspaceSymbolProvider",
    ]);
    assert.deepEqual(caps.textDocumentSync, { openClose: true, change: 2 });
    assert.ok((caps.semanticTokensProvider as { legend: { tokenTypes: string[] } }).legend.tokenTypes.includes("lesionTarget"));
  });

  it("reads settings through workspace/configuration and pushes diagnostics with spec codes on open", async () => {
    await client.open(uri("PT-0042.nadir"), PT0042, 1);
    const published = await client.waitForDiagnostics(uri("PT-0042.nadir"), (p) => p.diagnostics.length > 0);
    assert.ok(client.configurationRequests.some((r) => r.items.some((i) => i.section === "nadir")));
    assert.equal(published.version, 1);
    const codes = published.diagnostics.map((d) => d.code);
    assert.ok(codes.includes("progression") && codes.includes("unconfirmed-pseudoprogression"), codes.join(","));
    assert.ok(published.diagnostics.every((d) => d.source === "nadir"));
    const progression = published.diagnostics.find((d) => d.code === "progression")!;
    assert.deepEqual(progression.range.start, { line: 30, character: 7 });
  });

  it("applies incremental changes and publishes only for the latest version", async () => {
    const docUri = "untitled:incremental.nadir";
    const text = PT0042;
    await client.open(docUri, text, 1);
    await client.waitForDiagnostics(docUri, (p) => p.version === 1);
    // Break one line (version 2): a syntax error appears there.
    const at = positionOf(text, "T1 30 mm", 3);
    await client.change(docUri, 2, [{ range: { start: at, end: { line: at.line, character: at.character + 2 } }, text: "thirty" }]);
    const broken = await client.waitForDiagnostics(docUri, (p) => p.version === 2);
    assert.ok(broken.diagnostics.some((d) => d.code === "syntax-error" && d.range.start.line === at.line));
    // Three quick edits: every publish carries a version no older than the one before, ending at 5.
    const mark = client.published.length;
    await client.change(docUri, 3, [{ range: { start: at, end: { line: at.line, character: at.character + 6 } }, text: "3" }]);
    await client.change(docUri, 4, [{ range: { start: at, end: { line: at.line, character: at.character + 1 } }, text: "31" }]);
    await client.change(docUri, 5, [{ range: { start: at, end: { line: at.line, character: at.character + 2 } }, text: "30" }]);
    const fixed = await client.waitForDiagnostics(docUri, (p) => p.version === 5, mark);
    assert.ok(!fixed.diagnostics.some((d) => d.code === "syntax-error"));
    const versions = client.published.slice(mark).filter((p) => p.uri === docUri).map((p) => p.version ?? 0);
    assert.deepEqual(versions, [...versions].sort((a, b) => a - b));
  });

  it("hovers a scan header with the arithmetic and a lesion with its history", async () => {
    const scan = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: uri("PT-0042.nadir") }, position: positionOf(PT0042, "scan 2025-04-26", 7) });
    assert.match((scan!.contents as { value: string }).value, /Sum = 38 \+ 0 \+ 12 = \*\*50 mm\*\*/);
    const lesion = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: uri("PT-0042.nadir") }, position: positionOf(PT0042, "NT2 absent", 1) });
    assert.match((lesion!.contents as { value: string }).value, /\*\*NT2\*\*: non-target lesion · node/);
  });

  it("links the rule ids of a hover to the docs installed beside the server (docs/rules.md)", async () => {
    const h = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: uri("PT-0042.nadir") }, position: positionOf(PT0042, "too small", 2) });
    const docs = pathToFileURL(path.join(EXAMPLES_DIR, "..", "docs") + path.sep).href;
    assert.match((h!.contents as { value: string }).value, new RegExp(`\\[R2\\]\\(${docs.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}rules\\.md#L\\d+\\)`));
  });

  it("completes lesion ids in a scan, as snippets for a client that supports them", async () => {
    const docUri = "untitled:completion.nadir";
    const text = PT0042.replace("    NT2 absent\n  }\n\n  scan 2025-04-26", "    \n  }\n\n  scan 2025-04-26");
    await client.open(docUri, text, 1);
    const items = (await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri: docUri }, position: positionOf(text, "    \n  }\n\n  scan 2025-04-26", 4) })) as CompletionItem[];
    assert.ok(items.some((i) => i.label === "NT2"), items.map((i) => i.label).join(","));
    assert.ok(items.some((i) => i.insertTextFormat === InsertTextFormat.Snippet));
    await client.close(docUri);
  });

  it("offers the confirmation-scan quick fix; applying its WorkspaceEdit gives a file with the scan (R10)", async () => {
    const docUri = uri("PT-0042.nadir");
    const published = await client.waitForDiagnostics(docUri, (p) => p.version === 1);
    const diagnostic = published.diagnostics.find((d) => d.code === "unconfirmed-pseudoprogression")!;
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri: docUri }, range: diagnostic.range, context: { diagnostics: [diagnostic] } })) as CodeAction[];
    const fix = actions.find((a) => a.title.startsWith("Insert confirmation scan"));
    assert.ok(fix, actions.map((a) => a.title).join(" | "));
    const after = apply(PT0042, docUri, fix.edit);
    assert.match(after, /\n  scan 2025-06-07 CT \{\n    T1  not evaluated\n/);
    assert.deepEqual(parseText(after).diagnostics, []);
  });

  it("formats the whole document and a range", async () => {
    const docUri = "untitled:format.nadir";
    const messy = "patient   X {\n   baseline 2025-01-02 CT {\n  T1 target liver 42 mm\n     T22 target lung   18 mm\n }\n}\n";
    await client.open(docUri, messy, 1);
    const edits = await client.connection.sendRequest(DocumentFormattingRequest.type, { textDocument: { uri: docUri }, options: { tabSize: 2, insertSpaces: true } });
    assert.equal(apply(messy, docUri, edits), formatText(messy));
    const range = await client.connection.sendRequest(DocumentRangeFormattingRequest.type, { textDocument: { uri: docUri }, range: { start: { line: 3, character: 0 }, end: { line: 4, character: 0 } }, options: { tabSize: 2, insertSpaces: true } });
    assert.equal(apply(messy, docUri, range), messy.replace("     T22 target lung   18 mm\n", "    T22 target lung  18 mm\n"));
    await client.close(docUri);
  });

  it("answers symbols, definition, references and rename", async () => {
    const docUri = uri("PT-0042.nadir");
    const symbols = (await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: docUri } })) as DocumentSymbol[];
    assert.equal(symbols[0].name, "PT-0042");
    assert.deepEqual(symbols[0].children![0].children!.map((s) => s.name), ["scan 2024-11-20", "baseline 2025-01-02", "scan 2025-03-01", "scan 2025-04-26"]);
    const workspace = await client.connection.sendRequest(WorkspaceSymbolRequest.type, { query: "" });
    const names = (workspace as Array<{ name: string; location: { uri: string } }>).map((s) => s.name);
    assert.ok(names.includes("PT-0042") && names.includes("ERR-0001"), names.join(","));
    const position = positionOf(PT0042, "T1 30 mm", 1);
    const def = await client.connection.sendRequest(DefinitionRequest.type, { textDocument: { uri: docUri }, position });
    assert.deepEqual((def as { range: unknown }).range, { start: { line: 14, character: 4 }, end: { line: 14, character: 6 } });
    const refs = await client.connection.sendRequest(ReferencesRequest.type, { textDocument: { uri: docUri }, position, context: { includeDeclaration: true } });
    assert.deepEqual(refs!.map((r) => r.range.start.line), [8, 14, 23, 31]);
    const prepared = await client.connection.sendRequest(PrepareRenameRequest.type, { textDocument: { uri: docUri }, position });
    assert.deepEqual(prepared, { range: { start: { line: 23, character: 4 }, end: { line: 23, character: 6 } }, placeholder: "T1" });
    const renamed = apply(PT0042, docUri, await client.connection.sendRequest(RenameRequest.type, { textDocument: { uri: docUri }, position, newName: "L1" }));
    assert.equal(renamed.match(/^ {4}L1 /gm)!.length, 4); // lines 8, 14, 23, 31; "PD-L1" untouched
    await assert.rejects(client.connection.sendRequest(RenameRequest.type, { textDocument: { uri: docUri }, position, newName: "T2" }), (e: ResponseError<void>) => /already a lesion/.test(e.message));
  });

  it("answers folding, selection ranges, semantic tokens, inlay hints and code lenses", async () => {
    const textDocument = { uri: uri("PT-0042.nadir") };
    const folds = await client.connection.sendRequest(FoldingRangeRequest.type, { textDocument });
    assert.ok(folds!.some((f) => f.startLine === 1 && f.endLine === 47));
    const selections = await client.connection.sendRequest(SelectionRangeRequest.type, { textDocument, positions: [positionOf(PT0042, "T1 30 mm", 4)] });
    assert.deepEqual(selections![0].range, { start: { line: 23, character: 7 }, end: { line: 23, character: 12 } });
    const tokens = await client.connection.sendRequest(SemanticTokensRequest.type, { textDocument });
    assert.ok(tokens!.data.length > 100 && tokens!.data.length % 5 === 0);
    const hints = await client.connection.sendRequest(InlayHintRequest.type, { textDocument, range: { start: { line: 0, character: 0 }, end: { line: 48, character: 0 } } });
    assert.deepEqual(hints!.map((h) => h.label), ["Σ 44 mm · −42.9 % vs baseline · PR · iPR", "Σ 50 mm · −35.1 % vs baseline · +13.6 % vs nadir · PD · iUPD"]);
    const lenses = await client.connection.sendRequest(CodeLensRequest.type, { textDocument });
    assert.match(lenses![0].command!.title, /^best response PR · iBOR iPR · next scan due/);
  });

  it("answers the client's custom requests: nadir/assessment, nadir/export, nadir/nextScanEdit", async () => {
    const docUri = uri("PT-0042.nadir");
    const doc = await client.connection.sendRequest<{ version: number; files: Array<{ file: string; patients: Array<{ episodes: Array<{ timepoints: Array<{ date: string; response: string; range: unknown }> }> }> }> }>("nadir/assessment", { uri: docUri });
    assert.equal(doc.version, 1);
    assert.equal(doc.files[0].file, "PT-0042.nadir");
    const tp = doc.files[0].patients[0].episodes[0].timepoints[1];
    assert.equal(tp.response, "PD");
    assert.deepEqual(tp.range, { start: { line: 30, character: 2 }, end: { line: 30, character: 22 } });
    const csv = await client.connection.sendRequest<{ text: string }>("nadir/export", { uri: docUri, format: "csv" });
    assert.match(csv.text.split("\n")[0], /^file,patient,criteria,/);
    assert.equal(csv.text.trim().split("\n").length, 3);
    const json = await client.connection.sendRequest<{ text: string }>("nadir/export", { uri: docUri, format: "json" });
    assert.equal(JSON.parse(json.text).files[0].patients[0].id, "PT-0042");
    const edit = await client.connection.sendRequest<WorkspaceEdit | null>("nadir/nextScanEdit", { uri: docUri, position: { line: 3, character: 2 } });
    assert.match(apply(PT0042, docUri, edit), /\n  scan 2025-06-21 CT \{\n/);
    await assert.rejects(client.connection.sendRequest("nadir/export", { uri: docUri, format: "xml" }));
  });

  it("answers nadir/report at a position (the scan there, else the patient's latest) or for a named patient and scan", async () => {
    const docUri = uri("PT-0042.nadir");
    const atScan = await client.connection.sendRequest<ReportResult>(REPORT_REQUEST, { uri: docUri, position: positionOf(PT0042, "T2 too small", 1), format: "text" });
    assert.ok(atScan.content !== null);
    assert.equal(atScan.scanDate, "2025-03-01");
    assert.match(atScan.content, /^Partial response \(iPR, iRECIST\)\./m);
    const elsewhere = await client.connection.sendRequest<ReportResult>(REPORT_REQUEST, { uri: docUri, position: positionOf(PT0042, "ctdna 2025-01-02", 1), format: "md" });
    assert.ok(elsewhere.content !== null && elsewhere.scanDate === "2025-04-26" && elsewhere.content.startsWith("# Tumour response report: PT-0042, 2025-04-26"));
    const named = await client.connection.sendRequest<ReportResult>(REPORT_REQUEST, { uri: docUri, patient: "PT-0042", scan: "2025-01-02", format: "html-article" });
    assert.ok(named.content !== null && named.content.startsWith("<article class=\"report\""));
    const unknown = await client.connection.sendRequest<ReportResult>(REPORT_REQUEST, { uri: docUri, patient: "PT-9", format: "text" });
    assert.equal(unknown.content, null);
    assert.match((unknown as { message: string }).message, /No patient 'PT-9'/);
    await assert.rejects(client.connection.sendRequest(REPORT_REQUEST, { uri: docUri, patient: "PT-0042", format: "pdf" }));
  });

  it("re-validates open documents when the settings change", async () => {
    const docUri = "untitled:settings.nadir";
    const text = "patient S {\n  therapy nivolumab from 2025-01-02 immunotherapy\n  baseline 2025-01-01 CT {\n    T1 target liver 40 mm\n  }\n  scan 2025-03-01 CT {\n    T1 50 mm\n  }\n}\n";
    await client.open(docUri, text, 1);
    await client.waitForDiagnostics(docUri, (p) => p.version === 1);
    const before = await client.connection.sendRequest<{ files: Array<{ patients: Array<{ criteria: string }> }> }>("nadir/assessment", { uri: docUri });
    assert.equal(before.files[0].patients[0].criteria, "RECIST1.1");
    const mark = client.published.length;
    config = { diagnostics: { debounceMs: 20 }, criteria: "iRECIST" };
    await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
    const republished = await client.waitForDiagnostics(docUri, () => true, mark);
    assert.ok(republished.diagnostics.some((d) => /iUPD/.test(messageText(d.message))), republished.diagnostics.map((d) => messageText(d.message)).join("\n"));
    const after = await client.connection.sendRequest<{ files: Array<{ patients: Array<{ criteria: string }> }> }>("nadir/assessment", { uri: docUri });
    assert.equal(after.files[0].patients[0].criteria, "iRECIST");
  });

  it("survives bad requests: unknown documents, positions past the end, malformed params, cancellation", async () => {
    assert.equal(await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: "untitled:never-opened.nadir" }, position: { line: 0, character: 0 } }), null);
    const far = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: uri("PT-0042.nadir") }, position: { line: 9999, character: 9999 } });
    if (far?.range) assert.ok(far.range.end.line <= 48);
    const malformed = await client.connection.sendRequest("textDocument/codeAction", { textDocument: { uri: uri("PT-0042.nadir") }, range: null, context: null });
    assert.deepEqual(malformed, []);
    assert.ok(client.logs.some((l) => /codeAction failed/.test(l)));
    const { CancellationTokenSource } = await import("vscode-jsonrpc/node");
    const source = new CancellationTokenSource();
    const pending = client.connection.sendRequest(WorkspaceSymbolRequest.type, { query: "PT" }, source.token);
    source.cancel();
    await pending.then(() => undefined, () => undefined); // answered either way, never left hanging
    const still = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: uri("PT-0042.nadir") }, position: positionOf(PT0042, "too small", 2) });
    assert.ok(still);
  });

  it("clears diagnostics on close, then shuts down and exits cleanly", async () => {
    const mark = client.published.length;
    await client.close(uri("PT-0042.nadir"));
    await client.waitForDiagnostics(uri("PT-0042.nadir"), (p) => p.diagnostics.length === 0, mark);
    const status = await client.connection.sendRequest<{ openDocuments: number; cachedAnalyses: number }>("nadir/status", {});
    assert.equal(status.cachedAnalyses, status.openDocuments);
    assert.equal(await client.stop(), 0);
  });
});
