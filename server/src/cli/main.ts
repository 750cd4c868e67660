// `nadir` command-line entry: dispatches to a subcommand and turns failures into one clear line.
import { COMMANDS } from "./commands";
import { CliError, CliIO } from "./command";

import { packageVersion } from "./version";

const VERSION = packageVersion();

export async function main(argv: string[], io: CliIO = processIO()): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "--help" || name === "-h" || name === "help") {
    io.stdout.write(helpText());
    return name ? 0 : 2;
  }
  if (name === "--version" || name === "-v") {
    io.stdout.write(`${VERSION}\n`);
    return 0;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.stderr.write(`nadir: unknown command '${name}' (commands: ${COMMANDS.map((c) => c.name).join(", ")})\n`);
    return 2;
  }
  if (rest.includes("--help") || rest.includes("-h")) {
    io.stdout.write(command.usage.endsWith("\n") ? command.usage : `${command.usage}\n`);
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (e) {
    if (e instanceof CliError) {
      io.stderr.write(`nadir ${name}: ${e.message}\n`);
      return e.exitCode;
    }
    throw e;
  }
}

function helpText(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length), 4);
  const lines = COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
  return `nadir ${VERSION}: tumour-response case files (RECIST 1.1, iRECIST)\n\nUsage: nadir <command> [options]\n\nCommands:\n${lines.join("\n")}\n\nRun 'nadir <command> --help' for a command's options.\n`;
}

export function processIO(): CliIO {
  return { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env, cwd: process.cwd() };
}
