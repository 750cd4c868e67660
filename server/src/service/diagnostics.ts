// Core diagnostics -> LSP diagnostics: the spec's code, `source: "nadir"`, positions from the
// TextDocument, and the core's `data` passed through so quick fixes can use it.
import type { TextDocument } from "vscode-languageserver-textdocument";
import { Diagnostic, DiagnosticSeverity } from "vscode-languageserver-types";
import type { CoreDiagnostic, Severity } from "../core/diagnostics";
import { rangeOf } from "./document";

export const DIAGNOSTIC_SOURCE = "nadir";

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** What a quick fix needs to find its way back to the core finding. */
export interface NadirDiagnosticData {
  code: string;
  start: number;
  end: number;
  [key: string]: unknown;
}

export function toLspDiagnostics(document: TextDocument, diagnostics: CoreDiagnostic[]): Diagnostic[] {
  return diagnostics.map((d) => toLspDiagnostic(document, d));
}

export function toLspDiagnostic(document: TextDocument, d: CoreDiagnostic): Diagnostic {
  const data: NadirDiagnosticData = { ...(d.data ?? {}), code: d.code, start: d.start, end: d.end };
  const diagnostic: Diagnostic = {
    range: rangeOf(document, d),
    severity: SEVERITY[d.severity] ?? DiagnosticSeverity.Warning,
    code: d.code,
    source: DIAGNOSTIC_SOURCE,
    message: d.rules && d.rules.length > 0 && !/\bR\d+\b/.test(d.message) ? `${d.message} (${d.rules.join(", ")})` : d.message,
    data,
  };
  return diagnostic;
}
