#!/usr/bin/env node
// Writes dist/README.md, the README packed into the VSIX (its page in VS Code's Extensions view and
// on the Marketplace). package.json names no repository, and vsce refuses relative links and
// images without one (`--allow-missing-repository` does not change that), while VS Code's
// extension page opens only http(s) links and in-page `#anchors`. So the VSIX README carries the
// documentation itself: README.md followed by docs/language.md, docs/rules.md and
// docs/diagnostics.md, with every link into those files turned into an in-page anchor. Other
// relative links become plain text (the path in code), and relative images their alt text (the
// screenshots are not shipped). The docs are also packed as files (.vscodeignore) for the links in
// hovers.
"use strict";
const fs = require("fs");
const path = require("path");

const root = path.resolve(__dirname, "..");

/** The documents appended after the README, in this order, with their in-page anchor. */
const DOCS = [
  { file: "docs/language.md", anchor: "doc-language" },
  { file: "docs/rules.md", anchor: "doc-rules" },
  { file: "docs/diagnostics.md", anchor: "doc-diagnostics" },
];

const isAbsolute = (target) => /^[a-z][a-z0-9+.-]*:/i.test(target);

/** A link target of `fromFile` (a repository path) as it reads in the combined page, or null for none. */
function inPageTarget(target, fromFile) {
  if (target.startsWith("#") || isAbsolute(target)) return target;
  const hash = target.indexOf("#");
  const file = path.posix.normalize(path.posix.join(path.posix.dirname(fromFile), hash < 0 ? target : target.slice(0, hash)));
  const fragment = hash < 0 ? "" : target.slice(hash + 1);
  if (file === "README.md") return fragment ? `#${fragment}` : "#nadir";
  const doc = DOCS.find((d) => d.file === file);
  if (!doc) return null;
  return `#${fragment || doc.anchor}`;
}

/** Rewrites the links and images of `markdown` (from `fromFile`), leaving fenced code alone. */
function rewrite(markdown, fromFile) {
  let fenced = false;
  return markdown
    .split("\n")
    .map((line) => {
      if (/^\s*```/.test(line)) {
        fenced = !fenced;
        return line;
      }
      if (fenced) return line;
      return line.replace(/(!?)\[((?:[^\][]|\[[^\]]*\])*)\]\(([^)\s]+)\)/g, (whole, bang, text, target) => {
        if (bang) return isAbsolute(target) && target.startsWith("https://") ? whole : text ? `*${text}*` : "";
        const resolved = inPageTarget(target, fromFile);
        if (resolved !== null) return `[${text}](${resolved})`;
        const pathText = `\`${target}\``;
        return text === pathText || text === target ? pathText : `${text} (${pathText})`;
      });
    })
    .join("\n");
}

/** The text of dist/README.md for the repository at `repoRoot`. */
function vsixReadme(repoRoot = root) {
  const read = (file) => fs.readFileSync(path.join(repoRoot, file), "utf8").replace(/\r\n?/g, "\n");
  const parts = [rewrite(read("README.md"), "README.md").replace(/\n+$/, "")];
  parts.push(
    "---",
    "# Reference",
    "The language reference, the response rules and the list of diagnostic codes follow. They are " +
      "also installed with the extension, as `docs/language.md`, `docs/rules.md` and " +
      "`docs/diagnostics.md` in its folder: the rule ids and codes in hovers open them there.",
  );
  for (const doc of DOCS) {
    parts.push("---", `<a id="${doc.anchor}"></a>`, rewrite(read(doc.file), doc.file).replace(/\n+$/, ""));
  }
  return `${parts.join("\n\n")}\n`;
}

module.exports = { vsixReadme, DOCS };

if (require.main === module) {
  const target = path.join(root, "dist", "README.md");
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.writeFileSync(target, vsixReadme());
  console.log("dist/README.md from README.md and docs/");
}
