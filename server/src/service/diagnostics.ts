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

/** The LSP diagnostics of one analysis, beside the core diagnostics they were converted from. */
export interface ConvertedDiagnostics {
  core: readonly CoreDiagnostic[];
  lsp: Diagnostic[];
  /** The document's line count when they were converted. */
  lineCount: number;
}

/** Where one edit left the text alone: offsets `0..unchangedPrefix` and from `changedEnd` on (new offsets). */
export interface EditExtent {
  unchangedPrefix: number;
  changedEnd: number;
}

/**
 * toLspDiagnostics for the next version of a document, reusing the conversions of `previous` for
 * the same core diagnostic objects wherever the edit cannot have moved them:
 * - leading ones that end before the edit keep their conversion as is;
 * - trailing ones that start on a line wholly after the edit keep their character and move by the
 *   change in line count (the lines from there on are the same lines), with the new offsets in
 *   `data`;
 * the rest are converted afresh. Converted diagnostics are never modified, since a publish that is
 * still being written may hold them.
 */
export function toLspDiagnosticsReusing(document: TextDocument, diagnostics: CoreDiagnostic[], previous: ConvertedDiagnostics | null, edit: EditExtent): ConvertedDiagnostics {
  const lsp: Diagnostic[] = new Array(diagnostics.length);
  const lineCount = document.lineCount;
  let head = 0;
  let tail = diagnostics.length;
  if (previous) {
    // One character of margin: a position at the end of a diagnostic also depends on the
    // character after it (a "\r" followed by "\n" is one line break).
    const limit = Math.min(previous.core.length, diagnostics.length);
    while (head < limit && diagnostics[head] === previous.core[head] && diagnostics[head].end + 1 < edit.unchangedPrefix) {
      lsp[head] = previous.lsp[head];
      head++;
    }
    // The first line that starts after the edit and after a line break that lies wholly after it.
    const length = document.getText().length;
    const firstUnchangedLine = document.positionAt(edit.changedEnd + 1).line + 1;
    const threshold = firstUnchangedLine < lineCount ? document.offsetAt({ line: firstUnchangedLine, character: 0 }) : Infinity;
    const lineDelta = lineCount - previous.lineCount;
    let old = previous.core.length;
    while (tail > head && old > 0) {
      const d = diagnostics[tail - 1];
      if (d !== previous.core[old - 1] || d.start < threshold || d.end > length) break;
      const before = previous.lsp[old - 1];
      lsp[tail - 1] = lineDelta === 0 && (before.data as NadirDiagnosticData).start === d.start ? before : {
        ...before,
        range: {
          start: { line: before.range.start.line + lineDelta, character: before.range.start.character },
          end: { line: before.range.end.line + lineDelta, character: before.range.end.character },
        },
        data: { ...(before.data as NadirDiagnosticData), start: d.start, end: d.end },
      };
      tail--;
      old--;
    }
  }
  for (let i = head; i < tail; i++) lsp[i] = toLspDiagnostic(document, diagnostics[i]);
  return { core: diagnostics, lsp, lineCount };
}
