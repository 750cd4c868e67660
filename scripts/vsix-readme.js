#!/usr/bin/env node
// Writes dist/README.md, the README packed into the VSIX. vsce refuses
// relative image links without a repository URL, and the screenshots are not
// shipped, so relative images become their alt text; the rest is unchanged.
"use strict";
const fs = require("fs");
const path = require("path");

const root = path.resolve(__dirname, "..");
const source = path.join(root, "README.md");
const target = path.join(root, "dist", "README.md");

const text = fs.existsSync(source) ? fs.readFileSync(source, "utf8") : "# Nadir\n";
const relativeImage = /!\[([^\]]*)\]\((?!https:\/\/)[^)]*\)/g;
fs.mkdirSync(path.dirname(target), { recursive: true });
fs.writeFileSync(target, text.replace(relativeImage, (_, alt) => (alt ? `*${alt}*` : "")));
console.log(`dist/README.md from README.md`);
