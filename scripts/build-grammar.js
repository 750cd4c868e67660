#!/usr/bin/env node
// Generates the parser from grammar/nadir.peggy (with its .d.ts) at build time. The generated
// files are not committed: the grammar is the single source of syntax.
"use strict";
const fs = require("fs");
const path = require("path");
const peggy = require("peggy");

const root = path.resolve(__dirname, "..");
const grammarFile = path.join(root, "grammar", "nadir.peggy");
const srcDir = path.join(root, "server", "src", "core", "syntax", "generated");
const outDir = path.join(root, "out", "server", "src", "core", "syntax", "generated");
const startRules = ["File", "FileLine", "PatientLine", "ScanLine", "BiopsyLine"];

const grammar = fs.readFileSync(grammarFile, "utf8");
const source = peggy.generate(grammar, {
  allowedStartRules: startRules,
  output: "source",
  format: "commonjs",
  grammarSource: "grammar/nadir.peggy",
});

const dts = `// Generated from grammar/nadir.peggy by scripts/build-grammar.js. Do not edit.
export interface ParseOptions {
  startRule?: ${startRules.map((r) => JSON.stringify(r)).join(" | ")};
  grammarSource?: unknown;
}
export interface Expectation {
  type: "literal" | "class" | "any" | "end" | "pattern" | "other";
  text?: string;
  description?: string;
  ignoreCase?: boolean;
}
export interface SyntaxErrorLocation {
  start: { offset: number; line: number; column: number };
  end: { offset: number; line: number; column: number };
}
export declare class SyntaxError extends Error {
  expected: Expectation[] | null;
  found: string | null;
  location: SyntaxErrorLocation;
}
export declare const StartRules: string[];
export declare function parse(input: string, options?: ParseOptions): unknown;
`;

for (const dir of [srcDir, outDir]) {
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, "parser.js"), source);
  fs.writeFileSync(path.join(dir, "parser.d.ts"), dts);
}
console.log(`grammar: generated parser (${startRules.join(", ")})`);
