// Structural checks registered per node type, in the manner of Langium's ValidationRegistry: each
// family (one file under families/) contributes small functions for the node types it cares
// about, and index.ts walks the tree once, calling them.
import type { AssessmentNode, BiopsyNode, CtdnaNode, DateLit, EcogNode, LesionNode, ScheduleNode } from "../syntax/ast";
import type { Episode, Patient } from "../model/types";
import type { CheckContext } from "./context";
import type { Place } from "./places";
import type { LesionBook } from "./lesionBook";

/** What is known about the patient a node belongs to. */
export interface PatientScope {
  patient: Patient;
  places: Map<AssessmentNode, Place>;
  lesions: LesionBook;
}

export interface AssessmentScope extends PatientScope {
  node: AssessmentNode;
  place: Place;
}

export interface StructuralChecks {
  Patient?: Array<(scope: PatientScope, ctx: CheckContext) => void>;
  Episode?: Array<(episode: Episode, scope: PatientScope, ctx: CheckContext) => void>;
  Assessment?: Array<(scope: AssessmentScope, ctx: CheckContext) => void>;
  Lesion?: Array<(line: LesionNode, scope: AssessmentScope, ctx: CheckContext) => void>;
  Ecog?: Array<(node: EcogNode, ctx: CheckContext) => void>;
  Ctdna?: Array<(node: CtdnaNode, ctx: CheckContext) => void>;
  Biopsy?: Array<(node: BiopsyNode, ctx: CheckContext) => void>;
  Schedule?: Array<(node: ScheduleNode, ctx: CheckContext) => void>;
  /** Every date of the file: therapy, scans, ctDNA, markers, biopsies, decisions, `as of`. */
  Date?: Array<(node: DateLit, ctx: CheckContext) => void>;
}

/** Merges the families' registrations, keeping each family's order. */
export function register(...families: StructuralChecks[]): Required<StructuralChecks> {
  const all: Required<StructuralChecks> = {
    Patient: [], Episode: [], Assessment: [], Lesion: [], Ecog: [], Ctdna: [], Biopsy: [], Schedule: [], Date: [],
  };
  for (const family of families) {
    for (const key of Object.keys(all) as Array<keyof StructuralChecks>) {
      const checks = family[key];
      if (checks) (all[key] as unknown[]).push(...checks);
    }
  }
  return all;
}
