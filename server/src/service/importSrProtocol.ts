// The shapes of the `nadir/importSr` request, shared by the server (service/importSr.ts) and the
// client (client/src/protocol.ts). Types only: nothing here runs.
import type { WorkspaceEdit } from "vscode-languageserver-types";

export interface SrFile {
  /** The file name, for messages. */
  name: string;
  /** The file's bytes, base64. */
  base64: string;
}

export interface ImportSrResult {
  /** null when nothing can be imported (see `problems`). */
  edit: WorkspaceEdit | null;
  /** What was matched, added and skipped, one line each. */
  summary: string[];
  /** Why nothing was imported, one line each (file, what, why). */
  problems: string[];
}
