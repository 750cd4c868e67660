// `nadir export --to dicom-sr --out DIR`: writes the TID 1500 reports of core/export/dicomSr.ts
// as <patient>_<date>.dcm files and says which lesions had nothing to write.
import * as fs from "fs";
import * as path from "path";
import type { CliIO } from "../command";
import { CliError } from "../command";
import type { LoadedCohort } from "../cohort";
import { dicomSrReports } from "../../core/export/dicomSr";
import { describeIoError } from "../files";
import { safeFileName, UniqueNames } from "../outputNames";

export function writeDicomSr(cohort: LoadedCohort, out: string | undefined, io: CliIO): number {
  if (out === undefined) throw new CliError("--to dicom-sr writes binary DICOM files: give --out DIR");
  const dir = path.resolve(io.cwd, out);
  const names = new UniqueNames();
  const written: string[] = [];
  try {
    fs.mkdirSync(dir, { recursive: true });
    for (const report of dicomSrReports(cohort.files)) {
      const name = names.take(`${safeFileName(report.patientId)}_${report.date}.dcm`);
      fs.writeFileSync(path.join(dir, name), report.bytes);
      written.push(name);
      for (const n of report.notExported) io.stderr.write(`nadir export: ${report.patientId} ${report.date}: ${n.lesionId} not written (${n.why}; a measurement group needs a size)\n`);
    }
  } catch (e) {
    throw new CliError(`cannot write into '${out}': ${describeIoError(e)}`);
  }
  io.stderr.write(`nadir export: wrote ${written.length} DICOM SR file${written.length === 1 ? "" : "s"} into ${out}\n`);
  return 0;
}
