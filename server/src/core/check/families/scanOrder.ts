// scan-order (R13): follow-up scans written out of date order, and two assessments on one date.
// Scans dated before the baseline are pre-treatment scans (R12), not mistakes, wherever they stand.
import type { Assessment } from "../../model/types";
import type { PatientScope, StructuralChecks } from "../registry";
import type { CheckContext } from "../context";
import { Codes } from "../../codes";

function checkScanOrder(scope: PatientScope, ctx: CheckContext): void {
  let latest: Assessment | null = null;
  const byDay = new Map<number, Assessment>();
  for (const item of scope.patient.node.items) {
    if (item.type !== "Assessment") continue;
    const place = scope.places.get(item);
    const assessment = place?.assessment;
    if (!place || !assessment || !item.header.date) continue;
    const sameDay = byDay.get(assessment.day);
    if (sameDay) {
      ctx.report(Codes.scanOrder, item.header.date,
        `Two assessments on ${assessment.date} (the ${sameDay.kind} above and this ${assessment.kind}): merge them into one block (R13).`);
      continue;
    }
    byDay.set(assessment.day, assessment);
    if (place.kind === "pre-treatment") continue;
    if (latest && assessment.day < latest.day) {
      ctx.report(Codes.scanOrder, item.header.date,
        `This ${assessment.kind} of ${assessment.date} is written after the ${latest.kind} of ${latest.date}: keep assessments in date order (R13).`);
      continue;
    }
    latest = assessment;
  }
}

export const scanOrderChecks: StructuralChecks = {
  family: "scan order",
  Patient: [checkScanOrder],
};
