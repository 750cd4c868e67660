// Writes a command's output file whole or not at all: to a temporary file beside it, then renamed
// over it, so an interrupted or failed write never leaves half a report or figure.
import * as fs from "fs";
import * as path from "path";
import { CliError } from "./command";
import { describeIoError } from "./files";

export function writeAtomically(file: string, text: string, shownAs: string): void {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(temp, text);
    fs.renameSync(temp, file);
  } catch (e) {
    fs.rmSync(temp, { force: true });
    throw new CliError(`cannot write '${shownAs}': ${describeIoError(e)}`);
  }
}
