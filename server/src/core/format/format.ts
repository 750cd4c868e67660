// The Nadir formatter: one canonical layout, like gofmt. Indentation is two spaces per block,
// runs of spaces between tokens become one, the values of the lesion lines of a scan block line up
// in a column, comments are kept, and broken lines are left exactly as written. Only whitespace
// outside quoted text changes, and the grammar treats that whitespace as free, so the meaning of
// the file never changes (tests compare the assessment before and after).
import { parseText } from "../syntax/parse";
import type { LengthNode, AssessmentNode, BiopsyBlockNode, FileNode, LesionNode, PatientNode, Span } from "../syntax/ast";

export interface FormatOptions {
  /** One level of indentation; two spaces by default. */
  indent?: string;
}

/** A replacement of whole lines: original lines `startLine..endLine` (inclusive) become `text`. */
export interface LineEdit {
  startLine: number;
  endLine: number;
  /** Offsets in the original text: start of `startLine`, and start of the line after `endLine` (or the end). */
  start: number;
  end: number;
  text: string;
}

interface Line {
  start: number;
  /** Offset of the line's end, before its line break. */
  end: number;
  /** Offset after the line break. */
  next: number;
}

type Plan =
  | { kind: "statement"; depth: number; body: string; comment: string | null }
  | { kind: "lesion"; depth: number; id: string; middle: string; value: string; comment: string | null; group: number };

export function formatText(text: string, options: FormatOptions = {}): string {
  const layout = layoutLines(text, options);
  const kept = layout.out.filter((l): l is string => l !== null);
  if (kept.length === 0) return layout.bom;
  return layout.bom + kept.join(layout.eol) + layout.eol;
}

/**
 * Formats only the lines `startLine..endLine` (the rest of the file still decides their
 * indentation and column alignment). Returns null when they are already formatted.
 */
export function formatLineRange(text: string, startLine: number, endLine: number, options: FormatOptions = {}): LineEdit | null {
  const layout = layoutLines(text, options);
  const last = layout.lines.length - 1;
  const from = Math.max(0, Math.min(startLine, last));
  const to = Math.max(from, Math.min(endLine, last));
  let start = from === 0 ? layout.bom.length : layout.lines[from].start;
  let end = layout.lines[to].next;
  const endsWithBreak = layout.lines[to].next > layout.lines[to].end;
  const pieces: string[] = [];
  for (let i = from; i <= to; i++) {
    const line = layout.out[i];
    if (line !== null) pieces.push(line);
  }
  let replacement = pieces.map((p) => p + layout.eol).join("");
  if (!endsWithBreak && replacement.endsWith(layout.eol)) replacement = replacement.slice(0, -layout.eol.length);
  // In a file with mixed line endings, a "\n" written right after a lone "\r" (or a "\r" right
  // before a "\n") would join the two into one CRLF line break and lose a line: the neighbouring
  // lone breaks are written in the file's line ending too.
  while (start > 0 && text[start - 1] === "\r" && replacement.startsWith("\n")) {
    start--;
    replacement = layout.eol + replacement;
  }
  while (end < text.length && text[end] === "\n" && replacement.endsWith("\r")) {
    end++;
    replacement += layout.eol;
  }
  if (replacement === text.slice(start, end)) return null;
  return { startLine: from, endLine: to, start, end, text: replacement };
}

interface Layout {
  bom: string;
  eol: string;
  lines: Line[];
  /** The formatted text of each original line, or null when the line is dropped (extra blank lines). */
  out: Array<string | null>;
}

function layoutLines(text: string, options: FormatOptions): Layout {
  const indent = options.indent ?? "  ";
  const bom = text.startsWith("\uFEFF") ? "\uFEFF" : "";
  const eolMatch = /\r\n|\n|\r/.exec(text);
  const eol = eolMatch ? eolMatch[0] : "\n";
  const lines = splitLines(text, bom.length);
  const file = parseText(text).file;
  const plans = planLines(text, file, lines);
  const groups = alignGroups(plans);
  const out: Array<string | null> = [];
  let previousBlank = true; // drops blank lines at the start of the file
  lines.forEach((line, i) => {
    const raw = text.slice(line.start, line.end);
    const plan = plans.get(i);
    let formatted: string;
    if (plan) {
      formatted = render(plan, indent, groups);
    } else if (/^[ \t]*$/.test(raw)) { // only the grammar's blanks: a line of U+00A0 is a broken line, not a blank one
      out.push(previousBlank ? null : "");
      previousBlank = true;
      return;
    } else if (/^[ \t]*#/.test(raw)) {
      formatted = indent.repeat(depthAt(file, line.start)) + raw.trim();
    } else {
      formatted = raw;
    }
    out.push(formatted);
    previousBlank = false;
  });
  // No blank lines at the end of the file.
  for (let i = out.length - 1; i >= 0 && (out[i] === null || out[i] === ""); i--) out[i] = null;
  keepBrokenByteOrderMark(bom, out);
  return { bom, eol, lines, out };
}

