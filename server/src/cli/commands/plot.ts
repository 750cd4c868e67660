// `nadir plot --kind spider|waterfall|swimmer|timeline`: the cohort figures of oncology papers
// and the per-patient response timeline, as SVG.
import * as path from "path";
import type { Command, CliIO } from "../command";
import { CliError } from "../command";
import { loadCohort, parseAsOf, parseCommandArgs, requireInputs } from "../cohort";
import { PLOT_KINDS, PlotKind, plot } from "../../core/plot";
import { reportLeftOut } from "../leftOut";
import { writeAtomically } from "../writeAtomically";

const USAGE = `Usage: nadir plot --kind spider|waterfall|swimmer|timeline [options] <files | directories | ->

Draws a cohort figure as SVG (deterministic, with a title and description for screen readers).
  spider     % change of the target sum from baseline over time, one line per patient
  waterfall  best % change per patient, coloured by best response, with the -30 % and +20 % lines
  swimmer    time on therapy per patient, with response, iUPD and iCPD markers
  timeline   per patient and line of therapy, the sum of target diameters over time with the
             baseline, PR, nadir and PD thresholds (the editor's and the HTML report's chart)

Options:
  -o, --out FILE         write the SVG to FILE; default: standard output
  --as-of YYYY-MM-DD     judge due and overdue scans against this date
  --include-incomplete   also draw patients whose case file has errors (marked with a dagger);
                         by default they are left out and named on standard error

Colours are Okabe-Ito (colour-blind safe) and each response has its own marker shape; under
iRECIST the figures show the iRECIST best response (an unconfirmed iUPD is not PD).
Exit status: 0 drawn, 2 usage or I/O problem, or nothing to draw.
  -h, --help             show this help
`;

export const plotCommand: Command = {
  name: "plot",
  summary: "draw a spider, waterfall, swimmer or timeline plot as SVG",
  usage: USAGE,
  async run(args: string[], io: CliIO): Promise<number> {
    const { values, positionals } = parseCommandArgs("plot", args, {
      kind: { type: "string" },
      out: { type: "string", short: "o" },
      "as-of": { type: "string" },
      "include-incomplete": { type: "boolean" },
    });
    const kind = values.kind;
    if (kind === undefined) throw new CliError(`say which figure with --kind ${PLOT_KINDS.join("|")}`);
    if (!(PLOT_KINDS as readonly string[]).includes(kind)) throw new CliError(`unknown plot kind '${kind}' (use --kind ${PLOT_KINDS.join("|")})`);
    const asOf = parseAsOf(values["as-of"]);
    requireInputs("plot", positionals);
    const cohort = await loadCohort(positionals, io, asOf);
    const result = plot(kind as PlotKind, cohort.files, { includeIncomplete: Boolean(values["include-incomplete"]) });
    reportLeftOut("plot", cohort.files, result.leftOut, io);
    if (result.drawn === 0) throw new CliError(`nothing to plot: ${result.why}`);
    const svg = result.svg;
    if (values.out === undefined) {
      io.stdout.write(svg);
      return 0;
    }
    writeAtomically(path.resolve(io.cwd, values.out), svg, values.out);
    return 0;
  },
};
