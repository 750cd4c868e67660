// Protocol abuse (issue 7): the real server (`nadir lsp --stdio`) fed malformed JSON-RPC, unknown
// methods, documents never opened, positions out of range, a 5 MB single-line file, 10,000 nested
// braces and binary garbage answers with errors or empty results and keeps serving; opening and
// closing 1,000 documents leaves nothing behind. Written at the wire level (raw frames), because a
// client library would refuse to send most of this. No timing assertions: waits only guard hangs.
import { strict as assert } from "assert";
import { spawn, ChildProcess } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { StreamMessageReader } from "vscode-jsonrpc/node";
import { EXAMPLES_DIR, NADIR_BIN } from "../helpers/paths";

const WAIT_LIMIT_MS = 30_000;
const PT0042 = fs.readFileSync(path.join(EXAMPLES_DIR, "PT-0042.nadir"), "utf8");

interface WireMessage {
  jsonrpc?: string;
  id?: number | string | null;
  method?: string;
  params?: any; // eslint-disable-line @typescript-eslint/no-explicit-any
  result?: unknown;
  error?: { code: number; message: string };
}

class WireClient {
  readonly received: WireMessage[] = [];
  private nextId = 1;
  private listeners: Array<() => void> = [];
  stderr = "";

  private constructor(readonly child: ChildProcess) {
    const reader = new StreamMessageReader(child.stdout!);
    reader.listen((message) => {
      const m = message as WireMessage;
      this.received.push(m);
      // Answer the server's own requests (configuration, registrations) so it never waits on us.
      if (m.method && m.id !== undefined) {
        const result = m.method === "workspace/configuration" ? (m.params?.items ?? []).map(() => ({ diagnostics: { debounceMs: 0 } })) : null;
        this.send({ jsonrpc: "2.0", id: m.id, result });
      }
      for (const listener of this.listeners.splice(0)) listener();
    });
    child.stderr!.on("data", (chunk) => (this.stderr = (this.stderr + String(chunk)).slice(-4000)));
  }

  static async start(): Promise<WireClient> {
    const client = new WireClient(spawn(process.execPath, [NADIR_BIN, "lsp", "--stdio"], { stdio: ["pipe", "pipe", "pipe"] }));
    const init = await client.request("initialize", {
      processId: process.pid, rootUri: null, capabilities: {}, initializationOptions: { settings: { diagnostics: { debounceMs: 0 } } },
    });
    assert.ok(init.result, `initialize failed: ${JSON.stringify(init.error)}`);
    client.notify("initialized", {});
    return client;
  }

