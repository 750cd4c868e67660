// The coded concepts of DICOM TID 1500 "Measurement Report" that Nadir reads and writes, each with
// the SNOMED CT code (scheme SCT) and, where older files carry it, the legacy SNOMED-RT code (scheme
// SRT) of the same concept. Concepts are always compared by code value AND coding scheme; the code
// meaning is only written, never matched. Sources: DICOM PS3.16 (TID 1500, TID 1501, CID 7470
// Linear Measurements, CID 7471 Area, CID 4031 Common Anatomic Regions, CID 7460
// Linear Measurement Units) and the SCT <-> SRT table that PS3.16 publishes (every SRT code below was
// checked against it); bone is read by its SNOMED CT code only.

export interface Code {
  value: string;
  scheme: string;
  meaning: string;
}

/** A concept: the code to write first, then every code that means the same when read. */
export interface Concept {
  write: Code;
  /** Equivalent codes (legacy SRT, older DCM spellings) accepted when reading. */
  also: Code[];
}

const code = (value: string, scheme: string, meaning: string): Code => ({ value, scheme, meaning });
const concept = (write: Code, ...also: Code[]): Concept => ({ write, also });

export const CONCEPTS = {
  measurementReport: concept(code("126000", "DCM", "Imaging Measurement Report")),
  imagingMeasurements: concept(code("126010", "DCM", "Imaging Measurements")),
  measurementGroup: concept(code("125007", "DCM", "Measurement Group")),
  imageLibrary: concept(code("111028", "DCM", "Image Library")),
  language: concept(code("121049", "DCM", "Language of Content Item and Descendants")),
  observerType: concept(code("121005", "DCM", "Observer Type")),
  device: concept(code("121007", "DCM", "Device")),
  deviceObserverUid: concept(code("121012", "DCM", "Device Observer UID")),
  procedureReported: concept(code("121058", "DCM", "Procedure reported")),
  modality: concept(code("121139", "DCM", "Modality")),
  trackingIdentifier: concept(code("112039", "DCM", "Tracking Identifier")),
  trackingUid: concept(code("112040", "DCM", "Tracking Unique Identifier")),
  finding: concept(code("121071", "DCM", "Finding")),
  findingSite: concept(code("363698007", "SCT", "Finding Site"), code("G-C0E3", "SRT", "Finding Site")),
  longAxis: concept(code("103339001", "SCT", "Long Axis"), code("G-A185", "SRT", "Long Axis")),
  shortAxis: concept(code("103340004", "SCT", "Short Axis"), code("G-A186", "SRT", "Short Axis")),
  diameter: concept(code("81827009", "SCT", "Diameter"), code("M-02550", "SRT", "Diameter")),
  length: concept(code("410668003", "SCT", "Length"), code("G-D7FE", "SRT", "Length")),
  area: concept(code("42798000", "SCT", "Area"), code("G-A166", "SRT", "Area")),
} as const;

export type LinearKind = "longAxis" | "shortAxis" | "diameter" | "length";
export const LINEAR_KINDS: LinearKind[] = ["longAxis", "shortAxis", "diameter", "length"];

export const ENGLISH = code("en-US", "RFC5646", "English (United States)");

/** Length units of UCUM (CID 7460) Nadir converts, with their factor to tenths of a millimetre. */
export const LENGTH_UNITS: Array<{ code: Code; tenthsPerUnit: number }> = [
  { code: code("mm", "UCUM", "millimeter"), tenthsPerUnit: 10 },
  { code: code("cm", "UCUM", "centimeter"), tenthsPerUnit: 100 },
];
export const MILLIMETRE = LENGTH_UNITS[0].code;

/**
 * Finding sites: the organ words of the language and their anatomy codes (CID 4031 and related
 * anatomic-structure groups). The first SCT code is written; all are accepted when read.
 */
