// Human-readable `nadir check` output: one line per diagnostic, `path:line:col severity code
// message`, with 1-based line and column (UTF-16 code units, as editors count).
import type { CoreDiagnostic } from "../../core/diagnostics";
import { LineIndex } from "../../core/text/lineIndex";

export interface FileDiagnostics {
  path: string;
  text: string;
  diagnostics: CoreDiagnostic[];
}

export function formatTextLine(path: string, index: LineIndex, d: CoreDiagnostic): string {
  const at = index.positionAt(d.start);
  return `${path}:${at.line + 1}:${at.character + 1} ${d.severity} ${d.code} ${d.message}`;
}

export function formatText(files: FileDiagnostics[]): string {
  const lines: string[] = [];
  for (const file of files) {
    const index = new LineIndex(file.text);
    for (const d of file.diagnostics) lines.push(formatTextLine(file.path, index, d));
  }
  return lines.length ? `${lines.join("\n")}\n` : "";
}

export interface Counts {
  error: number;
  warning: number;
  information: number;
  hint: number;
}

export function countBySeverity(files: FileDiagnostics[]): Counts {
  const counts: Counts = { error: 0, warning: 0, information: 0, hint: 0 };
  for (const file of files) for (const d of file.diagnostics) counts[d.severity]++;
  return counts;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

/** One closing line for people: how many files and findings. */
export function formatSummary(fileCount: number, counts: Counts): string {
  const parts = [plural(counts.error, "error"), plural(counts.warning, "warning")];
  if (counts.information) parts.push(`${counts.information} information`);
  if (counts.hint) parts.push(plural(counts.hint, "hint"));
  return `${plural(fileCount, "file")} checked: ${parts.join(", ")}\n`;
}
