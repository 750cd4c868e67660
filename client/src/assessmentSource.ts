// Asks the language server for a document's assessment, once per document
// version, so cursor moves do not re-request it. Any failure (server starting,
// restarting, or without the request) reads as "no assessment" and is not cached.
import * as vscode from "vscode";
import { LanguageClient } from "vscode-languageclient/node";
import { AssessmentDocument, AssessmentParams, Requests } from "../../server/src/protocol";

export class AssessmentSource {
  private cached: { key: string; result: Promise<AssessmentDocument | undefined> } | undefined;

  constructor(private readonly client: () => LanguageClient | undefined) {}

  get(document: vscode.TextDocument): Promise<AssessmentDocument | undefined> {
    const key = `${document.uri.toString()}@${document.version}`;
    if (this.cached?.key !== key) {
      const result = this.request(document);
      this.cached = { key, result };
      // Only answers are cached: ask again once the server is up.
      void result.then((answer) => {
        if (!answer && this.cached?.result === result) this.cached = undefined;
      });
    }
    return this.cached.result;
  }

  /** Forget the cache, e.g. after settings changed or the server restarted. */
  invalidate(): void {
    this.cached = undefined;
  }

  private async request(document: vscode.TextDocument): Promise<AssessmentDocument | undefined> {
    const client = this.client();
    if (!client?.isRunning()) return undefined;
    try {
      const params: AssessmentParams = { uri: client.code2ProtocolConverter.asUri(document.uri) };
      const result = await client.sendRequest(Requests.assessment, params);
      return result ?? undefined;
    } catch {
      return undefined;
    }
  }
}
