// The agreement report: for each subject and visit, Nadir's overall response beside the response
// recorded in SDTM RS (RSTESTCD OVRLRESP, RSORRES), the counts, the percentage agreement and
// Cohen's kappa over the response categories, and for each disagreement the rules and numbers
// behind Nadir's answer (the engine's trace, TimepointAssessment.explanation).
//
// Cohen's kappa, computed exactly in integers: with n compared time points, a agreements and, per
// category k, r_k Nadir answers and c_k recorded answers,
//   kappa = (p_o - p_e) / (1 - p_e) = (n * a - sum r_k c_k) / (n^2 - sum r_k c_k),
// undefined (null) when every answer on both sides is the same single category.
import { analyze } from "../analyze";
import type { Settings } from "../settings";
import type { EpisodeAssessment, Explanation, TimepointAssessment } from "../engine/types";
import type { Criterion } from "../criteria/types";
import { criterion, DEFAULT_CRITERIA } from "../criteria/registry";
import type { Table } from "../export/table";
import { CsvRow, CsvTable, RS_REQUIRED, SdtmCase, criterionOfCategory, requireColumns, selectReader, SdtmError } from "./sdtm";

export interface AgreementRow {
  subject: string;
  visit: string;
  date: string | null;
  /** The criterion's label ("RECIST 1.1", "iRECIST", "irRC" ...): from RSCAT, else the patient's primary criteria. */
  criteria: string;
  nadir: string | null;
  recorded: string | null;
  /** null when one side is missing (not compared). */
  agree: boolean | null;
  /** Nadir's reasoning, for disagreements. */
  explanation: Explanation[];
  /** The engine's result is partial (an error touches the patient): never counted as agreement. */
  complete: boolean;
}

export interface Agreement {
  rows: AgreementRow[];
  compared: number;
  agreements: number;
  /** Percent, one decimal; null when nothing was compared. */
  percentAgreement: number | null;
  kappa: number | null;
  kappaFraction: { numerator: number; denominator: number } | null;
  categories: string[];
  /** confusion[nadir][recorded] = count */
  confusion: Record<string, Record<string, number>>;
}

/** Canonical spelling of a response category (RSORRES is free text in many trials). */
export function canonicalResponse(text: string): string | null {
  const t = text.trim().toUpperCase().replace(/\s+/g, " ").replace(/\s*\/\s*/g, "/");
  if (t === "") return null;
  const names: Record<string, string> = {
    "COMPLETE RESPONSE": "CR", "PARTIAL RESPONSE": "PR", "STABLE DISEASE": "SD", "PROGRESSIVE DISEASE": "PD",
    "NOT EVALUABLE": "NE", "NOT EVALUATED": "NE", "NOT ASSESSABLE": "NE", "NON-CR/NON-PD": "NON-CR/NON-PD", "NONCR/NONPD": "NON-CR/NON-PD",
    ICR: "iCR", IPR: "iPR", ISD: "iSD", IUPD: "iUPD", ICPD: "iCPD", "NON-ICR/NON-IUPD": "NON-iCR/NON-iUPD",
    IRCR: "irCR", IRPR: "irPR", IRSD: "irSD", IRPD: "irPD", "NON-IRCR/NON-IRPD": "NON-irCR/NON-irPD",
  };
  return names[t] ?? t;
}

export function agreementReport(cases: SdtmCase[], rs: CsvTable, options: { evaluator?: string; settings?: Settings } = {}): Agreement {
  requireColumns(rs, "RS", RS_REQUIRED);
  const problems: string[] = [];
  const records = selectReader(rs, "RS", options.evaluator, problems).filter((r) => (r.cells.RSTESTCD ?? "").toUpperCase() === "OVRLRESP");
  if (problems.length > 0) throw new SdtmError(problems.join("\n"));
  const rows: AgreementRow[] = [];
  for (const c of cases) {
    const analysis = analyze(c.text, { settings: options.settings });
    const patient = analysis.assessment.patients[0];
    const timepoints: Array<{ tp: TimepointAssessment; complete: boolean; episode: EpisodeAssessment; index: number }> = patient
      ? patient.episodes.flatMap((e) => e.timepoints.map((tp, index) => ({ tp, complete: e.complete, episode: e, index })))
      : [];
    const primary = criterion(patient?.criteria ?? DEFAULT_CRITERIA);
    /** Nadir's response at a time point under a criterion: RECIST 1.1's own, else the criterion's reading (RECIST 1.1's when not read). */
    const responseUnder = (c: Criterion, t: (typeof timepoints)[number]) => (c.id === DEFAULT_CRITERIA ? t.tp.response : t.episode.readings?.[c.id]?.timepoints[t.index]?.response ?? t.tp.response);
    const matchedDates = new Set<string>();
    for (const record of records.filter((r) => r.cells.USUBJID === c.usubjid)) {
      const visit = visitOf(c, record);
      const date = visit?.date ?? (record.cells.RSDTC ? record.cells.RSDTC.slice(0, 10) : null);
      const found = date ? timepoints.find((t) => t.tp.date === date) : undefined;
      const under = criterionOfCategory(record.cells.RSCAT ?? "") ?? (record.cells.RSCAT ? criterion(DEFAULT_CRITERIA) : primary);
      const criteria = under.label;
      const nadir = found ? responseUnder(under, found) : null;
      const recorded = canonicalResponse(record.cells.RSORRES ?? "");
      if (date) matchedDates.add(date);
      const agree = nadir !== null && recorded !== null && found?.complete !== false ? nadir === recorded : null;
      rows.push({
        subject: c.patientId, visit: visit?.name ?? record.cells.VISIT ?? record.cells.VISITNUM ?? "", date, criteria, nadir, recorded, agree,
        explanation: agree === false && found ? found.tp.explanation : [], complete: found?.complete ?? true,
      });
    }
    for (const t of timepoints) {
      if (matchedDates.has(t.tp.date)) continue;
      const visit = c.visits.find((v) => v.date === t.tp.date);
      rows.push({ subject: c.patientId, visit: visit?.name ?? "", date: t.tp.date, criteria: primary.label, nadir: responseUnder(primary, t), recorded: null, agree: null, explanation: [], complete: t.complete });
    }
  }
  return summarise(rows);
}

