// What the extension posts to the report preview webview (kept free of `vscode` imports so the
// webview script can import it).
export type ReportPreviewMessage =
  | { type: "report"; html: string; complete: boolean }
  | { type: "message"; text: string };
