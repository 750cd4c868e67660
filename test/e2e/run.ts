// `npm run test:e2e`: installs the packaged VSIX into a private code-server,
// opens it in headless Chromium and uses the extension as a person would.
// Needs scripts/e2e/install.sh to have run (npm run test:e2e does it).
import * as fs from "fs";
import * as path from "path";
import { Browser, launchBrowser } from "./browser";
import { loadCaseFiles } from "./caseFiles";
import { CodeServer, startCodeServer } from "./codeServer";
import { artifactsDir, codeServerEntry, node24, repoRoot, screenshotsDocDir } from "./paths";
import { runScenarios } from "./runner";
import { scenarios } from "./scenarios";
import { Workbench } from "./workbench";

const budgetMs = 5 * 60_000;

async function main(): Promise<number> {
  for (const required of [node24, codeServerEntry]) {
    if (!fs.existsSync(required)) throw new Error(`${required} is missing: run scripts/e2e/install.sh`);
  }
  const version = JSON.parse(fs.readFileSync(path.join(repoRoot, "package.json"), "utf8")).version as string;
  const vsixPath = path.join(repoRoot, `nadir-${version}.vsix`);
  if (!fs.existsSync(vsixPath)) throw new Error(`${vsixPath} is missing: run npm run package`);
  fs.rmSync(artifactsDir, { recursive: true, force: true });
  fs.mkdirSync(artifactsDir, { recursive: true });

  let server: CodeServer | undefined;
  let browser: Browser | undefined;
  const cleanUp = async () => {
    await browser?.close().catch(() => undefined);
    await server?.stop().catch(() => undefined);
    browser = undefined;
    server = undefined;
  };
  const abort = () => void cleanUp().finally(() => process.exit(130));
  process.once("SIGINT", abort);
  process.once("SIGTERM", abort);
  const watchdog = setTimeout(() => {
    console.log(`\ne2e run exceeded ${budgetMs / 1000} s; stopping`);
    void cleanUp().finally(() => process.exit(1));
  }, budgetMs);

  try {
    const files = loadCaseFiles();
    const started = Date.now();
    server = await startCodeServer({
      vsixPath,
      workspaceFiles: Object.fromEntries(files.map((f) => [f.name, f.text])),
      logDir: artifactsDir,
    });
    browser = await launchBrowser();
    const workbench = new Workbench(browser.page);
    await workbench.open(server.url);
    console.log(`code-server with the Nadir VSIX ready in ${Date.now() - started} ms (${files.length} case files)\n`);
    const failed = await runScenarios(
      scenarios({ workbench, workspace: server.workspace, files, artifactsDir }),
      () => browser?.page,
      artifactsDir,
    );
    if (failed === 0 && process.env.NADIR_E2E_UPDATE_DOCS === "1") copyDocScreenshots();
    return failed === 0 ? 0 : 1;
  } finally {
    clearTimeout(watchdog);
    await cleanUp();
  }
}

/** The README's feature tour uses these; refreshed on request only, to keep the tree clean. */
function copyDocScreenshots(): void {
  fs.mkdirSync(screenshotsDocDir, { recursive: true });
  for (const name of ["problems.png", "hover.png", "timeline.png", "report-preview.png"]) {
    fs.copyFileSync(path.join(artifactsDir, name), path.join(screenshotsDocDir, name));
  }
  console.log(`screenshots copied to ${path.relative(repoRoot, screenshotsDocDir)}/`);
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    console.log("\n0 passed, 1 failed");
    process.exit(1);
  },
);
