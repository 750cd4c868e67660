// The settings in force for one patient: the case file's own statements win over the tool's
// settings, which win over the defaults (spec, "Meaning of the file as a whole").
import type { Day, Patient } from "../model/types";
import type { Settings } from "../settings";
import type { CriteriaId } from "../criteria/types";
import { parseDay } from "../util/dates";
import { criteriaList } from "../criteria/registry";

export interface EffectiveSettings {
  settings: Settings;
  /** The criteria read, the primary first (P3): the file's `criteria` line, else the setting. */
  criteria: CriteriaId[];
  confirmResponses: boolean;
  scheduleDays: number | null;
  /** "As of" for due and overdue: the file's `as of`, else settings.asOfDate, else today (R13). */
  asOf: Day;
}

export function effectiveSettings(patient: Patient, settings: Settings, today: Day): EffectiveSettings {
  const fromSettings = settings.asOfDate ? parseDay(settings.asOfDate) : null;
  return {
    settings,
    criteria: patient.settings.criteria ?? criteriaList(settings.criteria),
    confirmResponses: patient.settings.confirmResponses ?? settings.confirmResponses,
    scheduleDays: patient.settings.scheduleDays ?? null,
    asOf: patient.settings.asOf ?? fromSettings ?? today,
  };
}
