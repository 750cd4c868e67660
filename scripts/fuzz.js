#!/usr/bin/env node
// `npm run fuzz`: the robustness properties of test/property/robustness*.test.ts and the generated
// RECIST 1.1 / iRECIST series of test/property/series.test.ts (both run bounded in `npm test`)
// with far more inputs. FUZZ_RUNS inputs per property (default 1,000,000; for the series, patients)
// and FUZZ_SEED (default: new each run, printed so that a failure can be replayed with it).
// Arguments pick files by name: `npm run fuzz -- series` runs only the series.
// Needs a build first (`npm run fuzz` builds).
"use strict";
const { spawnSync } = require("child_process");
const fs = require("fs");
const path = require("path");

const root = path.resolve(__dirname, "..");
const runs = process.env.FUZZ_RUNS || "1000000";
const seed = process.env.FUZZ_SEED || String(Date.now() % 2147483647);
const dir = path.join(root, "out", "test", "property");
const picks = process.argv.slice(2);
const files = fs.existsSync(dir)
  ? fs.readdirSync(dir).filter((f) => /^(robustness.*|series)\.test\.js$/.test(f)).filter((f) => picks.length === 0 || picks.some((p) => f.includes(p))).map((f) => path.join(dir, f))
  : [];
if (files.length === 0) {
  console.error(`fuzz: no compiled property tests${picks.length ? ` matching ${picks.join(", ")}` : ""} in out/test/property (run \`npm run build\`)`);
  process.exit(2);
}
console.log(`fuzz: ${runs} inputs per property, seed ${seed} (replay: FUZZ_SEED=${seed} FUZZ_RUNS=${runs} npm run fuzz)`);
const started = Date.now();
const result = spawnSync(process.execPath, [require.resolve("mocha/bin/mocha.js"), "--no-config", "--timeout", "0", "--reporter", "spec", ...files], {
  cwd: root,
  stdio: "inherit",
  env: { ...process.env, FUZZ_RUNS: runs, FUZZ_SEED: seed },
});
console.log(`fuzz: ${result.status === 0 ? "passed" : "FAILED"} in ${((Date.now() - started) / 1000).toFixed(0)} s`);
process.exit(result.status ?? 1);
