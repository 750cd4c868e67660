// The words de-identification lets through (an allow-list): common oncology therapies, tumour
// markers and their units. Everything else in a therapy, marker name or unit slot is replaced by a
// placeholder unless the user keeps that class. The lists are deliberately finite and documented
// (docs/deidentify.md); a word missing here is replaced, never leaked.

/** Generic names of common anticancer drugs and regimen acronyms, lower case. */
export const THERAPY_WORDS: readonly string[] = [
  // Immune checkpoint inhibitors and other immunotherapies
  "pembrolizumab", "nivolumab", "ipilimumab", "atezolizumab", "durvalumab", "avelumab", "cemiplimab",
  "dostarlimab", "tremelimumab", "relatlimab", "tislelizumab", "toripalimab", "sintilimab", "camrelizumab",
  "retifanlimab", "serplulimab", "sugemalimab", "cosibelimab", "penpulimab", "spartalizumab",
  "tebentafusp", "aldesleukin", "interleukin-2", "il-2", "interferon", "peginterferon", "t-vec",
  "talimogene", "laherparepvec", "lifileucel", "tarlatamab", "blinatumomab",
  // Cytotoxic chemotherapy
  "cisplatin", "carboplatin", "oxaliplatin", "nedaplatin", "paclitaxel", "nab-paclitaxel", "docetaxel",
  "cabazitaxel", "gemcitabine", "pemetrexed", "fluorouracil", "5-fu", "5-fluorouracil", "capecitabine",
  "tegafur", "s-1", "trifluridine", "tipiracil", "tas-102", "irinotecan", "nal-iri", "topotecan",
  "etoposide", "doxorubicin", "pegylated-liposomal-doxorubicin", "pld", "epirubicin", "cyclophosphamide",
  "ifosfamide", "mesna", "vinorelbine", "vincristine", "vinblastine", "eribulin", "trabectedin",
  "lurbinectedin", "temozolomide", "dacarbazine", "mitomycin", "bleomycin", "methotrexate", "leucovorin",
  "folinic-acid", "levoleucovorin", "ixabepilone", "melphalan", "bendamustine", "chlorambucil",
  "cytarabine", "hydroxyurea", "procarbazine", "lomustine", "carmustine", "estramustine", "streptozocin",
  "mitoxantrone", "actinomycin-d", "dactinomycin",
  // Regimen acronyms (three letters or more)
  "folfox", "mfolfox6", "folfiri", "folfirinox", "mfolfirinox", "folfoxiri", "capox", "xelox", "xeliri",
  "flot", "ecf", "ecx", "eox", "fec", "cmf", "bep", "mvac", "ddmvac", "gemcis", "gemcarbo", "carbotaxol",
  // Antibodies, antibody-drug conjugates and bispecifics
  "trastuzumab", "pertuzumab", "t-dm1", "t-dxd", "emtansine", "deruxtecan", "sacituzumab", "govitecan",
  "enfortumab", "vedotin", "tisotumab", "mirvetuximab", "soravtansine", "datopotamab", "margetuximab",
  "bevacizumab", "ramucirumab", "aflibercept", "ziv-aflibercept", "cetuximab", "panitumumab",
  "necitumumab", "amivantamab", "zolbetuximab", "denosumab",
  // Small-molecule targeted agents
  "osimertinib", "erlotinib", "gefitinib", "afatinib", "dacomitinib", "lazertinib", "mobocertinib",
  "alectinib", "crizotinib", "ceritinib", "brigatinib", "lorlatinib", "entrectinib", "larotrectinib",
  "repotrectinib", "capmatinib", "tepotinib", "selpercatinib", "pralsetinib", "sotorasib", "adagrasib",
  "dabrafenib", "trametinib", "vemurafenib", "cobimetinib", "encorafenib", "binimetinib", "imatinib",
  "sunitinib", "sorafenib", "regorafenib", "pazopanib", "axitinib", "cabozantinib", "lenvatinib",
  "tivozanib", "vandetanib", "ripretinib", "avapritinib", "fruquintinib", "everolimus", "temsirolimus",
  "olaparib", "niraparib", "rucaparib", "talazoparib", "palbociclib", "ribociclib", "abemaciclib",
  "alpelisib", "capivasertib", "inavolisib", "lapatinib", "neratinib", "tucatinib", "erdafitinib",
  "pemigatinib", "futibatinib", "infigratinib", "ivosidenib", "selumetinib", "belzutifan",
  // Endocrine therapy
  "tamoxifen", "letrozole", "anastrozole", "exemestane", "fulvestrant", "elacestrant", "enzalutamide",
  "abiraterone", "apalutamide", "darolutamide", "bicalutamide", "leuprolide", "leuprorelin", "goserelin",
  "triptorelin", "degarelix", "relugolix", "octreotide", "lanreotide", "prednisone", "prednisolone",
  "dexamethasone",
  // Radioligands and bone-targeted agents
  "lutetium-177", "177lu-psma-617", "177lu-dotatate", "radium-223", "zoledronate", "zoledronic-acid",
  // Non-drug treatments and trial words
  "radiotherapy", "chemoradiotherapy", "sbrt", "sabr", "srs", "imrt", "surgery", "resection",
  "metastasectomy", "rfa", "mwa", "tace", "sirt", "observation", "placebo", "bsc",
];

