// Child process of `npm run fuzz -- campaign` (scripts/fuzz.js): SEED FROM TO BUDGET_MS FAILURE_DIR.
import { runWorker } from "./campaign";

runWorker(process.argv.slice(2)).then(
  () => process.exit(0),
  (e) => {
    process.stderr.write(`fuzz worker: ${e instanceof Error ? e.stack : String(e)}\n`);
    process.exit(3);
  },
);
