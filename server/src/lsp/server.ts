// The language server: wires LSP requests to the pure language service. Each `handleX` takes the
// request, finds the document's cached analysis and calls one service function; failures are
// caught per handler, logged, and answered with an empty result, so one bad request never takes
// the server down. Capabilities are declared statically in the initialize result.
import {
  CancellationToken, ClientCapabilities, CodeActionKind, Connection, DidChangeConfigurationNotification, InitializeParams,
  InitializeResult, LSPErrorCodes, ResponseError, TextDocumentSyncKind, TextEdit, ErrorCodes,
  HoverParams, CompletionItem, CompletionParams, CodeActionParams, DocumentFormattingParams, DocumentRangeFormattingParams,
  DocumentSymbolParams, SymbolInformation, WorkspaceSymbolParams, DefinitionParams, ReferenceParams, PrepareRenameParams,
  RenameParams, FoldingRangeParams, SelectionRangeParams, SemanticTokensParams, InlayHintParams, CodeLensParams,
  DidChangeConfigurationParams, TextDocumentChangeEvent,
} from "vscode-languageserver/node";
import { TextDocument } from "vscode-languageserver-textdocument";
import * as path from "path";
import { fileURLToPath } from "url";
import { AnalysisCache, trackedTextDocuments, ValidationScheduler } from "./documentState";
import { workspaceCaseFiles } from "./workspaceFiles";
import { describe, DiagnosticsPublisher } from "./publisher";
import { VISIBLE_RANGES_NOTIFICATION, VisibleRangesParams } from "../protocol/visibleRanges";
import { serverSettingsFrom, ServerSettings } from "../service/settings";
import { hover } from "../service/hover";
import { codeActions, nextScanAction } from "../service/codeActions";
import { completion, withoutSnippets } from "../service/completion";
import { documentSymbols, workspaceSymbols } from "../service/symbols";
import { definition, prepareRename, references, rename, RenameError } from "../service/navigation";
import { foldingRanges, selectionRanges } from "../service/structure";
import { SEMANTIC_TOKENS_LEGEND, semanticTokens } from "../service/semanticTokens";
import { codeLenses, inlayHints } from "../service/presentation";
import { assessmentDocument, exportText } from "../service/assessmentDocument";
import { formatText, formatLineRange } from "../core/format";
import type { CaseDocument } from "../service/document";
import { locate } from "../service/caseIndex";
import { installedDocLinks } from "./installedDocs";
import { importSrEdit, SrFile } from "../service/importSr";
import { reportOf, ReportParamsError } from "../service/report";
import { REPORT_REQUEST, ReportParams } from "../protocol/report";

export const REQUESTS = {
  assessment: "nadir/assessment",
  export: "nadir/export",
  nextScanEdit: "nadir/nextScanEdit",
  importSr: "nadir/importSr",
  /** Counts of what the server holds, for leak tests. */
  status: "nadir/status",
} as const;

