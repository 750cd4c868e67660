// Plain diagnostic data produced by the core. Offsets, not positions: the language service and
// the CLI convert them for their audience.
import { DiagnosticCode } from "./codes";

export type Severity = "error" | "warning" | "information" | "hint";

export interface CoreDiagnostic {
  code: DiagnosticCode;
  severity: Severity;
  message: string;
  start: number;
  end: number;
  /** Rule ids of response-rules.md this finding rests on (R1..R16). */
  rules?: string[];
  /** Machine-readable detail for code actions (e.g. a suggested replacement). */
  data?: DiagnosticData;
}

export interface DiagnosticData {
  /** Replacement text for the diagnostic's range (unknown id, unknown organ, ...). */
  suggestion?: string;
  /** Extra facts a quick fix needs; keep values JSON-serialisable. */
  [key: string]: unknown;
}

/**
 * An `internal-error` (issue 10, item 7): `what` failed with `error` while working on `at`. The
 * message names the failing part and the exception, so that the defect can be reported; the
 * analysis goes on without it.
 */
export function internalErrorDiagnostic(what: string, at: { start: number; end: number }, error: unknown): CoreDiagnostic {
  const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return {
    code: "internal-error",
    severity: "error",
    message: `Internal error in ${what}: ${reason}. This is a defect of Nadir, not of the case file; everything else was still checked and assessed, but what this part would have found is missing, so the results here are incomplete.`,
    start: at.start,
    end: at.end,
  };
}
