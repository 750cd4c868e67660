// A minimal sequential test runner: the scenarios share one workbench, so they
// run in order; a failure is recorded with a screenshot and the next one runs.
// Ends with the plain "N passed, N failed" line.
import * as path from "path";
import { Page } from "playwright-core";

export interface Scenario {
  name: string;
  run: () => Promise<void>;
}

export async function runScenarios(scenarios: Scenario[], page: () => Page | undefined, artifactsDir: string): Promise<number> {
  let passed = 0;
  let failed = 0;
  for (const [index, scenario] of scenarios.entries()) {
    const started = Date.now();
    try {
      await scenario.run();
      passed++;
      console.log(`  \u2713 ${scenario.name} (${Date.now() - started} ms)`);
    } catch (error) {
      failed++;
      console.log(`  \u2717 ${scenario.name} (${Date.now() - started} ms)\n    ${String((error as Error)?.stack ?? error).split("\n").join("\n    ")}`);
      const shot = path.join(artifactsDir, `failure-${index + 1}.png`);
      await page()?.screenshot({ path: shot }).then(() => console.log(`    screenshot: ${shot}`), () => undefined);
    }
  }
  console.log(`\n${passed} passed, ${failed} failed`);
  return failed;
}

export function assert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}
