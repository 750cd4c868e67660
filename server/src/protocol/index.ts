// The custom requests of the Nadir language server, in one place for both sides: each request's
// method name with the types of its parameters and result (typed `RequestType`s, as
// yaml-language-server's requestTypes.ts), and the shape of the assessment document the editor
// reads. The language server (server/src/lsp) registers its handlers with these and the VS Code
// client (client/src) sends them; no other file declares a request name or its shapes. Types and
// request descriptors only: any LSP client can use them.
import { RequestType, RequestType0 } from "vscode-languageserver-protocol";
import type { WorkspaceEdit } from "vscode-languageserver-types";
import type { JsonEpisode, JsonPatient, JsonTimepoint } from "../core/engine/json";
import type { ChartView } from "../core/chart/model";

export interface LspPosition { line: number; character: number }
export interface LspRange { start: LspPosition; end: LspPosition }

// ---------------------------------------------------------------------------------------------
// nadir/assessment: the spec's JSON (`nadir assess --format json`) of one file, as the engine
// writes it (core/engine/json.ts), with the editor's additions: the range of each scan header and
// the timeline chart's view of each criterion a patient reads (P3).

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
  /** The timeline chart under each criterion read, when the patient reads several (core/chart/views.ts). */
  chartViews?: ChartView[];
}

export interface AssessedFile {
  file: string;
  complete?: boolean;
  patients: AssessedPatient[];
  diagnostics: unknown[];
}

export interface AssessmentDocument {
  version: number;
  files: AssessedFile[];
}

export interface AssessmentParams { uri: string }

// ---------------------------------------------------------------------------------------------
// nadir/export: the file's assessment as CSV (the time-point table) or JSON text.

export type ExportFormat = "csv" | "json";
export const EXPORT_FORMATS: readonly ExportFormat[] = ["csv", "json"];
export interface ExportParams { uri: string; format: ExportFormat }
export interface ExportResult { text: string }

// ---------------------------------------------------------------------------------------------
// nadir/nextScanEdit: the edit that inserts the next scheduled scan of the patient at a position.

export interface NextScanEditParams { uri: string; position: LspPosition }

// ---------------------------------------------------------------------------------------------
// nadir/importSr: DICOM SR measurement reports into the patient at a position.

export interface SrFile {
  /** The file name, for messages. */
  name: string;
  /** The file's bytes, base64. */
  base64: string;
}

export interface ImportSrParams {
  uri: string;
  /** Where the cursor or the drop is: the patient there gets the scan. */
  position: LspPosition | null;
  files: SrFile[];
}

export interface ImportSrResult {
  /** null when nothing can be imported (see `problems`). */
  edit: WorkspaceEdit | null;
  /** What was matched, added and skipped, one line each. */
  summary: string[];
  /** Why nothing was imported, one line each (file, what, why). */
  problems: string[];
}

// ---------------------------------------------------------------------------------------------
// nadir/report: the structured report of one scan.

/** The report's formats over LSP; `html-article` is the HTML report's <article> alone, for a page that supplies REPORT_CSS. */
export type ReportRequestFormat = "text" | "md" | "html" | "fhir" | "html-article";
export const REPORT_REQUEST_FORMATS: readonly ReportRequestFormat[] = ["text", "md", "html", "fhir", "html-article"];

export interface ReportParams {
  /** The case file. */
  uri: string;
  /** The cursor: the report is of the patient and scan there (the patient's latest scan when the cursor is elsewhere in the patient). */
  position?: LspPosition;
  /** Instead of a position: a patient id, and optionally a scan date (YYYY-MM-DD; default the latest). */
  patient?: string;
  scan?: string;
  format: ReportRequestFormat;
}

export type ReportResult =
  | {
      /** The report in the requested format. */
      content: string;
      patientId: string;
      scanDate: string;
      /** False when errors in the case file touch the patient (the report says so). */
      complete: boolean;
    }
  | {
      content: null;
      /** Why there is no report here, for the user. */
      message: string;
    };

// ---------------------------------------------------------------------------------------------
// nadir/status: counts of what the server holds, for leak tests.

export interface StatusResult {
  openDocuments: number;
  cachedAnalyses: number;
  pendingValidations: number;
}

// ---------------------------------------------------------------------------------------------

/** Every custom request: method name, parameters and result. */
export const Requests = {
  /** The assessment document of one file, or null for an unknown document. */
  assessment: new RequestType<AssessmentParams, AssessmentDocument | null, void>("nadir/assessment"),
  /** The file's assessment as CSV or JSON text, or null for an unknown document. */
  export: new RequestType<ExportParams, ExportResult | null, void>("nadir/export"),
  /** An LSP WorkspaceEdit, or null when no scan can be added there. */
  nextScanEdit: new RequestType<NextScanEditParams, WorkspaceEdit | null, void>("nadir/nextScanEdit"),
  /** What the import did, or null for an unknown document. */
  importSr: new RequestType<ImportSrParams, ImportSrResult | null, void>("nadir/importSr"),
  /** The report, or null for an unknown document. */
  report: new RequestType<ReportParams, ReportResult | null, void>("nadir/report"),
  status: new RequestType0<StatusResult, void>("nadir/status"),
} as const;

/** The method name of `nadir/report` (for clients that send requests by name). */
export const REPORT_REQUEST = Requests.report.method;
