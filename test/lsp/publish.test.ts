// Publishing from pre-encoded pieces (issue 16, item 2), at the byte level. The server writes
// publishDiagnostics from JSON pieces it keeps per patient (server/src/lsp/transport.ts,
// server/src/service/diagnostics.ts): the frames read here straight off its stdout, without a JSON-RPC
// library, must carry a Content-Length that counts UTF-8 bytes, and parse to exactly what a plain
// conversion of a fresh analysis of the same text gives, after every kind of edit: inside a patient,
// across patients, adding and removing lines (every later diagnostic moves), with characters of
// two and four UTF-8 bytes and of two UTF-16 code units. A publish never describes an older
// version than one already published, and one overtaken by an edit before it reached the wire is
// dropped.
import { strict as assert } from "assert";
import { spawn, ChildProcess } from "child_process";
import { PassThrough } from "stream";
import { TextDocument } from "vscode-languageserver-textdocument";
import type { TextDocumentContentChangeEvent } from "vscode-languageserver-protocol";
import { StreamMessageWriter, NotificationMessage, PublishDiagnosticsParams } from "vscode-languageserver-protocol/node";
import { analyze } from "../../server/src/core/analyze";
import { serverSettingsFrom } from "../../server/src/service/settings";
import { encodeDiagnostics, toLspDiagnostics } from "../../server/src/service/diagnostics";
import { EncodedPublishParams, PublishingMessageWriter } from "../../server/src/lsp/transport";
import { generateCohort } from "../../bench/generate";
import { NADIR_BIN } from "../helpers/paths";
import { replaceAt, SETTINGS } from "./editSteps";

const WAIT_LIMIT_MS = 20_000;

/** What a plain publish of `text` carries: the conversion of a fresh analysis, through JSON. */
function expected(text: string): unknown[] {
  const settings = serverSettingsFrom(SETTINGS);
  const document = TextDocument.create("file:///x.nadir", "nadir", 1, text);
  return JSON.parse(JSON.stringify(toLspDiagnostics(document, analyze(text, { settings: settings.core }).diagnostics)));
}

interface Frame {
  contentLength: number;
  body: Buffer;
  message: { id?: number; method?: string; params?: PublishDiagnosticsParams & { version?: number }; result?: unknown };
}

/** Splits raw bytes into LSP frames by their Content-Length (bytes), as a strict client would. */
class FrameReader {
  readonly frames: Frame[] = [];
  private buffer = Buffer.alloc(0);
  private listeners: Array<() => void> = [];

