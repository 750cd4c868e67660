#!/usr/bin/env node
// `npm run fuzz` (needs a build first; `npm run fuzz` builds). Three modes:
//
//   npm run fuzz -- campaign [--seed S] [--inputs N] [--chunk C] [--workers W] [--budget-ms B] [--hang-s H] [--progress FILE]
//     The fuzz campaign (issue 16): N inputs (default 1,000,000) of seed S (default 1), grammar-aware
//     mutations of the examples plus random text (test/property/fuzz/mutate.ts), each run through
//     every language-service handler, the formatter and the CLI's commands
//     (test/property/fuzz/oracle.ts). Inputs run in chunks of C (default 10,000), each in a fresh
//     child process, W at a time (default 1). Progress is written to FILE (default
//     fuzz-runs/seed-S.json) after every chunk; running the same command again resumes with the
//     chunks not yet done, so a campaign can be stopped (Ctrl-C) and continued at any time. Run it
//     with `nice` on a shared machine. Failures are saved under fuzz-runs/seed-S-failures/; an
//     input that takes more than B ms of CPU time (default 2,000) is reported as slow; a worker
//     silent for H seconds (default 120) is a hang: its input is recorded and the chunk continues
//     after it.
//
//   npm run fuzz -- replay --seed S --index I [--minimise] [--out FILE]
//     Rebuilds one input of a campaign, runs it and prints the outcome; --minimise shrinks a failing
//     input (for its regression test).
//
//   npm run fuzz [-- NAMES]
//     The robustness properties of test/property/robustness*.test.ts and the generated RECIST 1.1 /
//     iRECIST series of test/property/series.test.ts (both bounded in `npm test`) with FUZZ_RUNS
//     inputs per property (default 1,000,000; for the series, patients) and FUZZ_SEED (default: new
//     each run, printed for replay). NAMES pick files by name: `npm run fuzz -- series`.
"use strict";
const { fork, spawnSync } = require("child_process");
const fs = require("fs");
const os = require("os");
const path = require("path");

const root = path.resolve(__dirname, "..");
const fuzzOut = path.join(root, "out", "test", "property", "fuzz");

function options(argv, defaults) {
  const result = { ...defaults };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith("--")) fail(`unexpected argument ${arg}`);
    const [name, inline] = arg.slice(2).split("=", 2);
    if (!(name in defaults)) fail(`unknown option --${name} (options: ${Object.keys(defaults).map((k) => `--${k}`).join(", ")})`);
    if (typeof defaults[name] === "boolean") result[name] = true;
    else {
      const value = inline ?? argv[++i];
      if (value === undefined) fail(`--${name} needs a value`);
      result[name] = typeof defaults[name] === "number" ? Number(value) : value;
      if (typeof defaults[name] === "number" && !Number.isSafeInteger(result[name])) fail(`--${name} must be a whole number`);
    }
  }
  return result;
}

function fail(message) {
  console.error(`fuzz: ${message}`);
  process.exit(2);
}

function needBuild(file) {
  if (!fs.existsSync(path.join(fuzzOut, file))) fail(`no compiled fuzz harness in ${path.relative(root, fuzzOut)} (run \`npm run build\`)`);
}

// ---------------------------------------------------------------------------------------------

