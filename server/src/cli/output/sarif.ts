// SARIF 2.1.0 for code-scanning dashboards: one run, a rule for every diagnostic code of the
// spec (CodeTable), one result per diagnostic. Columns are UTF-16 code units, as in the editor.
// Rule help: SARIF's `helpUri` must be an absolute URI (§3.49.12; the schema's "uri" format), and
// Nadir's documentation has no web address, only `docs/diagnostics.md` in the repository. So each
// rule carries its documentation inline in `help` (text and Markdown, as code scanning shows it),
// rendered from the same code table as docs/diagnostics.md, naming that file and anchor.
import type * as Sarif from "sarif";
import { AllCodes, CodeTable, DiagnosticCode } from "../../core/codes";
import { codeHelpMarkdown, codeHelpText } from "../../core/codesDoc";
import type { Severity } from "../../core/diagnostics";
import { LineIndex } from "../../core/text/lineIndex";
import type { CheckedFile } from "./checkFormats";
import { isAbsolute } from "path";
import { pathToFileURL } from "url";

export const SARIF_SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

const LEVEL: Record<Severity, Sarif.Result.level> = {
  error: "error",
  warning: "warning",
  information: "note",
  hint: "note",
};

export function sarifRules(): Sarif.ReportingDescriptor[] {
  return AllCodes.map((code) => {
    const info = CodeTable[code];
    const rules = info.rules.length > 0 ? ` Rules: ${info.rules.join(", ")}.` : "";
    return {
      id: code,
      name: ruleName(code),
      shortDescription: { text: info.description },
      fullDescription: { text: `${info.description}${rules}` },
      help: { text: codeHelpText(code), markdown: codeHelpMarkdown(code) },
      defaultConfiguration: { level: LEVEL[info.severity] },
      properties: { tags: ["nadir", ...info.rules] },
    };
  });
}

export function buildSarifLog(files: CheckedFile[], version: string): Sarif.Log {
  const ruleIndex = new Map<string, number>(AllCodes.map((code, i) => [code, i]));
  const results: Sarif.Result[] = [];
  files.forEach((file, artifactIndex) => {
    const lines = new LineIndex(file.text);
    for (const d of file.diagnostics) {
      const start = lines.positionAt(d.start);
      const end = lines.positionAt(Math.max(d.end, d.start));
      results.push({
        ruleId: d.code,
        ruleIndex: ruleIndex.get(d.code),
        level: LEVEL[d.severity],
        message: { text: d.message },
        locations: [{
          physicalLocation: {
            artifactLocation: { ...artifactLocation(file.path), index: artifactIndex },
            region: { startLine: start.line + 1, startColumn: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1 },
          },
        }],
        ...(d.rules && d.rules.length > 0 ? { properties: { rules: d.rules } } : {}),
      });
    }
  });
  return {
    $schema: SARIF_SCHEMA_URI,
    version: "2.1.0",
    runs: [{
      tool: { driver: { name: "nadir", semanticVersion: version, version, rules: sarifRules() } },
      artifacts: files.map((file) => ({ location: artifactLocation(file.path), sourceLanguage: "nadir" })),
      columnKind: "utf16CodeUnits",
      results,
    }],
  };
}

export function formatSarif(files: CheckedFile[], version: string): string {
  return `${JSON.stringify(buildSarifLog(files, version), null, 2)}\n`;
}

/** Relative paths resolve against the checkout (%SRCROOT%), as code scanning expects; absolute ones are file URIs. */
function artifactLocation(path: string): Sarif.ArtifactLocation {
  return isAbsolute(path) ? { uri: pathToFileURL(path).href } : { uri: encodeURI(path), uriBaseId: "%SRCROOT%" };
}

/** "follow-up-overdue" -> "FollowUpOverdue": SARIF's `name` is an identifier-like word. */
function ruleName(code: DiagnosticCode): string {
  return code.split("-").map((part) => part.charAt(0).toUpperCase() + part.slice(1)).join("");
}
