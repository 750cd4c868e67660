#!/usr/bin/env node
// Before/after check for performance work: runs two builds of `nadir` over the same inputs and
// reports every byte that differs. Usage:
//   node scripts/compare-outputs.js <before/bin/nadir.js> [<after/bin/nadir.js>] [--quick]
// The after build defaults to this checkout's bin/nadir.js. Inputs: every *.nadir under examples/
// and test/ (one file at a time), and the benchmark cohorts in bench/data/ (`npm run bench` writes
// them; --quick leaves out the ~10 MB ones and the 10,000-file directory). Commands: `assess`
// (json, csv, table with --explain) and `check` (json, text), with a fixed --as-of so that the
// result does not depend on today's date. Exit 0 when every output (stdout, stderr, exit code) is
// identical, 1 otherwise (the first lines that differ are printed).
"use strict";
const { spawnSync } = require("child_process");
const fs = require("fs");
const path = require("path");

const root = path.resolve(__dirname, "..");
const args = process.argv.slice(2);
const quick = args.includes("--quick");
const bins = args.filter((a) => !a.startsWith("--"));
if (bins.length < 1) {
  process.stderr.write("usage: node scripts/compare-outputs.js <before/bin/nadir.js> [<after/bin/nadir.js>] [--quick]\n");
  process.exit(2);
}
const before = path.resolve(bins[0]);
const after = path.resolve(bins[1] ?? path.join(root, "bin", "nadir.js"));

function nadirFiles(dir) {
  const out = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory() && entry.name !== "node_modules" && entry.name !== "data") out.push(...nadirFiles(full));
    else if (entry.isFile() && entry.name.endsWith(".nadir")) out.push(full);
  }
  return out;
}

const inputs = [...nadirFiles(path.join(root, "examples")), ...nadirFiles(path.join(root, "test"))].sort();
const data = path.join(root, "bench", "data");
if (fs.existsSync(data)) {
  for (const name of fs.readdirSync(data).sort()) {
    if (!name.endsWith(".nadir")) continue;
    if (quick && name.startsWith("10MB")) continue;
    if (quick && name.startsWith("10000")) continue;
    inputs.push(path.join(data, name));
  }
  if (!quick && fs.existsSync(path.join(data, "files-10000"))) inputs.push(path.join(data, "files-10000"));
}

const AS_OF = ["--as-of", "2026-06-01"];
const commands = [
  ["assess", "--format", "json", ...AS_OF],
  ["assess", "--format", "csv", ...AS_OF],
  ["assess", "--explain", ...AS_OF],
  ["check", "--format", "json", ...AS_OF],
  ["check", "--format", "text", ...AS_OF],
];

function run(bin, command, input) {
  const r = spawnSync(process.execPath, [bin, ...command, path.relative(root, input)], {
    cwd: root, encoding: "buffer", maxBuffer: 1 << 30, env: { ...process.env, NO_COLOR: "1" },
  });
  return { stdout: r.stdout, stderr: r.stderr, status: r.status };
}

let differences = 0;
let compared = 0;
for (const input of inputs) {
  for (const command of commands) {
    // A directory of 10,000 files: check only (assess prints 10,000 tables).
    if (input.endsWith("files-10000") && command[0] !== "check") continue;
    const a = run(before, command, input);
    const b = run(after, command, input);
    compared++;
    const label = `${command.join(" ")} ${path.relative(root, input)}`;
    for (const part of ["stdout", "stderr"]) {
      if (!a[part].equals(b[part])) {
        differences++;
        const la = a[part].toString("utf8").split("\n");
        const lb = b[part].toString("utf8").split("\n");
        let i = 0;
        while (i < la.length && la[i] === lb[i]) i++;
        process.stdout.write(`DIFF ${part} of ${label} at line ${i + 1}:\n  before: ${(la[i] ?? "<end>").slice(0, 300)}\n  after:  ${(lb[i] ?? "<end>").slice(0, 300)}\n`);
      }
    }
    if (a.status !== b.status) {
      differences++;
      process.stdout.write(`DIFF exit code of ${label}: ${a.status} -> ${b.status}\n`);
    }
  }
}
process.stdout.write(`${compared} runs compared over ${inputs.length} inputs: ${differences === 0 ? "no difference" : `${differences} differences`}\n`);
process.exit(differences === 0 ? 0 : 1);
