// `nadir plot --kind spider|waterfall|swimmer|timeline`: the cohort figures of oncology papers
// and the per-patient response timeline, as SVG.
import * as path from "path";
import type { Command, CliIO } from "../command";
import { CliError } from "../command";
import { loadCohort, parseCommandArgs, requireInputs, selectComplete } from "../cohort";
import { ASSESS_OPTIONS, assessOptionsHelp, INCLUDE_INCOMPLETE_OPTION, readAssessOptions } from "../assessOptions";
import { PLOT_KINDS, PlotKind, plot } from "../../core/plot";
import { writeOutputFile } from "../files";

const USAGE = `Usage: nadir plot --kind spider|waterfall|swimmer|timeline [options] <files | directories | ->

Draws a cohort figure as SVG (deterministic, with a title and description for screen readers).
  spider     % change of the target sum from baseline over time, one line per patient
  waterfall  best % change per patient, coloured by best response, with the -30 % and +20 % lines
  swimmer    time on therapy per patient, with response, iUPD and iCPD markers
  timeline   per patient and line of therapy, the sum of target diameters over time with the
             baseline, PR, nadir and PD thresholds (the editor's and the HTML report's chart)

Options:
  -o, --out FILE                   write the SVG to FILE; default: standard output
${assessOptionsHelp(true)}  -h, --help                       show this help

Colours are Okabe-Ito (colour-blind safe) and each response has its own marker shape; under
iRECIST the figures show the iRECIST best response (an unconfirmed iUPD is not PD). Patients
kept with --include-incomplete are drawn dashed and marked with a dagger.
Exit status: 0 drawn, 2 usage or I/O problem, or nothing to draw.
`;

export const plotCommand: Command = {
  name: "plot",
  summary: "draw a spider, waterfall, swimmer or timeline plot as SVG",
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
    const loaded = await loadCohort(positionals, io, options);
    const cohort = selectComplete(loaded, options.includeIncomplete, io, "plot");
    // selectComplete chose the patients (and said which it left out): draw every one of them.
    const result = plot(kind as PlotKind, cohort.files, { includeIncomplete: true });
    if (result.drawn === 0) {
      const leftOut = loaded.files.some((f) => f.analysis.assessment.patients.some((p) => !p.complete)) && !options.includeIncomplete;
      throw new CliError(`nothing to plot: ${leftOut ? "every patient with a baseline was left out as incomplete (--include-incomplete draws them, marked)" : result.why}`);
    }
    const svg = result.svg;
    if (values.out === undefined) {
      io.stdout.write(svg);
      return 0;
    }
    writeOutputFile(path.resolve(io.cwd, values.out), svg, values.out);
    return 0;
  },
};