/**
 * A U+FEFF that starts a later line is a broken line, but at the very start of the text it would
 * be read as a byte-order mark and the error would vanish. So when dropping leading blank lines
 * would move it there, one blank line stays in front of it (and stays on every later run).
 */
function keepBrokenByteOrderMark(bom: string, out: Array<string | null>): void {
  if (bom) return;
  const first = out.findIndex((l) => l !== null);
  if (first > 0 && out[first]!.startsWith("\uFEFF")) out[first - 1] = "";
}

function splitLines(text: string, from: number): Line[] {
  const lines: Line[] = [];
  let start = from;
  const re = /\r\n|\n|\r/g;
  re.lastIndex = from;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    lines.push({ start, end: m.index, next: m.index + m[0].length });
    start = m.index + m[0].length;
  }
  lines.push({ start, end: text.length, next: text.length });
  return lines;
}

function planLines(text: string, file: FileNode, lines: Line[]): Map<number, Plan> {
  const plans = new Map<number, Plan>();
  const lineOf = makeLineOf(lines);
  let group = 0;
  const statement = (span: Span, depth: number) => {
    plans.set(lineOf(span.start), { kind: "statement", depth, body: collapse(text.slice(span.start, span.end)), comment: commentAfter(text, span.end) });
  };
  const closeLine = (brace: number | null, depth: number) => {
    if (brace !== null) plans.set(lineOf(brace), { kind: "statement", depth, body: "}", comment: commentAfter(text, brace + 1) });
  };
  for (const item of file.items) {
    if (item.type !== "Patient") continue;
    planPatientHeader(text, item, lineOf, plans);
    for (const child of item.items) {
      if (child.type === "Bad") continue;
      if (child.type === "BiopsyBlock") {
        // Version 1.1: a header that does not parse is kept as written; each field is a statement.
        planBiopsyHeader(text, child, lineOf, plans);
        for (const field of child.items) if (field.type !== "Bad") statement(field, 2);
        closeLine(child.close, 1);
        continue;
      }
      if (child.type !== "Assessment" && child.type !== "BadBlock") {
        statement(child, 1);
        continue;
      }
      group++;
      // A block whose header does not parse keeps its header line as written; its lines are a scan's.
      if (child.type === "Assessment") planAssessmentHeader(text, child, lineOf, plans);
      for (const scanItem of child.items) {
        if (scanItem.type === "Bad") continue;
        // A lesion line whose value cannot be read is a broken line: left exactly as written.
        if (scanItem.type === "Lesion") {
          if (scanItem.value.type !== "Broken") plans.set(lineOf(scanItem.start), lesionPlan(text, scanItem, group));
        } else {
          statement(scanItem, 2);
        }
      }
      closeLine(child.close, 1);
    }
    closeLine(item.close, 0);
  }
  return plans;
}

function planPatientHeader(text: string, node: PatientNode, lineOf: (o: number) => number, plans: Map<number, Plan>): void {
  const header = node.header;
  if (header.broken || !header.id || header.brace === null) return;
  const id = text.slice(header.id.start, header.id.end);
  plans.set(lineOf(header.start), { kind: "statement", depth: 0, body: `patient ${id} {`, comment: commentAfter(text, header.brace + 1) });
}

function planAssessmentHeader(text: string, node: AssessmentNode, lineOf: (o: number) => number, plans: Map<number, Plan>): void {
  const header = node.header;
  if (header.broken || !header.date || header.brace === null) return;
  const parts = [text.slice(header.keyword.start, header.keyword.end), header.date.text];
  if (header.modality) parts.push(text.slice(header.modality.start, header.modality.end));
  parts.push("{");
  plans.set(lineOf(header.start), { kind: "statement", depth: 1, body: parts.join(" "), comment: commentAfter(text, header.brace + 1) });
}

