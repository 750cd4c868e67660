// Runs the CLI the way users do: `node bin/nadir.js ARGS` in a child process, or main() in this
// process with captured output when a test runs many commands.
import { spawnSync } from "child_process";
import { PassThrough, Writable } from "stream";
import { main } from "../../server/src/cli/main";
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

class Capture extends Writable {
  text = "";
  constructor(readonly isTTY: boolean) {
    super();
  }
  _write(chunk: Buffer, _encoding: BufferEncoding, done: () => void): void {
    this.text += chunk.toString();
    done();
  }
}

export interface InProcessOptions {
  cwd?: string;
  /** Whether standard output and error claim to be a terminal. */
  tty?: boolean;
  env?: NodeJS.ProcessEnv;
}

/** The CLI's main() in this process, with captured output (fast; no child process). */
export async function runInProcess(args: string[], options: InProcessOptions = {}): Promise<CliRun> {
  const stdout = new Capture(options.tty ?? false);
  const stderr = new Capture(options.tty ?? false);
  const code = await main(args, { stdout, stderr, stdin: new PassThrough(), env: options.env ?? {}, cwd: options.cwd ?? REPO_ROOT });
  return { code, stdout: stdout.text, stderr: stderr.text };
}
