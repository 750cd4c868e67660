// GitHub Actions workflow commands: each diagnostic becomes an annotation on the pull request,
// `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=code::message`.
import { LineIndex } from "../../core/text/lineIndex";
import type { Severity } from "../../core/diagnostics";
import type { CheckedFile } from "./checkFormats";

const COMMAND: Record<Severity, "error" | "warning" | "notice"> = {
  error: "error",
  warning: "warning",
  information: "notice",
  hint: "notice",
};

export function formatGithub(files: CheckedFile[]): string {
  const out: string[] = [];
  for (const file of files) {
    const lines = new LineIndex(file.text);
    for (const d of file.diagnostics) {
      const start = lines.positionAt(d.start);
      const end = lines.positionAt(Math.max(d.end, d.start));
      const properties = [
        `file=${escapeProperty(file.path)}`,
        `line=${start.line + 1}`,
        `col=${start.character + 1}`,
        `endLine=${end.line + 1}`,
        `endColumn=${end.character + 1}`,
        `title=${escapeProperty(`nadir ${d.code}`)}`,
      ];
      out.push(`::${COMMAND[d.severity]} ${properties.join(",")}::${escapeData(d.message)}\n`);
    }
  }
  return out.join("");
}

/** Escaping of the runner's toolkit (actions/toolkit, command.ts) for the message part. */
export function escapeData(text: string): string {
  return text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

/** Property values also escape `:` and `,`, which delimit the command. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
}