function planBiopsyHeader(text: string, node: BiopsyBlockNode, lineOf: (o: number) => number, plans: Map<number, Plan>): void {
  const header = node.header;
  if (header.broken || !header.date || !header.organ) return;
  const parts = ["biopsy", header.date.text, header.organ.value];
  if (header.finding) parts.push(text.slice(header.finding.start, header.finding.end));
  parts.push("{");
  plans.set(lineOf(header.start), { kind: "statement", depth: 1, body: parts.join(" "), comment: commentAfter(text, header.brace + 1) });
}

function lesionPlan(text: string, node: LesionNode, group: number): Plan {
  return {
    kind: "lesion",
    depth: 2,
    id: node.id.value,
    middle: collapse(text.slice(node.id.end, node.value.start)).trim(),
    value: valueText(text, node),
    comment: commentAfter(text, node.end),
    group,
  };
}

/**
 * A value as written with its spaces collapsed; two diameters (P1) are written `42 x 30 mm`
 * (`×` and missing spaces normalised, the numbers and their order kept).
 */
function valueText(text: string, node: LesionNode): string {
  const v = node.value;
  const lengths = v.type === "Length" ? [v] : v.type === "Split" ? v.fragments : [];
  if (!lengths.some((l) => l.perpendicular)) return collapse(text.slice(v.start, v.end));
  const one = (l: LengthNode) => `${l.number.text}${l.perpendicular ? ` x ${l.perpendicular.text}` : ""} ${l.unit}`;
  return v.type === "Split" ? `split ${lengths.map(one).join(" + ")}` : one(lengths[0]);
}

interface GroupWidths {
  id: number;
  middle: number;
}

function alignGroups(plans: Map<number, Plan>): Map<number, GroupWidths> {
  const widths = new Map<number, GroupWidths>();
  for (const plan of plans.values()) {
    if (plan.kind !== "lesion") continue;
    const w = widths.get(plan.group) ?? { id: 0, middle: 0 };
    w.id = Math.max(w.id, plan.id.length);
    w.middle = Math.max(w.middle, plan.middle.length);
    widths.set(plan.group, w);
  }
  return widths;
}

function render(plan: Plan, indent: string, groups: Map<number, GroupWidths>): string {
  let body: string;
  if (plan.kind === "lesion") {
    const w = groups.get(plan.group)!;
    body = plan.middle
      ? `${plan.id.padEnd(w.id)} ${plan.middle.padEnd(w.middle)} ${plan.value}`
      : `${plan.id.padEnd(w.id)} ${plan.value}`;
  } else {
    body = plan.body;
  }
  return indent.repeat(plan.depth) + (plan.comment ? `${body}  ${plan.comment}` : body);
}

/** Nesting depth of a comment line: 0 at file level, 1 in a patient, 2 in a scan block. */
function depthAt(file: FileNode, offset: number): number {
  for (const item of file.items) {
    if (item.type !== "Patient") continue;
    if (offset < item.header.end || offset >= item.end) continue;
    if (item.close !== null && offset > item.close) continue;
    for (const child of item.items) {
      if (child.type !== "Assessment" && child.type !== "BadBlock" && child.type !== "BiopsyBlock") continue;
      const bodyEnd = child.close ?? child.end;
      if (offset >= child.header.end && offset < bodyEnd) return 2;
    }
    return 1;
  }
  return 0;
}

/** The trailing `# comment` after a statement, if any. */
function commentAfter(text: string, from: number): string | null {
  let i = from;
  while (i < text.length && (text[i] === " " || text[i] === "\t")) i++;
  if (text[i] !== "#") return null;
  let end = i;
  while (end < text.length && text[end] !== "\n" && text[end] !== "\r") end++;
  return text.slice(i, end).trimEnd();
}

/** Collapses runs of spaces and tabs to one space, outside quoted text. */
export function collapse(s: string): string {
  let out = "";
  let inString = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (inString) {
      out += c;
      if (c === "\\" && i + 1 < s.length) out += s[++i];
      else if (c === '"') inString = false;
    } else if (c === " " || c === "\t") {
      if (!out.endsWith(" ")) out += " ";
    } else {
      if (c === '"') inString = true;
      out += c;
    }
  }
  return out;
}

function makeLineOf(lines: Line[]): (offset: number) => number {
  return (offset: number) => {
    let low = 0;
    let high = lines.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (lines[mid].start <= offset) low = mid;
      else high = mid - 1;
    }
    return low;
  };
}
