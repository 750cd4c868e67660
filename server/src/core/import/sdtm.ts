// CDISC SDTM tumour tables (TU identification, TR results) -> one case file per subject
// (USUBJID). Read as the SDTMIG defines them: the standardised result TRSTRESN in TRSTRESU, else
// the original result TRORRES in TRORRESU; TULOC terms back to organ words (model/organs.ts);
// TUORRES TARGET / NON-TARGET / NEW; TRTESTCD LDIAM (longest diameter), LPERP (longest
// perpendicular: the short axis of nodes), TUMSTATE (tumour state) and SUMDIAM (not needed: the
// engine sums). One reader's records are used: `--evaluator` (TREVALID or TREVAL), else the
// accepted records (TRACPTFL = Y). Every problem names the file, the line and the column.
import { parse } from "csv-parse/sync";
import { organOfSdtmLocation } from "../model/organs";
import { parseDay } from "../util/dates";
import { formatText } from "../format";
import { analyze } from "../analyze";
import type { Settings } from "../settings";
import { commentText, isUsableLesionId, millimetres, nextId, patientIdText, quote } from "./caseText";
import type { Criterion } from "../criteria/types";
import { CRITERIA, DEFAULT_CRITERIA, resolveCriteriaName } from "../criteria/registry";

export interface CsvRow {
  /** Column name (upper case) -> cell text (trimmed). */
  cells: Record<string, string>;
  line: number;
}

export interface CsvTable {
  file: string;
  columns: string[];
  rows: CsvRow[];
}

export class SdtmError extends Error {}

/** Parses a CSV table with a header row; throws SdtmError naming the file and line. */
export function parseCsvTable(text: string, file: string): CsvTable {
  let records: Array<{ record: Record<string, string>; info: { lines: number } }>;
  let columns: string[] = [];
  try {
    records = parse(text, {
      columns: (header: string[]) => (columns = header.map((h) => h.trim().toUpperCase())),
      bom: true,
      skip_empty_lines: true,
      info: true,
    }) as typeof records;
  } catch (e) {
    const err = e as Error & { lines?: number };
    throw new SdtmError(`${file}${err.lines ? `:${err.lines}` : ""}: not a readable CSV table (${err.message})`);
  }
  if (columns.length === 0) throw new SdtmError(`${file}: empty file, no header row`);
  const rows = records.map((r) => {
    const cells: Record<string, string> = {};
    for (const [k, v] of Object.entries(r.record)) cells[k] = String(v ?? "").trim();
    return { cells, line: r.info.lines };
  });
  return { file, columns, rows };
}

export function requireColumns(table: CsvTable, domain: string, required: string[][]): void {
  const missing = required.filter((alternatives) => !alternatives.some((c) => table.columns.includes(c)));
  if (missing.length > 0) {
    throw new SdtmError(`${table.file}: not an SDTM ${domain} table: missing column${missing.length > 1 ? "s" : ""} ${missing.map((m) => m.join(" or ")).join(", ")}`);
  }
}

export const TU_REQUIRED = [["USUBJID"], ["TULNKID"], ["TUORRES", "TUSTRESC"], ["TULOC"]];
export const TR_REQUIRED = [["USUBJID"], ["TRLNKID"], ["TRTESTCD"], ["TRDTC"], ["TRSTRESN", "TRORRES"]];
export const RS_REQUIRED = [["USUBJID"], ["RSTESTCD"], ["RSORRES"], ["VISITNUM", "VISIT", "RSDTC"]];

const KNOWN_TRTESTCD = ["LDIAM", "LPERP", "TUMSTATE", "SUMDIAM"];

/** SDTM TRMETHOD / TUMETHOD terms -> the language's modality words. */
const METHOD_MODALITY: Record<string, string> = {
  "CT SCAN": "CT", CT: "CT", MRI: "MRI", "PET/CT SCAN": "PET-CT", "PET-CT": "PET-CT", "X-RAY": "X-ray",
  ULTRASOUND: "US", "PHYSICAL EXAMINATION": "clinical",
};

