// The custom requests the Nadir language server answers, and the shape of the
// assessment it returns (the spec's `nadir assess --format json`, one file).
// Kept free of `vscode` imports so the pure helpers can be unit-tested.

import type { JsonEpisode, JsonPatient, JsonTimepoint } from "../../server/src/core/engine/json";

export interface LspPosition { line: number; character: number }
export interface LspRange { start: LspPosition; end: LspPosition }

// The JSON shapes are the engine's own (server/src/core/engine/json.ts, the spec's contract);
// the server adds only the header `range` for the editor.
export interface AssessedTimepoint extends JsonTimepoint {
  /** Range of the scan header; added by the language server, absent from the CLI output. */
  range?: LspRange;
}

export interface AssessedEpisode extends Omit<JsonEpisode, "baseline" | "timepoints"> {
  baseline: { date: string; sum: number | null; range?: LspRange } | null;
  timepoints: AssessedTimepoint[];
}

export interface AssessedPatient extends Omit<JsonPatient, "episodes"> {
  episodes: AssessedEpisode[];
}

export interface AssessedFile {
  file: string;
  patients: AssessedPatient[];
  diagnostics: unknown[];
}

export interface AssessmentDocument {
  version: number;
  files: AssessedFile[];
}

export type ExportFormat = "csv" | "json";

export const Requests = {
  /** params {uri}; result AssessmentDocument for that file. */
  assessment: "nadir/assessment",
  /** params {uri, format}; result {text}. */
  export: "nadir/export",
  /** params {uri, position}; result an LSP WorkspaceEdit, or null when no scan can be added there. */
  nextScanEdit: "nadir/nextScanEdit",
  /** params ImportSrParams; result ImportSrResult (server/src/service/importSr.ts), or null for an unknown document. */
  importSr: "nadir/importSr",
} as const;

export interface AssessmentParams { uri: string }
export interface ExportParams { uri: string; format: ExportFormat }
export interface ExportResult { text: string }
export interface NextScanEditParams { uri: string; position: LspPosition }

export type { ImportSrResult, SrFile } from "../../server/src/service/importSrProtocol";
export interface ImportSrParams {
  uri: string;
  /** Where the cursor or the drop is: the patient there gets the scan. */
  position: LspPosition | null;
  files: Array<{ name: string; base64: string }>;
}
