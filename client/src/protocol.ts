// The custom requests the Nadir language server answers, and the shape of the
// assessment it returns (the spec's `nadir assess --format json`, one file).
// Kept free of `vscode` imports so the pure helpers can be unit-tested.

export interface LspPosition { line: number; character: number }
export interface LspRange { start: LspPosition; end: LspPosition }

export interface AssessedTimepoint {
  date: string;
  sum: number | null;
  nadir: number | null;
  changeFromBaselinePct: number | null;
  changeFromNadirPct: number | null;
  changeFromNadirMm: number | null;
  target: string | null;
  nonTarget: string | null;
  newLesions: "yes" | "no" | "equivocal";
  newLesionTargetSum?: number | null;
  response: string;
  iResponse?: string;
  /** Range of the scan header; added by the language server, absent from the CLI output. */
  range?: LspRange;
}

export interface AssessedEpisode {
  therapy?: string | null;
  start?: string | null;
  baseline: { date: string; sum: number | null; range?: LspRange } | null;
  timepoints: AssessedTimepoint[];
  bestResponse?: string | null;
  iBestResponse?: string | null;
  progressionDate?: string | null;
}

export interface AssessedPatient {
  id: string;
  criteria: string;
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
} as const;

export interface AssessmentParams { uri: string }
export interface ExportParams { uri: string; format: ExportFormat }
export interface ExportResult { text: string }
export interface NextScanEditParams { uri: string; position: LspPosition }
