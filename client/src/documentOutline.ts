// Finds, from the text alone, which patient and which assessment block a line
// belongs to. The language is line based, so a backwards scan is enough and
// keeps the cursor lookups working even when the server sends no ranges.

const patientHeader = /^\s*patient\s+("(?:[^"\\]|\\.)*"|[A-Za-z0-9][A-Za-z0-9._-]*)/;
const assessmentHeader = /^\s*(baseline|scan)\s+(\d{4}-\d{2}-\d{2})\b/;

export interface AssessmentBlock {
  kind: "baseline" | "scan";
  date: string;
  headerLine: number;
}

export function patientIdAt(lines: readonly string[], line: number): string | undefined {
  for (let i = Math.min(line, lines.length - 1); i >= 0; i--) {
    const match = patientHeader.exec(stripComment(lines[i]));
    if (match) return unquote(match[1]);
  }
  return undefined;
}

/** The baseline/scan block enclosing `line` (its header line counts), if any. */
export function assessmentBlockAt(lines: readonly string[], line: number): AssessmentBlock | undefined {
  for (let i = Math.min(line, lines.length - 1); i >= 0; i--) {
    const text = stripComment(lines[i]);
    const header = assessmentHeader.exec(text);
    if (header) return { kind: header[1] as "baseline" | "scan", date: header[2], headerLine: i };
    // A closing brace before any header means we are between blocks;
    // a patient header means we walked out of the patient.
    if (i < line && /^\s*\}/.test(text)) return undefined;
    if (patientHeader.test(text)) return undefined;
  }
  return undefined;
}

export interface CtdnaSample {
  date: string;
  /** null for `undetected`. */
  value: number | null;
  unit: string;
}

/** ctDNA samples of the patient whose header is at or above `line`. */
export function ctdnaSamplesOfPatient(lines: readonly string[], line: number): CtdnaSample[] {
  const start = patientStartLine(lines, line);
  if (start === undefined) return [];
  const samples: CtdnaSample[] = [];
  const sample = /^\s*ctdna\s+(\d{4}-\d{2}-\d{2})\s+(?:vaf\s+(\d+(?:\.\d+)?)\s*%|(\d+(?:\.\d+)?)\s+(copies\/mL|MTM\/mL)|(undetected))/;
  for (let i = start + 1; i < lines.length; i++) {
    const text = stripComment(lines[i]);
    if (patientHeader.test(text)) break;
    const match = sample.exec(text);
    if (!match) continue;
    if (match[2] !== undefined) samples.push({ date: match[1], value: Number(match[2]), unit: "% VAF" });
    else if (match[3] !== undefined) samples.push({ date: match[1], value: Number(match[3]), unit: match[4] });
    else samples.push({ date: match[1], value: null, unit: "" });
  }
  return samples;
}

function patientStartLine(lines: readonly string[], line: number): number | undefined {
  for (let i = Math.min(line, lines.length - 1); i >= 0; i--) {
    if (patientHeader.test(stripComment(lines[i]))) return i;
  }
  return undefined;
}

function stripComment(text: string): string {
  // Good enough for headers: a `#` inside a string never precedes the keyword.
  const hash = text.indexOf("#");
  return hash < 0 ? text : text.slice(0, hash);
}

function unquote(id: string): string {
  return id.startsWith('"') ? id.slice(1, -1).replace(/\\(["\\])/g, "$1") : id;
}