/** Tumour marker names, compared without case, hyphens, dots, underscores or spaces. */
export const MARKER_NAMES: readonly string[] = [
  "CEA", "CA-125", "CA 19-9", "CA 15-3", "CA 27.29", "CA 72-4", "CA 242", "PSA", "fPSA", "tPSA", "LDH", "AFP",
  "beta-hCG", "b-hCG", "hCG", "S100", "S100B", "NSE", "CYFRA 21-1", "CgA", "chromogranin", "ProGRP", "SCC",
  "SCC-Ag", "HE4", "calcitonin", "thyroglobulin", "Tg", "ALP", "beta2-microglobulin", "B2M", "inhibin",
  "PIVKA-II", "DCP", "TPA", "TPS", "M-protein",
];

/** Units of tumour markers, compared without case; `u` stands in for `µ`. */
export const MARKER_UNITS: readonly string[] = [
  "U/L", "U/mL", "kU/L", "kU/mL", "IU/L", "IU/mL", "mIU/mL", "mIU/L", "kIU/L", "ng/mL", "ng/L", "ug/L", "µg/L",
  "mcg/L", "ug/mL", "µg/mL", "pg/mL", "pmol/L", "nmol/L", "umol/L", "µmol/L", "mmol/L", "mg/L", "mg/dL", "g/L",
  "g/dL", "%", "xULN",
];

const markerKey = (name: string) => name.toLowerCase().replace(/[-_. ]/g, "");
const unitKey = (unit: string) => unit.toLowerCase().replace(/µ/g, "u");

const THERAPIES = new Set(THERAPY_WORDS);
const MARKERS = new Set(MARKER_NAMES.map(markerKey));
const UNITS = new Set(MARKER_UNITS.map(unitKey));

export function isKnownMarkerName(name: string): boolean {
  return MARKERS.has(markerKey(name));
}

export function isKnownMarkerUnit(unit: string): boolean {
  return UNITS.has(unitKey(unit));
}

/** A single therapy word, or a combination of listed words joined by `+` or `/` ("carboplatin+paclitaxel"). */
export function isKnownTherapyWord(word: string): boolean {
  const parts = word.toLowerCase().split(/[+/]/);
  return parts.length > 0 && parts.every((p) => THERAPIES.has(p));
}

/**
 * The listed therapy words of a quoted name made only of them and of the separators `+`, `/`, `,`,
 * `&` and `and` ("nivolumab + ipilimumab"), or null when any other word (a name, a number, a note)
 * is in it.
 */
export function knownTherapyWords(text: string): string[] | null {
  const tokens = text.split(/\s*(?:[+/,&]|\band\b)\s*|\s+/).filter((t) => t !== "");
  if (tokens.length === 0) return null;
  return tokens.every((t) => THERAPIES.has(t.toLowerCase())) ? tokens : null;
}

// Version 1.1 (P4): genes, changes and assays pass by core/model/biomarkerVocabulary.ts; the
// cancer types of the `cancer` statement by the list below.

/** Cancer types of the `cancer` statement, compared without case and with hyphens as spaces. */
export const CANCER_TYPES: readonly string[] = [
  "melanoma", "uveal melanoma", "mucosal melanoma", "nsclc", "sclc", "non-small cell lung cancer", "small cell lung cancer",
  "lung cancer", "mesothelioma", "rcc", "renal cell carcinoma", "hcc", "hepatocellular carcinoma", "crc", "colorectal",
  "colorectal cancer", "gastric", "gastric cancer", "gej", "esophageal", "oesophageal", "escc", "hnscc", "scchn",
  "head and neck", "urothelial", "bladder", "breast", "breast cancer", "tnbc", "cervical", "endometrial", "ovarian",
  "prostate", "pancreatic", "cholangiocarcinoma", "biliary", "merkel", "merkel cell carcinoma", "cscc", "bcc", "sarcoma",
  "glioblastoma", "glioma", "thyroid", "nasopharyngeal", "npc", "anal", "vulvar", "penile", "thymic", "neuroendocrine",
  "msi-h", "dmmr", "tmb-h", "unknown primary", "cup",
];

const CANCERS = new Set(CANCER_TYPES.map((c) => cancerKey(c)));

function cancerKey(name: string): string {
  return name.toLowerCase().replace(/[-_]/g, " ").replace(/\s+/g, " ").trim();
}

export function isKnownCancerType(name: string): boolean {
  return CANCERS.has(cancerKey(name));
}
