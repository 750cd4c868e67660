// The values a one-line biopsy's free text holds in a recognisable form (R31): "PD-L1 TPS 40%
// (22C3)", "CPS 12", "TMB 12.5 mut/Mb", "MSI-H", "dMMR", "BRAF V600E". Used by the
// `biopsy-unstructured` information and its quick fix, which writes these as a structured block.
// Only what is written with its label is read (a bare "PD-L1 40%" could be TPS or CPS); a value
// given twice differently, or a text with words of negation or doubt (for the statuses and
// variants: "BRAF V600E not detected", "MSI-H?"), gives nothing for that field, so the fix never
// writes what the text does not say.
import { isChangeShape, isKnownGene, PDL1_ASSAYS } from "./biomarkerVocabulary";

export interface RecognisedFields {
  tps: number | null;
  cps: number | null;
  assay: string | null;
  tmb: number | null;
  msi: "high" | "low" | "stable" | null;
  mmr: "deficient" | "proficient" | null;
  variants: Array<{ gene: string; change: string }>;
}

/** Words that change or doubt what follows or precedes them: statuses and variants are then not read. */
const NEGATION_OR_DOUBT = /\b(no|not|non|negative|neg|absent|without|wild[- ]?type|wt|undetected|excluded|possible|possibly|suspected|suspicious|equivocal|indeterminate|pending|previous|prior|versus|vs|or)\b|\?/i;

/** The single value a pattern finds, or null when it finds none or several different ones. */
function single<T>(text: string, re: RegExp, read: (m: RegExpExecArray) => T): T | null {
  const values = new Set<string>();
  let value: T | null = null;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    value = read(m);
    values.add(String(value));
  }
  return values.size === 1 ? value : null;
}

/** The one status among alternatives that the text names, or null when it names none or several. */
function status<T extends string>(text: string, patterns: Array<[T, RegExp]>): T | null {
  const found = patterns.filter(([, re]) => re.test(text)).map(([name]) => name);
  return found.length === 1 ? found[0] : null;
}

const ASSAY_RE = new RegExp(`(?<![A-Za-z0-9])(${PDL1_ASSAYS.filter((a) => !a.includes("+")).map((a) => a.replace(/[.*+?^${}()|[\]\\-]/g, "\\$&")).join("|")})(?![A-Za-z0-9])`, "gi");

export function recogniseBiopsyText(text: string): RecognisedFields {
  const doubtful = NEGATION_OR_DOUBT.test(text);
  const number = (m: RegExpExecArray) => Number(m[1]);
  const tps = single(text, /\bTPS\b\s*(?:[:=]|of)?\s*(\d{1,3}(?:\.\d+)?)\s*%/gi, number);
  const cps = single(text, /\bCPS\b\s*(?:[:=]|of)?\s*(\d{1,3}(?:\.\d+)?)(?![\d.%-])/gi, number);
  const tmb = single(text, /\bTMB\b\s*(?:[:=]|of)?\s*(\d{1,4}(?:\.\d+)?)\s*(?:mut(?:ation)?s?\s*\/\s*Mb)\b/gi, number);
  const assay = tps !== null || cps !== null ? single(text, ASSAY_RE, (m) => PDL1_ASSAYS.find((a) => a.toLowerCase() === m[1].toLowerCase()) ?? m[1]) : null;
  const msi = doubtful ? null : status(text, [
    ["high", /\bMSI-?H\b|\bMSI[- ]high\b|\bmicrosatellite[- ]instability[- ]high\b/i],
    ["low", /\bMSI-?L\b|\bMSI[- ]low\b/i],
    ["stable", /\bMSS\b|\bMSI[- ]stable\b|\bmicrosatellite[- ]stable\b/i],
  ]);
  const mmr = doubtful ? null : status(text, [
    ["deficient", /\bdMMR\b|\bMMR[- ]deficient\b|\bmismatch[- ]repair[- ]deficient\b/i],
    ["proficient", /\bpMMR\b|\bMMR[- ](?:proficient|intact)\b|\bmismatch[- ]repair[- ](?:proficient|intact)\b/i],
  ]);
  const variants: RecognisedFields["variants"] = [];
  if (!doubtful) {
    const re = /\b([A-Z][A-Z0-9]{1,9})\s+((?:p\.)?[A-Z]\d{1,5}(?:_[A-Z]\d{1,5})?[A-Za-z*]*|exon\s?\d{1,2}\s(?:deletion|insertion)|ex\d{1,2}(?:del|ins))(?![A-Za-z0-9_.>])/g;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const [, gene, change] = m;
      if (!isKnownGene(gene) || !isChangeShape(change)) continue;
      if (!variants.some((v) => v.gene === gene && v.change.toLowerCase() === change.toLowerCase())) variants.push({ gene, change });
    }
  }
  return { tps, cps, assay, tmb, msi, mmr, variants };
}

/** The lines of a structured block for the recognised fields (empty when nothing is recognised). */
export function structuredLines(f: RecognisedFields): string[] {
  const lines: string[] = [];
  const assay = f.assay ? ` assay ${f.assay}` : "";
  if (f.tps !== null && f.tps <= 100) lines.push(`pd-l1 tps ${f.tps} %${assay}`);
  if (f.cps !== null && f.cps <= 100) lines.push(`pd-l1 cps ${f.cps}${assay}`);
  if (f.tmb !== null) lines.push(`tmb ${f.tmb} mut/Mb`);
  if (f.msi) lines.push(`msi ${f.msi}`);
  if (f.mmr) lines.push(`mmr ${f.mmr}`);
  for (const v of f.variants) lines.push(`variant ${v.gene} ${/^[A-Za-z0-9][A-Za-z0-9._+-]*$/.test(v.change) ? v.change : `"${v.change}"`}`);
  return lines;
}
