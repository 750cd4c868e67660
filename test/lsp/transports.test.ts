// How editors start the server: `nadir lsp --stdio` (tested at length elsewhere), IPC as the VS
// Code client forks it, and a clear usage error when no transport is named.
import { strict as assert } from "assert";
import { fork, spawnSync } from "child_process";
import * as path from "path";
import {
  createProtocolConnection, IPCMessageReader, IPCMessageWriter, InitializeRequest, InitializedNotification,
  DidOpenTextDocumentNotification, PublishDiagnosticsNotification, PublishDiagnosticsParams, ShutdownRequest, ExitNotification,
} from "vscode-languageserver-protocol/node";
import { NADIR_BIN, REPO_ROOT } from "../helpers/paths";

describe("lsp: transports", () => {
  it("speaks over node IPC when forked, as the VS Code client starts it", async () => {
    const child = fork(path.join(REPO_ROOT, "out", "server", "src", "lsp", "main.js"), ["--node-ipc"], { stdio: ["ignore", "ignore", "pipe", "ipc"] });
    try {
      const connection = createProtocolConnection(new IPCMessageReader(child), new IPCMessageWriter(child));
      const diagnostics = new Promise<PublishDiagnosticsParams>((resolve) => connection.onNotification(PublishDiagnosticsNotification.type, resolve));
      connection.listen();
      const result = await connection.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: null, capabilities: {}, workspaceFolders: null });
      assert.ok(result.capabilities.hoverProvider);
      await connection.sendNotification(InitializedNotification.type, {});
      await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: "untitled:ipc.nadir", languageId: "nadir", version: 1, text: "patient X {\n  scan 2025-01-01 {\n  }\n}\n" } });
      const published = await diagnostics;
      assert.deepEqual(published.diagnostics.map((d) => d.code), ["missing-baseline"]);
      const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
      await connection.sendRequest(ShutdownRequest.type);
      await connection.sendNotification(ExitNotification.type);
      assert.equal(await exited, 0);
      connection.dispose();
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
