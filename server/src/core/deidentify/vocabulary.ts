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

// Version 1.1 (P4): the words of structured biopsies and of the `cancer` statement. Genes,
// changes and assays are not personal by nature, but a free token can hold anything: only the
// listed genes and assays and the changes that have the shape of a sequence variant pass.

/** Gene symbols (HGNC) of commonly reported cancer genes, upper case. */
export const GENE_SYMBOLS: readonly string[] = [
  "ABL1", "AKT1", "AKT2", "AKT3", "ALK", "APC", "AR", "ARAF", "ARID1A", "ARID1B", "ARID2", "ATM", "ATR", "ATRX", "AXL",
  "B2M", "BAP1", "BARD1", "BCL2", "BCOR", "BRAF", "BRCA1", "BRCA2", "BRIP1", "BTK", "CALR", "CARD11", "CASP8", "CBL",
  "CCND1", "CCND2", "CCND3", "CCNE1", "CD274", "CD79A", "CD79B", "CDH1", "CDK12", "CDK4", "CDK6", "CDKN1A", "CDKN1B",
  "CDKN2A", "CDKN2B", "CHEK1", "CHEK2", "CIC", "CREBBP", "CRKL", "CSF1R", "CTNNB1", "CUL3", "DDR2", "DICER1", "DNMT3A",
  "EGFR", "EML4", "EP300", "EPCAM", "ERBB2", "ERBB3", "ERBB4", "ERCC2", "ERG", "ESR1", "ETV6", "EZH2", "FANCA", "FBXW7",
  "FGF19", "FGF3", "FGF4", "FGFR1", "FGFR2", "FGFR3", "FGFR4", "FLT3", "FOXA1", "FOXL2", "GATA3", "GNA11", "GNAQ",
  "GNAS", "HER2", "HLA-A", "HLA-B", "HLA-C", "HNF1A", "HRAS", "IDH1", "IDH2", "JAK1", "JAK2", "JAK3", "KDM6A", "KDR",
  "KEAP1", "KIT", "KMT2A", "KMT2C", "KMT2D", "KRAS", "MAP2K1", "MAP2K2", "MAP3K1", "MDM2", "MDM4", "MED12", "MET",
  "MLH1", "MSH2", "MSH3", "MSH6", "MTOR", "MUTYH", "MYC", "MYCN", "NBN", "NF1", "NF2", "NFE2L2", "NOTCH1", "NOTCH2",
  "NOTCH3", "NPM1", "NRAS", "NRG1", "NTRK1", "NTRK2", "NTRK3", "PALB2", "PBRM1", "PDCD1", "PDCD1LG2", "PDGFRA",
  "PDGFRB", "PIK3CA", "PIK3CB", "PIK3R1", "PMS2", "POLD1", "POLE", "PPP2R1A", "PTCH1", "PTEN", "PTPN11", "RAC1",
  "RAD51C", "RAD51D", "RAF1", "RB1", "RET", "RHOA", "RNF43", "ROS1", "SETD2", "SF3B1", "SMAD2", "SMAD4", "SMARCA4",
  "SMARCB1", "SMO", "SOX2", "SPOP", "SRC", "STAT3", "STK11", "SUFU", "TERT", "TET2", "TGFBR2", "TMPRSS2", "TP53",
  "TSC1", "TSC2", "U2AF1", "VHL", "WT1",
];

/** PD-L1 immunohistochemistry assays (antibody clones), compared without case. */
export const PDL1_ASSAYS: readonly string[] = ["22C3", "28-8", "SP263", "SP142", "73-10", "E1L3N", "QR1", "CAL10", "ZR3", "E1J2J", "SP142+", "22C3-pharmDx", "28-8-pharmDx"];

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

const GENES = new Set(GENE_SYMBOLS);
const ASSAYS = new Set(PDL1_ASSAYS.map((a) => a.toLowerCase()));
const CANCERS = new Set(CANCER_TYPES.map((c) => cancerKey(c)));

function cancerKey(name: string): string {
  return name.toLowerCase().replace(/[-_]/g, " ").replace(/\s+/g, " ").trim();
}

export function isKnownGene(gene: string): boolean {
  return GENES.has(gene.toUpperCase()) && /^[A-Za-z0-9-]+$/.test(gene);
}

export function isKnownAssay(assay: string): boolean {
  return ASSAYS.has(assay.toLowerCase());
}

export function isKnownCancerType(name: string): boolean {
  return CANCERS.has(cancerKey(name));
}

const AA1 = "[ACDEFGHIKLMNPQRSTVWY*]";
const AA3 = "(?:Ala|Arg|Asn|Asp|Cys|Gln|Glu|Gly|His|Ile|Leu|Lys|Met|Phe|Pro|Ser|Thr|Trp|Tyr|Val|Ter|\\*)";
const AA = `(?:${AA3}|${AA1})`;
const POS = "\\d{1,5}";
const NT = "[ACGTN]";
const CPOS = "[-*]?\\d{1,6}(?:[+-]\\d{1,5})?";
/** Shapes of sequence variants (HGVS protein and cDNA notation, and named events such as exon 19 deletion). */
const CHANGE_SHAPES: readonly RegExp[] = [
  // p.V600E, V600E, V600, R273H, p.Val600Glu, G12C, T790M, p.R132fs*12, Q61=, E746_A750del, p.E746_A750delinsQ
  new RegExp(`^(?:p\\.)?\\(?${AA}${POS}(?:${AA}|fs(?:\\*?\\d{1,4})?|del|dup|ext\\*?\\d{1,4}|=)?\\)?$`),
  new RegExp(`^(?:p\\.)?\\(?${AA}${POS}_${AA}${POS}(?:del|dup|ins${AA}+|delins${AA}+)\\)?$`),
  // c.1799T>A, c.2235_2249del, c.2573T>G, c.-124C>T
  new RegExp(`^c\\.${CPOS}(?:_${CPOS})?(?:${NT}>${NT}|del${NT}*|dup${NT}*|ins${NT}+|delins${NT}+)$`),
  // exon 19 deletion, ex19del, exon 20 insertion, exon 14 skipping
  /^(?:exon|ex) ?\d{1,2} ?(?:deletion|del|insertion|ins|skipping|skip|duplication|dup|mutation)$/i,
  // named events
  /^(?:amplification|amp|fusion|deletion|del|loss|homozygous deletion|rearrangement|overexpression|mutation|wild-type|wt)$/i,
];

/** Whether a variant change has the shape of a sequence change (and so passes de-identification). */
export function isChangeShape(change: string): boolean {
  return CHANGE_SHAPES.some((re) => re.test(change.trim()));
}
