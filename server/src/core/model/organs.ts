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