export interface SdtmOptions {
  /** TREVALID / TREVAL of the reader to use; default: the accepted records (xxACPTFL = Y). */
  evaluator?: string;
  settings?: Settings;
  /** RS: a subject whose RSCAT names criteria other than RECIST 1.1 (iRECIST, irRC ...) gets a `criteria` line naming them. */
  rs?: CsvTable | null;
}

export interface SdtmVisit {
  key: string;
  name: string | null;
  num: string | null;
  date: string;
}

export interface SdtmCase {
  usubjid: string;
  patientId: string;
  /** The case file of this subject (formatted). */
  text: string;
  visits: SdtmVisit[];
  /** Whose records were used, for the report: "accepted records (TRACPTFL = Y)" or a reader. */
  reader: string;
}

/** Builds one case file per subject; throws SdtmError listing every problem (nothing is half-built). */
export function sdtmToCases(tu: CsvTable, tr: CsvTable, options: SdtmOptions = {}): SdtmCase[] {
  requireColumns(tu, "TU", TU_REQUIRED);
  requireColumns(tr, "TR", TR_REQUIRED);
  const problems: string[] = [];
  for (const row of tr.rows) {
    const code = row.cells.TRTESTCD?.toUpperCase() ?? "";
    if (!KNOWN_TRTESTCD.includes(code)) problems.push(`${tr.file}:${row.line}: unknown TRTESTCD '${row.cells.TRTESTCD ?? ""}' (Nadir reads ${KNOWN_TRTESTCD.join(", ")})`);
  }
  if (problems.length > 0) throw new SdtmError(problems.join("\n"));
  const trRows = selectReader(tr, "TR", options.evaluator, problems);
  const tuRows = selectReader(tu, "TU", options.evaluator, problems);
  const subjects = [...new Set([...tuRows, ...trRows].map((r) => r.cells.USUBJID))].filter((s) => s);
  const cases: SdtmCase[] = [];
  for (const usubjid of subjects) {
    const built = buildCase(usubjid, tu, tuRows.filter((r) => r.cells.USUBJID === usubjid), tr, trRows.filter((r) => r.cells.USUBJID === usubjid), problems, options);
    if (built) cases.push(built);
  }
  if (cases.length === 0 && problems.length === 0) problems.push(`${tu.file}: no subject with tumour identification records`);
  if (problems.length > 0) throw new SdtmError(problems.join("\n"));
  return cases;
}

/** The records of one reader: `--evaluator`, else per subject the accepted ones (ACPTFL = Y). */
export function selectReader(table: CsvTable, prefix: "TU" | "TR" | "RS", evaluator: string | undefined, problems: string[]): CsvRow[] {
  const evalId = (r: CsvRow) => r.cells[`${prefix}EVALID`] || r.cells[`${prefix}EVAL`] || "";
  const hasEvaluatorColumns = table.columns.includes(`${prefix}EVALID`) || table.columns.includes(`${prefix}EVAL`);
  if (evaluator !== undefined) {
    if (!hasEvaluatorColumns) return table.rows;
    const wanted = evaluator.trim().toUpperCase();
    const kept = table.rows.filter((r) => [r.cells[`${prefix}EVALID`], r.cells[`${prefix}EVAL`]].some((v) => v && v.toUpperCase() === wanted));
    if (kept.length === 0 && prefix !== "RS") {
      const readers = [...new Set(table.rows.map(evalId).filter((x) => x))];
      problems.push(`${table.file}: no records of evaluator '${evaluator}' (${prefix}EVALID / ${prefix}EVAL: ${readers.join(", ") || "none"})`);
    }
    return kept;
  }
  const flag = `${prefix}ACPTFL`;
  const out: CsvRow[] = [];
  const bySubject = new Map<string, CsvRow[]>();
  for (const r of table.rows) bySubject.set(r.cells.USUBJID, [...(bySubject.get(r.cells.USUBJID) ?? []), r]);
  for (const [subject, rows] of bySubject) {
    const accepted = rows.filter((r) => (r.cells[flag] ?? "").toUpperCase() === "Y");
    if (accepted.length > 0) {
      out.push(...accepted);
      continue;
    }
    const readers = [...new Set(rows.map(evalId))];
    if (readers.length > 1 && prefix !== "RS") {
      problems.push(`${table.file}: subject ${subject} has records of several readers (${readers.map((x) => x || "(none)").join(", ")}) and none flagged ${flag} = Y: choose one with --evaluator`);
      continue;
    }
    out.push(...rows);
  }
  return out;
}

