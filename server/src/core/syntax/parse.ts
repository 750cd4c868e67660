// Parses a whole case file. The grammar never fails on a file: broken lines come back as `Bad`
// nodes, and each gets one `syntax-error` whose message is learnt by re-parsing that single line
// from its context's start rule. Unclosed blocks are reported at their opening brace.
import { parse as peggyParse, SyntaxError as PeggySyntaxError, Expectation } from "./generated/parser";
import type { FileNode, BadLine, PatientNode, AssessmentNode, BadBlockNode, BiopsyBlockNode, ScanItem } from "./ast";
import { Codes } from "../codes";
import type { CoreDiagnostic } from "../diagnostics";

export interface ParseResult {
  file: FileNode;
  diagnostics: CoreDiagnostic[];
}

type StartRule = "FileLine" | "PatientLine" | "ScanLine" | "BiopsyLine";

const START_RULE_FOR: Record<BadLine["context"], StartRule> = {
  file: "FileLine",
  patient: "PatientLine",
  scan: "ScanLine",
  biopsy: "BiopsyLine",
};

const CONTEXT_HINT: Record<BadLine["context"], string> = {
  file: "a case file holds `patient ID {` blocks",
  patient: "inside a patient: `scan`, `baseline`, `therapy`, `cancer`, `ctdna`, `marker`, `biopsy`, `decision`, `note`, `criteria`, `schedule`, `as of` or `confirm responses`",
  scan: "inside a scan: a lesion line such as `T1 12 mm`, or `ecog`, `clinical`, `note`",
  biopsy: "inside a biopsy block: `pd-l1 tps N %`, `pd-l1 cps N`, `tmb N mut/Mb`, `msi`, `mmr`, `variant GENE CHANGE`, `note`",
};

export function parseText(text: string): ParseResult {
  const file = peggyParse(text, { startRule: "File" }) as FileNode;
  const diagnostics: CoreDiagnostic[] = [];
  for (const item of file.items) {
    if (item.type === "Bad") diagnostics.push(explainBadLine(text, item));
    else collectPatientProblems(text, item, diagnostics);
  }
  return { file, diagnostics };
}

function collectPatientProblems(text: string, patient: PatientNode, out: CoreDiagnostic[]): void {
  if (patient.header.broken) out.push(explainBrokenHeader(text, patient.header.start, patient.header.end, "file"));
  for (const item of patient.items) {
    if (item.type === "Bad") out.push(explainBadLine(text, item));
    else if (item.type === "Assessment") collectAssessmentProblems(text, item, out);
    else if (item.type === "BadBlock") collectBadBlockProblems(text, item, out);
    else if (item.type === "BiopsyBlock") collectBiopsyBlockProblems(text, item, out);
  }
  if (patient.close === null && patient.header.brace !== null) {
    out.push(unclosed(patient.header.brace, "patient"));
  }
}

function collectAssessmentProblems(text: string, scan: AssessmentNode, out: CoreDiagnostic[]): void {
  if (scan.header.broken) out.push(explainBrokenHeader(text, scan.header.start, scan.header.end, "patient"));
  collectScanItemProblems(text, scan.items, out);
  if (scan.close === null && scan.header.brace !== null) {
    out.push(unclosed(scan.header.brace, scan.header.kind));
  }
}

function collectBadBlockProblems(text: string, block: BadBlockNode, out: CoreDiagnostic[]): void {
  out.push(explainBadLine(text, block.header));
  collectScanItemProblems(text, block.items, out);
  if (block.close === null) out.push(unclosed(block.brace, "scan"));
}

/** A structured biopsy (version 1.1): its header when broken, each broken field line, an unclosed `{`. */
function collectBiopsyBlockProblems(text: string, block: BiopsyBlockNode, out: CoreDiagnostic[]): void {
  if (block.header.broken) out.push(explainBrokenHeader(text, block.header.start, block.header.end, "patient"));
  for (const item of block.items) if (item.type === "Bad") out.push(explainBadLine(text, item));
  if (block.close === null) out.push(unclosed(block.header.brace, "biopsy"));
}

/** A broken line, or a lesion line kept with an unreadable value: one syntax-error each. */
function collectScanItemProblems(text: string, items: ScanItem[], out: CoreDiagnostic[]): void {
  for (const item of items) {
    if (item.type === "Bad") out.push(explainBadLine(text, item));
    else if (item.type === "Lesion" && item.value.type === "Broken") out.push(explainBadLine(text, { type: "Bad", context: "scan", start: item.start, end: item.end }));
  }
}

function unclosed(brace: number, what: string): CoreDiagnostic {
  return {
    code: Codes.syntaxError,
    severity: "error",
    message: `This \`{\` of the ${what} block is never closed: add \`}\` on a line after its last statement.`,
    start: brace,
    end: brace + 1,
  };
}

function explainBrokenHeader(text: string, start: number, end: number, context: BadLine["context"]): CoreDiagnostic {
  return explainBadLine(text, { type: "Bad", context, start, end });
}

