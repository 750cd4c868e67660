// as-of-before-last-scan (R13): `as of` is the date due and overdue scans are judged against; a
// date before the patient's last scan judges the schedule before data the file already holds.
import type { CheckContext } from "../context";
import type { PatientScope, StructuralChecks } from "../registry";
import { Codes } from "../../codes";
import { parseDay } from "../../util/dates";

function checkAsOf(scope: PatientScope, ctx: CheckContext): void {
  const assessments = scope.patient.assessments;
  if (assessments.length === 0) return;
  // Assessments are in date order; the last one is the latest scan (or the baseline).
  const last = assessments[assessments.length - 1];
  for (const item of scope.patient.node.items) {
    if (item.type !== "AsOf") continue;
    const day = parseDay(item.date.text);
    if (day === null || day >= last.day) continue;
    ctx.report(Codes.asOfBeforeLastScan, item.date,
      `\`as of ${item.date.text}\` is before the last ${last.kind} of this patient (${last.date}): due and overdue scans would be judged ${last.day - day} days before data the file already holds; use ${last.date} or a later date (R13).`);
  }
}

export const asOfChecks: StructuralChecks = {
  family: "as of",
  Patient: [checkAsOf],
};
