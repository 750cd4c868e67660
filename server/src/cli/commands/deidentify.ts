// `nadir deidentify <files> --out DIR`: de-identified copies of case files for research
// (pseudonyms, shifted dates, free text removed; see core/deidentify).
import * as fs from "fs";
import * as path from "path";
import { createHash, randomBytes } from "crypto";
import type { Command, CliIO } from "../command";
import { CliError } from "../command";
import { parseCommandArgs, requireInputs } from "../cohort";
import { expandInputs, readCaseInput, describeIoError } from "../files";
import { deidentify } from "../../core/deidentify";
import { LineIndex } from "../../core/text/lineIndex";
import { formatTextLine } from "../output/text";
import { UniqueNames } from "../outputNames";

const USAGE = `Usage: nadir deidentify [options] --out DIR <files | directories | ->

Writes de-identified copies of case files into DIR:
  - each patient id becomes a pseudonym (the same id gets the same pseudonym in every file);
  - every date of a patient moves by one offset (30 to 730 days, either way), so every interval
    and hence every assessment stays the same;
  - free text (comments, notes, lesion descriptions, decisions, biopsy findings) is removed.
A file with one patient is named after its pseudonym; other files get a neutral name.
Files with syntax errors or invalid dates are not written (fix them first: 'nadir check').
Files without an 'as of' line are judged against today: add one to keep 'overdue' identical.

Options:
  -o, --out DIR      directory for the copies (created if needed; required)
  --seed N           key for pseudonyms and offsets, a whole number: the same seed gives the
                     same output (default: a new random key each run; keep the seed secret)
  --keep-text        keep the free text (check it yourself for names and dates)
  -h, --help         show this help
`;

export const deidentifyCommand: Command = {
  name: "deidentify",
  summary: "write de-identified copies of case files (pseudonyms, shifted dates, no free text)",
  usage: USAGE,
  async run(args: string[], io: CliIO): Promise<number> {
    const { values, positionals } = parseCommandArgs("deidentify", args, {
      out: { type: "string", short: "o" },
      seed: { type: "string" },
      "keep-text": { type: "boolean" },
    });
    if (values.out === undefined) throw new CliError("say where the copies go with --out DIR");
    if (values.seed !== undefined && !/^\d+$/.test(values.seed)) {
      throw new CliError(`--seed expects a whole number (the secret key of pseudonyms and date shifts, e.g. 20 digits), got '${values.seed}'`);
    }
    requireInputs("deidentify", positionals);
    const seed = values.seed ?? randomBytes(32).toString("hex");
    const keepText = values["keep-text"] === true;
    const outDir = path.resolve(io.cwd, values.out);
    const inputs = expandInputs(positionals, io.cwd);
    if (inputs.some((input) => input.absolute !== null && path.dirname(input.absolute) === outDir)) {
      throw new CliError(`--out '${values.out}' holds input files; choose a separate directory so that originals are never overwritten`);
    }
    const names = new UniqueNames();
    const written: string[] = [];
    let failed = 0;
    for (const input of inputs) {
      const text = await readCaseInput(input, io.stdin);
      const result = deidentify(text, { seed, keepText });
      if (!result.ok) {
        failed++;
        const index = new LineIndex(text);
        for (const d of result.problems) io.stderr.write(`${formatTextLine(input.display, index, d)}\n`);
        io.stderr.write(`nadir deidentify: ${input.display} not written: fix its errors first\n`);
        continue;
      }
      const stem = result.patients.length === 1 ? result.patients[0].pseudonym : `case-${neutralName(seed, input.display)}`;
      const name = names.take(`${stem}.nadir`);
      try {
        fs.mkdirSync(outDir, { recursive: true });
        fs.writeFileSync(path.join(outDir, name), result.text);
      } catch (e) {
        throw new CliError(`cannot write into '${values.out}': ${describeIoError(e)}`);
      }
      written.push(name);
    }
    io.stderr.write(`nadir deidentify: wrote ${written.length} file${written.length === 1 ? "" : "s"} into ${values.out}` +
      (values.seed === undefined ? " (random key: run again with --seed to reproduce)" : "") + "\n");
    return failed > 0 ? 1 : 0;
  },
};

/** A file name that says nothing about the original name. */
function neutralName(seed: string, display: string): string {
  return createHash("sha256").update(`${seed}\u0000${display}`).digest("hex").slice(0, 10);
}
