// `nadir report`: the structured radiology report of a scan (issue 12) as plain text for a
// dictation or reporting system, Markdown, one self-contained printable HTML page, or a FHIR R4
// Bundle with an imaging DiagnosticReport. Built from the engine's results (core/report): the
// numbers are those of `nadir assess --format json`.
import * as path from "path";
import type { Command, CliIO } from "../command";
import { CliError } from "../command";
import { loadCohort, parseCommandArgs, requireInputs } from "../cohort";
import { ASSESS_OPTIONS, assessOptionsHelp, readAssessOptions } from "../assessOptions";
import { dateFlag, oneOfFlag } from "../args";
import { buildReports, REPORT_FORMATS, ReportFormat, renderReports, ReportSelectionError, selectReports } from "../../core/report";
import { writeOutputFile } from "../files";

const USAGE = `Usage: nadir report [options] <files | directories | ->

Writes the structured radiology report of a scan: header, target lesion table (baseline, nadir,
previous, current), non-target and new lesions, sums and their changes, the response under the
patient's criteria (iRECIST: state, confirmation window, what is pending), best response,
ctDNA, markers and biopsies, hyperprogression, oligoprogression, follow-up, the resistance
classification of a line of immunotherapy with the options to discuss (on its last scan), and an
Impression.

Options:
  --patient ID                     only this patient (default: every patient of the input)
  --scan YYYY-MM-DD                the scan of that date (a baseline or a follow-up)
  --all-scans                      every baseline and follow-up scan (default: each patient's
                                   latest)
  --format text|md|html|fhir       text (default): plain, fixed-width, within 100 columns,
                                   pastes into any reporting system; md: Markdown; html: one
                                   self-contained printable page with the chart of the sum over
                                   time; fhir: an R4 Bundle with an imaging DiagnosticReport,
                                   TumorSize and disease-status Observations
  -o, --out FILE                   write to FILE (replaced whole, never half-written); default:
                                   standard output
${assessOptionsHelp(false)}  -h, --help                       show this help

A patient whose case file has errors gets a report that says, at the top and in the impression,
that it is incomplete and why (codes and lines).
Exit status: 0 written, 2 usage or I/O problem, an unknown --patient or --scan, or nothing to report.
`;

export const reportCommand: Command = {
  name: "report",
  summary: "write the structured radiology report of a scan (text, Markdown, HTML or FHIR)",
  usage: USAGE,
  async run(args: string[], io: CliIO): Promise<number> {
    const { values, positionals } = parseCommandArgs("report", args, {
      patient: { type: "string" },
      scan: { type: "string" },
      "all-scans": { type: "boolean" },
      format: { type: "string" },
      out: { type: "string", short: "o" },
      ...ASSESS_OPTIONS,
    });
    const format = oneOfFlag("--format", values.format ?? "text", REPORT_FORMATS);
    if (values.scan !== undefined) dateFlag("--scan", values.scan);
    if (values.scan !== undefined && values["all-scans"]) throw new CliError("--scan and --all-scans exclude each other");
    const options = readAssessOptions(values);
    requireInputs("report", positionals);
    const cohort = await loadCohort(positionals, io, options);
    let selected;
    try {
      selected = selectReports(cohort.files, { patient: values.patient, scan: values.scan, allScans: Boolean(values["all-scans"]) });
    } catch (e) {
      if (e instanceof ReportSelectionError) throw new CliError(e.message);
      throw e;
    }
    for (const s of selected.skipped) io.stderr.write(`nadir report: ${s.patientId} (${s.file}): ${s.why}\n`);
    if (selected.targets.length === 0) throw new CliError(cohort.files.some((f) => f.analysis.assessment.patients.length > 0) ? "nothing to report: no patient has a baseline" : "nothing to report: the input holds no patient");
    const reports = buildReports(selected.targets);
    for (const r of reports) {
      if (!r.report.completeness.complete) io.stderr.write(`nadir report: ${r.report.patientId} (${r.report.file}) is incomplete: its case file has errors (see 'nadir check'); the report says so\n`);
    }
    const output = renderReports(reports, format);
    if (values.out === undefined) {
      io.stdout.write(output);
      return 0;
    }
    writeOutputFile(path.resolve(io.cwd, values.out), output, values.out);
    return 0;
  },
};
