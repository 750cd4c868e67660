// Building clinical diagnostics: one row of the code table (codes.ts) gives the severity and the
// rules; the places they point at (a scan's date, its clinical line) are chosen here for every
// producer (engine/clinical.ts and the criteria modules).
import type { Assessment } from "../model/types";
import type { Span } from "../syntax/ast";
import type { CoreDiagnostic, DiagnosticData } from "../diagnostics";
import { CodeTable, DiagnosticCode } from "../codes";

export type SpanLike = Span | { start: number; end: number };

export function diagnostic(code: DiagnosticCode, message: string, at: SpanLike, data?: DiagnosticData): CoreDiagnostic {
  const info = CodeTable[code];
  const d: CoreDiagnostic = { code, severity: info.severity, message, start: at.start, end: at.end, rules: info.rules };
  if (data) d.data = data;
  return d;
}

/** The scan header's date token (or the header itself when the date is missing). */
export function dateSpan(scan: Assessment): SpanLike {
  return scan.node.header.date ?? scan.node.header;
}

/** The scan's `clinical` or `ecog` line, else its date. */
export function clinicalSpan(scan: Assessment): SpanLike {
  for (const item of scan.node.items) if (item.type === "Clinical" || item.type === "Ecog") return item;
  return dateSpan(scan);
}

export function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
