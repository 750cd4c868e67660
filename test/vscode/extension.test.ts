// Extension-host suite: the packaged extension's features through VS Code's
// own APIs (the same providers a user reaches through the UI).
import * as assert from "assert";
import * as vscode from "vscode";
import { waitFor } from "./waitFor";

const extensionId = "nadir.nadir";

function exampleUri(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, "the suite runs with the examples copied into a workspace folder");
  return vscode.Uri.joinPath(folder.uri, name);
}

async function open(name: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(exampleUri(name));
  return vscode.window.showTextDocument(document);
}

function lineOf(document: vscode.TextDocument, pattern: RegExp): number {
  for (let i = 0; i < document.lineCount; i++) if (pattern.test(document.lineAt(i).text)) return i;
  throw new Error(`no line matches ${pattern}`);
}

function diagnosticCodes(uri: vscode.Uri): string[] {
  return vscode.languages.getDiagnostics(uri).map((d) => String(typeof d.code === "object" ? d.code.value : d.code));
}

function scanCount(document: vscode.TextDocument): number {
  return document.getText().split(/\r?\n/).filter((l) => /^\s*scan \d{4}-\d{2}-\d{2}/.test(l)).length;
}

describe("Nadir extension", () => {
  it("activates on a .nadir file and starts its language server", async () => {
    const editor = await open("PT-0042.nadir");
    assert.strictEqual(editor.document.languageId, "nadir");
    const extension = vscode.extensions.getExtension(extensionId);
    assert.ok(extension, `${extensionId} is installed`);
    const api = await extension.activate();
    assert.ok(api.client?.isRunning(), "the language client is running");
  });

  it("publishes diagnostics with their codes", async () => {
    const uri = exampleUri("PT-0042.nadir");
    const codes = await waitFor(
      vscode.languages.onDidChangeDiagnostics,
      () => (diagnosticCodes(uri).includes("progression") ? diagnosticCodes(uri) : undefined),
      "a progression diagnostic",
    );
    assert.ok(codes.includes("progression"));
  });

  it("hovers a scan header with the sum and nadir arithmetic", async () => {
    const editor = await open("PT-0042.nadir");
    const line = lineOf(editor.document, /^\s*scan 2025-04-26/);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>("vscode.executeHoverProvider", editor.document.uri, new vscode.Position(line, 3));
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === "string" ? c : c.value))).join("\n");
    assert.match(text, /Sum/);
    assert.match(text, /nadir/i);
  });

  it("applies the quick fix that inserts a confirmation scan", async () => {
    const editor = await open("irecist-pseudoprogression.nadir");
    const uri = editor.document.uri;
    await waitFor(vscode.languages.onDidChangeDiagnostics, () => (diagnosticCodes(uri).includes("confirmation-due") ? true : undefined), "confirmation-due");
    const line = lineOf(editor.document, /^\s*scan 2025-05-05/);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      "vscode.executeCodeActionProvider", uri, new vscode.Range(line, 0, line, 10), vscode.CodeActionKind.QuickFix.value,
    );
    const fix = actions.find((a) => a.title.startsWith("Insert confirmation scan"));
    assert.ok(fix?.edit, `a confirmation-scan fix among: ${actions.map((a) => a.title).join("; ")}`);
    const before = scanCount(editor.document);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.strictEqual(scanCount(editor.document), before + 1);
    await vscode.commands.executeCommand("workbench.action.files.revert");
  });

  it("Insert Next Scan adds a scan to the patient under the cursor", async () => {
    const editor = await open("PT-0042.nadir");
    const line = lineOf(editor.document, /^\s*scan 2025-04-26/);
    editor.selection = new vscode.Selection(line, 0, line, 0);
    const before = scanCount(editor.document);
    assert.ok(await vscode.commands.executeCommand("nadir.insertNextScan"));
    assert.strictEqual(scanCount(editor.document), before + 1);
    await vscode.commands.executeCommand("workbench.action.files.revert");
  });

  it("Show Response Timeline opens the chart webview beside the editor", async () => {
    const editor = await open("PT-0042.nadir");
    const line = lineOf(editor.document, /^\s*scan 2025-04-26/);
    editor.selection = new vscode.Selection(line, 0, line, 0);
    await vscode.commands.executeCommand("nadir.showTimeline");
    const tab = await waitFor(
      vscode.window.tabGroups.onDidChangeTabs,
      () => vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.input instanceof vscode.TabInputWebview && t.label.includes("PT-0042")),
      "the Response Timeline tab titled with the patient",
    );
    assert.ok(tab.label.startsWith("Response Timeline"));
  });

  it("Restart Language Server brings the server back", async () => {
    await vscode.commands.executeCommand("nadir.restartServer");
    const api = await vscode.extensions.getExtension(extensionId)?.activate();
    assert.ok(api.client?.isRunning());
  });
});
