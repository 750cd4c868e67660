// `nadir export --to cdisc`: SDTM-style Tumor Identification (TU), Tumor Results (TR) and
// Disease Response (RS) tables. One TU row per lesion, TR rows per measurement plus the sum of
// diameters (SUMDIAM) per assessment, RS rows per time point (TRGRESP, NTRGRESP, NEWLIND,
// OVRLRESP) and per episode (BESTRSP). RSCAT names the patient's criteria.
import type { Table, Cell } from "./table";
import { CohortEpisode, CohortFile, cohortEpisodes, mm } from "./cohort";
import type { Assessment, Lesion, Measurement } from "../model/types";
import type { Criteria } from "../model/types";

export interface CdiscOptions {
  /** STUDYID, also the prefix of USUBJID. */
  studyId: string;
}

export interface CdiscTables {
  tu: Table;
  tr: Table;
  rs: Table;
}

const VISIT_COLUMNS = ["VISITNUM", "VISIT", "EPOCH"];
export const TU_COLUMNS = ["STUDYID", "DOMAIN", "USUBJID", "TUSEQ", "TULNKID", "TUTESTCD", "TUTEST", "TUORRES", "TUSTRESC", "TULOC", "TUMETHOD", "TUEVAL", ...VISIT_COLUMNS, "TUDTC"];
export const TR_COLUMNS = ["STUDYID", "DOMAIN", "USUBJID", "TRSEQ", "TRGRPID", "TRLNKID", "TRTESTCD", "TRTEST", "TRORRES", "TRORRESU", "TRSTRESC", "TRSTRESN", "TRSTRESU", "TRSTAT", "TRMETHOD", "TREVAL", ...VISIT_COLUMNS, "TRDTC"];
export const RS_COLUMNS = ["STUDYID", "DOMAIN", "USUBJID", "RSSEQ", "RSTESTCD", "RSTEST", "RSCAT", "RSORRES", "RSSTRESC", "RSEVAL", ...VISIT_COLUMNS, "RSDTC"];

const RSCAT: Record<Criteria, string> = { "RECIST1.1": "RECIST 1.1", iRECIST: "iRECIST" };
const EVALUATOR = "INVESTIGATOR";

const METHOD: Record<string, string> = {
  CT: "CT SCAN",
  MRI: "MRI",
  "PET-CT": "PET/CT SCAN",
  "X-RAY": "X-RAY",
  US: "ULTRASOUND",
  CLINICAL: "PHYSICAL EXAMINATION",
};

interface Visit {
  num: number;
  name: string;
  epoch: string;
}

