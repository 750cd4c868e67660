// scan-order (R13): follow-up scans written out of date order, two assessments on one date, and a
// pre-treatment scan (dated before the baseline, R12) written after follow-up scans. Pre-treatment
// scans may otherwise stand before or after the baseline block.
import type { Assessment } from "../../model/types";
import type { PatientScope, StructuralChecks } from "../registry";
import type { CheckContext } from "../context";
import { Codes } from "../../codes";

function checkScanOrder(scope: PatientScope, ctx: CheckContext): void {
  let latest: Assessment | null = null;
  let lastFollowUp: Assessment | null = null;
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
    if (place.kind === "pre-treatment") {
      if (lastFollowUp) {
        const baseline = place.episode?.baseline;
        const before = baseline ? ` (before the baseline of ${baseline.date})` : "";
        ctx.report(Codes.scanOrder, item.header.date,
          `This pre-treatment scan of ${assessment.date}${before} is written after the follow-up scan of ${lastFollowUp.date}: write pre-treatment scans before the follow-ups, in date order (R12, R13).`);
      }
      continue;
    }
    if (latest && assessment.day < latest.day) {
      ctx.report(Codes.scanOrder, item.header.date,
        `This ${assessment.kind} of ${assessment.date} is written after the ${latest.kind} of ${latest.date}: keep assessments in date order (R13).`);
      continue;
    }
    latest = assessment;
    if (place.kind === "follow-up") lastFollowUp = assessment;
  }
}

export const scanOrderChecks: StructuralChecks = {
  family: "scan order",
  Patient: [checkScanOrder],
};
