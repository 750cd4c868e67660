// Facts about lines of therapy that several layers read.
import type { Therapy } from "./types";

/**
 * Decision 2 of the resistance rules: a line made only of radiotherapy or local treatment does not
 * end the line before it (it may run beside it); any other line is a systemic line.
 */
export function isLocalOnly(therapy: Therapy): boolean {
  return therapy.kinds.length > 0 && therapy.kinds.every((k) => k === "radiotherapy" || k === "local");
}
