// Colours of response categories, shared by every figure (and the extension's timeline if it
// wants them). iRECIST categories take the colour of their RECIST counterpart.
export const RESPONSE_COLOURS: Record<string, string> = {
  CR: "#1a9641",
  PR: "#a6d96a",
  SD: "#fdae61",
  "NON-CR/NON-PD": "#ffffbf",
  PD: "#d7191c",
  NE: "#969696",
};

const I_TO_RECIST: Record<string, string> = { iCR: "CR", iPR: "PR", iSD: "SD", "NON-iCR/NON-iUPD": "NON-CR/NON-PD", iUPD: "PD", iCPD: "PD", NE: "NE" };

export const NO_RESPONSE_COLOUR = "#d9d9d9";

export function responseColour(category: string | null | undefined): string {
  if (!category) return NO_RESPONSE_COLOUR;
  return RESPONSE_COLOURS[I_TO_RECIST[category] ?? category] ?? NO_RESPONSE_COLOUR;
}

/** Legend order: best to worst. */
export const RESPONSE_ORDER = ["CR", "PR", "SD", "NON-CR/NON-PD", "PD", "NE"];
