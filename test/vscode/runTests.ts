// `npm run test:vscode`: runs the extension-host suite in a desktop VS Code.
// VSCODE_EXECUTABLE names an installed VS Code; otherwise @vscode/test-electron
// downloads one (which needs network access to the VS Code update service).
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { runTests } from "@vscode/test-electron";

async function main(): Promise<void> {
  const root = path.resolve(__dirname, "..", "..", "..");
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), "nadir-vscode-test-"));
  const examples = path.join(root, "examples");
  for (const name of fs.readdirSync(examples).filter((n) => n.endsWith(".nadir"))) {
    fs.copyFileSync(path.join(examples, name), path.join(workspace, name));
  }
  try {
    await runTests({
      vscodeExecutablePath: process.env.VSCODE_EXECUTABLE || undefined,
      extensionDevelopmentPath: root,
      extensionTestsPath: path.join(__dirname, "index.js"),
      launchArgs: [
        workspace,
        "--disable-extensions",
        "--disable-workspace-trust",
        "--skip-welcome",
        "--skip-release-notes",
        "--user-data-dir", path.join(workspace, ".user-data"),
      ],
    });
  } finally {
    fs.rmSync(workspace, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  console.error("The extension-host suite needs a desktop VS Code: set VSCODE_EXECUTABLE or allow the download.");
  process.exit(1);
});
