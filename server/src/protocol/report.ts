// The `nadir/report` request, shared by the language server (server/src/lsp) and the VS Code
// client (client/src/report): one definition of its name, parameters and result, imported by
// both sides from here. Plain types, no imports: any LSP client can send it.

export const REPORT_REQUEST = "nadir/report";

/** The report's formats over LSP; `html-article` is the HTML report's <article> alone, for a page that supplies REPORT_CSS. */
export type ReportRequestFormat = "text" | "md" | "html" | "fhir" | "html-article";
export const REPORT_REQUEST_FORMATS: readonly ReportRequestFormat[] = ["text", "md", "html", "fhir", "html-article"];

export interface ReportParams {
  /** The case file. */
  uri: string;
  /** The cursor: the report is of the patient and scan there (the patient's latest scan when the cursor is elsewhere in the patient). */
  position?: { line: number; character: number };
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
