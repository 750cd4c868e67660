// Colours of response categories, shared by every figure (and the extension's timeline if it
// wants them). iRECIST categories take the colour of their RECIST counterpart.
import { recistCategory } from "../export/cohort";

export const RESPONSE_COLOURS: Record<string, string> = {
  CR: "#1a9641",
  PR: "#a6d96a",
  SD: "#fdae61",
  "NON-CR/NON-PD": "#ffffbf",
  PD: "#d7191c",
  NE: "#969696",
};

export const NO_RESPONSE_COLOUR = "#d9d9d9";

export function responseColour(category: string | null | undefined): string {
  if (!category) return NO_RESPONSE_COLOUR;
  return RESPONSE_COLOURS[recistCategory(category)] ?? NO_RESPONSE_COLOUR;
}

/** Legend order: best to worst. */
export const RESPONSE_ORDER = ["CR", "PR", "SD", "NON-CR/NON-PD", "PD", "NE"];