interface LesionDecl {
  linkId: string;
  id: string;
  kind: "target" | "non-target" | "new";
  organ: string;
  description: string | null;
  date: string | null;
  /** Index of the episode (baseline) the lesion belongs to. */
  episode: number;
}

interface Observation {
  diameter: number | null;
  /** P1: both LDIAM and LPERP recorded: the value is `LDIAM x LPERP`. */
  long: number | null;
  perpendicular: number | null;
  state: string | null;
  notDone: boolean;
  line: number;
}

function buildCase(usubjid: string, tu: CsvTable, tuRows: CsvRow[], tr: CsvTable, trRows: CsvRow[], problems: string[], options: SdtmOptions): SdtmCase | null {
  const before = problems.length;
  const studyId = tuRows[0]?.cells.STUDYID ?? trRows[0]?.cells.STUDYID ?? "";
  const patientId = studyId && usubjid.startsWith(`${studyId}-`) && usubjid.length > studyId.length + 1 ? usubjid.slice(studyId.length + 1) : usubjid;

  // Lesions (TU); ids are given once the episodes are known.
  // Keyed by TULNKID and identification date: a lesion id may come back in a later episode (R15).
  const lesions = new Map<string, LesionDecl>();
  const keyOf = (link: string, date: string | null) => `${link}\u0000${date ?? ""}`;
  for (const row of tuRows) {
    const c = row.cells;
    const link = c.TULNKID;
    if (!link) {
      problems.push(`${tu.file}:${row.line}: TULNKID is empty`);
      continue;
    }
    const tuDate = c.TUDTC ? c.TUDTC.slice(0, 10) : null;
    if (lesions.has(keyOf(link, tuDate))) {
      problems.push(`${tu.file}:${row.line}: lesion ${link} of ${usubjid} is identified twice${tuDate ? ` on ${tuDate}` : ""}`);
      continue;
    }
    const result = (c.TUSTRESC || c.TUORRES || "").toUpperCase();
    const kind = result === "TARGET" ? "target" : result === "NON-TARGET" ? "non-target" : result === "NEW" ? "new" : null;
    if (!kind) {
      problems.push(`${tu.file}:${row.line}: TUORRES '${c.TUORRES ?? ""}' is not TARGET, NON-TARGET or NEW`);
      continue;
    }
    const organ = organOfSdtmLocation(c.TULOC ?? "");
    const parts = [c.TULAT, c.TUDIR, c.TUPORTOT].filter((x) => x);
    if (!organ && c.TULOC) parts.push(`TULOC ${c.TULOC}`);
    const date = c.TUDTC ? c.TUDTC.slice(0, 10) : null;
    lesions.set(keyOf(link, tuDate), { linkId: link, id: link, kind, organ: organ ?? "other", description: parts.length ? parts.join(" ").toLowerCase() : null, date: date && parseDay(date) !== null ? date : null, episode: 0 });
  }

  /** The lesion a TR record links to: of those with its TULNKID, the latest identified on or before the date. */
  const lesionFor = (link: string, date: string): LesionDecl | undefined => {
    const candidates = [...lesions.values()].filter((l) => l.linkId === link).sort((a, b) => ((a.date ?? "") < (b.date ?? "") ? -1 : 1));
    return candidates.filter((l) => (l.date ?? "") <= date).pop() ?? candidates[0];
  };

  // Observations (TR), grouped by visit
  const visits = new Map<string, SdtmVisit & { modality: string | null; obs: Map<LesionDecl, Observation> }>();
  for (const row of trRows) {
    const c = row.cells;
    const code = (c.TRTESTCD ?? "").toUpperCase();
    if (code === "SUMDIAM" || !KNOWN_TRTESTCD.includes(code)) continue;
    const date = (c.TRDTC ?? "").slice(0, 10);
    if (parseDay(date) === null) {
      problems.push(`${tr.file}:${row.line}: TRDTC '${c.TRDTC ?? ""}' is not a date (YYYY-MM-DD): the scan date is required`);
      continue;
    }
    const lesion = lesionFor(c.TRLNKID, date);
    if (!lesion) {
      problems.push(`${tr.file}:${row.line}: TRLNKID '${c.TRLNKID ?? ""}' of ${usubjid} has no TU record`);
      continue;
    }
    // One scan per date: a visit listed twice (e.g. as the follow-up of one episode and a
    // pre-treatment scan of the next) is one assessment.
    const key = date;
    const visit = visits.get(key) ?? { key, name: c.VISIT || null, num: c.VISITNUM || null, date, modality: null, obs: new Map() };
    if (date < visit.date) visit.date = date;
    visit.modality ??= METHOD_MODALITY[(c.TRMETHOD ?? "").toUpperCase()] ?? null;
    visits.set(key, visit);
    const o = visit.obs.get(lesion) ?? { diameter: null, long: null, perpendicular: null, state: null, notDone: false, line: row.line };
    visit.obs.set(lesion, o);
    if ((c.TRSTAT ?? "").toUpperCase() === "NOT DONE") {
      o.notDone = true;
      continue;
    }
    if (code === "TUMSTATE") {
      o.state = (c.TRSTRESC || c.TRORRES || "").toUpperCase();
      if (!(o.state in STATES)) problems.push(`${tr.file}:${row.line}: TUMSTATE '${c.TRSTRESC || c.TRORRES || ""}' is not a tumour state Nadir knows (${Object.keys(STATES).join(", ")})`);
    } else {
      const size = diameterOf(c);
      const kept = code === "LPERP" ? o.perpendicular : o.long;
      if ("problem" in size) problems.push(`${tr.file}:${row.line}: ${code}: ${size.problem}`);
      else if (kept !== null && kept !== size.tenths) problems.push(`${tr.file}:${row.line}: ${code}: ${c.TRLNKID} has two different results on ${date} (${millimetres(kept)} and ${millimetres(size.tenths)})`);
      else if (code === "LPERP") o.perpendicular = size.tenths;
      else o.long = size.tenths;
      // One diameter alone is the value (a node's LPERP is its short axis); both are `LDIAM x LPERP` (P1).
      o.diameter = o.long ?? o.perpendicular;
    }
  }
  if (problems.length > before) return null;

  // Baselines (R15: without therapies each baseline starts an episode): the dates the target and
  // non-target lesions were identified (TUDTC), else the earliest visit that measures them.
  const sorted = [...visits.values()].sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0));
  const declared = [...lesions.values()].filter((l) => l.kind !== "new");
  const firstSeen = (l: LesionDecl) => sorted.find((v) => v.obs.has(l))?.date ?? null;
  for (const l of declared) l.date ??= firstSeen(l);
  const baselineDates = [...new Set(declared.map((l) => l.date).filter((d): d is string => d !== null))].sort();
  const baselines = baselineDates.map((d) => sorted.find((v) => v.date === d) ?? sorted.find((v) => v.date > d && declared.some((l) => l.date === d && v.obs.has(l))));
  if (baselines.length === 0 || baselines.some((b) => !b)) {
    problems.push(`${tr.file}: subject ${usubjid} has no baseline measurements of its target/non-target lesions${baselineDates.length ? ` (identified ${baselineDates.join(", ")})` : ""}`);
    return null;
  }
  const baselineVisits = baselines as NonNullable<(typeof baselines)[number]>[];
  const episodeAt = (date: string) => Math.max(0, baselineVisits.filter((b) => b.date <= date).length - 1);
  for (const l of lesions.values()) {
    if (l.kind === "new") l.episode = episodeAt(l.date ?? firstSeen(l) ?? baselineVisits[0].date);
    else l.episode = baselineDates.indexOf(l.date as string);
  }
  // Lesion ids: TULNKID when it is a valid id (an `E<n>-` episode prefix, as Nadir's CDISC export
  // writes for patients with several episodes, is dropped), unique within each episode.
  const usedIds = baselineVisits.map(() => new Set<string>());
  for (const l of lesions.values()) {
    const prefixed = /^E(\d+)-(.+)$/.exec(l.linkId);
    const wanted = prefixed && Number(prefixed[1]) === l.episode + 1 ? prefixed[2] : l.linkId;
    const used = usedIds[l.episode];
    l.id = isUsableLesionId(wanted) && !used.has(wanted.toLowerCase()) ? wanted : nextId(l.kind === "new" ? "NL" : l.kind === "target" ? "T" : "NT", used);
    used.add(l.id.toLowerCase());
    if (l.id !== wanted) l.description = [l.description, `tulnkid ${l.linkId}`].filter((x) => x).join(" ");
  }

  const reader = options.evaluator ? `evaluator ${options.evaluator}` : "accepted records (TRACPTFL = Y) or the only reader";
  // The criteria of the recorded responses (RSCAT), resolved by the registry; RECIST 1.1 is always read underneath (P3).
  const recorded = new Set((options.rs?.rows ?? []).filter((r) => r.cells.USUBJID === usubjid).map((r) => criterionOfCategory(r.cells.RSCAT ?? "")?.id ?? null));
  const criteria = CRITERIA.filter((c) => c.id !== DEFAULT_CRITERIA && recorded.has(c.id)).map((c) => c.label);
  const lines: string[] = [
    `# Imported from CDISC SDTM (${commentText(`TU ${tu.file}, TR ${tr.file}; ${reader}`)}), subject ${commentText(usubjid)}.`,
    `patient ${patientIdText(patientId)} {`,
    ...(criteria.length > 0 ? [`  criteria ${criteria.join(" ")}  # RSCAT of the recorded responses`] : []),
  ];
  const seenNew = new Map<LesionDecl, boolean>(); // new lesion -> still equivocal
  for (const visit of sorted) {
    const episode = episodeAt(visit.date);
    const baseline = baselineVisits[episode];
    const isBaseline = visit === baseline;
    const after = visit.date > baseline.date;
    const label = [visit.name ? `VISIT ${visit.name}` : null, visit.num ? `VISITNUM ${visit.num}` : null].filter((x) => x).join(", ");
    if (lines.length > 2) lines.push("");
    lines.push(`  ${isBaseline ? "baseline" : "scan"} ${visit.date}${visit.modality ? ` ${visit.modality}` : ""} {${label ? `  # ${commentText(label)}` : ""}`);
    for (const lesion of lesions.values()) {
      if (lesion.episode !== episode) continue;
      const o = visit.obs.get(lesion);
      const comment = (v: { comment?: string }) => (v.comment ? `  # ${commentText(v.comment)}` : "");
      const declaration = `${lesion.organ}${lesion.description ? ` ${quote(lesion.description)}` : ""}`;
      if (isBaseline && lesion.kind !== "new") {
        const value = o ? valueOf(lesion, o) : { text: "not evaluated", comment: "no TR record at the baseline" };
        lines.push(`    ${lesion.id} ${lesion.kind} ${declaration} ${value.text}${comment(value)}`);
        continue;
      }
      if (lesion.kind === "new") {
        if (!after || (!o && !seenNew.has(lesion))) continue;
        const value = o ? valueOf(lesion, o) : { text: "not evaluated", comment: "no TR record at this visit", equivocal: false };
        if (!seenNew.has(lesion)) lines.push(`    ${lesion.id} new${value.equivocal ? " equivocal" : ""} ${declaration} ${value.text}${comment(value)}`);
        else lines.push(`    ${lesion.id}${value.equivocal ? " new equivocal" : ""} ${value.text}${comment(value)}`);
        seenNew.set(lesion, !!value.equivocal);
        continue;
      }
      if (!o) {
        if (after) lines.push(`    ${lesion.id} not evaluated  # no TR record at this visit`);
        continue;
      }
      const value = valueOf(lesion, o);
      lines.push(`    ${lesion.id} ${value.text}${comment(value)}`);
    }
    lines.push("  }");
  }
  lines.push("}");
  const text = formatText(lines.join("\n") + "\n");
  const errors = analyze(text, { settings: options.settings }).diagnostics.filter((d) => d.severity === "error");
  for (const d of errors) problems.push(`subject ${usubjid}: the imported case would have an error: ${d.code}: ${d.message}`);
  if (errors.length > 0) return null;
  return { usubjid, patientId, text, visits: sorted.map(({ key, name, num, date }) => ({ key, name, num, date })), reader };
}

