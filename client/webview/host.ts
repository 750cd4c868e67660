// What both webview scripts do with their host: draw the last message again after a reload (from
// the webview state), draw each new message, and say "ready" so the extension posts the current one.
interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

export function followHost<Message>(render: (message: Message) => void): void {
  const vscode = acquireVsCodeApi();
  const saved = vscode.getState() as Message | undefined;
  if (saved) render(saved);
  window.addEventListener("message", (event: MessageEvent<Message>) => {
    render(event.data);
    vscode.setState(event.data);
  });
  vscode.postMessage({ type: "ready" });
}
