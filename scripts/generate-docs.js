#!/usr/bin/env node
// Writes docs/diagnostics.md from the code table (server/src/core/codes.ts), so the list of
// diagnostic codes cannot drift from what the tools report. Run after a build (`npm run docs`
// builds first). `--check` writes nothing and exits 1 when the file is out of date.
"use strict";
const fs = require("fs");
const path = require("path");

const root = path.resolve(__dirname, "..");
const compiled = path.join(root, "out", "server", "src", "core", "codesDoc.js");
if (!fs.existsSync(compiled)) {
  console.error("generate-docs: out/ is missing: run `npm run build` first (or `npm run docs`, which builds)");
  process.exit(2);
}
const { DOCS, diagnosticsMarkdown } = require(compiled);

const target = path.join(root, DOCS.diagnostics);
const expected = diagnosticsMarkdown();
const current = fs.existsSync(target) ? fs.readFileSync(target, "utf8") : null;

if (process.argv.includes("--check")) {
  if (current !== expected) {
    console.error(`${DOCS.diagnostics} is out of date: run \`npm run docs\``);
    process.exit(1);
  }
  console.log(`${DOCS.diagnostics} is up to date`);
} else if (current === expected) {
  console.log(`${DOCS.diagnostics} is up to date`);
} else {
  const temp = `${target}.${process.pid}.tmp`;
  fs.writeFileSync(temp, expected);
  fs.renameSync(temp, target);
  console.log(`wrote ${DOCS.diagnostics}`);
}
