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
const source = blanksWithoutArrays(grammar, peggy.generate(grammar, {
  allowedStartRules: startRules,
  output: "source",
  format: "commonjs",
  grammarSource: "grammar/nadir.peggy",
}));

/**
 * The blank rules `_ = [ \t]*` and `__ = [ \t]+` are called several times on every line, and
 * peggy builds an array of the matched characters on each call (a quarter of the parse time on
 * the 10 MB bench cohort, mostly in the garbage collector). No action or label ever reads what
 * they matched (checked below on the grammar's syntax tree), so their generated functions are
 * replaced by loops that only move the position. They consume exactly the same characters and
 * record exactly the same expectation on failure (the rule name "space"), so every parse, tree
 * and error message stays the same. The build fails if the rules or the generated code change
 * shape, rather than generating a parser that would differ from the grammar.
 */
function blanksWithoutArrays(grammarText, generated) {
  const ast = peggy.parser.parse(grammarText, { reservedWords: [], grammarSource: "grammar/nadir.peggy" });
  const rule = (name) => ast.rules.find((r) => r.name === name);
  const blankClass = (node, type) =>
    node && node.type === "named" && node.name === "space" && node.expression.type === type &&
    node.expression.expression.type === "class" && !node.expression.expression.inverted && !node.expression.expression.ignoreCase &&
    JSON.stringify(node.expression.expression.parts) === JSON.stringify([" ", "\t"]);
  if (!blankClass(rule("_")?.expression, "zero_or_more") || !blankClass(rule("__")?.expression, "one_or_more")) {
    throw new Error("build-grammar: `_` / `__` are no longer `[ \\t]*` / `[ \\t]+` named \"space\": update blanksWithoutArrays()");
  }
  // What a blank matched must never be read: no label, no pluck on a reference to `_` or `__`.
  const visit = (node, parent) => {
    if (!node || typeof node !== "object") return;
    if (node.type === "rule_ref" && (node.name === "_" || node.name === "__") && parent && (parent.type === "labeled" || parent.type === "pluck")) {
      throw new Error(`build-grammar: the value of \`${node.name}\` is labelled (line ${node.location.start.line}); blanksWithoutArrays() returns none`);
    }
    for (const key of Object.keys(node)) {
      if (key === "location") continue;
      const child = node[key];
      if (Array.isArray(child)) child.forEach((c) => visit(c, node));
      else if (child && typeof child === "object") visit(child, node);
    }
  };
  ast.rules.forEach((r) => visit(r.expression, r));
  const bounds = (name) => {
    const start = generated.indexOf(`  function peg$parse${name}() {\n`);
    const end = generated.indexOf("\n  }\n", start) + 4;
    if (start < 0 || end < 4) throw new Error(`build-grammar: no generated peg$parse${name}()`);
    return [start, end];
  };
  const [s1, e1] = bounds("_");
  const [s2, e2] = bounds("__");
  // The expectation `__` records when it fails: its rule name, after the silenced class.
  const named = /peg\$silentFails--;\n    if \(s0 === peg\$FAILED\) \{\n      s1 = peg\$FAILED;\n      if \(peg\$silentFails === 0\) \{ peg\$fail\((peg\$e\d+)\); \}/.exec(generated.slice(s2, e2));
  if (!named) throw new Error("build-grammar: the generated peg$parse__() changed shape: update blanksWithoutArrays()");
  const underscore = `  function peg$parse_() {
    let c = input.charCodeAt(peg$currPos);
    while (c === 32 || c === 9) c = input.charCodeAt(++peg$currPos);
    return "";
  }
`;
  const double = `  function peg$parse__() {
    let c = input.charCodeAt(peg$currPos);
    if (c !== 32 && c !== 9) {
      if (peg$silentFails === 0) { peg$fail(${named[1]}); }
      return peg$FAILED;
    }
    do c = input.charCodeAt(++peg$currPos); while (c === 32 || c === 9);
    return "";
  }
`;
  const [first, firstEnd, second, secondEnd, a, b] = s1 < s2 ? [s1, e1, s2, e2, underscore, double] : [s2, e2, s1, e1, double, underscore];
  return generated.slice(0, first) + a + generated.slice(firstEnd, second) + b + generated.slice(secondEnd);
}

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
