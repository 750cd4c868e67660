// A real LSP client for protocol tests: spawns `node bin/nadir.js lsp --stdio` and talks to it with
// vscode-jsonrpc / vscode-languageserver-protocol, recording pushed diagnostics and server requests.
import { spawn, ChildProcess } from "child_process";
import {
  ClientCapabilities, ConfigurationParams, ConfigurationRequest, DidChangeTextDocumentNotification, DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification, ExitNotification, InitializedNotification, InitializeRequest, InitializeResult,
  PublishDiagnosticsNotification, PublishDiagnosticsParams, RegistrationRequest, ShutdownRequest, TextDocumentContentChangeEvent,
  LogMessageNotification, WorkspaceFolder, createProtocolConnection, ProtocolConnection, StreamMessageReader, StreamMessageWriter,
  WorkDoneProgressCreateRequest,
} from "vscode-languageserver-protocol/node";
import { NADIR_BIN } from "../helpers/paths";

export interface StartOptions {
  capabilities: ClientCapabilities;
  initializationOptions?: unknown;
  /** What the client answers to workspace/configuration for section `nadir`. */
  configuration?: () => unknown;
  workspaceFolders?: WorkspaceFolder[] | null;
}

/** Generous guard against a hung server; tests never assert on time. */
const WAIT_LIMIT_MS = 15_000;

export class TestClient {
  readonly published: PublishDiagnosticsParams[] = [];
  readonly configurationRequests: ConfigurationParams[] = [];
  readonly registrations: unknown[] = [];
  readonly logs: string[] = [];
  /** Work-done progress the server created ($/progress values in order, with their token). */
  readonly progress: Array<{ token: string | number; value: { kind: string; title?: string; message?: string } }> = [];
  stderr = "";
  initializeResult!: InitializeResult;
  private listeners: Array<() => void> = [];

  private constructor(readonly process: ChildProcess, readonly connection: ProtocolConnection) {}

  static async start(options: StartOptions): Promise<TestClient> {
    const child = spawn(process.execPath, [NADIR_BIN, "lsp", "--stdio"], { stdio: ["pipe", "pipe", "pipe"] });
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const client = new TestClient(child, connection);
    child.stderr!.on("data", (chunk) => (client.stderr += String(chunk)));
    connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      client.published.push(params);
      client.notify();
    });
    connection.onNotification(LogMessageNotification.type, (params) => {
      client.logs.push(params.message);
    });
    connection.onRequest(ConfigurationRequest.type, (params) => {
      client.configurationRequests.push(params);
      return params.items.map(() => options.configuration?.() ?? null);
    });
    connection.onRequest(RegistrationRequest.type, (params) => {
      client.registrations.push(params);
    });
    connection.onRequest(WorkDoneProgressCreateRequest.type, () => undefined);
    // Replaces the connection's own $/progress dispatch (to handlers by token, of which a client has none here).
    connection.onNotification("$/progress", (params: (typeof client.progress)[number]) => {
      client.progress.push(params);
      client.notify();
    });
    connection.listen();
    client.initializeResult = await connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: null,
      capabilities: options.capabilities,
      initializationOptions: options.initializationOptions,
      workspaceFolders: options.workspaceFolders ?? null,
    });
    await connection.sendNotification(InitializedNotification.type, {});
    return client;
  }

  private notify(): void {
    for (const listener of [...this.listeners]) listener();
  }

  /** Resolves with the first published diagnostics for `uri` (from index `since` on) that satisfy `accept`. */
  waitForDiagnostics(uri: string, accept: (p: PublishDiagnosticsParams) => boolean = () => true, since = 0): Promise<PublishDiagnosticsParams> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const hit = this.published.slice(since).find((p) => p.uri === uri && accept(p));
        if (!hit) return false;
        this.listeners = this.listeners.filter((l) => l !== listener);
        clearTimeout(timer);
        resolve(hit);
        return true;
      };
      const listener = () => void check();
      const timer = setTimeout(() => {
        this.listeners = this.listeners.filter((l) => l !== listener);
        reject(new Error(`no matching diagnostics for ${uri}; published: ${JSON.stringify(this.published.map((p) => [p.uri, p.version, p.diagnostics.length]))}\nstderr: ${this.stderr}`));
      }, WAIT_LIMIT_MS);
      if (!check()) this.listeners.push(listener);
    });
  }

  /** Resolves once `done()` holds (checked after every publish and progress report). */
  waitUntil(done: () => boolean, what: string): Promise<void> {
    return new Promise((resolve, reject) => {
      const listener = () => {
        if (!done()) return;
        this.listeners = this.listeners.filter((l) => l !== listener);
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        this.listeners = this.listeners.filter((l) => l !== listener);
        reject(new Error(`not within ${WAIT_LIMIT_MS} ms: ${what}`));
      }, WAIT_LIMIT_MS);
      this.listeners.push(listener);
      listener();
    });
  }

  open(uri: string, text: string, version = 1): Promise<void> {
    return this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: "nadir", version, text } });
  }

  change(uri: string, version: number, contentChanges: TextDocumentContentChangeEvent[]): Promise<void> {
    return this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges });
  }

  close(uri: string): Promise<void> {
    return this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  /** shutdown, exit, and the process's exit code. */
  async stop(): Promise<number | null> {
    const exited = new Promise<number | null>((resolve) => this.process.once("exit", (code) => resolve(code)));
    await this.connection.sendRequest(ShutdownRequest.type);
    await this.connection.sendNotification(ExitNotification.type);
    const code = await exited;
    this.connection.dispose();
    return code;
  }

  kill(): void {
    if (this.process.exitCode === null) this.process.kill();
  }
}

/** A diagnostic's message as text (LSP 3.18 also allows markup). */
export function messageText(message: string | { value: string }): string {
  return typeof message === "string" ? message : message.value;
}
