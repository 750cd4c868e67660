// Deterministic generator of realistic Nadir case files for the benchmarks and the robustness
// tests. Each patient is built as plain data first (so the same cohort can be serialised as JSON
// for the JSON.parse baseline), then rendered as `.nadir` text that follows the language spec:
// 1-5 targets with at most 2 per organ (R1), 0-4 non-targets, 3-20 assessments, new lesions,
// ctDNA, markers, biopsies, decisions and up to three therapy lines, each with its own baseline
// (one episode per line, R15). The text is formatted as `nadir format` would (a test checks it).
import { Random } from "./random";
import { formatText } from "../server/src/core/format";

export interface LesionLine {
  id: string;
  /** Set on the line that declares the lesion. */
  declare?: "target" | "non-target" | "new";
  equivocal?: boolean;
  organ?: string;
  description?: string;
  /** The value exactly as written: `42 mm`, `3.8 cm`, `absent`, `too small`, `present`, ... */
  value: string;
}

export interface GeneratedAssessment {
  kind: "baseline" | "scan";
  date: string;
  modality: string;
  lesions: LesionLine[];
  ecog?: number;
  clinical?: "stable" | "deterioration";
  note?: string;
}

export interface GeneratedPatient {
  id: string;
  criteria: "RECIST 1.1" | "iRECIST";
  confirmResponses: boolean;
  schedule: { count: number; unit: "weeks" | "days" };
  asOf: string | null;
  therapies: Array<{ name: string; date: string; kind: string }>;
  assessments: GeneratedAssessment[];
  ctdna: Array<{ date: string; value: string }>;
  markers: Array<{ date: string; name: string; value: number; unit: string; uln: number }>;
  biopsies: Array<{ date: string; organ: string; finding: string }>;
  decisions: Array<{ date: string; text: string }>;
}

const MS_PER_DAY = 86_400_000;
const FIRST_DAY = Date.UTC(2018, 0, 1) / MS_PER_DAY;

const NON_NODAL_ORGANS = ["liver", "lung", "adrenal", "kidney", "peritoneum", "pleura", "skin", "soft-tissue", "spleen", "pancreas", "brain", "bone", "ovary"];
const NT_ORGANS = ["bone", "pleura", "peritoneum", "brain", "liver", "lung", "node", "node", "skin"];
const DESCRIPTIONS: Record<string, string[]> = {
  liver: ["segment VII metastasis", "segment II", "dome, subcapsular", "segment IVb"],
  lung: ["right lower lobe nodule", "left upper lobe mass", "lingula"],
  node: ["subcarinal", "left axillary", "right hilar", "para-aortic", "mesenteric"],
  bone: ["L3 vertebral body", "left iliac wing", "T8", "right femoral neck"],
};
const THERAPIES: Array<[string, string]> = [
  ["pembrolizumab", "immunotherapy"], ["nivolumab", "immunotherapy"], ["ipilimumab+nivolumab", "immunotherapy"],
  ["atezolizumab", "immunotherapy"], ["carboplatin/pemetrexed", "chemotherapy"], ["\"FOLFOX + bevacizumab\"", "chemotherapy"],
  ["docetaxel", "chemotherapy"], ["osimertinib", "targeted"], ["dabrafenib/trametinib", "targeted"],
  ["SBRT", "radiotherapy"], ["\"NCT0451 arm B\"", "trial"],
];
const MARKERS: Array<{ name: string; unit: string; uln: number; normal: number }> = [
  { name: "CEA", unit: "ng/mL", uln: 5, normal: 3 },
  { name: "CA-125", unit: "U/mL", uln: 35, normal: 20 },
  { name: "LDH", unit: "U/L", uln: 250, normal: 180 },
  { name: "PSA", unit: "ng/mL", uln: 4, normal: 2 },
];
const MODALITIES = ["CT", "CT", "CT", "MRI", "PET-CT"];
const PROFILE_SALT: Record<Profile, number> = { mixed: 0, small: 101, progressing: 202, responding: 303, "missed-follow-ups": 404 };

type Course = "response" | "stable" | "progression" | "pseudoprogression";

