// How a radiology report words Nadir's results: response categories in full, numbers in mm with
// one decimal at most (engine/format.ts, util/numbers.ts: the one rounding), and signed percents.
// Decision-support text follows R35: information and options, never advice.
import { formatMm } from "../util/numbers";
import { signedPct } from "../engine/format";
import { resolveCriteriaName } from "../criteria/registry";

export const RESPONSE_WORDS: Record<string, string> = {
  CR: "Complete response",
  PR: "Partial response",
  SD: "Stable disease",
  "NON-CR/NON-PD": "Non-CR/non-PD",
  PD: "Progressive disease",
  NE: "Not evaluable",
  iCR: "Complete response",
  iPR: "Partial response",
  iSD: "Stable disease",
  "NON-iCR/NON-iUPD": "Non-iCR/non-iUPD",
  iUPD: "Unconfirmed progression",
  iCPD: "Confirmed progression",
  irCR: "Complete response",
  irPR: "Partial response",
  irSD: "Stable disease",
  "NON-irCR/NON-irPD": "Non-irCR/non-irPD",
  irPD: "Progressive disease",
};

/** "Partial response (RECIST 1.1)", "Unconfirmed progression (iUPD, iRECIST)". */
export function responsePhrase(category: string | null | undefined, criteria: string): string {
  if (!category) return "None yet";
  const words = responseWords(category);
  const label = criteriaLabel(criteria);
  return category.startsWith("i") || category.includes("-i") ? `${words} (${category}, ${label})` : `${words} (${label})`;
}

export function responseWords(category: string | null | undefined): string {
  if (!category) return "none yet";
  return RESPONSE_WORDS[category] ?? category;
}

/** "RECIST 1.1", "iRECIST", "irRC" ...: the criteria registry's label. */
export function criteriaLabel(criteria: string): string {
  return resolveCriteriaName(criteria)?.label ?? "RECIST 1.1";
}

/** A JSON mm value (one decimal) as text, through the engine's integer tenths: "44", "42.5". */
export function mmText(mm: number): string {
  return formatMm(Math.round(mm * 10));
}

/** "+6 mm", "-10.5 mm". */
export function signedMmText(mm: number): string {
  const t = Math.round(mm * 10);
  return `${t > 0 ? "+" : ""}${formatMm(t)} mm`;
}

/** "-42.9 %" (one decimal, as the JSON). */
export function pctText(pct: number): string {
  return signedPct(pct);
}

export function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}