  push(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const headerEnd = this.buffer.indexOf("\r\n\r\n");
      if (headerEnd < 0) return;
      const header = this.buffer.subarray(0, headerEnd).toString("ascii");
      const m = /^Content-Length: (\d+)$/m.exec(header);
      assert.ok(m, `a frame without Content-Length: ${JSON.stringify(header)}`);
      const length = Number(m[1]);
      if (this.buffer.length < headerEnd + 4 + length) return;
      const body = this.buffer.subarray(headerEnd + 4, headerEnd + 4 + length);
      this.buffer = this.buffer.subarray(headerEnd + 4 + length);
      // A wrong Content-Length would cut the JSON short or swallow the next header.
      const message = JSON.parse(body.toString("utf8"));
      this.frames.push({ contentLength: length, body: Buffer.from(body), message });
      for (const listener of this.listeners.splice(0)) listener();
    }
  }

  waitFor(match: (f: Frame) => boolean, what: string, from = 0): Promise<Frame> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no ${what} within ${WAIT_LIMIT_MS} ms`)), WAIT_LIMIT_MS);
      const check = () => {
        const found = this.frames.slice(from).find(match);
        if (found) {
          clearTimeout(timer);
          resolve(found);
        } else this.listeners.push(check);
      };
      check();
    });
  }
}

class RawClient {
  readonly reader = new FrameReader();
  private nextId = 1;
  stderr = "";

  constructor(readonly child: ChildProcess) {
    child.stdout!.on("data", (chunk: Buffer) => this.reader.push(chunk));
    child.stderr!.on("data", (chunk) => (this.stderr += String(chunk)));
  }

  static async start(settings: unknown = SETTINGS): Promise<RawClient> {
    const client = new RawClient(spawn(process.execPath, [NADIR_BIN, "lsp", "--stdio"], { stdio: ["pipe", "pipe", "pipe"] }));
    await client.request("initialize", { processId: process.pid, rootUri: null, capabilities: {}, initializationOptions: { settings } });
    client.notify("initialized", {});
    return client;
  }

  send(message: object): void {
    const body = Buffer.from(JSON.stringify(message), "utf8");
    this.child.stdin!.write(Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, "ascii"), body]));
  }

  notify(method: string, params: unknown): void {
    this.send({ jsonrpc: "2.0", method, params });
  }

  request(method: string, params: unknown): Promise<Frame> {
    const id = this.nextId++;
    this.send({ jsonrpc: "2.0", id, method, params });
    return this.reader.waitFor((f) => f.message.id === id && f.message.method === undefined, `response to ${method}`);
  }

  published(uri: string): Frame[] {
    return this.reader.frames.filter((f) => f.message.method === "textDocument/publishDiagnostics" && f.message.params!.uri === uri);
  }

  publishOf(uri: string, version: number): Promise<Frame> {
    return this.reader.waitFor((f) => f.message.method === "textDocument/publishDiagnostics" && f.message.params!.uri === uri && f.message.params!.version === version, `diagnostics for ${uri} v${version}`);
  }

  kill(): void {
    if (this.child.exitCode === null) this.child.kill();
  }
}

/** A cohort with characters of every UTF-8 length and of two UTF-16 code units before the findings on their lines. */
function multiByteCohort(): string {
  const base = generateCohort(16, 6).text;
  return base
    .replace(/^patient PT-00002 \{/m, "patient PT-00002 { # Ærø, 東京, 😀😀")
    .replace(/^(  baseline \S+ \S+) \{/gm, "$1 { # 😀 é")
    .replace(/^(    T1\s+target )\S+/m, "$1lébér")
    .replace(/(\n  scan \S+ )CT \{/, "$1CT { # 😀 𝄞\n    NT9 non-target bone \"crâne 😀\" present")
    + "patient ÉTÉ-😀 {\n  as of 2025-06-01\n  baseline 2025-01-02 CT {  # 👩‍⚕️\n    T1 target liver \"segment 😀\" 42 mm\n  }\n  scan 2025-03-01 CT {\n    T1 55 mm  # 😀\n  }\n}\n";
}

describe("lsp: publishDiagnostics written from pre-encoded pieces (issue 16)", function () {
  this.timeout(60_000);
  let client: RawClient;

  before(async () => {
    client = await RawClient.start();
  });
  after(() => client?.kill());

  async function replay(uri: string, base: string, steps: Array<{ name: string; changes: (text: string) => TextDocumentContentChangeEvent[] }>): Promise<void> {
    let document = TextDocument.create(uri, "nadir", 1, base);
    client.notify("textDocument/didOpen", { textDocument: { uri, languageId: "nadir", version: 1, text: base } });
    const opened = await client.publishOf(uri, 1);
    assert.ok(Array.isArray(opened.message.params!.diagnostics) && opened.message.params!.diagnostics.length > 5, "the text has findings to compare");
    assert.equal(opened.contentLength, opened.body.length);
    assert.deepEqual(opened.message.params!.diagnostics, expected(base), "after opening");
    for (const step of steps) {
      const changes = step.changes(document.getText());
      document = TextDocument.update(document, changes, document.version + 1);
      client.notify("textDocument/didChange", { textDocument: { uri, version: document.version }, contentChanges: changes });
      const frame = await client.publishOf(uri, document.version);
      assert.deepEqual(frame.message.params!.diagnostics, expected(document.getText()), `after "${step.name}"`);
    }
    client.notify("textDocument/didClose", { textDocument: { uri } });
  }

  const STEPS = [
    { name: "retype a digit inside a patient", changes: (t: string) => [replaceAt(t, " mm\n", "7 mm\n", t.length >> 1)] },
    { name: "add a line inside a patient (every later finding moves down)", changes: (t: string) => [replaceAt(t, "  }\n", "  }\n\n", t.length >> 2)] },
    { name: "add two lines with astral characters", changes: (t: string) => [replaceAt(t, "  }\n", "  }\n  # 😀 one\n  # 𝄞 two\n", t.length >> 1)] },
    { name: "remove a line near the top (every later finding moves up)", changes: (t: string) => [replaceAt(t, "  }\n\n", "  }\n")] },
    { name: "type multi-byte text before a finding on its line", changes: (t: string) => [replaceAt(t, "  baseline", "  baseline", t.length >> 1), replaceAt(t, "{ # 😀 é", "{ # 😀😀 éé ü")] },
    { name: "an edit across two patients (full analysis)", changes: (t: string) => [replaceAt(t, "\n}\n\npatient PT-00004", "\n}\n\n\npatient PT-00004")] },
    { name: "delete a whole patient", changes: (t: string) => {
      const from = t.indexOf("patient PT-00003");
      const to = t.indexOf("patient PT-00004");
      const doc = TextDocument.create("x", "nadir", 1, t);
      return [{ range: { start: doc.positionAt(from), end: doc.positionAt(to) }, text: "" }];
    } },
    { name: "edit in the last patient only", changes: (t: string) => [replaceAt(t, "55 mm", "56 mm")] },
    { name: "add a CRLF line in the first patient", changes: (t: string) => [replaceAt(t, "  baseline", "  # crlf\r\n  baseline")] },
  ];

  it("every publish parses to the full conversion, across edits that move lines and text with multi-byte characters", async () => {
    await replay("file:///publish-multibyte.nadir", multiByteCohort(), STEPS);
  });

  it("the same on a plain generated cohort", async () => {
    await replay("file:///publish-plain.nadir", generateCohort(17, 8).text, STEPS.filter((s) => !/multi-byte|astral|patient PT-0000[34]|last patient/.test(s.name)));
  });

  it("counts Content-Length in UTF-8 bytes, not characters", async () => {
    const uri = "file:///bytes.nadir";
    const text = multiByteCohort();
    client.notify("textDocument/didOpen", { textDocument: { uri, languageId: "nadir", version: 1, text } });
    const frame = await client.publishOf(uri, 1);
    const json = frame.body.toString("utf8");
    assert.equal(frame.contentLength, Buffer.byteLength(json, "utf8"));
    // A syntax error quotes the multi-byte word: the body holds more than ASCII.
    assert.ok(frame.message.params!.diagnostics.some((d) => String(d.message).includes("ébér")), "a message with a multi-byte word");
    client.notify("textDocument/didClose", { textDocument: { uri } });
  });

  it("never publishes an older version after a newer one, and ends on the last version", async () => {
    const uri = "file:///burst.nadir";
    let document = TextDocument.create(uri, "nadir", 1, generateCohort(18, 6).text);
    client.notify("textDocument/didOpen", { textDocument: { uri, languageId: "nadir", version: 1, text: document.getText() } });
    await client.publishOf(uri, 1);
    // Twenty edits written at once: the server validates some subset of the versions (debounce 0).
    for (let i = 0; i < 20; i++) {
      const changes = [i % 2 === 0 ? replaceAt(document.getText(), "  }\n", "  }\n\n", document.getText().length >> 1) : replaceAt(document.getText(), " mm\n", "1 mm\n", document.getText().length >> 1)];
      document = TextDocument.update(document, changes, document.version + 1);
      client.notify("textDocument/didChange", { textDocument: { uri, version: document.version }, contentChanges: changes });
    }
    const last = await client.publishOf(uri, document.version);
    assert.deepEqual(last.message.params!.diagnostics, expected(document.getText()));
    const versions = client.published(uri).map((f) => f.message.params!.version!);
    for (let i = 1; i < versions.length; i++) assert.ok(versions[i] > versions[i - 1], `version ${versions[i]} published after ${versions[i - 1]}`);
    client.notify("textDocument/didClose", { textDocument: { uri } });
  });
});

describe("lsp: the publishing message writer (issue 16)", () => {
  /** Everything a writer writes to a stream, as frames. */
  async function written(write: (writer: PublishingMessageWriter) => Promise<void>): Promise<Frame[]> {
    const stream = new PassThrough();
    const reader = new FrameReader();
    stream.on("data", (chunk: Buffer) => reader.push(chunk));
    const writer = new PublishingMessageWriter(stream);
    await write(writer);
    return reader.frames;
  }

  const text = "patient É-😀 {\n  baseline 2025-01-02 CT {\n    T1 target lébér 40 mm\n  }\n  scan 2025-03-01 CT {\n  }\n}\n";
  const document = TextDocument.create("file:///é.nadir", "nadir", 3, text);
  const analysis = analyze(text);
  const encoded = encodeDiagnostics(document, analysis.diagnostics, analysis.parse.file.items);

  it("writes an ordinary message byte for byte as vscode-jsonrpc's stream writer does", async () => {
    const message = { jsonrpc: "2.0", id: 7, result: { contents: "crâne 😀 → ≥ 20 %" } };
    const ours = await written((w) => w.write(message));
    const stream = new PassThrough();
    const reader = new FrameReader();
    stream.on("data", (chunk: Buffer) => reader.push(chunk));
    await new StreamMessageWriter(stream).write(message);
    assert.deepEqual(ours.map((f) => [f.contentLength, f.body.toString("utf8")]), reader.frames.map((f) => [f.contentLength, f.body.toString("utf8")]));
  });

  it("writes an encoded publish that parses to the plain params, and drops one whose version is no longer current", async () => {
    let current = true;
    const params = new EncodedPublishParams(document.uri, 3, encoded, () => current);
    const message = (p: unknown): NotificationMessage => ({ jsonrpc: "2.0", method: "textDocument/publishDiagnostics", params: p as object });
    let writer!: PublishingMessageWriter;
    const frames = await written(async (w) => {
      writer = w;
      await w.write(message(params));
      current = false;
      await w.write(message(params));
      await w.write({ jsonrpc: "2.0", method: "window/logMessage", params: { type: 3, message: "after" } } as NotificationMessage);
    });
    assert.equal(frames.length, 2, "the stale publish is not written; the next message is");
    assert.deepEqual(frames[0].message.params, { uri: document.uri, version: 3, diagnostics: JSON.parse(JSON.stringify(toLspDiagnostics(document, analysis.diagnostics))) });
    assert.equal(frames[1].message.method, "window/logMessage");
    assert.deepEqual(writer.statistics, { encodedWritten: 1, staleDropped: 1 });
    // Serialised by anything else (IPC, tracing), the params are the same plain JSON.
    assert.deepEqual(JSON.parse(JSON.stringify(params)), frames[0].message.params);
  });

  it("keeps the order of messages written back to back", async () => {
    const params = new EncodedPublishParams(document.uri, 3, encoded, () => true);
    const frames = await written(async (w) => {
      await Promise.all([
        w.write({ jsonrpc: "2.0", id: 1, result: null } as never),
        w.write({ jsonrpc: "2.0", method: "textDocument/publishDiagnostics", params } as never),
        w.write({ jsonrpc: "2.0", id: 2, result: "😀" } as never),
      ]);
    });
    assert.deepEqual(frames.map((f) => f.message.id ?? f.message.method), [1, "textDocument/publishDiagnostics", 2]);
  });
});
