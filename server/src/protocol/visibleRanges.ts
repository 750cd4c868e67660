// The `nadir/visibleRanges` notification, client -> server: the line ranges of a case file the
// editor shows. The server uses it when it opens a large file: it publishes the diagnostics of the
// patients on screen first, then all of them (see server/src/lsp/publisher.ts). Plain types, no
// imports, shared by the language server and the VS Code client; any client may send it.

export const VISIBLE_RANGES_NOTIFICATION = "nadir/visibleRanges";

export interface VisibleRangesParams {
  uri: string;
  /** Visible line ranges (0-based, both lines included), top to bottom. */
  ranges: Array<{ startLine: number; endLine: number }>;
}
