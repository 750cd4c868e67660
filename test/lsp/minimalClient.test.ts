// A client that advertises nothing (no workspace/configuration, no dynamic registration, no
// snippets), as older Neovim or Emacs clients do: the server still works with its defaults.
import { strict as assert } from "assert";
import * as fs from "fs";
import * as path from "path";
import { CompletionItem, CompletionRequest, DidChangeConfigurationNotification, HoverRequest, InsertTextFormat } from "vscode-languageserver-protocol/node";
import { EXAMPLES_DIR } from "../helpers/paths";
import { messageText, TestClient } from "./lspClient";

const PT0042 = fs.readFileSync(path.join(EXAMPLES_DIR, "PT-0042.nadir"), "utf8");

describe("lsp: a client without capabilities", function () {
  let client: TestClient;

  before(async () => {
    client = await TestClient.start({ capabilities: {} });
  });

  after(() => client?.kill());

  it("gets static capabilities, pushed diagnostics and defaults, and is never asked for configuration", async () => {
    assert.ok(client.initializeResult.capabilities.hoverProvider);
    await client.open("untitled:a.nadir", PT0042, 1);
    const published = await client.waitForDiagnostics("untitled:a.nadir", (p) => p.version === 1);
    assert.ok(published.diagnostics.some((d) => d.code === "progression"));
    const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: "untitled:a.nadir" }, position: { line: 30, character: 8 } });
    assert.ok(hover);
    assert.deepEqual(client.configurationRequests, []);
    assert.deepEqual(client.registrations, []);
  });

  it("gets completion as plain text", async () => {
    const items = (await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri: "untitled:a.nadir" }, position: { line: 41, character: 2 } })) as CompletionItem[];
    assert.ok(items.length > 5);
    assert.ok(items.every((i) => i.insertTextFormat !== InsertTextFormat.Snippet));
    assert.ok(items.some((i) => i.label === "scan with every lesion" && /^scan 2025-06-21 \{\n  T1  not evaluated/.test(i.insertText ?? "")));
  });

  it("takes settings pushed with didChangeConfiguration", async () => {
    const text = "patient S {\n  baseline 2025-01-01 CT {\n    T1 target liver 40 mm\n  }\n  scan 2025-03-01 CT {\n    T1 50 mm\n  }\n}\n";
    await client.open("untitled:b.nadir", text, 1);
    await client.waitForDiagnostics("untitled:b.nadir", (p) => p.version === 1);
    const mark = client.published.length;
    await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { nadir: { criteria: "iRECIST", diagnostics: { debounceMs: 0 } } } });
    const republished = await client.waitForDiagnostics("untitled:b.nadir", () => true, mark);
    assert.ok(republished.diagnostics.some((d) => /iUPD/.test(messageText(d.message))));
    assert.equal(await client.stop(), 0);
  });
});