/**
 * What kind of patients a cohort holds. `mixed` is the original generator (its cohorts are
 * unchanged, byte for byte: the README's earlier figures were measured on them); the others vary
 * patient size and diagnostic density, because a cohort of many small patients or one where most
 * patients progress has far more findings per byte (an LSP publish carries all of them):
 * - `small`: one line of therapy, 1-2 targets, 3-5 scans, no descriptions: about 1.1 KB and five
 *   findings per patient (most progress and are overdue);
 * - `progressing`: four in five patients progress or pseudo-progress;
 * - `responding`: four in five respond;
 * - `missed-follow-ups`: scans skipped (intervals doubled or tripled), lesions left out of scans,
 *   and an `as of` date long after the last scan: missing-measurement and follow-up-overdue
 *   findings on most patients.
 */
export type Profile = "mixed" | "small" | "progressing" | "responding" | "missed-follow-ups";

interface Shape {
  scans: [number, number];
  lines: [number, number];
  targets: [number, number];
  nonTargets: [number, number];
  courses: readonly Course[];
  descriptions: boolean;
  ctdna: number;
  marker: number;
  /** Chance that a scheduled scan is skipped (the next one comes one or two intervals later). */
  skip: number;
  /** Chance that a follow-up scan leaves out a lesion. */
  omit: number;
  /** The `as of` date comes long after the last scan (always given). */
  lateAsOf: boolean;
}

const MIXED_COURSES: readonly Course[] = ["response", "response", "stable", "progression", "pseudoprogression"];
const MIXED: Shape = {
  scans: [3, 20], lines: [1, 3], targets: [1, 5], nonTargets: [0, 4], courses: MIXED_COURSES, descriptions: true,
  ctdna: 0.6, marker: 0.5, skip: 0, omit: 0, lateAsOf: false,
};
const SHAPES: Record<Profile, Shape> = {
  mixed: MIXED,
  small: {
    ...MIXED, scans: [5, 10], lines: [1, 1], targets: [1, 3], nonTargets: [0, 2], descriptions: false, ctdna: 0.3, marker: 0.2,
    courses: ["progression", "progression", "progression", "pseudoprogression", "pseudoprogression", "response"], lateAsOf: true,
  },
  progressing: { ...MIXED, courses: ["progression", "progression", "pseudoprogression", "pseudoprogression", "stable"] },
  responding: { ...MIXED, courses: ["response", "response", "response", "response", "stable"] },
  "missed-follow-ups": { ...MIXED, skip: 0.35, omit: 0.15, lateAsOf: true },
};

interface TrackedLesion {
  id: string;
  kind: "target" | "non-target" | "new";
  organ: string;
  nodal: boolean;
  /** Baseline size in mm (0 for a non-target written `present`). */
  size: number;
  equivocal: boolean;
}

