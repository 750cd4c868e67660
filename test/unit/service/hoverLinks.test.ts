// Hovers link rule ids and diagnostic codes to the docs installed beside the server
// (docs/rules.md, docs/diagnostics.md): absolute file: URIs at the line of the section.
import { strict as assert } from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { pathToFileURL } from "url";
import { hover } from "../../../server/src/service/hover";
import { anchorLines, docLinks, DocLinks, NO_DOC_LINKS } from "../../../server/src/service/docLinks";
import { installedDocLinks, nadirRoot } from "../../../server/src/lsp/installedDocs";
import { EXAMPLES_DIR, REPO_ROOT } from "../../helpers/paths";
import { atCursor, on } from "./fixture";

const PT0042 = fs.readFileSync(path.join(EXAMPLES_DIR, "PT-0042.nadir"), "utf8");
const DOCS_DIR = path.join(REPO_ROOT, "docs");
const DOCS_URI = pathToFileURL(DOCS_DIR + path.sep).href;
const read = (file: string) => fs.readFileSync(path.join(DOCS_DIR, file), "utf8");
const LINKS = docLinks(DOCS_URI, { rules: read("rules.md"), diagnostics: read("diagnostics.md") });

function hoverText(c: ReturnType<typeof on>, links: DocLinks = LINKS): string {
  const h = hover(c.doc, c.position, links);
  assert.ok(h, "expected a hover");
  return (h.contents as { value: string }).value;
}

/** Every Markdown link of a hover: its label, the file it opens and the 1-based line. */
function linksOf(markdown: string): Array<{ label: string; file: string; line: number }> {
  return [...markdown.matchAll(/\[([^\]]+)\]\((file:[^)#]+)#L(\d+)\)/g)].map((m) => ({ label: m[1], file: m[2], line: Number(m[3]) }));
}

/** The line a link opens, from the installed file. */
function lineAt(file: string, line: number): string {
  return fs.readFileSync(new URL(file), "utf8").split("\n")[line - 1];
}

describe("service: hover links to the installed docs", () => {
  it("links each rule id of a scan hover to the heading of that rule in docs/rules.md (R3, R7 trace steps)", () => {
    const text = hoverText(on(PT0042, "scan 2025-04-26", 0, 7));
    const links = linksOf(text);
    assert.ok(links.some((l) => l.label === "R7 table 1"), text);
    assert.ok(links.some((l) => l.label === "R3"), text);
    for (const l of links) {
      assert.equal(l.file, `${DOCS_URI}rules.md`);
      const id = /^R\d+/.exec(l.label)![0];
      assert.ok(lineAt(l.file, l.line).startsWith(`## ${id} `), `${l.label} opens line ${l.line}: ${lineAt(l.file, l.line)}`);
    }
  });

  it("links the rule ids of keyword documentation (R2 for `too small`)", () => {
    const text = hoverText(on(PT0042, "too small", 0, 5));
    const [link] = linksOf(text);
    assert.equal(link.label, "R2");
    assert.match(lineAt(link.file, link.line), /^## R2 Sum of diameters/);
  });

  it("never links a lesion that happens to be called like a rule", () => {
    const c = atCursor("patient X {\n  baseline 2025-01-02 CT {\n    R1 target liver 20 mm\n  }\n  scan 2025-03-01 CT {\n    R|1 15 mm\n  }\n}\n");
    const text = hoverText(c);
    assert.match(text, /^\*\*R1\*\*: target lesion/);
    assert.ok(!linksOf(text).some((l) => l.label === "R1"), text);
  });

  it("points a diagnostic at its section of docs/diagnostics.md, with its rules linked", () => {
    const text = hoverText(on(PT0042.replace(/T1(\s+)target liver/, "T1$1target lvier"), "lvier", 0, 2));
    assert.match(text, /^\*\*unknown-organ\*\*: An organ outside the known list\./);
    const [doc] = linksOf(text);
    assert.equal(doc.file, `${DOCS_URI}diagnostics.md`);
    assert.match(lineAt(doc.file, doc.line), /^### `unknown-organ`/);
  });

  it("names the file and section in words when no docs are installed", () => {
    const text = hoverText(on(PT0042.replace(/T1(\s+)target liver/, "T1$1target lvier"), "lvier", 0, 2), NO_DOC_LINKS);
    assert.match(text, /see `docs\/diagnostics\.md`, `unknown-organ`/);
    assert.match(hoverText(on(PT0042, "too small", 0, 5), NO_DOC_LINKS), /5 mm \(R2\)\.$/);
  });

  it("leaves an id without an anchor in the docs as plain text", () => {
    assert.equal(LINKS.rule("R99"), "R99");
    assert.deepEqual([...anchorLines('x\n<a id="r1"></a>\n\n## R1 A\n<a id="c"></a>\ntext\n')], [["r1", 4], ["c", 5]]);
  });

  it("finds the docs of this installation, and no docs outside a Nadir package", () => {
    assert.equal(nadirRoot(path.join(REPO_ROOT, "out", "server", "src", "lsp")), REPO_ROOT);
    const installed = installedDocLinks(path.join(REPO_ROOT, "out", "server", "src", "lsp"));
    assert.equal(installed.rule("R3"), LINKS.rule("R3"));
    const other = fs.mkdtempSync(path.join(os.tmpdir(), "nadir-docs-"));
    try {
      fs.writeFileSync(path.join(other, "package.json"), JSON.stringify({ name: "not-nadir" }));
      fs.mkdirSync(path.join(other, "docs"));
      fs.writeFileSync(path.join(other, "docs", "rules.md"), '<a id="r3"></a>\n## R3 elsewhere\n');
      // Only the temporary directory's own ancestors are searched, and none is a Nadir package.
      assert.equal(nadirRoot(other), null);
      assert.equal(installedDocLinks(other), NO_DOC_LINKS);
    } finally {
      fs.rmSync(other, { recursive: true, force: true });
    }
  });
});