export function cdiscTables(files: CohortFile[], options: CdiscOptions): CdiscTables {
  const tu: Cell[][] = [];
  const tr: Cell[][] = [];
  const rs: Cell[][] = [];
  const seq = new Map<string, { tu: number; tr: number; rs: number }>();
  const visitCounters = new Map<string, number>();
  for (const e of cohortEpisodes(files)) {
    const usubjid = `${options.studyId}-${e.patient.id}`;
    const counters = seq.get(usubjid) ?? { tu: 0, tr: 0, rs: 0 };
    seq.set(usubjid, counters);
    const visits = numberVisits(e, visitCounters, usubjid);
    const visitCells = (a: Assessment): Cell[] => {
      const v = visits.get(a);
      return v ? [v.num, v.name, v.epoch] : [null, null, null];
    };
    const linkId = (lesion: Lesion) => (e.patient.episodes.length > 1 ? `E${e.number}-${lesion.id}` : lesion.id);

    for (const lesion of e.episode.episode.lesions.values()) {
      const result = lesion.kind.toUpperCase();
      tu.push([options.studyId, "TU", usubjid, ++counters.tu, linkId(lesion), "TUMIDENT", "Tumor Identification", result, result,
        location(lesion), method(lesion.declaredAt), EVALUATOR, ...visitCells(lesion.declaredAt), lesion.declaredAt.date]);
    }

    const sums = new Map<Assessment, number | null>();
    const baseline = e.episode.episode.baseline;
    if (baseline && e.episode.baseline) sums.set(baseline, e.episode.baseline.sum);
    for (const tp of e.episode.timepoints) sums.set(tp.scan, tp.sum);

    for (const a of [...e.episode.episode.preTreatment, ...(baseline ? [baseline] : []), ...e.episode.episode.followUps]) {
      // Standardised result: the number in mm for measurements, else the original text.
      const trRow = (group: string, link: string | null, testcd: string, test: string, orres: Cell, orresu: Cell, stresn: number | null, stat: Cell): Cell[] => [
        options.studyId, "TR", usubjid, ++counters.tr, group, link, testcd, test, orres, orresu,
        stresn === null ? orres : String(stresn), stresn, stresn === null ? null : "mm",
        stat, method(a), EVALUATOR, ...visitCells(a), a.date,
      ];
      for (const m of a.measurements) {
        const lesion = e.episode.episode.lesions.get(m.lesionId);
        if (!lesion) continue;
        const group = lesion.kind.toUpperCase();
        const link = linkId(lesion);
        const written = writtenValue(e.file, m);
        if (m.value.kind === "not-evaluated") {
          tr.push(trRow(group, link, diameterCode(lesion), diameterTest(lesion), null, null, null, "NOT DONE"));
          continue;
        }
        if (m.value.kind === "size") {
          const value = mm(m.value.tenths) as number;
          tr.push(trRow(group, link, diameterCode(lesion), diameterTest(lesion), written, null, value, null));
          if (lesion.kind !== "target") tr.push(trRow(group, link, "TUMSTATE", "Tumor State", tumourState(lesion, m), null, null, null));
          continue;
        }
        tr.push(trRow(group, link, "TUMSTATE", "Tumor State", tumourState(lesion, m), null, null, null));
      }
      if (sums.has(a)) {
        const sum = mm(sums.get(a));
        tr.push(trRow("TARGET", null, "SUMDIAM", "Sum of Diameter", sum === null ? null : String(sum), sum === null ? null : "mm", sum, sum === null ? "NOT DONE" : null));
      }
    }

    const category = RSCAT[e.patient.criteria];
    const rsRow = (a: Assessment | null, date: string | null, testcd: string, test: string, result: string): Cell[] => [
      options.studyId, "RS", usubjid, ++counters.rs, testcd, test, category, result, result, EVALUATOR,
      ...(a ? visitCells(a) : [null, null, `TREATMENT ${e.number}`]), date,
    ];
    for (const tp of e.episode.timepoints) {
      if (tp.target !== null) rs.push(rsRow(tp.scan, tp.date, "TRGRESP", "Target Response", tp.target));
      if (tp.nonTarget !== null) rs.push(rsRow(tp.scan, tp.date, "NTRGRESP", "Non-target Response", tp.nonTarget));
      rs.push(rsRow(tp.scan, tp.date, "NEWLIND", "New Lesion Indicator", NEW_LESION_INDICATOR[tp.newLesions]));
      const overall = e.patient.criteria === "iRECIST" ? tp.iResponse ?? tp.response : tp.response;
      rs.push(rsRow(tp.scan, tp.date, "OVRLRESP", "Overall Response", overall));
    }
    const best = e.patient.criteria === "iRECIST" ? e.episode.iBestResponse ?? e.episode.bestResponse : e.episode.bestResponse;
    if (best) rs.push(rsRow(null, null, "BESTRSP", "Best Overall Response", best));
  }
  return {
    tu: { name: "tu", columns: TU_COLUMNS, rows: tu },
    tr: { name: "tr", columns: TR_COLUMNS, rows: tr },
    rs: { name: "rs", columns: RS_COLUMNS, rows: rs },
  };
}

const NEW_LESION_INDICATOR = { yes: "Y", no: "N", equivocal: "EQUIVOCAL", NE: "NE" } as const;

/** Visit numbers run over a subject's episodes in date order; a shared baseline keeps its number. */
function numberVisits(e: CohortEpisode, counters: Map<string, number>, usubjid: string): Map<Assessment, Visit> {
  const visits = new Map<Assessment, Visit>();
  const epoch = `TREATMENT ${e.number}`;
  let next = counters.get(usubjid) ?? 0;
  const add = (a: Assessment, name: string) => visits.set(a, { num: ++next, name, epoch });
  e.episode.episode.preTreatment.forEach((a, i) => add(a, `PRE-TREATMENT ${i + 1}`));
  if (e.episode.episode.baseline) add(e.episode.episode.baseline, "BASELINE");
  e.episode.episode.followUps.forEach((a, i) => add(a, `FOLLOW-UP ${i + 1}`));
  counters.set(usubjid, next);
  return visits;
}

/** Nodes are measured on their short axis, which SDTM records as the longest perpendicular (R2). */
function diameterCode(lesion: Lesion): string {
  return lesion.nodal ? "LPERP" : "LDIAM";
}

function diameterTest(lesion: Lesion): string {
  return lesion.nodal ? "Longest Perpendicular" : "Longest Diameter";
}

function location(lesion: Lesion): string {
  return lesion.nodal ? "LYMPH NODE" : lesion.organ.replace(/-/g, " ").toUpperCase();
}

function method(a: Assessment): string | null {
  if (!a.modality) return null;
  return METHOD[a.modality.toUpperCase()] ?? a.modality.toUpperCase();
}

/** The value as written in the case file ("3.8 cm", "too small", "split 12 mm + 8 mm"). */
function writtenValue(file: CohortFile, m: Measurement): string {
  return file.analysis.text.slice(m.node.value.start, m.node.value.end);
}

function tumourState(lesion: Lesion, m: Measurement): string {
  if (lesion.kind === "new" && m.equivocal) return "EQUIVOCAL";
  switch (m.value.kind) {
    case "size":
      return m.value.tenths === 0 ? "ABSENT" : "PRESENT";
    case "status":
      return m.value.status === "progressed" ? "UNEQUIVOCAL PROGRESSION" : m.value.status === "increased" ? "INCREASED" : "PRESENT";
    case "not-evaluated":
      return "NOT EVALUATED";
    case "broken":
      return "UNREADABLE";
  }
}
