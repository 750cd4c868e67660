// The server's side of the wire. vscode-jsonrpc's stream writer JSON.stringifies every message; for
// `textDocument/publishDiagnostics` that would re-encode every diagnostic of a file after each
// edit. PublishingMessageWriter writes such a notification from the pieces the server keeps already
// encoded (service/diagnostics: EncodedDiagnostics), and every other message as vscode-jsonrpc
// does (JSON, UTF-8, `Content-Length` in bytes). Messages go out one at a time, in the order they
// were given. A publish that a newer version of its document has overtaken while it waited for
// the wire is dropped: a client is never sent diagnostics older than the document it holds (the
// newer version's publish follows).
//
// Over node IPC (`--node-ipc`) messages are objects that Node serialises itself: an encoded
// publish then turns itself into plain JSON (toJSON), correct but without the saving. The VS Code
// client talks to the server over stdio for this reason.
import * as net from "net";
import type { Writable } from "stream";
import { AbstractMessageWriter, Message, MessageWriter, NotificationMessage, PublishDiagnosticsNotification } from "vscode-languageserver/node";
import type { EncodedDiagnostics } from "../service/diagnostics";

/** The params of a publishDiagnostics notification whose diagnostics are already encoded. */
export class EncodedPublishParams {
  constructor(
    readonly uri: string,
    readonly version: number | undefined,
    readonly encoded: EncodedDiagnostics,
    /** False once the document has moved on (or closed) and this publish would be stale. */
    readonly isCurrent: () => boolean,
  ) {}

  /** Plain JSON for any writer that serialises the message itself (IPC, message tracing). */
  toJSON(): { uri: string; version?: number; diagnostics: unknown[] } {
    return { uri: this.uri, ...(this.version === undefined ? {} : { version: this.version }), diagnostics: this.encoded.toDiagnostics() };
  }
}

const CONTENT_LENGTH = "Content-Length: ";
const HEADER_END = "\r\n\r\n";

export class PublishingMessageWriter extends AbstractMessageWriter implements MessageWriter {
  private queue: Promise<void> = Promise.resolve();
  private errorCount = 0;
  /** Encoded publishes written, and dropped because their document had moved on (tests, status). */
  readonly statistics = { encodedWritten: 0, staleDropped: 0 };

  constructor(private readonly stream: Writable) {
    super();
    stream.on("error", (error: Error) => this.fireError(error));
    stream.on("close", () => this.fireClose());
  }

  write(msg: Message): Promise<void> {
    const written = this.queue.then(() => this.writeNow(msg));
    this.queue = written.catch(() => undefined);
    return written;
  }

  private writeNow(msg: Message): Promise<void> {
    let body: Buffer[];
    try {
      const params = (msg as NotificationMessage).params;
      if (params instanceof EncodedPublishParams) {
        if (!params.isCurrent()) {
          this.statistics.staleDropped++;
          return Promise.resolve();
        }
        body = publishBody(params);
        this.statistics.encodedWritten++;
      } else {
        body = [Buffer.from(JSON.stringify(msg), "utf8")];
      }
    } catch (error) {
      this.fireError(error, msg, ++this.errorCount);
      return Promise.reject(error);
    }
    const length = body.reduce((sum, b) => sum + b.length, 0);
    const header = Buffer.from(`${CONTENT_LENGTH}${length}${HEADER_END}`, "ascii");
    return new Promise((resolve, reject) => {
      const done = (error?: Error | null) => {
        if (error) {
          this.fireError(error, msg, ++this.errorCount);
          reject(error);
        } else {
          this.errorCount = 0;
          resolve();
        }
      };
      // The pieces are written as they are (one writev), not copied into one buffer first: a
      // publish of a large file is megabytes, and a copy of that per edit keeps the collector busy.
      this.stream.cork();
      this.stream.write(header);
      for (let i = 0; i < body.length - 1; i++) this.stream.write(body[i]);
      this.stream.write(body[body.length - 1], done);
      this.stream.uncork();
    });
  }

  end(): void {
    this.stream.end();
  }
}

/** The whole JSON-RPC message of an encoded publish, as buffers in order. */
export function publishBody(params: EncodedPublishParams): Buffer[] {
  const head = `{"jsonrpc":"2.0","method":${JSON.stringify(PublishDiagnosticsNotification.method)},"params":{"uri":${JSON.stringify(params.uri)}${params.version === undefined ? "" : `,"version":${params.version}`},"diagnostics":`;
  return [Buffer.from(head, "utf8"), ...params.encoded.chunks(), CLOSE_BRACES];
}

const CLOSE_BRACES = Buffer.from("}}");

/** The writable side of the transport named on the command line, or null for node IPC / none. */
export type Transport = { kind: "stdio" } | { kind: "ipc" } | { kind: "socket"; port: number } | { kind: "pipe"; name: string };

/** The transport arguments vscode-languageserver understands: --stdio, --node-ipc, --socket=N, --pipe=NAME. */
export function transportFromArgs(argv: string[]): Transport | null {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--stdio") return { kind: "stdio" };
    if (arg === "--node-ipc") return { kind: "ipc" };
    const [name, inline] = arg.split("=", 2);
    const value = inline ?? argv[i + 1];
    if (name === "--socket" && value !== undefined && Number.isInteger(Number(value))) return { kind: "socket", port: Number(value) };
    if (name === "--pipe" && value !== undefined) return { kind: "pipe", name: value };
  }
  return null;
}

/** The streams of a socket or pipe transport (the client listens, the server connects). */
export function connectSocket(transport: { kind: "socket"; port: number } | { kind: "pipe"; name: string }): net.Socket {
  return transport.kind === "socket" ? net.createConnection(transport.port, "127.0.0.1") : net.createConnection(transport.name);
}
