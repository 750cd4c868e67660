// Facts about lines of therapy that several layers read.
import type { Therapy } from "./types";

/**
 * Decision 2 of the resistance rules: a line made only of radiotherapy or local treatment does not
 * end the line before it (it may run beside it); any other line is a systemic line.
 */
export function isLocalOnly(therapy: Therapy): boolean {
  return therapy.kinds.length > 0 && therapy.kinds.every((k) => k === "radiotherapy" || k === "local");
}

/**
 * P2: the end of a line in words, for headers (assess table, report): "last dose 2025-07-14,
 * stopped: toxicity"; a stop without its date says the date is not recorded (R22); null for a line
 * with neither (ongoing, or written in language version 1).
 */
export function therapyEndText(therapy: Therapy): string | null {
  const parts: string[] = [];
  if (therapy.lastDoseDate !== null) parts.push(`last dose ${therapy.lastDoseDate}`);
  if (therapy.stopped !== null) parts.push(`stopped: ${therapy.stopped}${therapy.lastDoseDate === null ? " (last dose not recorded)" : ""}`);
  return parts.length > 0 ? parts.join(", ") : null;
}
