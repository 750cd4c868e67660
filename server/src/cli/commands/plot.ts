// `nadir plot --kind spider|waterfall|swimmer`: the cohort figures of oncology papers, as SVG.
import * as fs from "fs";
import * as path from "path";
import type { Command, CliIO } from "../command";
import { CliError } from "../command";
import { loadCohort, parseCommandArgs, requireInputs, selectComplete } from "../cohort";
import { ASSESS_OPTIONS, assessOptionsHelp, INCLUDE_INCOMPLETE_OPTION, readAssessOptions } from "../assessOptions";
import { PLOT_KINDS, PlotKind, plotSvg } from "../../core/plot";
import { describeIoError } from "../files";

const USAGE = `Usage: nadir plot --kind spider|waterfall|swimmer [options] <files | directories | ->

Draws a cohort figure as SVG (deterministic, with a title and description for screen readers).
  spider     % change of the target sum from baseline over time, one line per patient
  waterfall  best % change per patient, coloured by best response, with the -30 % and +20 % lines
  swimmer    time on therapy per patient, with response, iUPD and iCPD markers

Options:
  -o, --out FILE                   write the SVG to FILE; default: standard output
${assessOptionsHelp(true)}  -h, --help                       show this help
`;

export const plotCommand: Command = {
  name: "plot",
  summary: "draw a spider, waterfall or swimmer plot of a cohort as SVG",
  usage: USAGE,
  async run(args: string[], io: CliIO): Promise<number> {
    const { values, positionals } = parseCommandArgs("plot", args, {
      kind: { type: "string" },
      out: { type: "string", short: "o" },
      ...ASSESS_OPTIONS,
      ...INCLUDE_INCOMPLETE_OPTION,
    });
    const kind = values.kind;
    if (kind === undefined) throw new CliError(`say which figure with --kind ${PLOT_KINDS.join("|")}`);
    if (!(PLOT_KINDS as readonly string[]).includes(kind)) throw new CliError(`unknown plot kind '${kind}' (use --kind ${PLOT_KINDS.join("|")})`);
    const options = readAssessOptions(values);
    requireInputs("plot", positionals);
    const cohort = selectComplete(await loadCohort(positionals, io, options), options.includeIncomplete, io, "plot");
    const svg = plotSvg(kind as PlotKind, cohort.files);
    if (values.out === undefined) {
      io.stdout.write(svg);
      return 0;
    }
    const file = path.resolve(io.cwd, values.out);
    try {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, svg);
    } catch (e) {
      throw new CliError(`cannot write '${values.out}': ${describeIoError(e)}`);
    }
    return 0;
  },
};
