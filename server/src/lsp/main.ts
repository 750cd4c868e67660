// Entry point of the language server. `createConnection` picks the transport from the command
// line: `--stdio` for any editor, `--node-ipc` when the VS Code client spawns it.
import { createConnection, ProposedFeatures } from "vscode-languageserver/node";
import { startServer } from "./server";

export function runLanguageServer(): void {
  startServer(createConnection(ProposedFeatures.all));
}

if (require.main === module) runLanguageServer();
