// duplicate-patient: a patient id names one patient. Two `patient` blocks with one id in a file
// are an error on the later block's id (which of the two holds the patient's data is unknown, so
// that block's results are incomplete); across the files of one `nadir check` run the same id is a
// warning on each later file's first block with it (crossFileDuplicatePatients, called by the CLI).
import type { Patient } from "../../model/types";
import type { CoreDiagnostic } from "../../diagnostics";
import type { CheckContext } from "../context";
import type { PatientScope, StructuralChecks } from "../registry";
import { Codes, CodeTable } from "../../codes";
import { LineIndex } from "../../text/lineIndex";

/** The first patient of each id in a file, computed once per check run. */
const firstById = new WeakMap<CheckContext, Map<string, Patient>>();

function firstPatients(ctx: CheckContext): Map<string, Patient> {
  let map = firstById.get(ctx);
  if (!map) {
    map = new Map();
    for (const p of ctx.model.patients) if (p.id !== "" && !map.has(p.id)) map.set(p.id, p);
    firstById.set(ctx, map);
  }
  return map;
}

function checkDuplicatePatient(scope: PatientScope, ctx: CheckContext): void {
  const { patient } = scope;
  if (patient.id === "") return;
  const first = firstPatients(ctx).get(patient.id);
  if (!first || first === patient) return;
  const line = ctx.text.slice(0, first.idSpan.start).split(/\r\n|\r|\n/).length;
  ctx.report(Codes.duplicatePatient, patient.idSpan,
    `Patient ${patient.id} is already in this file (line ${line}): one patient, one block; merge the two blocks or give this patient its own id.`);
}

export const patientIdChecks: StructuralChecks = {
  family: "patient ids",
  Patient: [checkDuplicatePatient],
};

/** The id and id range of each patient of a checked file. */
export interface PatientIdAt {
  id: string;
  start: number;
  end: number;
}

export interface FilePatients {
  path: string;
  text: string;
  patients: PatientIdAt[];
}

/**
 * duplicate-patient across files (a warning): for each file, in input order, the first block of
 * an id that an earlier file already holds. Returns the diagnostics per file index.
 */
export function crossFileDuplicatePatients(files: FilePatients[]): Map<number, CoreDiagnostic[]> {
  const seen = new Map<string, { path: string; line: number }>();
  const out = new Map<number, CoreDiagnostic[]>();
  files.forEach((file, fileIndex) => {
    const index = new LineIndex(file.text);
    const inThisFile = new Set<string>();
    for (const p of file.patients) {
      if (p.id === "" || inThisFile.has(p.id)) continue;
      inThisFile.add(p.id);
      const earlier = seen.get(p.id);
      if (!earlier) {
        seen.set(p.id, { path: file.path, line: index.positionAt(p.start).line + 1 });
        continue;
      }
      const diagnostic: CoreDiagnostic = {
        code: Codes.duplicatePatient,
        severity: "warning",
        message: `Patient ${p.id} is also in ${earlier.path} (line ${earlier.line}): the files checked together hold two records of one patient id; keep one, or give each patient its own id.`,
        start: p.start,
        end: p.end,
      };
      const rules = CodeTable[Codes.duplicatePatient].rules;
      if (rules.length > 0) diagnostic.rules = rules;
      out.set(fileIndex, [...(out.get(fileIndex) ?? []), diagnostic]);
    }
  });
  return out;
}
