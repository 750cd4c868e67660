// Starts the bundled Nadir language server (dist/server.js) over IPC. The
// server runs inside VS Code's extension host Node; nothing from the workspace
// is executed.
import * as vscode from "vscode";
import { LanguageClient, LanguageClientOptions, ServerOptions, TransportKind } from "vscode-languageclient/node";

export const documentSelector = [{ language: "nadir" }];

export function createLanguageClient(context: vscode.ExtensionContext, output: vscode.LogOutputChannel): LanguageClient {
  const module = context.asAbsolutePath("dist/server.js");
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ["--nolazy", "--inspect=6010"] } },
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