function visitOf(c: SdtmCase, record: CsvRow) {
  const num = record.cells.VISITNUM;
  const name = record.cells.VISIT;
  return c.visits.find((v) => (num && v.num === num) || (!num && name && v.name === name)) ?? null;
}

export function summarise(rows: AgreementRow[]): Agreement {
  const compared = rows.filter((r) => r.agree !== null);
  const n = compared.length;
  const a = compared.filter((r) => r.agree).length;
  const categories = [...new Set(compared.flatMap((r) => [r.nadir as string, r.recorded as string]))].sort();
  const confusion: Record<string, Record<string, number>> = {};
  for (const k of categories) confusion[k] = Object.fromEntries(categories.map((j) => [j, 0]));
  for (const r of compared) confusion[r.nadir as string][r.recorded as string]++;
  const expected = categories.reduce((sum, k) => sum + compared.filter((r) => r.nadir === k).length * compared.filter((r) => r.recorded === k).length, 0);
  const numerator = n * a - expected;
  const denominator = n * n - expected;
  const kappaFraction = n > 0 && denominator !== 0 ? reduce(numerator, denominator) : null;
  return {
    rows, compared: n, agreements: a,
    percentAgreement: n > 0 ? Math.round((1000 * a) / n) / 10 : null,
    kappa: kappaFraction ? kappaFraction.numerator / kappaFraction.denominator : null,
    kappaFraction, categories, confusion,
  };
}

function reduce(numerator: number, denominator: number): { numerator: number; denominator: number } {
  const gcd = (x: number, y: number): number => (y === 0 ? Math.abs(x) : gcd(y, x % y));
  const g = gcd(numerator, denominator) || 1;
  const sign = denominator < 0 ? -1 : 1;
  return { numerator: (sign * numerator) / g, denominator: (sign * denominator) / g };
}

export function agreementText(report: Agreement): string {
  const lines: string[] = ["Agreement between Nadir's overall response and the recorded RSORRES (RSTESTCD OVRLRESP)", ""];
  const table = [["subject", "visit", "date", "criteria", "Nadir", "recorded", ""]];
  for (const r of report.rows) {
    table.push([r.subject, r.visit, r.date ?? "", r.criteria, r.nadir ?? "-", r.recorded ?? "-",
      r.agree === null ? (r.nadir === null ? "not compared: no Nadir time point" : r.recorded === null ? "not compared: no recorded response" : "not compared: Nadir's result is incomplete") : r.agree ? "agree" : "DISAGREE"]);
  }
  const widths = table[0].map((_, i) => Math.max(...table.map((row) => row[i].length)));
  for (const row of table) lines.push(row.map((cell, i) => cell.padEnd(widths[i])).join("  ").trimEnd());
  lines.push("");
  if (report.compared === 0) lines.push("No time point could be compared.");
  else {
    lines.push(`Compared ${report.compared} time point${report.compared === 1 ? "" : "s"}: ${report.agreements} agree (${report.percentAgreement} %).`);
    lines.push(report.kappaFraction
      ? `Cohen's kappa ${(report.kappa as number).toFixed(3)} (exactly ${report.kappaFraction.numerator}/${report.kappaFraction.denominator}) over ${report.categories.join(", ")}.`
      : `Cohen's kappa is undefined: every answer on both sides is ${report.categories.join(", ")}.`);
    lines.push("", "Nadir (rows) x recorded (columns):");
    const w = Math.max(5, ...report.categories.map((c) => c.length));
    lines.push(`${"".padEnd(w)}  ${report.categories.map((c) => c.padStart(w)).join("  ")}`);
    for (const k of report.categories) lines.push(`${k.padEnd(w)}  ${report.categories.map((j) => String(report.confusion[k][j]).padStart(w)).join("  ")}`);
  }
  const disagreements = report.rows.filter((r) => r.agree === false);
  if (disagreements.length > 0) {
    lines.push("", "Disagreements, and the rules behind Nadir's answer:");
    for (const r of disagreements) {
      lines.push(`  ${r.subject} ${r.visit} ${r.date ?? ""}: Nadir ${r.nadir}, recorded ${r.recorded}`);
      for (const e of r.explanation) lines.push(`    ${e.rule}: ${e.text}`);
    }
  }
  return lines.join("\n") + "\n";
}

export function agreementTable(report: Agreement): Table {
  return {
    name: "agreement",
    columns: ["SUBJECT", "VISIT", "DATE", "CRITERIA", "NADIR", "RECORDED", "AGREE", "RULES", "EXPLANATION"],
    rows: report.rows.map((r) => [r.subject, r.visit, r.date, r.criteria, r.nadir, r.recorded, r.agree === null ? null : r.agree ? "Y" : "N",
      r.explanation.map((e) => e.rule).join("; ") || null, r.explanation.map((e) => `${e.rule}: ${e.text}`).join(" | ") || null]),
  };
}

export function agreementJson(report: Agreement): unknown {
  return { version: 1, ...report };
}
