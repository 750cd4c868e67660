// A small Markdown link checker for the files users get: the links and images of a document (from
// marked's lexer, so code spans and fenced code are never mistaken for links), the anchors it
// defines (explicit `<a id>`/`<a name>` and GitHub's heading slugs), and the problems of its links:
// a link into ../shared (developers only), a relative file that does not exist or lies outside the
// repository, an `#anchor` missing from its target.
import * as fs from "fs";
import * as path from "path";
import { lexer, walkTokens, type Token, type Tokens } from "marked";

export interface MarkdownLink {
  kind: "link" | "image";
  target: string;
}

const HTML_HREF = /<(?:a|img)\s[^>]*?(?:href|src)="([^"]*)"/gi;
const HTML_ANCHOR = /<a\s[^>]*?(?:id|name)="([^"]+)"/gi;

export function linksOf(markdown: string): MarkdownLink[] {
  const links: MarkdownLink[] = [];
  walkTokens(lexer(markdown), (token: Token) => {
    if (token.type === "link") links.push({ kind: "link", target: (token as Tokens.Link).href });
    else if (token.type === "image") links.push({ kind: "image", target: (token as Tokens.Image).href });
    else if (token.type === "html") for (const m of token.raw.matchAll(HTML_HREF)) links.push({ kind: "link", target: m[1] });
  });
  return links;
}

/** The plain text of inline tokens, as a heading's slug sees it. */
function plainText(tokens: Token[] | undefined): string {
  return (tokens ?? []).map((t) => {
    if (t.type === "html") return "";
    if ("tokens" in t && Array.isArray(t.tokens) && t.tokens.length > 0) return plainText(t.tokens);
    return "text" in t && typeof t.text === "string" ? t.text : "";
  }).join("");
}

/** GitHub's heading slug (github-slugger): lower case, punctuation dropped, spaces to hyphens. */
export function githubSlug(text: string): string {
  return text.trim().toLowerCase().replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, "").replace(/ /g, "-");
}

/** Every anchor a document defines, in order, with GitHub's `-1`, `-2` suffixes for repeated headings. */
export function anchorsOf(markdown: string): string[] {
  const anchors: string[] = [];
  const seen = new Map<string, number>();
  walkTokens(lexer(markdown), (token: Token) => {
    if (token.type === "heading") {
      const base = githubSlug(plainText((token as Tokens.Heading).tokens));
      const n = seen.get(base) ?? 0;
      seen.set(base, n + 1);
      anchors.push(n === 0 ? base : `${base}-${n}`);
    } else if (token.type === "html") {
      for (const m of token.raw.matchAll(HTML_ANCHOR)) anchors.push(m[1]);
    }
  });
  return anchors;
}

const isExternal = (target: string) => /^[a-z][a-z0-9+.-]*:/i.test(target);

/**
 * Problems of the links of `file` (absolute path) inside the repository `root`: every relative
 * link must name an existing file of the repository, and every anchor must exist in its target.
 * External links (http, mailto, …) are not fetched.
 */
export function linkProblems(file: string, root: string, markdown = fs.readFileSync(file, "utf8")): string[] {
  const problems: string[] = [];
  const where = path.relative(root, file);
  for (const link of linksOf(markdown)) {
    const target = link.target;
    if (/(^|\/)\.\.\/shared(\/|$)/.test(target) || /^\/work\/shared/.test(target)) {
      problems.push(`${where}: links to ${target}, which users do not have`);
      continue;
    }
    if (isExternal(target) || target === "") continue;
    const hash = target.indexOf("#");
    const filePart = decodeURIComponent(hash < 0 ? target : target.slice(0, hash));
    const anchor = hash < 0 ? null : decodeURIComponent(target.slice(hash + 1));
    const resolved = filePart === "" ? file : path.resolve(path.dirname(file), filePart);
    if (path.relative(root, resolved).startsWith("..")) {
      problems.push(`${where}: ${target} points outside the repository`);
      continue;
    }
    if (resolved !== file && !fs.existsSync(resolved)) {
      problems.push(`${where}: ${target}: no such file`);
      continue;
    }
    if (anchor !== null) {
      if (!resolved.endsWith(".md")) {
        problems.push(`${where}: ${target}: an anchor into a file that is not Markdown`);
      } else {
        const text = resolved === file ? markdown : fs.readFileSync(resolved, "utf8");
        if (!anchorsOf(text).includes(anchor)) problems.push(`${where}: ${target}: no anchor #${anchor} in ${path.relative(root, resolved)}`);
      }
    }
  }
  return problems;
}

/** The Markdown files of the repository that users get (not dependencies, builds or test output). */
export function repositoryMarkdown(root: string): string[] {
  const skip = new Set(["node_modules", "out", "dist", ".git", ".e2e-cache", "test/e2e/artifacts", "bench/data", "bench/results"]);
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) {
        const relative = path.relative(root, path.join(dir, entry.name)).split(path.sep).join("/");
        if (!skip.has(entry.name) && !skip.has(relative)) walk(path.join(dir, entry.name));
      } else if (entry.name.endsWith(".md")) {
        found.push(path.join(dir, entry.name));
      }
    }
  };
  walk(root);
  return found.sort();
}
