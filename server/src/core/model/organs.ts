// The known organs of the spec. `node` makes a lesion nodal (R1, R2, R3, R5) and all nodes count
// as one organ.
export const KNOWN_ORGANS = [
  "adrenal", "bladder", "bone", "brain", "breast", "colon", "esophagus", "kidney", "liver", "lung",
  "mediastinum", "muscle", "node", "ovary", "pancreas", "peritoneum", "pleura", "prostate",
  "rectum", "skin", "soft-tissue", "spleen", "stomach", "thyroid", "uterus", "other",
] as const;

export const NODAL_ORGAN = "node";

export function isKnownOrgan(organ: string): boolean {
  return (KNOWN_ORGANS as readonly string[]).includes(organ);
}

export type KnownOrgan = (typeof KNOWN_ORGANS)[number];

/**
 * The CDISC controlled term (LOC codelist, "Anatomical Location") of every known organ, for the
 * TULOC of the CDISC export. `other` names no location, so its lesions export no TULOC; an organ
 * outside the list has no term at all and is never exported as a location.
 */
export const CDISC_LOCATION: Readonly<Record<KnownOrgan, string | null>> = {
  adrenal: "ADRENAL GLAND",
  bladder: "URINARY BLADDER",
  bone: "BONE",
  brain: "BRAIN",
  breast: "BREAST",
  colon: "COLON",
  esophagus: "ESOPHAGUS",
  kidney: "KIDNEY",
  liver: "LIVER",
  lung: "LUNG",
  mediastinum: "MEDIASTINUM",
  muscle: "SKELETAL MUSCLE TISSUE",
  node: "LYMPH NODE",
  ovary: "OVARY",
  pancreas: "PANCREAS",
  peritoneum: "PERITONEUM",
  pleura: "PLEURA",
  prostate: "PROSTATE GLAND",
  rectum: "RECTUM",
  skin: "SKIN",
  "soft-tissue": "SOFT TISSUE",
  spleen: "SPLEEN",
  stomach: "STOMACH",
  thyroid: "THYROID GLAND",
  uterus: "UTERUS",
  other: null,
};

/** Other spellings of the LOC terms found in trial data, read back by the SDTM importer. */
const OTHER_LOCATION_SPELLINGS: Partial<Record<KnownOrgan, string[]>> = {
  adrenal: ["ADRENAL"],
  bladder: ["BLADDER"],
  esophagus: ["OESOPHAGUS"],
  muscle: ["SKELETAL MUSCLE", "MUSCLE"],
  node: ["NODE"],
  prostate: ["PROSTATE"],
  thyroid: ["THYROID"],
  other: ["OTHER"],
};

/**
 * Organ words <-> CDISC SDTM anatomical location terms (TULOC, codelist LOC), used by the SDTM
 * importer (core/import/sdtm.ts) to read TULOC back into organs: the export's term first
 * (CDISC_LOCATION), then other spellings found in trial data.
 */
export const ORGAN_SDTM_LOCATION_TERMS: Record<string, string[]> = Object.fromEntries(
  KNOWN_ORGANS.map((organ) => [organ, [...(CDISC_LOCATION[organ] ? [CDISC_LOCATION[organ] as string] : []), ...(OTHER_LOCATION_SPELLINGS[organ] ?? [])]]),
);

/** The organ word of a TULOC term (case and spacing ignored), or null when it names no known organ. */
export function organOfSdtmLocation(term: string): string | null {
  const wanted = term.trim().toUpperCase().replace(/[\s_-]+/g, " ");
  for (const [organ, terms] of Object.entries(ORGAN_SDTM_LOCATION_TERMS)) if (terms.includes(wanted)) return organ;
  return null;
}
