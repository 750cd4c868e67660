// The words of structured biopsies (language version 1.1, R31): gene symbols of commonly reported
// cancer genes, PD-L1 assays, and the shapes of sequence changes. De-identification lets only these
// through (core/deidentify), and the quick fix of a one-line biopsy reads only these from free text.

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

const GENES = new Set(GENE_SYMBOLS);
const ASSAYS = new Set(PDL1_ASSAYS.map((a) => a.toLowerCase()));
export function isKnownGene(gene: string): boolean {
  return GENES.has(gene.toUpperCase()) && /^[A-Za-z0-9-]+$/.test(gene);
}

export function isKnownAssay(assay: string): boolean {
  return ASSAYS.has(assay.toLowerCase());
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
