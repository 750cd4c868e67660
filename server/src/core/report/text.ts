// The report as plain text that survives being pasted into a dictation or reporting system:
// fixed-width tables, every line within 100 columns, section titles in capitals, and none of
// Markdown's syntax (no #, *, _, |, backticks, brackets, list markers or underlines), so no
// system renders it differently from what was read.
import type { Block, ReportDocument, Table } from "./document";

export const TEXT_WIDTH = 100;

/**
 * Free text from the case file, with the characters Markdown would read as syntax replaced. An
 * underscore inside a word (`PT_0042`, `case_file.nadir`) is no emphasis and stays: an id or a
 * path in a signed report must read as it was written.
 */
export function plain(text: string): string {
  return text.replace(/->/g, "to").replace(/>=/g, "at least").replace(/<=/g, "at most")
    .replace(/[`*|#[\]<>]|(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])/gu, (c) => ({ "`": "'", "*": "x", _: " ", "|": "/", "#": "no. ", "[": "(", "]": ")", "<": "below", ">": "above" })[c] as string);
}

/** Words wrapped to `width` columns, continuation lines indented by `indent`. */
export function wrap(text: string, width: number, indent = ""): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : (lines.length > 0 ? indent : "") + word;
    if (candidate.length > width && line) {
      lines.push(line);
      line = indent + word;
    } else line = candidate;
    while (line.length > width) {
      lines.push(line.slice(0, width));
      line = indent + line.slice(width);
    }
  }
  if (line) lines.push(line);
  return lines;
}

function cut(text: string, width: number): string {
  return text.length <= width ? text : `${text.slice(0, Math.max(0, width - 3))}...`;
}

/** A fixed-width table: columns two spaces apart; the widest text column shrinks (and cuts) so the table fits. */
export function textTable(table: Table, width = TEXT_WIDTH): string[] {
  const header = table.columns.map((c) => c.header);
  const rows = table.rows.map((r) => r.map((c) => plain(c)));
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const total = () => widths.reduce((a, b) => a + b, 0) + 2 * (widths.length - 1);
  while (total() > width) {
    let widest = -1;
    widths.forEach((w, i) => { if (!table.columns[i].numeric && (widest < 0 || w > widths[widest])) widest = i; });
    if (widest < 0 || widths[widest] <= Math.max(header[widest].length, 8)) break;
    widths[widest] -= total() - width;
    widths[widest] = Math.max(widths[widest], header[widest].length, 8);
  }
  const line = (cells: string[]) => cells.map((c, i) => {
    const t = cut(c, widths[i]);
    return table.columns[i].numeric ? t.padStart(widths[i]) : t.padEnd(widths[i]);
  }).join("  ").trimEnd();
  return [line(header), ...rows.map(line)];
}

function block(b: Block, out: string[]): void {
  switch (b.kind) {
    case "paragraph":
      out.push(...wrap(plain(b.text), TEXT_WIDTH, "  "));
      break;
    case "facts": {
      const keyWidth = Math.min(36, Math.max(...b.items.map(([k]) => k.length)) + 1);
      for (const [k, v] of b.items) out.push(...wrap(`${plain(`${k}:`).padEnd(keyWidth)} ${plain(v)}`, TEXT_WIDTH, " ".repeat(keyWidth + 1)));
      break;
    }
    case "table":
      out.push(plain(b.table.caption));
      if (b.table.rows.length === 0) out.push(`  ${plain(b.table.empty)}`);
      else out.push(...textTable(b.table, TEXT_WIDTH - 2).map((l) => `  ${l}`));
      break;
    case "list":
      for (const item of b.items) out.push(...wrap(plain(item), TEXT_WIDTH - 2, "    ").map((l) => `  ${l}`));
      break;
    case "chart":
      break;
  }
}

export function renderText(doc: ReportDocument): string {
  const out: string[] = [...wrap(plain(doc.title.toUpperCase()), TEXT_WIDTH)];
  for (const section of doc.sections) {
    out.push("", plain(section.title.toUpperCase()));
    section.blocks.forEach((b, i) => {
      if (i > 0 && (b.kind === "table" || section.blocks[i - 1].kind === "table")) out.push("");
      block(b, out);
    });
  }
  return `${out.map((l) => l.trimEnd()).join("\n")}\n`;
}