async function campaign(argv) {
  needBuild("worker.js");
  const o = options(argv, { seed: 1, inputs: 1_000_000, chunk: 10_000, workers: 1, "budget-ms": 2000, "hang-s": 120, progress: "" });
  const progressPath = path.resolve(o.progress || path.join(root, "fuzz-runs", `seed-${o.seed}.json`));
  const failureDir = path.join(path.dirname(progressPath), `seed-${o.seed}-failures`);
  fs.mkdirSync(path.dirname(progressPath), { recursive: true });
  const progress = fs.existsSync(progressPath) ? JSON.parse(fs.readFileSync(progressPath, "utf8")) : null;
  if (progress && (progress.seed !== o.seed || progress.chunk !== o.chunk)) fail(`${progressPath} belongs to seed ${progress.seed} with chunks of ${progress.chunk}`);
  const state = progress ?? {
    seed: o.seed, chunk: o.chunk, budgetMs: o["budget-ms"],
    command: `npm run fuzz -- campaign --seed ${o.seed} --inputs N --chunk ${o.chunk}`,
    totals: { inputs: 0, failures: 0, slow: 0, hangs: 0, cpuMs: 0 },
    chunks: [], failures: [], slow: [], hangs: [],
  };
  state.target = Math.max(state.target ?? 0, o.inputs);
  const done = new Set(state.chunks.map((c) => c.from));
  const todo = [];
  for (let from = 0; from < o.inputs; from += o.chunk) if (!done.has(from)) todo.push(from);
  console.log(`fuzz campaign: seed ${o.seed}, ${state.totals.inputs} of ${o.inputs} inputs done, ${todo.length} chunks of ${o.chunk} to run, ${o.workers} at a time; progress in ${path.relative(root, progressPath)}`);

  const save = () => {
    const tmp = `${progressPath}.tmp`;
    fs.writeFileSync(tmp, `${JSON.stringify(state, null, 1)}\n`);
    fs.renameSync(tmp, progressPath);
  };
  const running = new Set();
  let stopping = false;
  const stop = () => {
    stopping = true;
    for (const child of running) child.kill();
    console.log("fuzz campaign: stopped; run the same command to resume");
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);

  const runChunk = async (from) => {
    const to = Math.min(from + o.chunk, o.inputs);
    const started = new Date().toISOString();
    const load = os.loadavg()[0];
    const record = { from, to, inputs: 0, failures: 0, slow: 0, hangs: 0, cpuMs: 0, maxMs: 0, maxIndex: from, started, finished: null, loadAtStart: Number(load.toFixed(2)) };
    let next = from;
    while (next < to && !stopping) {
      const outcome = await runWorker(o.seed, next, to, o["budget-ms"], o["hang-s"] * 1000, failureDir, running, state, record);
      if (outcome.hang !== null) {
        record.hangs++;
        state.hangs.push({ index: outcome.hang });
        console.log(`fuzz campaign: input ${outcome.hang} hung (no answer within ${o["hang-s"]} s)`);
        next = outcome.hang + 1;
      } else if (!outcome.completed) {
        if (!stopping) console.log(`fuzz campaign: chunk ${from}-${to} stopped at ${outcome.at}: ${outcome.error}`);
        return;
      } else next = to;
    }
    if (stopping) return;
    record.finished = new Date().toISOString();
    state.chunks.push(record);
    state.chunks.sort((a, b) => a.from - b.from);
    for (const key of ["inputs", "failures", "slow", "hangs", "cpuMs"]) state.totals[key] += record[key];
    save();
    console.log(`fuzz campaign: inputs ${from}-${to} done, ${(record.cpuMs / 1000).toFixed(0)} CPU s (${record.failures} failures, ${record.slow} slow, slowest ${record.maxMs.toFixed(0)} ms at ${record.maxIndex}); total ${state.totals.inputs} inputs, ${state.totals.failures} failures`);
  };

  const queue = [...todo];
  await Promise.all(Array.from({ length: Math.max(1, o.workers) }, async () => {
    while (queue.length > 0 && !stopping) await runChunk(queue.shift());
  }));
  save();
  const t = state.totals;
  console.log(`fuzz campaign: ${t.inputs} inputs, ${t.failures} failures, ${t.slow} slow (> ${o["budget-ms"]} ms), ${t.hangs} hangs, ${(t.cpuMs / 3.6e6).toFixed(2)} CPU hours`);
  process.exit(t.failures + t.hangs > 0 ? 1 : 0);
}