export function startServer(connection: Connection): void {
  let settings: ServerSettings = serverSettingsFrom(undefined);
  let clientCapabilities: ClientCapabilities = {};
  let workspaceFolders: string[] = [];
  const cache = new AnalysisCache(() => settings);
  const documents = trackedTextDocuments(cache);
  const log = (message: string) => connection.console.log(message);
  const publisher = new DiagnosticsPublisher(connection, documents, cache, log);
  const scheduler = new ValidationScheduler(() => settings.debounceMs, (uri) => publisher.publish(uri));
  const supportsConfiguration = () => !!clientCapabilities.workspace?.configuration;

  function caseDocument(uri: string): CaseDocument | null {
    const document = documents.get(uri);
    return document ? cache.caseDocument(document) : null;
  }

  async function refreshSettings(fromNotification?: unknown): Promise<void> {
    try {
      if (supportsConfiguration()) {
        const section = await connection.workspace.getConfiguration("nadir");
        settings = serverSettingsFrom(section);
      } else if (fromNotification !== undefined) {
        settings = serverSettingsFrom(fromNotification);
      }
    } catch (e) {
      log(`nadir: reading settings failed, keeping the previous ones: ${describe(e)}`);
    }
    cache.invalidateAll();
    if (settings.trace === "verbose") log(`nadir: settings ${JSON.stringify(settings)}`);
    for (const document of documents.all()) scheduler.schedule(document.uri);
  }

  /** Wraps a handler: honours cancellation, catches failures, logs them and answers `fallback`. */
  function guard<P, R>(name: string, fallback: R, handler: (params: P, token: CancellationToken) => R | Promise<R>) {
    return async (params: P, token: CancellationToken): Promise<R | ResponseError<void>> => {
      if (token?.isCancellationRequested) return new ResponseError(LSPErrorCodes.RequestCancelled, "Request cancelled");
      try {
        const result = await handler(params, token);
        if (token?.isCancellationRequested) return new ResponseError(LSPErrorCodes.RequestCancelled, "Request cancelled");
        return result;
      } catch (e) {
        if (e instanceof RenameError || e instanceof ReportParamsError) return new ResponseError(ErrorCodes.InvalidParams, e.message);
        log(`nadir: ${name} failed: ${describe(e)}`);
        return fallback;
      }
    };
  }

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    clientCapabilities = params.capabilities ?? {};
    const options = (params.initializationOptions ?? {}) as { settings?: unknown };
    settings = serverSettingsFrom(options.settings);
    workspaceFolders = (params.workspaceFolders ?? []).map((f) => f.uri);
    if (workspaceFolders.length === 0 && params.rootUri) workspaceFolders = [params.rootUri];
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        hoverProvider: true,
        completionProvider: { triggerCharacters: [" "], resolveProvider: false },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.RefactorRewrite] },
        documentFormattingProvider: true,
        documentRangeFormattingProvider: true,
        documentSymbolProvider: true,
        workspaceSymbolProvider: true,
        definitionProvider: true,
        referencesProvider: true,
        renameProvider: { prepareProvider: true },
        foldingRangeProvider: true,
        selectionRangeProvider: true,
        semanticTokensProvider: { legend: SEMANTIC_TOKENS_LEGEND, full: true },
        inlayHintProvider: true,
        codeLensProvider: { resolveProvider: false },
      },
      serverInfo: { name: "nadir" },
    };
  });

  connection.onInitialized(() => {
    if (clientCapabilities.workspace?.didChangeConfiguration?.dynamicRegistration) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: "nadir" }).catch((e) => log(`nadir: ${describe(e)}`));
    }
    if (supportsConfiguration()) void refreshSettings();
  });

  connection.onDidChangeConfiguration((change: DidChangeConfigurationParams) => {
    const section = (change.settings as { nadir?: unknown } | null)?.nadir;
    void refreshSettings(section);
  });

  documents.onDidOpen((e: TextDocumentChangeEvent<TextDocument>) => scheduler.schedule(e.document.uri));
  documents.onDidChangeContent((e: TextDocumentChangeEvent<TextDocument>) => scheduler.schedule(e.document.uri));
  documents.onDidClose((e: TextDocumentChangeEvent<TextDocument>) => {
    scheduler.cancel(e.document.uri);
    cache.delete(e.document.uri);
    publisher.forget(e.document.uri);
    void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });

  const withDoc = <P extends { textDocument: { uri: string } }, R>(name: string, fallback: R, run: (doc: CaseDocument, params: P) => R) =>
    guard<P, R>(name, fallback, (params) => {
      const doc = caseDocument(params.textDocument.uri);
      return doc ? run(doc, params) : fallback;
    });

  const docs = installedDocLinks();
  connection.onHover(withDoc("hover", null, (doc, p: HoverParams) => hover(doc, p.position, docs)));
  connection.onCompletion(withDoc("completion", [] as CompletionItem[], (doc, p: CompletionParams) => {
    const items = completion(doc, p.position);
    return clientCapabilities.textDocument?.completion?.completionItem?.snippetSupport ? items : withoutSnippets(items);
  }));
  connection.onCodeAction(withDoc("codeAction", [], (doc, p: CodeActionParams) => codeActions(doc, p.range, p.context.diagnostics, settings.core, p.context.only)));
  connection.onDocumentFormatting(withDoc("formatting", [] as TextEdit[], (doc, _p: DocumentFormattingParams) => {
    const text = doc.document.getText();
    const formatted = formatText(text);
    if (formatted === text) return [];
    return [TextEdit.replace({ start: { line: 0, character: 0 }, end: doc.document.positionAt(text.length) }, formatted)];
  }));
  connection.onDocumentRangeFormatting(withDoc("rangeFormatting", [] as TextEdit[], (doc, p: DocumentRangeFormattingParams) => {
    const text = doc.document.getText();
    const endLine = p.range.end.character === 0 && p.range.end.line > p.range.start.line ? p.range.end.line - 1 : p.range.end.line;
    const e = formatLineRange(text, p.range.start.line, endLine);
    return e ? [TextEdit.replace({ start: doc.document.positionAt(e.start), end: doc.document.positionAt(e.end) }, e.text)] : [];
  }));
  connection.onDocumentSymbol(withDoc("documentSymbol", [], (doc, _p: DocumentSymbolParams) => documentSymbols(doc)));
  connection.onWorkspaceSymbol(guard("workspaceSymbol", [] as SymbolInformation[], async (p: WorkspaceSymbolParams, token) => {
    const open = new Map(documents.all().map((d) => [d.uri, d.getText()]));
    const files = await workspaceCaseFiles(workspaceFolders, open);
    if (token.isCancellationRequested) return [];
    return workspaceSymbols(files, p.query, (f) => documents.get(f.uri) ?? TextDocument.create(f.uri, "nadir", 0, f.text));
  }));
  connection.onDefinition(withDoc("definition", null, (doc, p: DefinitionParams) => definition(doc, p.position)));
  connection.onReferences(withDoc("references", [], (doc, p: ReferenceParams) => references(doc, p.position, p.context?.includeDeclaration ?? true)));
  connection.onPrepareRename(withDoc("prepareRename", null, (doc, p: PrepareRenameParams) => prepareRename(doc, p.position)));
  connection.onRenameRequest(withDoc("rename", null, (doc, p: RenameParams) => rename(doc, p.position, p.newName)));
  connection.onFoldingRanges(withDoc("foldingRange", [], (doc, _p: FoldingRangeParams) => foldingRanges(doc)));
  connection.onSelectionRanges(withDoc("selectionRange", [], (doc, p: SelectionRangeParams) => selectionRanges(doc, p.positions)));
  connection.languages.semanticTokens.on(withDoc("semanticTokens", { data: [] }, (doc, _p: SemanticTokensParams) => semanticTokens(doc)));
  connection.languages.inlayHint.on(withDoc("inlayHint", [], (doc, p: InlayHintParams) => inlayHints(doc, p.range)));
  connection.onCodeLens(withDoc("codeLens", [], (doc, _p: CodeLensParams) => codeLenses(doc)));

  connection.onRequest(REQUESTS.assessment, guard("nadir/assessment", null, (p: { uri: string }) => {
    const doc = p && typeof p.uri === "string" ? caseDocument(p.uri) : null;
    return doc ? assessmentDocument(doc, labelOf(p.uri, workspaceFolders)) : null;
  }));
  connection.onRequest(REQUESTS.export, guard("nadir/export", null, (p: { uri: string; format: string }) => {
    if (!p || (p.format !== "csv" && p.format !== "json")) throw new RenameError("format must be \"csv\" or \"json\"");
    const doc = caseDocument(p.uri);
    return doc ? { text: exportText(doc, labelOf(p.uri, workspaceFolders), p.format) } : null;
  }));
  connection.onRequest(REQUESTS.nextScanEdit, guard("nadir/nextScanEdit", null, (p: { uri: string; position: { line: number; character: number } }) => {
    const doc = p && typeof p.uri === "string" ? caseDocument(p.uri) : null;
    if (!doc || !p.position) return null;
    const loc = locate(doc.analysis, doc.document.offsetAt(p.position));
    const patient = loc.patient ?? (doc.analysis.model.patients.length === 1 ? doc.analysis.model.patients[0] : null);
    return nextScanAction(doc, patient)?.edit ?? null;
  }));
  connection.onRequest(REQUESTS.importSr, guard("nadir/importSr", null, (p: { uri: string; position: { line: number; character: number } | null; files: SrFile[] }) => {
    const doc = p && typeof p.uri === "string" && Array.isArray(p.files) ? caseDocument(p.uri) : null;
    return doc ? importSrEdit(doc, p.position ?? null, p.files, settings.core) : null;
  }));
  connection.onRequest(REPORT_REQUEST, guard("nadir/report", null, (p: ReportParams) => (p && typeof p.uri === "string" && caseDocument(p.uri) ? reportOf(caseDocument(p.uri)!, labelOf(p.uri, workspaceFolders), p) : null)));
  connection.onNotification(VISIBLE_RANGES_NOTIFICATION, (p: VisibleRangesParams) => publisher.setVisible(p));
  connection.onRequest(REQUESTS.status, guard("nadir/status", null, () => ({
    openDocuments: documents.all().length,
    cachedAnalyses: cache.size,
    pendingValidations: scheduler.pending,
    firstPublishes: publisher.firstPublishes,
    pendingFullDiagnostics: publisher.pendingFull,
  })));

  connection.onShutdown(() => scheduler.cancelAll());
  documents.listen(connection);
  connection.listen();
}

/** The file name the JSON reports: relative to the first workspace folder that holds it. */
function labelOf(uri: string, folders: string[]): string {
  if (!uri.startsWith("file:")) return uri;
  try {
    const file = fileURLToPath(uri);
    for (const folder of folders) {
      if (!folder.startsWith("file:")) continue;
      const relative = path.relative(fileURLToPath(folder), file);
      if (!relative.startsWith("..") && !path.isAbsolute(relative)) return relative.split(path.sep).join("/");
    }
    return path.basename(file);
  } catch {
    return uri;
  }
}
