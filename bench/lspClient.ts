// A language-server session over the real protocol: spawns `node bin/nadir.js lsp --stdio` and
// talks JSON-RPC to it with vscode-languageserver-protocol, the way an editor does (it accepts
// server-initiated work-done progress, as VS Code does, and records the time of each publish).
import { ChildProcess, spawn } from "child_process";
import * as fs from "fs";
import {
  createProtocolConnection, ProtocolConnection, StreamMessageReader, StreamMessageWriter,
  InitializeRequest, InitializedNotification, ConfigurationRequest, PublishDiagnosticsNotification,
  PublishDiagnosticsParams, ShutdownRequest, ExitNotification, ConfigurationParams, LogMessageNotification, LogMessageParams,
  WorkDoneProgressCreateRequest,
} from "vscode-languageserver-protocol/node";
import { NADIR_BIN } from "./data";
import { nowMs } from "./stats";

interface Waiter {
  uri: string;
  minVersion: number;
  resolve: (params: PublishDiagnosticsParams) => void;
}

export class LspSession {
  private readonly waiters: Waiter[] = [];
  private stderr = "";
  /** When the last publish for each document arrived (nowMs), and what it held. */
  readonly lastPublish = new Map<string, { at: number; params: PublishDiagnosticsParams }>();

  private constructor(readonly child: ChildProcess, readonly connection: ProtocolConnection) {}

  /** Starts the server and completes the initialize handshake; `settings` is the `nadir` section. */
  static async start(settings: unknown): Promise<LspSession> {
    const child = spawn(process.execPath, [NADIR_BIN, "lsp", "--stdio"], { stdio: ["pipe", "pipe", "pipe"] });
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const session = new LspSession(child, connection);
    child.stderr!.on("data", (chunk: Buffer) => {
      session.stderr = (session.stderr + chunk.toString("utf8")).slice(-4000);
    });
    connection.onRequest(ConfigurationRequest.type, (params: ConfigurationParams) => params.items.map((item) => (item.section === "nadir" ? settings : null)));
    connection.onNotification(PublishDiagnosticsNotification.type, (params: PublishDiagnosticsParams) => {
      session.lastPublish.set(params.uri, { at: nowMs(), params });
      session.deliver(params);
    });
    connection.onRequest(WorkDoneProgressCreateRequest.type, () => undefined);
    connection.onNotification("$/progress", () => undefined);
    connection.onNotification(LogMessageNotification.type, (params: LogMessageParams) => {
      session.stderr = (session.stderr + params.message + "\n").slice(-4000);
    });
    connection.listen();
    await connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: null,
      capabilities: { workspace: { configuration: true }, textDocument: { publishDiagnostics: { versionSupport: true } }, window: { workDoneProgress: true } },
      initializationOptions: { settings },
    });
    await connection.sendNotification(InitializedNotification.type, {});
    return session;
  }

  /** Resolves with the first diagnostics for `uri` that describe version `minVersion` or later. */
  waitForDiagnostics(uri: string, minVersion: number, timeoutMs = 120_000): Promise<PublishDiagnosticsParams> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        const i = this.waiters.indexOf(waiter);
        if (i >= 0) this.waiters.splice(i, 1);
        reject(new Error(`no diagnostics for ${uri} (version ${minVersion}) within ${timeoutMs} ms; server log: ${this.stderr.trim().split("\n").slice(-3).join(" | ")}`));
      }, timeoutMs);
      const waiter: Waiter = {
        uri,
        minVersion,
        resolve: (params) => {
          clearTimeout(timer);
          resolve(params);
        },
      };
      this.waiters.push(waiter);
    });
  }

  private deliver(params: PublishDiagnosticsParams): void {
    for (let i = this.waiters.length - 1; i >= 0; i--) {
      const waiter = this.waiters[i];
      // A server that does not tag versions is taken at its word: the next publish is the answer.
      if (waiter.uri === params.uri && (params.version === undefined || params.version >= waiter.minVersion)) {
        this.waiters.splice(i, 1);
        waiter.resolve(params);
      }
    }
  }

  /**
   * Resolves once the server has published the full diagnostics of every document it opened
   * (`nadir/status`: a large file gets the patients on screen first, then all). Its answer comes
   * after any publish sent before it, in order on the wire. A server without the field has none pending.
   */
  async allDiagnosticsOut(): Promise<void> {
    for (;;) {
      const status = (await this.connection.sendRequest("nadir/status")) as { pendingFullDiagnostics?: number } | null;
      if (!status || !status.pendingFullDiagnostics) return;
      await delay(20);
    }
  }

  /** Resident set size of the server process, in MB (Linux /proc). */
  rssMb(): number | null {
    try {
      const status = fs.readFileSync(`/proc/${this.child.pid}/status`, "utf8");
      const kb = /VmRSS:\s+(\d+)\s+kB/.exec(status);
      return kb ? Number(kb[1]) / 1024 : null;
    } catch {
      return null;
    }
  }

  get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  async stop(): Promise<void> {
    try {
      await Promise.race([this.connection.sendRequest(ShutdownRequest.type), delay(5000)]);
      await this.connection.sendNotification(ExitNotification.type);
    } catch {
      // The server may already be gone; it is killed below either way.
    }
    await Promise.race([new Promise((resolve) => this.child.once("exit", resolve)), delay(3000)]);
    if (this.running) this.child.kill();
    this.connection.dispose();
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
