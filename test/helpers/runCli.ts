// Runs the CLI the way users do: `node bin/nadir.js ARGS` in a child process.
import { spawnSync } from "child_process";
import { NADIR_BIN, REPO_ROOT } from "./paths";

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface CliRunOptions {
  cwd?: string;
  /** Bytes or text written to standard input. */
  input?: string | Buffer;
}

export function runCli(args: string[], options: CliRunOptions = {}): CliRun {
  const result = spawnSync(process.execPath, [NADIR_BIN, ...args], {
    cwd: options.cwd ?? REPO_ROOT,
    input: options.input ?? "",
    encoding: "utf8",
    timeout: 20000,
    env: { ...process.env, NO_COLOR: "1" },
  });
  if (result.error) throw result.error;
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
