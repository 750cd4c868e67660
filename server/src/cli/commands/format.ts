// `nadir format [--check | --write] <files>`: the language server's formatter on the command line.
import * as fs from "fs";
import type { Command, CliIO } from "../command";
import { CliError } from "../command";
import { parseCommandArgs, requireInputs } from "../cohort";
import { expandInputs, readCaseInput, describeIoError } from "../files";
import { formatText } from "../../core/format";

const USAGE = `Usage: nadir format [--check | --write] <files | directories | ->

Formats case files the way the editor does (two-space indentation, aligned lesion values;
comments kept; broken lines left as written; the meaning never changes).
  (no option)  print the formatted text to standard output
  --check      print the files that are not formatted; exit 1 if there are any
  --write      rewrite the files that are not formatted, and print their names

Options:
  -h, --help   show this help
`;

export const formatCommand: Command = {
  name: "format",
  summary: "format case files (--check lists unformatted files, --write rewrites them)",
  usage: USAGE,
  async run(args: string[], io: CliIO): Promise<number> {
    const { values, positionals } = parseCommandArgs("format", args, {
      check: { type: "boolean" },
      write: { type: "boolean" },
    });
    if (values.check && values.write) throw new CliError("use either --check or --write, not both");
    requireInputs("format", positionals);
    const inputs = expandInputs(positionals, io.cwd);
    if (values.write && inputs.some((input) => input.absolute === null)) throw new CliError("--write cannot rewrite standard input ('-')");
    let unformatted = 0;
    for (const input of inputs) {
      const text = await readCaseInput(input, io.stdin);
      const formatted = formatText(text);
      if (!values.check && !values.write) {
        io.stdout.write(formatted);
        continue;
      }
      if (formatted === text) continue;
      unformatted++;
      io.stdout.write(`${input.display}\n`);
      if (values.write) {
        try {
          fs.writeFileSync(input.absolute as string, formatted);
        } catch (e) {
          throw new CliError(`cannot write '${input.display}': ${describeIoError(e)}`);
        }
      }
    }
    if (values.check && unformatted > 0) {
      io.stderr.write(`nadir format: ${unformatted} file${unformatted === 1 ? " is" : "s are"} not formatted (run 'nadir format --write')\n`);
      return 1;
    }
    return 0;
  },
};
