// Runs a private code-server (a real VS Code workbench) with its own profile,
// extensions folder and workspace, bound to the loopback interface.
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { codeServerEntry, node24 } from "./paths";
import { freePort, startLogged, Started, stopGroup, waitForOutput } from "./processes";

export interface CodeServer {
  url: string;
  workspace: string;
  stop(): Promise<void>;
}

const userSettings = {
  "workbench.startupEditor": "none",
  "workbench.tips.enabled": false,
  "workbench.enableExperiments": false,
  "telemetry.telemetryLevel": "off",
  "update.mode": "none",
  "extensions.autoUpdate": false,
  "extensions.autoCheckUpdates": false,
  "extensions.ignoreRecommendations": true,
  "security.workspace.trust.enabled": false,
  "git.enabled": false,
  "files.autoSave": "off",
  "editor.hover.delay": 200,
  "editor.minimap.enabled": false,
  "editor.stickyScroll.enabled": false,
  "workbench.secondarySideBar.defaultVisibility": "hidden",
  "workbench.layoutControl.enabled": false,
  "workbench.colorTheme": "Default Light Modern",
  "window.commandCenter": false,
  "chat.disableAIFeatures": true,
  "nadir.diagnostics.debounceMs": 50,
};

export async function startCodeServer(options: {
  vsixPath?: string;
  workspaceFiles: Record<string, string>;
  logDir: string;
}): Promise<CodeServer> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "nadir-e2e-code-server-"));
  const dirs = {
    userData: path.join(root, "user-data"),
    extensions: path.join(root, "extensions"),
    workspace: path.join(root, "workspace"),
    xdg: path.join(root, "xdg"),
  };
  for (const dir of Object.values(dirs)) fs.mkdirSync(dir, { recursive: true });
  fs.mkdirSync(path.join(dirs.userData, "User"), { recursive: true });
  fs.writeFileSync(path.join(dirs.userData, "User", "settings.json"), JSON.stringify(userSettings, null, 2));
  for (const [name, text] of Object.entries(options.workspaceFiles)) {
    fs.writeFileSync(path.join(dirs.workspace, name), text);
  }

  // XDG_* keep code-server's config and state out of the user's home; an
  // empty EXTENSIONS_GALLERY turns the marketplace off, so nothing is fetched.
  const env = {
    ...process.env,
    EXTENSIONS_GALLERY: "{}",
    XDG_CONFIG_HOME: path.join(dirs.xdg, "config"),
    XDG_DATA_HOME: path.join(dirs.xdg, "data"),
    XDG_CACHE_HOME: path.join(dirs.xdg, "cache"),
    PATH: `${path.dirname(node24)}:${process.env.PATH ?? ""}`,
  };
  const common = ["--user-data-dir", dirs.userData, "--extensions-dir", dirs.extensions, "--disable-telemetry"];
  if (options.vsixPath) {
    execFileSync(node24, [codeServerEntry, ...common, "--install-extension", options.vsixPath], {
      env, stdio: "pipe", timeout: 120_000,
    });
  }

  const port = await freePort();
  const started: Started = startLogged(node24, [
    codeServerEntry, ...common,
    "--bind-addr", `127.0.0.1:${port}`,
    "--auth", "none",
    "--disable-update-check",
    "--disable-workspace-trust",
    "--disable-getting-started-override",
    "--ignore-last-opened",
    dirs.workspace,
  ], { env }, path.join(options.logDir, "code-server.log"));
  await waitForOutput(started, /HTTP server listening on/, 60_000);

  return {
    url: `http://127.0.0.1:${port}/?folder=${encodeURIComponent(dirs.workspace)}`,
    workspace: dirs.workspace,
    async stop() {
      await stopGroup(started);
      fs.rmSync(root, { recursive: true, force: true });
    },
  };
}
