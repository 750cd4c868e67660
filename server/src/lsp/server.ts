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
import { codeActions } from "../service/codeActions";
import { completion, withoutSnippets } from "../service/completion";
import { documentSymbols, workspaceSymbols } from "../service/symbols";
import { definition, prepareRename, references, rename, RenameError } from "../service/navigation";
import { foldingRanges, selectionRanges } from "../service/structure";
import { SEMANTIC_TOKENS_LEGEND, semanticTokens } from "../service/semanticTokens";
import { codeLenses, inlayHints } from "../service/presentation";
import type { CaseDocument } from "../service/document";
import { installedDocLinks } from "./installedDocs";
import {
  assessmentRequest, exportRequest, formattingEdits, importSrRequest, InvalidParamsError, nextScanEditRequest, rangeFormattingEdits, reportRequest,
} from "../service/requests";
import { Requests } from "../protocol";

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
        if (e instanceof RenameError || e instanceof InvalidParamsError) return new ResponseError(ErrorCodes.InvalidParams, e.message);
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
  connection.onDocumentFormatting(withDoc("formatting", [] as TextEdit[], (doc, _p: DocumentFormattingParams) => formattingEdits(doc)));
  connection.onDocumentRangeFormatting(withDoc("rangeFormatting", [] as TextEdit[], (doc, p: DocumentRangeFormattingParams) => rangeFormattingEdits(doc, p.range)));
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

  const withUri = <P extends { uri: string }, R>(name: string, run: (doc: CaseDocument, params: P) => R) =>
    guard<P, R | null>(name, null, (params) => {
      const doc = params && typeof params.uri === "string" ? caseDocument(params.uri) : null;
      return doc ? run(doc, params) : null;
    });
  connection.onRequest(Requests.assessment, withUri(Requests.assessment.method, (doc, p) => assessmentRequest(doc, labelOf(p.uri, workspaceFolders))));
  connection.onRequest(Requests.export, withUri(Requests.export.method, (doc, p) => exportRequest(doc, labelOf(p.uri, workspaceFolders), p)));
  connection.onRequest(Requests.nextScanEdit, withUri(Requests.nextScanEdit.method, (doc, p) => nextScanEditRequest(doc, p)));
  connection.onRequest(Requests.importSr, withUri(Requests.importSr.method, (doc, p) => importSrRequest(doc, p, settings.core)));
  connection.onRequest(Requests.report, withUri(Requests.report.method, (doc, p) => reportRequest(doc, labelOf(p.uri, workspaceFolders), p)));
  connection.onNotification(VISIBLE_RANGES_NOTIFICATION, (p: VisibleRangesParams) => publisher.setVisible(p));
  connection.onRequest(Requests.status.method, guard(Requests.status.method, null, () => ({
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
