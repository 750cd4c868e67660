// "Nadir: Restart Language Server".
import * as vscode from "vscode";
import { LanguageClient } from "vscode-languageclient/node";

export async function restartServer(client: LanguageClient | undefined): Promise<void> {
  if (!client) return;
  await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Window, title: "Restarting the Nadir language server" },
    () => (client.isRunning() ? client.restart() : client.start()),
  );
}
