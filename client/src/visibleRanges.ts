// Tells the language server which lines of each Nadir editor are on screen
// (`nadir/visibleRanges`, server/src/protocol/visibleRanges.ts): when it opens a large case file it
// publishes the diagnostics of those patients first, then all of them (a progress item in the
// status bar says so meanwhile). Sent when an editor appears and, debounced, when it scrolls.
import * as vscode from "vscode";
import type { LanguageClient } from "vscode-languageclient/node";
import { VISIBLE_RANGES_NOTIFICATION, VisibleRangesParams } from "../../server/src/protocol/visibleRanges";
import { debounce } from "./debounce";

const SCROLL_DELAY_MS = 200;

export function trackVisibleRanges(client: () => LanguageClient | undefined): vscode.Disposable {
  const send = (editor: vscode.TextEditor) => {
    const running = client();
    if (!running?.isRunning() || editor.document.languageId !== "nadir" || editor.visibleRanges.length === 0) return;
    const params: VisibleRangesParams = {
      uri: running.code2ProtocolConverter.asUri(editor.document.uri),
      ranges: editor.visibleRanges.map((r) => ({ startLine: r.start.line, endLine: r.end.line })),
    };
    void running.sendNotification(VISIBLE_RANGES_NOTIFICATION, params).catch(() => undefined);
  };
  const scrolled = new Map<vscode.TextEditor, ReturnType<typeof debounce>>();
  return vscode.Disposable.from(
    vscode.window.onDidChangeVisibleTextEditors((editors) => {
      for (const editor of editors) send(editor);
      for (const [editor, pending] of scrolled) {
        if (!editors.includes(editor)) {
          pending.cancel();
          scrolled.delete(editor);
        }
      }
    }),
    vscode.window.onDidChangeTextEditorVisibleRanges(({ textEditor }) => {
      if (textEditor.document.languageId !== "nadir") return;
      let pending = scrolled.get(textEditor);
      if (!pending) scrolled.set(textEditor, (pending = debounce(() => send(textEditor), SCROLL_DELAY_MS)));
      pending();
    }),
    { dispose: () => scrolled.forEach((pending) => pending.cancel()) },
  );
}