export const ORGAN_SITES: Record<string, Code[]> = {
  adrenal: [code("23451007", "SCT", "Adrenal gland"), code("T-B3000", "SRT", "Adrenal gland")],
  bladder: [code("89837001", "SCT", "Bladder"), code("T-74000", "SRT", "Bladder")],
  bone: [code("272673000", "SCT", "Bone")],
  brain: [code("12738006", "SCT", "Brain"), code("T-A0100", "SRT", "Brain")],
  breast: [code("76752008", "SCT", "Breast"), code("T-04000", "SRT", "Breast")],
  colon: [code("71854001", "SCT", "Colon"), code("T-59300", "SRT", "Colon")],
  esophagus: [code("32849002", "SCT", "Esophagus"), code("T-56000", "SRT", "Esophagus")],
  kidney: [code("64033007", "SCT", "Kidney"), code("T-71000", "SRT", "Kidney")],
  liver: [code("10200004", "SCT", "Liver"), code("T-62000", "SRT", "Liver")],
  lung: [code("39607008", "SCT", "Lung"), code("T-28000", "SRT", "Lung")],
  mediastinum: [code("72410000", "SCT", "Mediastinum"), code("T-D3300", "SRT", "Mediastinum")],
  muscle: [code("71616004", "SCT", "Skeletal muscle"), code("T-13001", "SRT", "Skeletal muscle")],
  node: [code("59441001", "SCT", "Lymph node"), code("T-C4000", "SRT", "Lymph node")],
  ovary: [code("15497006", "SCT", "Ovary"), code("T-87000", "SRT", "Ovary")],
  pancreas: [code("15776009", "SCT", "Pancreas"), code("T-65000", "SRT", "Pancreas")],
  peritoneum: [code("15425007", "SCT", "Peritoneum"), code("T-D4400", "SRT", "Peritoneum")],
  pleura: [code("3120008", "SCT", "Pleura"), code("T-29000", "SRT", "Pleura")],
  prostate: [code("41216001", "SCT", "Prostate"), code("T-92000", "SRT", "Prostate")],
  rectum: [code("34402009", "SCT", "Rectum"), code("T-59600", "SRT", "Rectum")],
  skin: [code("39937001", "SCT", "Skin"), code("T-01000", "SRT", "Skin")],
  "soft-tissue": [code("87784001", "SCT", "Soft tissue"), code("T-1A000", "SRT", "Soft tissue")],
  spleen: [code("78961009", "SCT", "Spleen"), code("T-C3000", "SRT", "Spleen")],
  stomach: [code("69695003", "SCT", "Stomach"), code("T-57000", "SRT", "Stomach")],
  thyroid: [code("69748006", "SCT", "Thyroid"), code("T-B6000", "SRT", "Thyroid")],
  uterus: [code("35039007", "SCT", "Uterus"), code("T-83000", "SRT", "Uterus")],
};

/**
 * Modalities: Procedure Reported (CID 100, SCT procedures) or the acquisition modality (CID 29,
 * DCM codes equal to the DICOM Modality attribute) -> the language's modality word.
 */
export const MODALITY_CODES: Record<string, Code[]> = {
  CT: [code("77477000", "SCT", "Computed Tomography"), code("CT", "DCM", "Computed Tomography")],
  MRI: [code("113091000", "SCT", "Magnetic Resonance Imaging"), code("MR", "DCM", "Magnetic Resonance")],
  "PET-CT": [code("PT", "DCM", "Positron emission tomography"), code("82918005", "SCT", "Positron emission tomography")],
  US: [code("16310003", "SCT", "Ultrasonography"), code("US", "DCM", "Ultrasound")],
  "X-ray": [code("DX", "DCM", "Digital Radiography"), code("CR", "DCM", "Computed Radiography"), code("RG", "DCM", "Radiographic imaging")],
};

/** SR storage SOP classes (PS3.4 B.5): every SR IOD a TID 1500 report may travel in. */
export const SR_SOP_CLASSES: Record<string, string> = {
  "1.2.840.10008.5.1.4.1.1.88.11": "Basic Text SR",
  "1.2.840.10008.5.1.4.1.1.88.22": "Enhanced SR",
  "1.2.840.10008.5.1.4.1.1.88.33": "Comprehensive SR",
  "1.2.840.10008.5.1.4.1.1.88.34": "Comprehensive 3D SR",
  "1.2.840.10008.5.1.4.1.1.88.35": "Extensible SR",
};
export const ENHANCED_SR = "1.2.840.10008.5.1.4.1.1.88.22";

export function sameCode(a: { value: string; scheme: string }, b: { value: string; scheme: string }): boolean {
  return a.value === b.value && a.scheme.toUpperCase() === b.scheme.toUpperCase();
}

export function isConcept(c: { value: string; scheme: string } | null, which: Concept): boolean {
  return c !== null && (sameCode(c, which.write) || which.also.some((x) => sameCode(c, x)));
}

export function organOfSite(c: { value: string; scheme: string }): string | null {
  for (const [organ, codes] of Object.entries(ORGAN_SITES)) if (codes.some((x) => sameCode(c, x))) return organ;
  return null;
}

export function modalityOfCode(c: { value: string; scheme: string }): string | null {
  for (const [modality, codes] of Object.entries(MODALITY_CODES)) if (codes.some((x) => sameCode(c, x))) return modality;
  return null;
}

export function unitOf(c: { value: string; scheme: string }): { tenthsPerUnit: number } | null {
  return LENGTH_UNITS.find((u) => sameCode(c, u.code)) ?? null;
}
