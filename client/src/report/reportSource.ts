// Asks the language server for the report (`nadir/report`, server/src/protocol/index.ts) of the
// scan under the cursor or of a named patient and scan. A server that is not running, restarting
// or failing reads as "no report", with a message for the user.
import * as vscode from "vscode";
import { LanguageClient } from "vscode-languageclient/node";
import { ReportParams, ReportRequestFormat, ReportResult, Requests } from "../../../server/src/protocol";

export async function requestReport(client: LanguageClient | undefined, document: vscode.TextDocument, position: vscode.Position, format: ReportRequestFormat): Promise<ReportResult> {
  if (!client?.isRunning()) return { content: null, message: "Waiting for the Nadir language server\u2026" };
  const params: ReportParams = {
    uri: client.code2ProtocolConverter.asUri(document.uri),
    position: { line: position.line, character: position.character },
    format,
  };
  try {
    const result: ReportResult | null = await client.sendRequest(Requests.report, params);
    return result ?? { content: null, message: "The language server has no report for this file yet." };
  } catch (e) {
    return { content: null, message: `The report could not be made: ${e instanceof Error ? e.message : String(e)}` };
  }
}
