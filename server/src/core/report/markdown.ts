// The report as Markdown (CommonMark with GitHub tables): headings per section, tables with
// their captions, key facts in bold. Case-file text is escaped so it cannot change the layout.
import type { Block, ReportDocument } from "./document";

export function md(text: string): string {
  return text.replace(/([\\`*_[\]#|<>])/g, "\\$1");
}

function block(b: Block, out: string[]): void {
  switch (b.kind) {
    case "paragraph":
      out.push(b.alert ? `> **${md(b.text)}**` : md(b.text), "");
      break;
    case "facts":
      for (const [k, v] of b.items) out.push(`- **${md(k)}:** ${md(v)}`);
      out.push("");
      break;
    case "table":
      out.push(`*${md(b.table.caption)}*`, "");
      if (b.table.rows.length === 0) {
        out.push(md(b.table.empty), "");
        break;
      }
      out.push(`| ${b.table.columns.map((c) => md(c.header)).join(" | ")} |`);
      out.push(`| ${b.table.columns.map((c) => (c.numeric ? "---:" : "---")).join(" | ")} |`);
      for (const row of b.table.rows) out.push(`| ${row.map((c) => md(c)).join(" | ")} |`);
      out.push("");
      break;
    case "list":
      for (const item of b.items) out.push(`- ${md(item)}`);
      out.push("");
      break;
    case "chart":
      break;
  }
}

export function renderMarkdown(doc: ReportDocument): string {
  const out: string[] = [`# ${md(doc.title)}`, ""];
  for (const section of doc.sections) {
    out.push(`## ${md(section.title)}`, "");
    for (const b of section.blocks) block(b, out);
  }
  return `${out.join("\n").replace(/\n+$/, "")}\n`;
}
