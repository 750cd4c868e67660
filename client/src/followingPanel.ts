// A webview beside the editor that follows the Nadir editor: the cursor, the edits (debounced)
// and the active Nadir editor. The response timeline and the report preview are both one: each
// says what to show for the editor's current state; this class posts it only when it changes,
// answers the webview's "ready", and builds the nonce-only CSP both pages use.
import { randomBytes } from "crypto";
import * as vscode from "vscode";
import { debounce, Debounced } from "./debounce";

export abstract class FollowingPanel<Message> implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private readonly scheduleRefresh: Debounced;
  private lastPosted = "";
  private disposed = false;

  protected constructor(
    protected readonly panel: vscode.WebviewPanel,
    extensionUri: vscode.Uri,
    protected editor: vscode.TextEditor,
    delayMs: number,
  ) {
    this.scheduleRefresh = debounce(() => void this.refresh(), delayMs);
    panel.iconPath = vscode.Uri.joinPath(extensionUri, "images", "file-icon.svg");
    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((message: { type?: string }) => {
        if (message?.type === "ready") void this.refresh(true);
      }),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document === this.editor.document) this.scheduleRefresh();
      }),
      vscode.window.onDidChangeTextEditorSelection((e) => {
        if (e.textEditor.document === this.editor.document) {
          this.editor = e.textEditor;
          this.scheduleRefresh();
        }
      }),
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        if (editor?.document.languageId === "nadir") this.track(editor);
      }),
    );
  }

  /** What the webview shows for the editor as it is now, and the panel's title if it changes. */
  protected abstract compute(): Promise<{ message: Message; title?: string }>;

  /** Called once the panel is gone (subclasses forget their single instance). */
  protected abstract disposed_(): void;

  track(editor: vscode.TextEditor): void {
    this.editor = editor;
    this.scheduleRefresh();
  }

  reveal(): void {
    this.panel.reveal(vscode.ViewColumn.Beside, true);
  }

  /** Recomputes; posts only when what the webview shows changes (or when forced). */
  async refresh(force = false): Promise<void> {
    const { message, title } = await this.compute();
    if (this.disposed) return;
    if (title) this.panel.title = title;
    const serialised = JSON.stringify(message);
    if (!force && serialised === this.lastPosted) return;
    this.lastPosted = serialised;
    await this.panel.webview.postMessage(message);
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.disposed_();
    this.scheduleRefresh.cancel();
    for (const d of this.disposables.splice(0)) d.dispose();
    this.panel.dispose();
  }
}

/** The one open panel of a kind: shown again (following the new editor) rather than opened twice. */
export class PanelSlot<P extends FollowingPanel<unknown>> {
  current: P | undefined;

  show(editor: vscode.TextEditor, create: () => P): P {
    if (this.current) {
      this.current.track(editor);
      this.current.reveal();
      return this.current;
    }
    this.current = create();
    return this.current;
  }

  release(panel: P): void {
    if (this.current === panel) this.current = undefined;
  }
}

/** A webview panel beside the editor that may run the bundled scripts of dist/webview only. */
export function createFollowingWebview(viewType: string, title: string, extensionUri: vscode.Uri): vscode.WebviewPanel {
  return vscode.window.createWebviewPanel(
    viewType,
    title,
    { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
    { enableScripts: true, localResourceRoots: [vscode.Uri.joinPath(extensionUri, "dist", "webview")] },
  );
}

/**
 * The page of a following webview: the strict CSP, what the caller puts in the head (styles, with
 * the nonce), a live region `mainId` saying "Loading…" until the first message, and the bundled
 * script `dist/webview/<script>` under the nonce.
 */
export function webviewPage(webview: vscode.Webview, extensionUri: vscode.Uri, page: { title: string; mainId: string; script: string; head: (nonce: string) => string }): string {
  const { nonce, csp } = strictCsp(webview);
  const script = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, "dist", "webview", page.script));
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
${page.head(nonce)}
<title>${page.title}</title>
</head>
<body>
<main id="${page.mainId}" aria-live="polite"><p class="message">Loading\u2026</p></main>
<script nonce="${nonce}" src="${script}"></script>
</body>
</html>`;
}

/** A fresh nonce and the strict CSP for it: nothing remote; scripts and styles by nonce (styles also from the extension). */
function strictCsp(webview: vscode.Webview): { nonce: string; csp: string } {
  const nonce = randomBytes(16).toString("base64");
  const csp = [
    "default-src 'none'",
    `img-src ${webview.cspSource} data:`,
    `style-src ${webview.cspSource} 'nonce-${nonce}'`,
    `script-src 'nonce-${nonce}'`,
  ].join("; ");
  return { nonce, csp };
}
