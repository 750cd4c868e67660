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