/** One diagnostic for one broken line: where it breaks and what was expected there. */
export function explainBadLine(text: string, bad: BadLine): CoreDiagnostic {
  const lineEnd = endOfLine(text, bad.start);
  const line = text.slice(bad.start, lineEnd);
  const failure = firstFailure(line, START_RULE_FOR[bad.context]);
  if (!failure) {
    // The line parses alone but not in place (e.g. a stray `}`): flag the whole line.
    return syntaxError(bad.start, lineEnd, `This line is not expected here (${CONTEXT_HINT[bad.context]}).`);
  }
  const offset = skipSpaces(line, failure.offset);
  const at = bad.start + offset;
  const found = line.slice(offset, offset + tokenLength(line.slice(offset)));
  const tokenEnd = at + found.length;
  const expected = describeExpectations(failure.expected);
  const leading = line.length - line.trimStart().length;
  let message: string;
  if (failure.offset <= leading && bad.context !== "file" && found) {
    message = `Unknown statement \`${found}\`: ${CONTEXT_HINT[bad.context]}.`;
  } else if (expected.length === 0) {
    message = found
      ? `Unexpected \`${found}\`: the statement is already complete (a comment starts with \`#\`).`
      : `Incomplete line (${CONTEXT_HINT[bad.context]}).`;
  } else if (/^\d+(\.\d+)?$/.test(found) && expected.some((e) => e.startsWith("a value")) && /^[ \t]*[x\u00d7]/.test(line.slice(offset + found.length))) {
    // P1: a value with two diameters that does not parse (`42 x mm`, `42 x 30`).
    message = `Expected two diameters and a unit, such as \`42 x 30 mm\`, from \`${found}\` on.`;
  } else if (/^\d+(\.\d+)?$/.test(found) && expected.some((e) => e.startsWith("a value"))) {
    message = `Expected a size unit (\`mm\` or \`cm\`) after \`${found}\`, or another value such as \`absent\` or \`not evaluated\`.`;
  } else if (/^"/.test(found) && !/^"(?:[^"\\]|\\.)*"$/.test(found)) {
    message = "This quoted text has no closing `\"` on its line.";
  } else if (/^[-+]\d/.test(found)) {
    message = `Expected ${joinOr(expected)}, found \`${found}\`: numbers are written without a sign.`;
  } else {
    message = `Expected ${joinOr(expected)}${found ? `, found \`${found}\`` : " before the end of the line"}.`;
  }
  const start = Math.min(at, lineEnd);
  return syntaxError(start, Math.min(tokenEnd, lineEnd), message);
}

function syntaxError(start: number, end: number, message: string): CoreDiagnostic {
  return { code: Codes.syntaxError, severity: "error", message, start, end: Math.max(end, start) };
}

interface Failure {
  offset: number;
  expected: Expectation[];
}

/**
 * Re-parses one line to find where it fails. When the line simply stops too early, the parser only
 * knows that a space was expected; one appended space makes it say what should come next.
 */
function firstFailure(line: string, startRule: StartRule): Failure | null {
  const body = line.replace(/\s*(#.*)?$/, "");
  let probe = body;
  let first: Failure | null = null;
  for (let attempt = 0; attempt < 2; attempt++) {
    const failure = tryParse(probe, startRule);
    if (!failure) return first;
    const meaningful = describeExpectations(failure.expected).length > 0;
    if (first === null) first = failure;
    if (meaningful) {
      // Prefer the meaningful expectation, but report it where the text really stops.
      return { offset: Math.min(failure.offset, body.length), expected: failure.expected };
    }
    if (failure.offset < probe.length) return first;
    probe += " ";
  }
  return first;
}

function tryParse(line: string, startRule: StartRule): Failure | null {
  try {
    peggyParse(line, { startRule });
    return null;
  } catch (e) {
    if (e instanceof PeggySyntaxError) return { offset: e.location.start.offset, expected: e.expected ?? [] };
    throw e;
  }
}

const NOISE = new Set(["the end of the line", "space"]);

/** Turns the parser's expectations into words a radiologist reads: named rules and keywords. */
function describeExpectations(expected: Expectation[]): string[] {
  const words: string[] = [];
  const seen = new Set<string>();
  for (const e of expected) {
    let text: string | null = null;
    if (e.type === "other" && e.description && !NOISE.has(e.description)) text = e.description;
    else if (e.type === "literal" && e.text && /^[A-Za-z{}"]/.test(e.text)) text = `\`${e.text}\``;
    if (text && !seen.has(text)) {
      seen.add(text);
      words.push(text);
    }
  }
  return words;
}

function joinOr(items: string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} or ${items[items.length - 1]}`;
}

function endOfLine(text: string, from: number): number {
  let i = from;
  while (i < text.length && text[i] !== "\n" && text[i] !== "\r") i++;
  return i;
}

function skipSpaces(line: string, from: number): number {
  let i = from;
  while (i < line.length && (line[i] === " " || line[i] === "\t")) i++;
  return i;
}

function tokenLength(rest: string): number {
  const m = /^("(?:[^"\\\r\n]|\\.)*"?|[^\s#]+)/.exec(rest);
  return m ? m[0].length : 0;
}
