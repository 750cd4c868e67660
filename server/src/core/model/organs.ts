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