  get alive(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Writes one correctly framed message whose body may be anything at all. */
  writeFrame(body: string | Buffer): void {
    const bytes = typeof body === "string" ? Buffer.from(body, "utf8") : body;
    this.child.stdin!.write(Buffer.concat([Buffer.from(`Content-Length: ${bytes.length}\r\n\r\n`, "ascii"), bytes]));
  }

  send(message: object): void {
    this.writeFrame(JSON.stringify(message));
  }

  notify(method: string, params: unknown): void {
    this.send({ jsonrpc: "2.0", method, params });
  }

  async request(method: string, params: unknown): Promise<WireMessage> {
    const id = this.nextId++;
    this.send({ jsonrpc: "2.0", id, method, params });
    return this.waitFor((m) => m.id === id && m.method === undefined, `response to ${method}`);
  }

  waitFor(match: (m: WireMessage) => boolean, what: string): Promise<WireMessage> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no ${what} within ${WAIT_LIMIT_MS} ms (server alive: ${this.alive}; stderr: ${this.stderr.slice(-300)})`)), WAIT_LIMIT_MS);
      const check = () => {
        const found = this.received.find(match);
        if (found) {
          clearTimeout(timer);
          resolve(found);
        } else this.listeners.push(check);
      };
      check();
    });
  }

  diagnosticsFor(uri: string, version: number): Promise<WireMessage> {
    return this.waitFor((m) => m.method === "textDocument/publishDiagnostics" && m.params.uri === uri && (m.params.version ?? version) >= version, `diagnostics for ${uri} v${version}`);
  }

  async open(uri: string, text: string, version = 1): Promise<WireMessage> {
    const published = this.diagnosticsFor(uri, version);
    this.notify("textDocument/didOpen", { textDocument: { uri, languageId: "nadir", version, text } });
    return published;
  }

  /** The server still answers a well-formed request: the proof that it keeps serving. */
  async assertServing(): Promise<void> {
    const status = await this.request("nadir/status", null);
    assert.ok(this.alive, "the server exited");
    assert.ok(status.result && typeof status.result === "object", `nadir/status answered ${JSON.stringify(status)}`);
  }

  async stop(): Promise<void> {
    if (!this.alive) return;
    await this.request("shutdown", null).catch(() => undefined);
    this.notify("exit", null);
    await new Promise((resolve) => {
      const timer = setTimeout(resolve, 3000);
      this.child.once("exit", () => {
        clearTimeout(timer);
        resolve(undefined);
      });
    });
    if (this.alive) this.child.kill();
  }
}

/** A request answered either with a result or with a JSON-RPC error, never with silence. */
function answered(response: WireMessage): void {
  assert.ok("result" in response || (response.error && typeof response.error.code === "number"), `not an answer: ${JSON.stringify(response)}`);
}

function rssMb(pid: number): number {
  const kb = /VmRSS:\s+(\d+)\s+kB/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
  return kb ? Number(kb[1]) / 1024 : 0;
}

describe("lsp abuse: the server answers bad input with errors and keeps serving (issue 7)", function () {
  this.timeout(120_000);
  let client: WireClient;

  beforeEach(async () => {
    client = await WireClient.start();
  });

  afterEach(async () => {
    await client.stop();
  });

  it("survives malformed JSON-RPC bodies", async () => {
    for (const body of ["{not json", "", "null", "[]", "42", "\"text\"", "{\"jsonrpc\":\"2.0\"}", "{\"jsonrpc\":\"2.0\",\"id\":7}", "{\"jsonrpc\":\"2.0\",\"id\":8,\"method\":42}", "{\"jsonrpc\":\"1.0\",\"id\":9,\"method\":\"textDocument/hover\"}"]) {
      client.writeFrame(body);
    }
    client.writeFrame(Buffer.from([0xff, 0xfe, 0x00, 0x7b, 0x80]));
    await client.assertServing();
  });

  it("answers unknown request methods with MethodNotFound and ignores unknown notifications", async () => {
    const response = await client.request("nadir/noSuchMethod", { anything: true });
    assert.equal(response.error?.code, -32601);
    client.notify("nadir/noSuchNotification", { x: 1 });
    client.notify("$/noSuchNotification", null);
    await client.assertServing();
  });

  it("answers requests with missing or ill-typed params without crashing", async () => {
    for (const method of ["textDocument/hover", "textDocument/completion", "textDocument/definition", "textDocument/documentSymbol", "textDocument/formatting", "textDocument/codeAction", "textDocument/semanticTokens/full"]) {
      answered(await client.request(method, null));
      answered(await client.request(method, { textDocument: 5, position: "here" }));
    }
    client.notify("textDocument/didChange", { textDocument: { uri: "file:///never.nadir", version: 2 }, contentChanges: [{ text: "x" }] });
    client.notify("textDocument/didClose", { textDocument: { uri: "file:///never.nadir" } });
    await client.assertServing();
  });

  it("answers requests for documents never opened", async () => {
    const textDocument = { uri: "file:///never-opened.nadir" };
    const position = { line: 0, character: 0 };
    const range = { start: position, end: position };
    answered(await client.request("textDocument/hover", { textDocument, position }));
    answered(await client.request("textDocument/completion", { textDocument, position }));
    answered(await client.request("textDocument/definition", { textDocument, position }));
    answered(await client.request("textDocument/references", { textDocument, position, context: { includeDeclaration: true } }));
    answered(await client.request("textDocument/rename", { textDocument, position, newName: "T9" }));
    answered(await client.request("textDocument/documentSymbol", { textDocument }));
    answered(await client.request("textDocument/formatting", { textDocument, options: { tabSize: 2, insertSpaces: true } }));
    answered(await client.request("textDocument/codeAction", { textDocument, range, context: { diagnostics: [] } }));
    answered(await client.request("textDocument/foldingRange", { textDocument }));
    answered(await client.request("textDocument/semanticTokens/full", { textDocument }));
    await client.assertServing();
  });

  it("answers positions and ranges out of range", async () => {
    const uri = "file:///range.nadir";
    await client.open(uri, PT0042);
    const textDocument = { uri };
    for (const position of [{ line: 1_000_000, character: 0 }, { line: 0, character: 1_000_000 }, { line: 2 ** 31 - 1, character: 2 ** 31 - 1 }, { line: -1, character: -5 }]) {
      answered(await client.request("textDocument/hover", { textDocument, position }));
      answered(await client.request("textDocument/completion", { textDocument, position }));
      answered(await client.request("textDocument/definition", { textDocument, position }));
      answered(await client.request("textDocument/prepareRename", { textDocument, position }));
      answered(await client.request("textDocument/selectionRange", { textDocument, positions: [position] }));
      answered(await client.request("textDocument/codeAction", { textDocument, range: { start: { line: 0, character: 0 }, end: position }, context: { diagnostics: [] } }));
      answered(await client.request("textDocument/rangeFormatting", { textDocument, range: { start: position, end: position }, options: { tabSize: 2, insertSpaces: true } }));
    }
    // An incremental change whose range lies past the end is clamped by the document, not a crash.
    const published = client.diagnosticsFor(uri, 2);
    client.notify("textDocument/didChange", { textDocument: { uri, version: 2 }, contentChanges: [{ range: { start: { line: 9999, character: 0 }, end: { line: 9999, character: 5 } }, text: "\n# appended" }] });
    await published;
    await client.assertServing();
  });

  it("handles a 5 MB single-line file", async () => {
    const uri = "file:///one-line.nadir";
    const text = "patient X { " + "T1 target liver 12 mm ".repeat(Math.ceil(5_000_000 / 22));
    const published = await client.open(uri, text);
    assert.ok(published.params.diagnostics.length >= 1, "a single 5 MB line is one broken statement");
    answered(await client.request("textDocument/hover", { textDocument: { uri }, position: { line: 0, character: 2_500_000 } }));
    answered(await client.request("textDocument/completion", { textDocument: { uri }, position: { line: 0, character: 4_999_999 } }));
    await client.assertServing();
  });

  it("handles 10,000 nested braces, on one line and as 10,000 unclosed blocks", async () => {
    const oneLine = "file:///braces.nadir";
    await client.open(oneLine, "{".repeat(10_000) + "}".repeat(10_000));
    const blocks = "file:///blocks.nadir";
    const text = "patient P {\n" + "  scan 2025-01-01 CT {\n".repeat(10_000);
    const published = await client.open(blocks, text);
    assert.ok(published.params.diagnostics.length >= 1);
    answered(await client.request("textDocument/documentSymbol", { textDocument: { uri: blocks } }));
    answered(await client.request("textDocument/foldingRange", { textDocument: { uri: blocks } }));
    await client.assertServing();
  });

  it("handles binary garbage as document text", async () => {
    // A fixed pseudo-random byte sequence (LCG), read as Latin-1 so every byte becomes a character.
    const bytes = Buffer.alloc(200_000);
    let state = 12345;
    for (let i = 0; i < bytes.length; i++) {
      state = (Math.imul(state, 1103515245) + 12345) >>> 0;
      bytes[i] = state >>> 24;
    }
    const uri = "file:///garbage.nadir";
    const published = await client.open(uri, bytes.toString("latin1"));
    assert.ok(Array.isArray(published.params.diagnostics));
    answered(await client.request("textDocument/hover", { textDocument: { uri }, position: { line: 10, character: 3 } }));
    answered(await client.request("textDocument/semanticTokens/full", { textDocument: { uri } }));
    await client.assertServing();
  });

  it("keeps nothing for closed documents: opening and closing 1,000 leaves memory flat", async () => {
    const cycle = async (from: number, count: number) => {
      for (let i = from; i < from + count; i++) {
        const uri = `file:///leak/${i}.nadir`;
        await client.open(uri, PT0042.replace("PT-0042", `PT-${i}`));
        client.notify("textDocument/didClose", { textDocument: { uri } });
      }
      await client.assertServing();
    };
    await cycle(0, 100); // warm-up: code, caches and the heap settle
    const before = rssMb(client.child.pid!);
    await cycle(100, 1_000);
    const status = (await client.request("nadir/status", null)).result as Record<string, number>;
    assert.deepEqual(status, { openDocuments: 0, cachedAnalyses: 0, pendingValidations: 0, firstPublishes: 0, pendingFullDiagnostics: 0 });
    const after = rssMb(client.child.pid!);
    // Generous: 1,000 retained analyses of this file would be far above it.
    assert.ok(after - before < 100, `RSS grew from ${before.toFixed(0)} MB to ${after.toFixed(0)} MB`);
  });
});
