// Colours and marker shapes of response categories, shared by every figure and the report chart.
// The colours are Okabe & Ito's colour-blind-safe palette (Okabe M, Ito K. Color Universal
// Design, 2008); every category also has its own marker shape, so the figures read in greyscale
// and for every kind of colour vision. Each criteria's own category is shown (iBOR under
// iRECIST): an unconfirmed iUPD is not drawn as PD.

export const OKABE_ITO = {
  black: "#000000",
  orange: "#E69F00",
  skyBlue: "#56B4E9",
  bluishGreen: "#009E73",
  yellow: "#F0E442",
  blue: "#0072B2",
  vermillion: "#D55E00",
  reddishPurple: "#CC79A7",
  grey: "#999999",
} as const;

export type MarkerShape = "circle" | "square" | "diamond" | "triangle" | "triangle-down" | "cross" | "plus" | "ring" | "arrow";

export interface ResponseGroup {
  /** Legend key, best to worst. */
  key: string;
  /** The categories of RECIST 1.1 and iRECIST drawn alike. */
  categories: string[];
  colour: string;
  shape: MarkerShape;
}

/** Legend order: best to worst; iUPD (unconfirmed) sits between stable and confirmed progression. */
export const RESPONSE_GROUPS: ResponseGroup[] = [
  { key: "CR", categories: ["CR", "iCR"], colour: OKABE_ITO.bluishGreen, shape: "circle" },
  { key: "PR", categories: ["PR", "iPR"], colour: OKABE_ITO.skyBlue, shape: "square" },
  { key: "SD", categories: ["SD", "iSD"], colour: OKABE_ITO.orange, shape: "diamond" },
  { key: "NON-CR/NON-PD", categories: ["NON-CR/NON-PD", "NON-iCR/NON-iUPD"], colour: OKABE_ITO.yellow, shape: "triangle-down" },
  { key: "iUPD", categories: ["iUPD"], colour: OKABE_ITO.reddishPurple, shape: "triangle" },
  { key: "PD", categories: ["PD", "iCPD"], colour: OKABE_ITO.vermillion, shape: "cross" },
  { key: "NE", categories: ["NE"], colour: OKABE_ITO.grey, shape: "plus" },
];

/** An episode without any best response yet (no evaluable follow-up). */
export const NO_RESPONSE_GROUP: ResponseGroup = { key: "none", categories: [], colour: "#DDDDDD", shape: "ring" };

export function responseGroup(category: string | null | undefined): ResponseGroup {
  if (!category) return NO_RESPONSE_GROUP;
  return RESPONSE_GROUPS.find((g) => g.categories.includes(category)) ?? NO_RESPONSE_GROUP;
}

export function responseColour(category: string | null | undefined): string {
  return responseGroup(category).colour;
}

/** The legend entries for the categories present, best to worst, each named by the categories seen ("PR / iPR"). */
export function usedGroups(categories: Array<string | null | undefined>): Array<ResponseGroup & { label: string }> {
  const seen = new Set(categories.map((c) => c ?? ""));
  const out: Array<ResponseGroup & { label: string }> = [];
  for (const g of [...RESPONSE_GROUPS, NO_RESPONSE_GROUP]) {
    const names = g === NO_RESPONSE_GROUP ? (seen.has("") || [...seen].some((c) => c !== "" && responseGroup(c) === NO_RESPONSE_GROUP) ? ["no response yet"] : [])
      : g.categories.filter((c) => seen.has(c));
    if (names.length > 0) out.push({ ...g, label: names.join(" / ") });
  }
  return out;
}
