// Preloaded into a `nadir` process by the benchmark (`node --require out/bench/gcObserver.js ...`):
// sums the garbage collector's pauses as perf_hooks reports them and, when the process exits,
// writes {gcMs, collections, wallMs} as JSON to the file named by NADIR_BENCH_GC_OUT.
import * as fs from "fs";
import { performance, PerformanceObserver, PerformanceEntry } from "perf_hooks";

const out = process.env.NADIR_BENCH_GC_OUT;
if (out) {
  let gcMs = 0;
  let collections = 0;
  const add = (entries: PerformanceEntry[]) => {
    for (const entry of entries) {
      gcMs += entry.duration;
      collections++;
    }
  };
  const observer = new PerformanceObserver((list) => add(list.getEntries()));
  observer.observe({ entryTypes: ["gc"] });
  process.on("exit", () => {
    add(observer.takeRecords());
    fs.writeFileSync(out, JSON.stringify({ gcMs, collections, wallMs: performance.now() }));
  });
}
