// The one shape of decision-support text (R35): the finding and its source first, then
// "Information, options to discuss with the treating team:" and the option class, then the
// guideline or approval it comes from. Never "recommend", "should", "must" or "indicated for this
// patient", never a ranking, never a dose. Every such message of the engine is built here.

export const DISCUSS = "Information, options to discuss with the treating team:";

/** Words and shapes R35 forbids in decision-support text (tests hold every message against them). */
export const FORBIDDEN_WORDS = /\b(recommend\w*|should|must|indicated for this patient)\b/i;
/** A dose: a number with a unit of amount or a dosing schedule. */
export const DOSE = /\b\d+(?:[.,]\d+)?\s*(?:mg|mcg|µg|ug|g|mg\/kg|mg\/m2|mg\/m²|IU|units?|Gy)\b|\bAUC\s*\d|\bq[1-9]w\b|\bevery\s+\d+\s+weeks\s+at\b/i;

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * `finding` (with its source: biopsy date and organ, scan, test), `option` (one option class or a
 * list, written in no order of preference) and `source` (the guideline or approval).
 */
export function decisionSupportText(finding: string, option: string, source: string): string {
  return `${capitalise(finding)}. ${DISCUSS} ${option}. Source: ${source}.`;
}
