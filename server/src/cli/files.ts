// Case-file inputs of the CLI: expands files, directories (recursively, `*.nadir`, sorted) and
// `-` (standard input), and reads them as strict UTF-8. Every problem is a CliError (exit 2) that
// names the path.
import * as fs from "fs";
import * as path from "path";
import { CliError } from "./command";

export const STDIN_NAME = "<stdin>";

export interface CaseInput {
  /** The path as the user should see it: as given, or relative to the directory given. */
  display: string;
  /** Absolute path, or null for standard input. */
  absolute: string | null;
}

const EXTENSION = ".nadir";
const SKIPPED_DIRECTORIES = new Set(["node_modules"]);

export function expandInputs(args: string[], cwd: string): CaseInput[] {
  const inputs: CaseInput[] = [];
  for (const arg of args) {
    if (arg === "-") {
      inputs.push({ display: STDIN_NAME, absolute: null });
      continue;
    }
    const absolute = path.resolve(cwd, arg);
    const stat = statOrThrow(arg, absolute);
    if (stat.isDirectory()) {
      const found = findCaseFiles(absolute);
      if (found.length === 0) throw new CliError(`no *.nadir files in directory '${arg}'`);
      for (const file of found) inputs.push({ display: joinDisplay(arg, path.relative(absolute, file)), absolute: file });
    } else if (!stat.isFile()) {
      // A FIFO or device would block or never end; standard input is read with `-`.
      throw new CliError(`cannot read '${arg}': not a regular file (use '-' to read standard input)`);
    } else {
      inputs.push({ display: arg, absolute });
    }
  }
  return inputs;
}

function statOrThrow(arg: string, absolute: string): fs.Stats {
  try {
    return fs.statSync(absolute);
  } catch (e) {
    throw new CliError(`cannot read '${arg}': ${describeIoError(e)}`);
  }
}

function joinDisplay(dir: string, relative: string): string {
  const joined = path.join(dir, relative);
  return joined.split(path.sep).join("/");
}

/** Every `*.nadir` below a directory, sorted byte-wise by their `/`-separated relative paths. */
export function findCaseFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (current: string) => {
    for (const entry of fs.readdirSync(current, { withFileTypes: true })) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) {
        if (!entry.name.startsWith(".") && !SKIPPED_DIRECTORIES.has(entry.name)) walk(full);
      } else if (entry.isFile() && entry.name.endsWith(EXTENSION)) {
        out.push(full);
      }
    }
  };
  walk(dir);
  const key = (file: string) => path.relative(dir, file).split(path.sep).join("/");
  return out.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

/** Decodes UTF-8 strictly and drops a leading byte-order mark, so offsets match editors. */
export function decodeCaseText(bytes: Uint8Array, display: string): string {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new CliError(`'${display}' is not valid UTF-8 text (save it as UTF-8)`);
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

export async function readCaseInput(input: CaseInput, stdin: NodeJS.ReadableStream): Promise<string> {
  if (input.absolute === null) return decodeCaseText(await readAll(stdin), input.display);
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(input.absolute);
  } catch (e) {
    throw new CliError(`cannot read '${input.display}': ${describeIoError(e)}`);
  }
  return decodeCaseText(bytes, input.display);
}

async function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks);
}

export function describeIoError(e: unknown): string {
  const code = (e as NodeJS.ErrnoException)?.code;
  switch (code) {
    case "ENOENT": return "no such file or directory";
    case "EACCES":
    case "EPERM": return "permission denied";
    case "EISDIR": return "is a directory";
    case "ENOTDIR": return "a part of the path is not a directory";
    case "ELOOP": return "too many symbolic links";
    default: return (e as Error)?.message ?? String(e);
  }
}

/** Writes a whole file or nothing: a temporary file next to it, then a rename. */
/** A command's output file, written whole or not at all (its folder made if needed); a failure is a usage/I-O error naming `shownAs`. */
export function writeOutputFile(file: string, text: string, shownAs: string): void {
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    writeFileAtomic(file, text);
  } catch (e) {
    throw new CliError(`cannot write '${shownAs}': ${describeIoError(e)}`);
  }
}

export function writeFileAtomic(file: string, text: string): void {
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    fs.writeFileSync(temporary, text);
    fs.renameSync(temporary, file);
  } finally {
    fs.rmSync(temporary, { force: true });
  }
}