export function formatDay(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/**
 * Patient `index` of cohort `seed` is the same in every cohort with that seed and profile, whatever
 * its size. Other profiles draw their patients from other streams (the profile is mixed into the seed).
 */
export function generatePatient(seed: number, index: number, profile: Profile = "mixed"): GeneratedPatient {
  const shape = SHAPES[profile];
  const streamSeed = profile === "mixed" ? seed : Math.imul(seed, 31) + PROFILE_SALT[profile];
  const rng = new Random((Math.imul(streamSeed, 1_000_003) + index * 7919) >>> 0);
  const weeks = rng.pick([6, 8, 8, 9, 12]);
  const interval = weeks * 7;
  const patient: GeneratedPatient = {
    id: `PT-${String(index + 1).padStart(5, "0")}`,
    criteria: rng.chance(0.5) ? "iRECIST" : "RECIST 1.1",
    confirmResponses: rng.chance(0.3),
    schedule: rng.chance(0.8) ? { count: weeks, unit: "weeks" } : { count: interval, unit: "days" },
    asOf: null,
    therapies: [],
    assessments: [],
    ctdna: [],
    markers: [],
    biopsies: [],
    decisions: [],
  };
  const totalScans = rng.int(...shape.scans);
  const preTreatment = rng.chance(0.3) ? 1 : 0;
  const lines = Math.max(1, Math.min(rng.int(...shape.lines), Math.floor((totalScans - preTreatment) / 3)));
  let scansLeft = totalScans - preTreatment;
  let day = FIRST_DAY + rng.int(0, 6 * 365);
  const marker = rng.chance(shape.marker) ? rng.pick(MARKERS) : null;
  const withCtdna = rng.chance(shape.ctdna);
  const ctdnaUnit = rng.pick(["vaf", "vaf", "copies/mL", "MTM/mL"]);

  for (let line = 0; line < lines; line++) {
    const scansInLine = line === lines - 1 ? scansLeft : Math.max(2, Math.floor(scansLeft / (lines - line)));
    scansLeft -= scansInLine;
    const lesions = declareBaselineLesions(rng, shape);
    if (line === 0 && preTreatment) {
      patient.assessments.push(preTreatmentScan(rng, lesions, day));
      day += rng.int(35, 70);
    }
    const baseline: GeneratedAssessment = {
      kind: "baseline", date: formatDay(day), modality: rng.pick(MODALITIES), lesions: lesions.map((l) => declarationLine(l, shape)), ecog: rng.int(0, 2),
    };
    patient.assessments.push(baseline);
    const [therapy, kind] = rng.pick(THERAPIES);
    const start = day + rng.int(1, 21);
    patient.therapies.push({ name: therapy, date: formatDay(start), kind });
    if (withCtdna) patient.ctdna.push({ date: formatDay(day), value: ctdnaValue(rng, ctdnaUnit, 1) });
    if (marker) patient.markers.push(markerResult(rng, marker, formatDay(day), 1.5));

    const course: Course = rng.pick(shape.courses);
    let scanDay = start;
    let newCount = 0;
    for (let k = 1; k < scansInLine; k++) {
      scanDay += interval + rng.int(-7, 7);
      if (shape.skip > 0 && rng.chance(shape.skip)) scanDay += interval * rng.int(1, 2);
      const factor = courseFactor(course, k, scansInLine - 1, rng);
      const scan: GeneratedAssessment = { kind: "scan", date: formatDay(scanDay), modality: baseline.modality, lesions: [] };
      for (const lesion of lesions) {
        if (shape.omit > 0 && rng.chance(shape.omit)) continue;
        scan.lesions.push({ id: lesion.id, value: followUpValue(rng, lesion, factor) });
      }
      if ((course === "progression" || course === "pseudoprogression") && factor > 1.1 && newCount < 3 && rng.chance(0.4)) {
        const fresh = newLesion(rng, ++newCount);
        lesions.push(fresh);
        scan.lesions.push(newLesionLine(rng, fresh, shape));
      }
      if (rng.chance(0.3)) scan.ecog = factor > 1.2 ? rng.int(1, 3) : rng.int(0, 1);
      if (patient.criteria === "iRECIST" && factor > 1.2 && rng.chance(0.5)) scan.clinical = rng.chance(0.8) ? "stable" : "deterioration";
      if (rng.chance(0.05)) scan.note = "reviewed at tumour board";
      patient.assessments.push(scan);
      if (withCtdna && rng.chance(0.5)) patient.ctdna.push({ date: formatDay(scanDay - rng.int(1, 10)), value: ctdnaValue(rng, ctdnaUnit, factor) });
      if (marker && rng.chance(0.6)) patient.markers.push(markerResult(rng, marker, formatDay(scanDay), factor * 1.5));
    }
    if (course === "progression" || rng.chance(0.2)) {
      if (rng.chance(0.3)) patient.biopsies.push({ date: formatDay(scanDay + 3), organ: rng.pick(NON_NODAL_ORGANS), finding: rng.pick(["viable tumour", "PD-L1 TPS 40%", "necrosis, no viable tumour", "EGFR T790M"]) });
      patient.decisions.push({ date: formatDay(scanDay + 5), text: rng.pick(["switch to next line", "continue treatment beyond progression", "confirmation CT in 6 weeks", "refer for local therapy"]) });
    }
    day = scanDay + rng.int(14, 35);
  }
  if (shape.lateAsOf) patient.asOf = formatDay(day + rng.int(120, 400));
  else if (rng.chance(0.8)) patient.asOf = formatDay(day + rng.int(0, 90));
  return patient;
}

function declareBaselineLesions(rng: Random, shape: Shape): TrackedLesion[] {
  const lesions: TrackedLesion[] = [];
  const perOrgan = new Map<string, number>();
  const targets = rng.int(...shape.targets);
  let t = 0;
  let n = 0;
  while (lesions.length < targets) {
    // Nodes count as one organ (R1): at most two nodal targets in all.
    const nodal = rng.chance(0.25);
    const organ = nodal ? "node" : rng.pick(NON_NODAL_ORGANS);
    if ((perOrgan.get(organ) ?? 0) >= 2) continue;
    perOrgan.set(organ, (perOrgan.get(organ) ?? 0) + 1);
    const size = nodal ? rng.int(15, 45) : rng.int(10, 90);
    lesions.push({ id: nodal ? `N${++n}` : `T${++t}`, kind: "target", organ, nodal, size, equivocal: false });
  }
  const nonTargets = rng.int(...shape.nonTargets);
  for (let i = 1; i <= nonTargets; i++) {
    const organ = rng.pick(NT_ORGANS);
    const nodal = organ === "node";
    lesions.push({ id: `NT${i}`, kind: "non-target", organ, nodal, size: nodal ? rng.int(10, 14) : 0, equivocal: false });
  }
  return lesions;
}

function declarationLine(lesion: TrackedLesion, shape: Shape): LesionLine {
  const organ = lesion.organ;
  const line: LesionLine = {
    id: lesion.id, declare: lesion.kind === "new" ? "new" : lesion.kind, organ,
    value: lesion.size > 0 ? `${lesion.size} mm` : "present",
  };
  const descriptions = DESCRIPTIONS[organ];
  if (shape.descriptions && descriptions && lesion.size % 3 !== 0) line.description = descriptions[lesion.size % descriptions.length];
  return line;
}

function preTreatmentScan(rng: Random, lesions: TrackedLesion[], day: number): GeneratedAssessment {
  const targets = lesions.filter((l) => l.kind === "target");
  return {
    kind: "scan", date: formatDay(day), modality: "CT",
    lesions: targets.map((l) => ({ id: l.id, value: `${Math.max(5, Math.round(l.size * (0.6 + rng.next() * 0.3)))} mm` })),
  };
}

/** Sum multiplier at follow-up k of n for a course; noise is added per lesion. */
function courseFactor(course: Course, k: number, n: number, rng: Random): number {
  const progress = k / Math.max(1, n);
  switch (course) {
    case "response":
      return Math.max(0, 1 - 0.8 * Math.min(1, progress * 1.5)) + (progress > 0.8 ? 0.3 * rng.next() : 0);
    case "stable":
      return 0.9 + 0.2 * rng.next();
    case "progression":
      return 1 + 0.35 * k;
    case "pseudoprogression":
      return k <= 2 ? 1 + 0.3 * k : Math.max(0.3, 1.6 - 0.3 * (k - 2));
  }
}

function followUpValue(rng: Random, lesion: TrackedLesion, factor: number): string {
  if (rng.chance(0.02)) return "not evaluated";
  if (lesion.kind === "non-target" && !lesion.nodal) {
    if (factor < 0.2) return rng.chance(0.5) ? "absent" : "present";
    if (factor > 1.6) return rng.chance(0.5) ? "progressed" : "increased";
    return factor > 1.3 ? "increased" : "present";
  }
  if (lesion.kind === "new" && lesion.size === 0) return factor > 0.5 ? "present" : "absent";
  const size = Math.round(lesion.size * factor * (0.9 + 0.2 * rng.next()));
  if (size === 0) return "absent";
  if (size < 5 && !lesion.nodal) return rng.chance(0.5) ? "too small" : "absent";
  if (size >= 30 && rng.chance(0.1)) return `${(size / 10).toFixed(1)} cm`;
  return `${size} mm`;
}

function newLesion(rng: Random, n: number): TrackedLesion {
  const organ = rng.pick(NON_NODAL_ORGANS.concat(["node"]));
  const nodal = organ === "node";
  return { id: `NL${n}`, kind: "new", organ, nodal, size: rng.chance(0.3) ? 0 : rng.int(nodal ? 10 : 5, 30), equivocal: rng.chance(0.3) };
}

function newLesionLine(rng: Random, lesion: TrackedLesion, shape: Shape): LesionLine {
  const line = declarationLine(lesion, shape);
  if (lesion.equivocal) line.equivocal = true;
  if (rng.chance(0.5)) delete line.description;
  return line;
}

function ctdnaValue(rng: Random, unit: string, factor: number): string {
  if (factor < 0.3 && rng.chance(0.5)) return "undetected";
  const level = Math.max(0.1, factor * (0.5 + rng.next() * 3));
  if (unit === "vaf") return `vaf ${level.toFixed(1)} %`;
  if (unit === "copies/mL") return `${Math.round(level * 100)} copies/mL`;
  return `${level.toFixed(1)} MTM/mL`;
}

function markerResult(rng: Random, marker: (typeof MARKERS)[number], date: string, factor: number) {
  const value = Math.round(marker.normal * factor * (0.8 + rng.next() * 0.6) * 10) / 10;
  return { date, name: marker.name, value, unit: marker.unit, uln: marker.uln };
}

// ---------------------------------------------------------------------------------------------
// Rendering

/** One patient's text, formatted (lesion values aligned as the formatter does). */
export function renderPatient(p: GeneratedPatient): string {
  const out: string[] = [`patient ${p.id} {`, `  criteria ${p.criteria}`];
  if (p.confirmResponses) out.push("  confirm responses");
  out.push(`  schedule every ${p.schedule.count} ${p.schedule.unit}`);
  if (p.asOf) out.push(`  as of ${p.asOf}`);
  for (const t of p.therapies) out.push(`  therapy ${t.name} from ${t.date} ${t.kind}`);
  for (const a of p.assessments) {
    out.push("", `  ${a.kind} ${a.date} ${a.modality} {`);
    for (const l of a.lesions) out.push(`    ${renderLesion(l)}`);
    if (a.ecog !== undefined) out.push(`    ecog ${a.ecog}`);
    if (a.clinical) out.push(`    clinical ${a.clinical}`);
    if (a.note) out.push(`    note "${a.note}"`);
    out.push("  }");
  }
  if (p.ctdna.length + p.markers.length + p.biopsies.length + p.decisions.length > 0) out.push("");
  for (const c of p.ctdna) out.push(`  ctdna ${c.date} ${c.value}`);
  for (const m of p.markers) out.push(`  marker ${m.date} ${m.name} ${m.value} ${m.unit} uln ${m.uln}`);
  for (const b of p.biopsies) out.push(`  biopsy ${b.date} ${b.organ} "${b.finding}"`);
  for (const d of p.decisions) out.push(`  decision ${d.date} "${d.text}"`);
  out.push("}", "");
  return formatText(out.join("\n"));
}

function renderLesion(l: LesionLine): string {
  const parts = [l.id];
  if (l.declare) parts.push(l.declare);
  if (l.equivocal) parts.push("equivocal");
  if (l.organ) parts.push(l.organ);
  if (l.description) parts.push(`"${l.description}"`);
  parts.push(l.value);
  return parts.join(" ");
}

export interface Cohort {
  patients: GeneratedPatient[];
  text: string;
  /** The same cohort as JSON: the baseline's input. */
  json: string;
}

export function generateCohort(seed: number, patients: number, profile: Profile = "mixed"): Cohort {
  const list: GeneratedPatient[] = [];
  for (let i = 0; i < patients; i++) list.push(generatePatient(seed, i, profile));
  return finish(list, list.map(renderPatient));
}

/** The smallest cohort whose text reaches `bytes` (UTF-8; the text is ASCII). */
export function generateCohortOfSize(seed: number, bytes: number, profile: Profile = "mixed"): Cohort {
  const list: GeneratedPatient[] = [];
  const texts: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const p = generatePatient(seed, i, profile);
    const text = renderPatient(p);
    size += text.length + 1;
    list.push(p);
    texts.push(text);
  }
  return finish(list, texts);
}

function finish(patients: GeneratedPatient[], texts: string[]): Cohort {
  const header = `# Generated by bench/generate.ts: ${patients.length} patient(s).\n`;
  return { patients, text: header + texts.join("\n"), json: JSON.stringify({ patients }) };
}
