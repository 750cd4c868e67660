#!/usr/bin/env node
// `npm run fuzz`: the robustness properties of test/property/robustness*.test.ts (run bounded in
// `npm test`) with far more inputs. FUZZ_RUNS inputs per property (default 1,000,000) and
// FUZZ_SEED (default: new each run, printed so that a failure can be replayed with it).
// Needs a build first (`npm run fuzz` builds).
"use strict";
const { spawnSync } = require("child_process");
const fs = require("fs");
const path = require("path");

const root = path.resolve(__dirname, "..");
const runs = process.env.FUZZ_RUNS || "1000000";
const seed = process.env.FUZZ_SEED || String(Date.now() % 2147483647);
const dir = path.join(root, "out", "test", "property");
const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => /^robustness.*\.test\.js$/.test(f)).map((f) => path.join(dir, f)) : [];
if (files.length === 0) {
  console.error("fuzz: no compiled robustness tests in out/test/property (run `npm run build`)");
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
