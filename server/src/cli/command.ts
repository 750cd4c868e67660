// The shape of one `nadir` subcommand. Each lives in cli/commands/<name>.ts and is listed in
// cli/commands/index.ts; main.ts only dispatches.

export interface CliIO {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  stdin: NodeJS.ReadableStream;
  env: NodeJS.ProcessEnv;
  cwd: string;
}

export interface Command {
  name: string;
  /** One line for `nadir --help`. */
  summary: string;
  /** Full usage text for `nadir <name> --help`. */
  usage: string;
  /** Resolves to the exit code: 0 clean, 1 findings, 2 usage or I/O problems. */
  run(args: string[], io: CliIO): Promise<number>;
}

/** A usage or I/O problem: printed as one line `nadir: message`, exit code 2. */
export class CliError extends Error {
  constructor(message: string, readonly exitCode = 2) {
    super(message);
  }
}
