// What every structural check receives: the text, the tree, the model, and one way to report.
// Severity and rule ids come from the code table (codes.ts), never from the check itself.
import type { FileNode, Span } from "../syntax/ast";
import type { CaseModel } from "../model/types";
import { CodeTable, DiagnosticCode } from "../codes";
import type { CoreDiagnostic, DiagnosticData } from "../diagnostics";
import { internalErrorDiagnostic } from "../diagnostics";

export class CheckContext {
  readonly diagnostics: CoreDiagnostic[] = [];

  constructor(readonly text: string, readonly file: FileNode, readonly model: CaseModel) {}

  report(code: DiagnosticCode, span: Span, message: string, data?: DiagnosticData): void {
    const info = CodeTable[code];
    const diagnostic: CoreDiagnostic = { code, severity: info.severity, message, start: span.start, end: span.end };
    if (info.rules.length > 0) diagnostic.rules = info.rules;
    if (data) diagnostic.data = data;
    this.diagnostics.push(diagnostic);
  }

  /** A check that threw (registry.ts): one `internal-error` on the node it was checking. */
  internalError(what: string, span: Span, error: unknown): void {
    this.diagnostics.push(internalErrorDiagnostic(what, span, error));
  }
}
