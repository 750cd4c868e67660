// Links from hovers to the documentation that ships with Nadir (docs/rules.md for rule ids,
// docs/diagnostics.md for codes). A hover is Markdown without a base, so a relative link would
// resolve nowhere: the links are absolute `file:` URIs of the docs installed beside the server (the
// extension's folder, or the npm package), found by the LSP layer. VS Code opens such a link in an
// editor at the line of the anchor (`#L57`); in a remote window it maps the URI to the remote side.
// Other LSP clients show or open the file. Without installed docs, rule ids stay plain text and
// hovers name the file instead. Pure: the LSP layer reads the files and passes their text.
import { codeAnchor, DOCS, ruleAnchor } from "../core/codesDoc";

export interface DocLinks {
  /** Markdown for a rule id such as `R3`, shown as `label` (default: the id). */
  rule(id: string, label?: string): string;
  /** Markdown pointing at the documentation of a diagnostic code. */
  code(code: string): string;
}

/** No installed docs: plain rule ids, and the file and section named in words. */
export const NO_DOC_LINKS: DocLinks = {
  rule: (id, label) => label ?? id,
  code: (code) => `see \`${DOCS.diagnostics}\`, \`${code}\``,
};

/**
 * 1-based line of each explicit anchor (`<a id="r3"></a>`) of a Markdown text, moved to the heading
 * that follows it (within two lines) so the editor shows the section's title.
 */
export function anchorLines(markdown: string): Map<string, number> {
  const lines = markdown.split(/\r\n|\n|\r/);
  const found = new Map<string, number>();
  lines.forEach((line, i) => {
    for (const m of line.matchAll(/<a\s+id="([^"]+)"\s*>/g)) {
      const heading = [1, 2].map((k) => i + k).find((j) => j < lines.length && /^#{1,6}\s/.test(lines[j]));
      found.set(m[1], (heading ?? i) + 1);
    }
  });
  return found;
}

/**
 * Links into the docs directory `docsUri` (a `file:` URI ending in `/`), given the text of the
 * installed rules.md and diagnostics.md. An id without an anchor there stays plain text.
 */
export function docLinks(docsUri: string, texts: { rules: string; diagnostics: string }): DocLinks {
  const base = docsUri.endsWith("/") ? docsUri : `${docsUri}/`;
  const file = (path: string) => base + path.slice("docs/".length);
  const rules = anchorLines(texts.rules);
  const codes = anchorLines(texts.diagnostics);
  return {
    rule(id, label = id) {
      const line = rules.get(ruleAnchor(id));
      return line === undefined ? label : `[${label}](${file(DOCS.rules)}#L${line})`;
    },
    code(code) {
      const line = codes.get(codeAnchor(code));
      return line === undefined ? NO_DOC_LINKS.code(code) : `[documentation](${file(DOCS.diagnostics)}#L${line})`;
    },
  };
}

/**
 * Turns the rule ids of Nadir's own prose ("… (R5, R16)") into links. Only for text that holds no
 * user data: a lesion may well be called `R1`.
 */
export function linkRuleIds(text: string, links: DocLinks): string {
  return text.replace(/\bR\d{1,2}\b/g, (id) => links.rule(id));
}