/** The criterion an RSCAT names ("RECIST 1.1", "iRECIST", "irRC" ...), through the registry. */
export function criterionOfCategory(rscat: string): Criterion | null {
  const text = rscat.trim();
  if (!text) return null;
  return CRITERIA.find((c) => c.cdiscCategory.toUpperCase() === text.toUpperCase()) ?? resolveCriteriaName(text) ?? (/IRECIST/i.test(text) ? resolveCriteriaName("iRECIST") : null);
}

/** TUMSTATE terms -> what the case file says. */
const STATES: Record<string, string> = {
  PRESENT: "present",
  ABSENT: "absent",
  "UNEQUIVOCAL PROGRESSION": "progressed",
  PROGRESSION: "progressed",
  INCREASED: "increased",
  EQUIVOCAL: "equivocal",
  "NOT EVALUATED": "not evaluated",
  "NOT ASSESSABLE": "not evaluated",
  "TOO SMALL TO MEASURE": "too small",
};

function valueOf(lesion: LesionDecl, o: Observation): { text: string; comment?: string; equivocal?: boolean } {
  const state = o.state ? STATES[o.state] : null;
  const equivocal = state === "equivocal";
  if (state === "progressed" || state === "increased") return { text: state };
  if (o.long !== null && o.perpendicular !== null && o.long > 0) return { text: `${millimetres(o.long).replace(/ mm$/, "")} x ${millimetres(o.perpendicular)}`, equivocal };
  if (o.diameter !== null) return { text: o.diameter === 0 ? "absent" : millimetres(o.diameter), equivocal };
  if (o.notDone || state === "not evaluated") return { text: "not evaluated", equivocal };
  if (state === "absent" || state === "too small") return { text: state, equivocal };
  if (lesion.kind === "target") return { text: "not evaluated", comment: `TUMSTATE ${o.state ?? "missing"} without a diameter`, equivocal };
  return { text: "present", equivocal };
}

function diameterOf(c: Record<string, string>): { tenths: number } | { problem: string } {
  const fromStandard = c.TRSTRESN ? { value: c.TRSTRESN, unit: c.TRSTRESU ?? "", column: "TRSTRESN" } : null;
  let candidate = fromStandard;
  if (!candidate && c.TRORRES) {
    const m = /^\s*(\d+(?:\.\d+)?)\s*([A-Za-z]+)?\s*$/.exec(c.TRORRES);
    if (!m) return { problem: `TRORRES '${c.TRORRES}' is not a number (and TRSTRESN is empty)` };
    candidate = { value: m[1], unit: c.TRORRESU || m[2] || "", column: "TRORRES" };
  }
  if (!candidate) return { problem: "no result (TRSTRESN and TRORRES are empty)" };
  const value = Number(candidate.value);
  if (!Number.isFinite(value) || value < 0) return { problem: `${candidate.column} '${candidate.value}' is not a length` };
  const unit = candidate.unit.trim().toLowerCase();
  const factor = unit === "mm" ? 10 : unit === "cm" ? 100 : null;
  if (factor === null) return { problem: `unit '${candidate.unit}' is not a length in mm or cm` };
  return { tenths: Math.round(value * factor) };
}

