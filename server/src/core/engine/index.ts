// Entry point of the response-assessment engine (R1-R16). Pure: model in, plain data out.
import type { CaseModel, Day } from "../model/types";
import type { Settings } from "../settings";
import type { CaseAssessment } from "./types";

export interface AssessOptions {
  /** "Today" for due/overdue when neither the file nor the settings give an as-of date. */
  today: Day;
}

export function assessCase(model: CaseModel, settings: Settings, options: AssessOptions): CaseAssessment {
  void model; void settings; void options;
  return { patients: [], diagnostics: [] };
}
