// Starts the bundled Nadir language server (dist/server.js) over stdio, in a
// Node process forked from VS Code's extension host; nothing from the workspace
// is executed. Stdio rather than IPC: over a stream the server writes its
// diagnostics from pre-encoded pieces (server/src/lsp/transport.ts), while IPC
// would serialise every diagnostic again after each edit.
import * as vscode from "vscode";
import { LanguageClient, LanguageClientOptions, ServerOptions, TransportKind } from "vscode-languageclient/node";

export const documentSelector = [{ language: "nadir" }];

export function createLanguageClient(context: vscode.ExtensionContext, output: vscode.LogOutputChannel): LanguageClient {
  const module = context.asAbsolutePath("dist/server.js");
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.stdio },
    debug: { module, transport: TransportKind.stdio, options: { execArgv: ["--nolazy", "--inspect=6010"] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector,
    synchronize: { configurationSection: "nadir" },
    initializationOptions: { settings: vscode.workspace.getConfiguration("nadir") },
    outputChannel: output,
  };
  // The id "nadir" makes the client honour the `nadir.trace.server` setting.
  return new LanguageClient("nadir", "Nadir Language Server", serverOptions, clientOptions);
}
