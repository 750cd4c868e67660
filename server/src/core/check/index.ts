// Structural checks of a case file (issue 2): data errors and R1 baseline eligibility. Pure: tree,
// model and text in, plain diagnostics out. Checks are registered per node type (registry.ts);
// this file only walks the tree once and calls them.
import type { AssessmentNode, DateLit, FileNode, PatientItem } from "../syntax/ast";
import type { CaseModel } from "../model/types";
import type { CoreDiagnostic } from "../diagnostics";
import { CheckContext } from "./context";
import { Codes } from "../codes";
import { placeAssessments } from "./places";
import { LesionBook } from "./lesionBook";
import { CheckRegistry, AssessmentScope, MergedChecks, PatientScope } from "./registry";
import { dateChecks } from "./families/dates";
import { valueChecks } from "./families/values";
import { lesionReferenceChecks } from "./families/lesions";
import { organChecks } from "./families/organs";
import { episodeChecks } from "./families/episodes";
import { targetEligibilityChecks } from "./families/targets";
import { scanOrderChecks } from "./families/scanOrder";
import { missingMeasurementChecks } from "./families/missingMeasurements";
import { patientIdChecks } from "./families/patientIds";
import { asOfChecks } from "./families/asOf";
import { mergeChecks } from "./families/merges";
import { therapyChecks } from "./families/therapies";
import { biopsyChecks } from "./families/biopsies";
import { criteriaChecks } from "./families/criteria";

/** Every family of structural checks; each check is guarded (an exception becomes an `internal-error`). */
export const structuralChecks = new CheckRegistry(
  dateChecks,
  valueChecks,
  lesionReferenceChecks,
  organChecks,
  episodeChecks,
  targetEligibilityChecks,
  scanOrderChecks,
  missingMeasurementChecks,
  patientIdChecks,
  asOfChecks,
  mergeChecks,
  therapyChecks,
  biopsyChecks,
  criteriaChecks,
);

/**
 * Codes whose findings on a patient compare it with the file's other patients (they sit on the
 * patient's header). Per-patient re-analysis (core/incremental) keeps them while the header and
 * the other blocks stay as they were.
 */
export const CROSS_PATIENT_CODES: ReadonlySet<string> = new Set([Codes.duplicatePatient]);

export function checkStructure(file: FileNode, model: CaseModel, text: string): CoreDiagnostic[] {
  const ctx = new CheckContext(text, file, model);
  const CHECKS = structuralChecks.checks;
  // buildModel keeps the file's patients in order, one per Patient node.
  const patients = new Map(model.patients.map((p) => [p.node, p] as const));
  for (const item of file.items) {
    if (item.type !== "Patient") continue;
    const patient = patients.get(item);
    if (!patient) continue;
    let scope: PatientScope;
    try {
      const places = placeAssessments(patient);
      scope = { patient, places, lesions: new LesionBook(patient, places) };
    } catch (error) {
      // Without its scope no check of this patient can run; the other patients are still checked.
      ctx.internalError("the structural checks of this patient (placing its assessments)", patient.idSpan, error);
      continue;
    }
    for (const check of CHECKS.Patient) check(scope, ctx);
    for (const episode of patient.episodes) for (const check of CHECKS.Episode) check(episode, scope, ctx);
    for (const statement of item.items) visitPatientItem(statement, scope, ctx, CHECKS);
  }
  return ctx.diagnostics.sort((a, b) => a.start - b.start || a.end - b.end);
}

function visitPatientItem(item: PatientItem, scope: PatientScope, ctx: CheckContext, CHECKS: MergedChecks): void {
  switch (item.type) {
    case "Assessment":
      visitAssessment(item, scope, ctx, CHECKS);
      break;
    case "Ctdna":
      visitDate(item.date, ctx, CHECKS);
      for (const check of CHECKS.Ctdna) check(item, ctx);
      break;
    case "Biopsy":
      visitDate(item.date, ctx, CHECKS);
      for (const check of CHECKS.Biopsy) check(item, ctx);
      break;
    case "BiopsyBlock":
      if (item.header.date) visitDate(item.header.date, ctx, CHECKS);
      for (const check of CHECKS.BiopsyBlock) check(item, ctx);
      break;
    case "Schedule":
      for (const check of CHECKS.Schedule) check(item, ctx);
      break;
    case "Criteria":
      for (const check of CHECKS.Criteria) check(item, ctx);
      break;
    case "Therapy":
      visitDate(item.date, ctx, CHECKS);
      if (item.to) visitDate(item.to, ctx, CHECKS);
      break;
    case "Marker":
    case "Decision":
    case "AsOf":
      visitDate(item.date, ctx, CHECKS);
      break;
    default:
      break;
  }
}

function visitAssessment(node: AssessmentNode, patientScope: PatientScope, ctx: CheckContext, CHECKS: MergedChecks): void {
  if (node.header.date) visitDate(node.header.date, ctx, CHECKS);
  const place = patientScope.places.get(node);
  if (!place) return;
  const scope: AssessmentScope = { ...patientScope, node, place };
  for (const check of CHECKS.Assessment) check(scope, ctx);
  for (const item of node.items) {
    if (item.type === "Lesion") for (const check of CHECKS.Lesion) check(item, scope, ctx);
    else if (item.type === "Ecog") for (const check of CHECKS.Ecog) check(item, ctx);
  }
}

function visitDate(node: DateLit, ctx: CheckContext, CHECKS: MergedChecks): void {
  for (const check of CHECKS.Date) check(node, ctx);
}
