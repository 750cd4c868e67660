// Small statistics and timing helpers for the benchmarks.

/** Nearest-rank percentile of samples (p in 0..100). */
export function percentile(samples: number[], p: number): number {
  if (samples.length === 0) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

export function median(samples: number[]): number {
  return percentile(samples, 50);
}

export function nowMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

/**
 * Fastest wall time of `run` (the least disturbed by other processes on a shared machine), repeated
 * until both `minRuns` runs and `minTotalMs` have passed (capped at `maxRuns`). A full GC between
 * runs, when exposed, keeps one run's garbage out of the next.
 */
export function timeBest(run: () => unknown, minRuns = 3, minTotalMs = 1000, maxRuns = 10_000): { ms: number; runs: number } {
  const gc = (globalThis as { gc?: () => void }).gc;
  const samples: number[] = [];
  let total = 0;
  while (samples.length < maxRuns && (samples.length < minRuns || total < minTotalMs)) {
    if (gc && samples.length % 10 === 0) gc();
    const start = nowMs();
    run();
    const elapsed = nowMs() - start;
    samples.push(elapsed);
    total += elapsed;
  }
  return { ms: Math.min(...samples), runs: samples.length };
}
