// The diagnostics of the resistance classification (R19, R22, R24, R35), on the therapy line:
// `resistance-classified`, `resistance-unclassifiable`, `resistance-confirmation-due`,
// `last-dose-missing`, `options-to-discuss`; and `resistance-confirmation-late` on the late scan.
// `none` and `not-applicable` raise none (R24).
import type { Therapy } from "../../model/types";
import type { CoreDiagnostic } from "../../diagnostics";
import type { ResistanceResult } from "../types";
import { diagnostic, dateSpan } from "../clinical";
import { optionsMessage } from "./options";

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** "exposure 182 days; disease control 182 days; best response SD; progression 2025-07-07 confirmed by the scan of 2025-08-04; on treatment". */
export function resistanceNumbers(r: ResistanceResult): string {
  const parts: string[] = [];
  if (r.exposureDays !== null) parts.push(`exposure ${r.exposureDays} days`);
  if (r.controlDays !== null) parts.push(`disease control ${r.controlDays} days`);
  if (r.bestResponse !== null) parts.push(`best response ${r.bestResponse}`);
  if (r.progressionDate !== null) {
    const by = r.confirmedBy === "clinical" ? " confirmed clinically" : r.confirmedBy ? ` confirmed by the scan of ${r.confirmedBy}` : r.definition === "SITC 2023 ICI+chemotherapy" ? " (no confirmation needed)" : "";
    parts.push(`progression ${r.progressionDate}${by}`);
    const since = sinceLastDoseText(r)!;
    parts.push(/^\d/.test(since) ? `${since} after the last dose` : since === "not measured" ? "time since the last dose not measured" : since);
  }
  return parts.join("; ");
}

/**
 * The time from the last dose to the progression in words: "on treatment", "84 days"; "not
 * measured" when the last dose is unusable (before the start); null without a progression.
 */
export function sinceLastDoseText(r: ResistanceResult): string | null {
  if (r.progressionDate === null) return null;
  if (r.exposureDays === null) return "not measured";
  return r.daysSinceLastDose === null ? "on treatment" : `${r.daysSinceLastDose} days`;
}

/** "SITC 2020 single agent, RECIST 1.1 reading". */
export function resistanceBasis(r: ResistanceResult): string {
  return `${r.definition ? `${r.definition}, ` : ""}${r.reading === "RECIST1.1" ? "RECIST 1.1" : r.reading} reading`;
}

export function resistanceDiagnostics(r: ResistanceResult, therapy: Therapy): CoreDiagnostic[] {
  const out: CoreDiagnostic[] = [];
  const at = therapy.node;
  if (therapy.kinds.includes("immunotherapy") && therapy.stopped !== null && therapy.node.to === null) {
    out.push(diagnostic("last-dose-missing", `${therapy.name} stopped (${therapy.stopped}) without the date of the last dose: add \`to DATE\` so that a progression can be placed against it (R22).`, therapy.node.stopped ?? at));
  }
  const numbers = resistanceNumbers(r);
  switch (r.class) {
    case "primary":
    case "secondary":
    case "secondary-or-late":
    case "after-discontinuation":
      out.push(diagnostic("resistance-classified", `${capitalise(r.text)} (${resistanceBasis(r)}): ${numbers}.`, at, { class: r.class }));
      break;
    case "unclassifiable": {
      const info = r.singleAgentForInformation ? ` For information, the single-agent definitions give: ${r.singleAgentForInformation.text}.` : "";
      out.push(diagnostic("resistance-unclassifiable", `Resistance ${r.text} (${resistanceBasis(r)})${numbers ? `: ${numbers}` : ""}.${info}`, at, { reason: r.reason }));
      break;
    }
    case "pending":
      out.push(diagnostic("resistance-confirmation-due", `The progression of ${r.progressionDate} under ${therapy.name} awaits confirmation for the resistance classification: a scan ${r.confirmationDue!.from} to ${r.confirmationDue!.to} (R19; ${numbers}).`, at,
        { progressionDate: r.progressionDate, windowFrom: r.confirmationDue!.from, windowTo: r.confirmationDue!.to }));
      break;
    default:
      break;
  }
  if (r.lateConfirmationScan) {
    out.push(diagnostic("resistance-confirmation-late", `This scan confirms the progression of ${r.progressionDate} under ${therapy.name} after the confirmation window; it is counted (setting resistanceLateConfirmation = accept, R19).`, dateSpan(r.lateConfirmationScan)));
  }
  if (r.options.length > 0) out.push(diagnostic("options-to-discuss", optionsMessage(r, therapy), at));
  return out;
}
