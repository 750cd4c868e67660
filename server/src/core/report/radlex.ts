// RadLex terms (RSNA's radiology lexicon, OID 2.16.840.1.113883.6.256) for what a report names
// where RadLex has a term: the examination's modality and the organs of the lesions. Only
// identifiers checked against published RSNA report templates and RadLex-based tools are listed;
// an organ or modality without a checked RID gets no code rather than a guessed one.
export const RADLEX_OID = "2.16.840.1.113883.6.256";
export const LOINC_OID = "2.16.840.1.113883.6.1";

export interface Term {
  code: string;
  meaning: string;
}

export const RADLEX_MODALITIES: Record<string, Term> = {
  CT: { code: "RID10321", meaning: "computed tomography" },
  MR: { code: "RID10312", meaning: "magnetic resonance imaging" },
  MRI: { code: "RID10312", meaning: "magnetic resonance imaging" },
  PET: { code: "RID10337", meaning: "positron emission tomography" },
};

/** Organ words of the language (model/organs.ts) with their RadLex anatomy term. */
export const RADLEX_ORGANS: Record<string, Term> = {
  adrenal: { code: "RID88", meaning: "adrenal gland" },
  bone: { code: "RID13197", meaning: "bone organ" },
  brain: { code: "RID6434", meaning: "brain" },
  breast: { code: "RID28749", meaning: "breast" },
  kidney: { code: "RID205", meaning: "kidney" },
  liver: { code: "RID58", meaning: "liver" },
  lung: { code: "RID1301", meaning: "lung" },
  node: { code: "RID13296", meaning: "lymph node" },
  pancreas: { code: "RID170", meaning: "pancreas" },
  spleen: { code: "RID86", meaning: "spleen" },
};

/** The RadLex term of a comparison with prior studies. */
export const RADLEX_COMPARISON: Term = { code: "RID13168", meaning: "comparison report" };

export function modalityTerm(modality: string | null): Term | null {
  if (!modality) return null;
  const key = modality.toUpperCase().replace(/[^A-Z]/g, "");
  return RADLEX_MODALITIES[key] ?? (key.startsWith("PET") ? RADLEX_MODALITIES.PET : null);
}