/** Runs one worker over inputs from..to; resolves when it ends, or when it hangs (then it is killed). */
function runWorker(seed, from, to, budgetMs, hangMs, failureDir, running, state, record) {
  return new Promise((resolve) => {
    const child = fork(path.join(fuzzOut, "worker.js"), [String(seed), String(from), String(to), String(budgetMs), failureDir], { stdio: ["ignore", "inherit", "pipe", "ipc"] });
    running.add(child);
    let at = from;
    let hang = null;
    let completed = false;
    let stderr = "";
    child.stderr.on("data", (chunk) => (stderr = (stderr + chunk).slice(-4000)));
    let timer = setTimeout(onHang, hangMs);
    function onHang() {
      hang = at;
      child.kill("SIGKILL");
    }
    child.on("message", (m) => {
      clearTimeout(timer);
      timer = setTimeout(onHang, hangMs);
      if (m.type === "at") at = m.index;
      else if (m.type === "failure") {
        record.failures++;
        state.failures.push({ index: m.index, stage: m.stage, message: m.message.split("\n")[0].slice(0, 300) });
        console.log(`fuzz campaign: input ${m.index} FAILED (${m.stage}): ${m.message.split("\n")[0].slice(0, 300)}`);
      } else if (m.type === "slow") {
        record.slow++;
        state.slow.push({ index: m.index, ms: Math.round(m.ms) });
      } else if (m.type === "done") {
        completed = true;
        record.inputs += m.inputs;
        record.cpuMs += Math.round(m.totalMs);
        if (m.maxMs > record.maxMs) [record.maxMs, record.maxIndex] = [Math.round(m.maxMs), m.maxIndex];
      }
    });
    child.on("exit", (code, signal) => {
      clearTimeout(timer);
      running.delete(child);
      if (hang !== null) {
        // The inputs before the hung one ran: count them.
        record.inputs += hang - from;
        resolve({ completed: false, hang, at });
      } else resolve({ completed: completed && code === 0, hang: null, at, error: `exit ${code ?? signal}: ${stderr.trim().split("\n").slice(-3).join(" | ")}` });
    });
  });
}

// ---------------------------------------------------------------------------------------------

async function replayCommand(argv) {
  needBuild("replay.js");
  const o = options(argv, { seed: 1, index: -1, minimise: false, out: "" });
  if (o.index < 0) fail("replay needs --index");
  const { replay } = require(path.join(fuzzOut, "replay.js"));
  process.exit(await replay(o.seed, o.index, o.minimise, o.out ? path.resolve(o.out) : null));
}

function properties(picks) {
  const runs = process.env.FUZZ_RUNS || "1000000";
  const seed = process.env.FUZZ_SEED || String(Date.now() % 2147483647);
  const dir = path.join(root, "out", "test", "property");
  const files = fs.existsSync(dir)
    ? fs.readdirSync(dir).filter((f) => /^(robustness.*|series)\.test\.js$/.test(f)).filter((f) => picks.length === 0 || picks.some((p) => f.includes(p))).map((f) => path.join(dir, f))
    : [];
  if (files.length === 0) fail(`no compiled property tests${picks.length ? ` matching ${picks.join(", ")}` : ""} in out/test/property (run \`npm run build\`)`);
  console.log(`fuzz: ${runs} inputs per property, seed ${seed} (replay: FUZZ_SEED=${seed} FUZZ_RUNS=${runs} npm run fuzz)`);
  const started = Date.now();
  const result = spawnSync(process.execPath, [require.resolve("mocha/bin/mocha.js"), "--no-config", "--timeout", "0", "--reporter", "spec", ...files], {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, FUZZ_RUNS: runs, FUZZ_SEED: seed },
  });
  console.log(`fuzz: ${result.status === 0 ? "passed" : "FAILED"} in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  process.exit(result.status ?? 1);
}

const [mode, ...rest] = process.argv.slice(2);
if (mode === "campaign") campaign(rest);
else if (mode === "replay") replayCommand(rest);
else properties(process.argv.slice(2));
