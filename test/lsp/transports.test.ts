// How editors start the server: `nadir lsp --stdio` (tested at length elsewhere; the VS Code client
// uses it too), node IPC and a named pipe (the other transports vscode-languageclient offers), and
// a clear usage error when no transport is named.
import { strict as assert } from "assert";
import { fork, spawn, spawnSync } from "child_process";
import * as os from "os";
import * as path from "path";
import {
  createProtocolConnection, IPCMessageReader, IPCMessageWriter, InitializeRequest, InitializedNotification,
  DidOpenTextDocumentNotification, PublishDiagnosticsNotification, PublishDiagnosticsParams, ShutdownRequest, ExitNotification,
  createClientPipeTransport, ProtocolConnection,
} from "vscode-languageserver-protocol/node";
import { NADIR_BIN, REPO_ROOT } from "../helpers/paths";

describe("lsp: transports", () => {
  /** initialize, open a file with one finding, its diagnostics, shutdown and exit (code 0). */
  async function session(connection: ProtocolConnection, exited: Promise<number | null>): Promise<void> {
    const diagnostics = new Promise<PublishDiagnosticsParams>((resolve) => connection.onNotification(PublishDiagnosticsNotification.type, resolve));
    connection.listen();
    const result = await connection.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: null, capabilities: {}, workspaceFolders: null });
    assert.ok(result.capabilities.hoverProvider);
    await connection.sendNotification(InitializedNotification.type, {});
    await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: "untitled:é.nadir", languageId: "nadir", version: 1, text: "patient P {  # É 😀\n  scan 2025-01-01 {\n  }\n}\n" } });
    const published = await diagnostics;
    assert.deepEqual(published.diagnostics.map((d) => d.code), ["missing-baseline"]);
    await connection.sendRequest(ShutdownRequest.type);
    await connection.sendNotification(ExitNotification.type);
    assert.equal(await exited, 0);
    connection.dispose();
  }

  it("speaks over a named pipe (--pipe), as vscode-languageclient can start it", async () => {
    const pipe = path.join(os.tmpdir(), `nadir-test-${process.pid}-${Date.now()}.sock`);
    const transport = await createClientPipeTransport(pipe);
    const child = spawn(process.execPath, [path.join(REPO_ROOT, "out", "server", "src", "lsp", "main.js"), `--pipe=${pipe}`], { stdio: ["ignore", "ignore", "pipe"] });
    try {
      const [reader, writer] = await transport.onConnected();
      const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
      await session(createProtocolConnection(reader, writer), exited);
    } finally {
      if (child.exitCode === null) child.kill();
    }
  });

  it("speaks over node IPC when forked", async () => {
    const child = fork(path.join(REPO_ROOT, "out", "server", "src", "lsp", "main.js"), ["--node-ipc"], { stdio: ["ignore", "ignore", "pipe", "ipc"] });
    try {
      const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
      await session(createProtocolConnection(new IPCMessageReader(child), new IPCMessageWriter(child)), exited);
    } finally {
      if (child.exitCode === null) child.kill();
    }
  });

  it("`nadir lsp` without a transport is a usage error (exit 2), and --help explains", () => {
    const bare = spawnSync(process.execPath, [NADIR_BIN, "lsp"], { encoding: "utf8" });
    assert.equal(bare.status, 2);
    assert.equal(bare.stderr, "nadir lsp: say how to talk: `nadir lsp --stdio`\n");
    const help = spawnSync(process.execPath, [NADIR_BIN, "lsp", "--help"], { encoding: "utf8" });
    assert.equal(help.status, 0);
    assert.match(help.stdout, /^Usage: nadir lsp --stdio/);
  });
});
