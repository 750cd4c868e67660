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

/**
 * Organ words <-> CDISC SDTM anatomical location terms (TULOC, codelist LOC), used by the SDTM
 * importer (core/import/sdtm.ts) to read TULOC back into organs. The first term of each organ is
 * the preferred CDISC term; the others are spellings found in trial data (and the organ word
 * itself, upper-cased with spaces, as Nadir's CDISC export wrote it).
 */
export const ORGAN_SDTM_LOCATION_TERMS: Record<string, string[]> = {
  adrenal: ["ADRENAL GLAND", "ADRENAL"],
  bladder: ["URINARY BLADDER", "BLADDER"],
  bone: ["BONE"],
  brain: ["BRAIN"],
  breast: ["BREAST"],
  colon: ["COLON"],
  esophagus: ["ESOPHAGUS", "OESOPHAGUS"],
  kidney: ["KIDNEY"],
  liver: ["LIVER"],
  lung: ["LUNG"],
  mediastinum: ["MEDIASTINUM"],
  muscle: ["SKELETAL MUSCLE TISSUE", "SKELETAL MUSCLE", "MUSCLE"],
  node: ["LYMPH NODE", "NODE"],
  ovary: ["OVARY"],
  pancreas: ["PANCREAS"],
  peritoneum: ["PERITONEUM"],
  pleura: ["PLEURA"],
  prostate: ["PROSTATE GLAND", "PROSTATE"],
  rectum: ["RECTUM"],
  skin: ["SKIN"],
  "soft-tissue": ["SOFT TISSUE"],
  spleen: ["SPLEEN"],
  stomach: ["STOMACH"],
  thyroid: ["THYROID GLAND", "THYROID"],
  uterus: ["UTERUS"],
  other: ["OTHER"],
};

/** The organ word of a TULOC term (case and spacing ignored), or null when it names no known organ. */
export function organOfSdtmLocation(term: string): string | null {
  const wanted = term.trim().toUpperCase().replace(/[\s_-]+/g, " ");
  for (const [organ, terms] of Object.entries(ORGAN_SDTM_LOCATION_TERMS)) if (terms.includes(wanted)) return organ;
  return null;
}
