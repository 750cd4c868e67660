// `nadir deidentify <files> --out DIR`: de-identified copies of case files for research
// (rebuilt from the syntax tree through an allow-list; see core/deidentify).
import * as fs from "fs";
import * as path from "path";
import { createHash, randomBytes } from "crypto";
import type { Command, CliIO } from "../command";
import { CliError } from "../command";
import { parseCommandArgs, requireInputs } from "../cohort";
import { expandInputs, readCaseInput, describeIoError, writeFileAtomic } from "../files";
import { deidentify, KeepClasses } from "../../core/deidentify";
import { LineIndex } from "../../core/text/lineIndex";
import { UniqueNames } from "../outputNames";

const USAGE = `Usage: nadir deidentify [options] --out DIR <files | directories | ->

Writes de-identified copies of case files into DIR. Each copy is rebuilt from the syntax tree,
keeping only what is known to be safe (an allow-list):
  - the language's keywords, numbers and the values of lesions;
  - each patient id becomes a pseudonym (the same id gets the same pseudonym in every file);
  - every date of a patient moves by one offset (30 to 730 days, either way), so every interval
    and hence every assessment stays the same;
  - lesion ids of the T1 / N1 / NT1 / NL1 shape stay; others become that shape for their kind;
  - known organs, and therapy names, tumour markers and units of the built-in lists, stay.
Everything else is replaced: strings (descriptions, notes, decisions, biopsy findings) by
"[removed]" (lesion descriptions and notes are dropped), other therapy names by THERAPY-1,
THERAPY-2, ..., other organs by other-a, other-b, ..., other marker names by MARKER-1, ...,
other units by UNIT. Comments are always removed. A line that does not parse is written as a
placeholder line (its text is never copied; standard error names it). The lists and every
placeholder: docs/deidentify.md.
A file with one patient is named after its pseudonym; other files get a neutral name.
Files with invalid dates are not written (fix them first: 'nadir check').
Files without an 'as of' line are judged against today: add one to keep 'overdue' identical.

Options:
  -o, --out DIR          directory for the copies (created if needed; required)
  --seed N               key for pseudonyms and offsets, a whole number: the same seed gives
                         the same output (default: a new random key each run; keep it secret)
  --keep-text            keep strings: descriptions, notes, decisions, biopsy findings and
                         labels, quoted cancer types
  --keep-therapy-names   keep therapy names outside the built-in list, and quoted ones
  --keep-organs          keep organ words outside the language's list
  --keep-markers         keep marker names and units, and biopsy genes, variant changes and
                         PD-L1 assays, outside the built-in lists
  --keep-lesion-ids      keep lesion ids that are not of the T1 / N1 / NT1 / NL1 shape
  With any of the keep flags, check the kept words yourself for names, dates and numbers.
  -h, --help             show this help
`;

const KEEP_FLAGS = {
  "keep-text": "text",
  "keep-therapy-names": "therapyNames",
  "keep-organs": "organs",
  "keep-markers": "markers",
  "keep-lesion-ids": "lesionIds",
} as const satisfies Record<string, keyof KeepClasses>;

export const deidentifyCommand: Command = {
  name: "deidentify",
  summary: "write de-identified copies of case files (allow-list: pseudonyms, shifted dates, no free text)",
  usage: USAGE,
  async run(args: string[], io: CliIO): Promise<number> {
    const { values, positionals } = parseCommandArgs("deidentify", args, {
      out: { type: "string", short: "o" },
      seed: { type: "string" },
      "keep-text": { type: "boolean" },
      "keep-therapy-names": { type: "boolean" },
      "keep-organs": { type: "boolean" },
      "keep-markers": { type: "boolean" },
      "keep-lesion-ids": { type: "boolean" },
    });
    if (values.out === undefined) throw new CliError("say where the copies go with --out DIR");
    if (values.seed !== undefined && !/^\d+$/.test(values.seed)) {
      throw new CliError(`--seed expects a whole number (the secret key of pseudonyms and date shifts, e.g. 20 digits), got '${values.seed}'`);
    }
    requireInputs("deidentify", positionals);
    const seed = values.seed ?? randomBytes(32).toString("hex");
    const keep: Partial<KeepClasses> = {};
    for (const [flag, key] of Object.entries(KEEP_FLAGS)) if (values[flag as keyof typeof KEEP_FLAGS] === true) keep[key] = true;
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
      const result = deidentify(text, { seed, keep });
      const index = new LineIndex(text);
      if (!result.ok) {
        failed++;
        for (const p of result.problems) {
          const at = index.positionAt(p.start);
          io.stderr.write(`${input.display}:${at.line + 1}:${at.character + 1} error ${p.message}\n`);
        }
        io.stderr.write(`nadir deidentify: ${input.display} not written\n`);
        continue;
      }
      const stem = result.patients.length === 1 ? result.patients[0].pseudonym : `case-${neutralName(seed, input.display)}`;
      const name = names.take(`${stem}.nadir`);
      try {
        fs.mkdirSync(outDir, { recursive: true });
        writeFileAtomic(path.join(outDir, name), result.text);
      } catch (e) {
        throw new CliError(`cannot write into '${values.out}': ${describeIoError(e)}`);
      }
      written.push(name);
      if (result.brokenLines.length > 0) {
        const lines = result.brokenLines.map((offset) => index.positionAt(offset).line + 1);
        io.stderr.write(`nadir deidentify: ${input.display}: line${lines.length === 1 ? "" : "s"} ${lines.join(", ")} did not parse; ` +
          `written to ${name} as placeholder line${lines.length === 1 ? "" : "s"} (the text is not copied)\n`);
      }
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
