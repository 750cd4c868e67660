// A seeded generator of random but plausible RECIST 1.1 and iRECIST series (issue 11): targets
// (nodes among them), non-targets (measured nodes and status words), new lesions (equivocal ones,
// new nodes below and above 10 mm, status words), values not evaluated, scans too early for
// confirmation, windows missed, clinical deterioration, ctDNA. It knows only what it wrote, so the
// invariants checked against it follow from the rules, not from a second engine.
import { formatDay, parseDay } from "../../server/src/core/util/dates";
import { formatMm } from "../../server/src/core/util/numbers";
import { Random } from "../../bench/random";

/** The project's seeded PRNG (mulberry32, bench/random.ts) as a function. */
export function rng(seed: number): () => number {
  const r = new Random(seed);
  return () => r.next();
}

export type GenValue =
  | { kind: "size"; tenths: number }
  | { kind: "status"; status: "present" | "increased" | "progressed" }
  | { kind: "too small" }
  | { kind: "absent" }
  | { kind: "not evaluated" }
  /** The lesion line is left out of the scan: not evaluated (spec, "Values"). */
  | { kind: "omitted" };

export interface GenLesion {
  id: string;
  kind: "target" | "non-target" | "new";
  organ: string;
  nodal: boolean;
}

export interface GenEntry {
  lesion: GenLesion;
  value: GenValue;
  /** New lesions: the line says `equivocal`. */
  equivocal: boolean;
  /** New lesions: the line declares it (`NL1 new ORGAN ...`). */
  declares: boolean;
}

export interface GenScan {
  date: string;
  day: number;
  entries: GenEntry[];
  deterioration: boolean;
}

export interface GenPatient {
  id: string;
  criteria: "RECIST1.1" | "iRECIST";
  confirm: boolean;
  therapy: boolean;
  baseline: GenScan;
  scans: GenScan[];
  ctdna: Array<{ date: string; text: string }>;
  /** Some new lesion was written `equivocal` (R6 may move a progression date back). */
  hasEquivocal: boolean;
}

const ORGANS = ["liver", "lung", "adrenal", "kidney", "spleen", "skin", "peritoneum", "soft-tissue", "pancreas"];
const START = parseDay("2022-01-03") as number;

export function generatePatient(random: () => number, id: string): GenPatient {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)];
  const chance = (p: number) => random() < p;
  const between = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  const criteria = chance(0.6) ? "iRECIST" : "RECIST1.1";
  const baselineDay = START + between(0, 900);
  const lesions: GenLesion[] = [];
  const perOrgan = new Map<string, number>();
  const targetCount = chance(0.08) ? 0 : between(1, 4);
  for (let k = 1; k <= targetCount; k++) {
    const nodal = chance(0.25);
    let organ = nodal ? "node" : pick(ORGANS);
    if ((perOrgan.get(organ) ?? 0) >= 2) organ = nodal ? pick(ORGANS) : pick(ORGANS.filter((o) => (perOrgan.get(o) ?? 0) < 2));
    perOrgan.set(organ, (perOrgan.get(organ) ?? 0) + 1);
    lesions.push({ id: `T${k}`, kind: "target", organ, nodal: organ === "node" });
  }
  const ntCount = targetCount === 0 ? between(1, 3) : between(0, 3);
  for (let k = 1; k <= ntCount; k++) {
    const nodal = chance(0.4);
    lesions.push({ id: `NT${k}`, kind: "non-target", organ: nodal ? "node" : pick([...ORGANS, "bone", "brain", "pleura"]), nodal });
  }
  const last = new Map<string, GenValue>();
  const baselineEntries: GenEntry[] = lesions.map((lesion) => {
    let value: GenValue;
    if (lesion.kind === "target") value = { kind: "size", tenths: lesion.nodal ? between(150, 400) : between(100, 800) };
    else if (lesion.nodal) value = { kind: "size", tenths: between(100, 250) };
    else value = { kind: "status", status: "present" };
    last.set(lesion.id, value);
    return { lesion, value, equivocal: false, declares: true };
  });
  const baseline: GenScan = { date: formatDay(baselineDay), day: baselineDay, entries: baselineEntries, deterioration: false };

  const trend = pick([0.8, 0.95, 1.0, 1.05, 1.2]);
  const scans: GenScan[] = [];
  const news: GenLesion[] = [];
  const newState = new Map<string, { equivocal: boolean }>();
  let hasEquivocal = false;
  let day = baselineDay;
  const scanCount = between(1, 8);
  for (let s = 0; s < scanCount; s++) {
    const gap = chance(0.12) ? between(10, 25) : chance(0.1) ? between(26, 30) : chance(0.1) ? between(55, 60) : chance(0.1) ? between(61, 150) : between(35, 70);
    day += gap;
    const entries: GenEntry[] = [];
    for (const lesion of [...lesions, ...news]) {
      const before = last.get(lesion.id) ?? { kind: "absent" };
      let value: GenValue;
      if (chance(0.05)) value = { kind: "not evaluated" };
      else if (chance(0.02)) value = { kind: "omitted" };
      else if (lesion.kind === "target") value = nextTargetValue(random, lesion, before, trend);
      else if (lesion.kind === "non-target") value = lesion.nodal ? nextNodeValue(random, before) : pick<GenValue>([{ kind: "status", status: "present" }, { kind: "status", status: "present" }, { kind: "status", status: "present" }, { kind: "absent" }, { kind: "status", status: "increased" }, { kind: "status", status: "progressed" }]);
      else value = nextNewValue(random, lesion, before);
      let equivocal = false;
      if (lesion.kind === "new") {
        const state = newState.get(lesion.id) as { equivocal: boolean };
        if (state.equivocal && value.kind !== "not evaluated" && value.kind !== "omitted" && chance(0.5)) equivocal = true;
        else if (value.kind !== "not evaluated" && value.kind !== "omitted") state.equivocal = false;
      }
      if (value.kind !== "not evaluated" && value.kind !== "omitted") last.set(lesion.id, value);
      entries.push({ lesion, value, equivocal, declares: false });
    }
    // Early scans are often done for a new symptom (the FAQ exception needs both).
    const early = gap < 26;
    const newCount = chance(early ? 0.3 : 0.14) ? (chance(0.2) ? 2 : 1) : 0;
    for (let n = 0; n < newCount; n++) {
      const nodal = chance(0.3);
      const lesion: GenLesion = { id: `NL${news.length + 1}`, kind: "new", organ: nodal ? "node" : pick([...ORGANS, "bone", "brain"]), nodal };
      const value: GenValue = chance(0.1) ? { kind: "status", status: "present" } : { kind: "size", tenths: nodal ? pick([between(50, 99), between(100, 149), between(150, 250), 99, 100]) : between(40, 300) };
      const equivocal = chance(0.25);
      hasEquivocal ||= equivocal;
      news.push(lesion);
      newState.set(lesion.id, { equivocal });
      last.set(lesion.id, value);
      entries.push({ lesion, value, equivocal, declares: true });
    }
    scans.push({ date: formatDay(day), day, entries, deterioration: chance(early ? 0.35 : 0.08) });
  }
  const ctdna: GenPatient["ctdna"] = [];
  const therapy = chance(0.5);
  if (therapy && chance(0.6)) {
    let level = between(1, 60) / 10;
    for (const d of [baselineDay, baselineDay + between(20, 80), ...scans.map((x) => x.day - between(1, 10))].sort((a, b) => a - b)) {
      if (ctdna.some((c) => c.date === formatDay(d))) continue;
      ctdna.push({ date: formatDay(d), text: chance(0.1) ? "undetected" : `vaf ${formatMm(Math.round(level * 10))} %` });
      level = Math.min(90, Math.max(0.1, level * pick([0.05, 0.5, 0.9, 1, 1.3, 2])));
    }
  }
  return { id, criteria, confirm: chance(0.2), therapy, baseline, scans, ctdna, hasEquivocal };
}

function nextTargetValue(random: () => number, lesion: GenLesion, before: GenValue, trend: number): GenValue {
  const r = random();
  const prev = before.kind === "size" ? before.tenths : before.kind === "too small" ? 50 : 0;
  if (r < 0.03) return { kind: "too small" };
  if (r < 0.06 && !lesion.nodal) return { kind: "absent" };
  // Hit the 5 mm edge exactly now and then.
  if (r < 0.12) return { kind: "size", tenths: Math.min(2500, prev + (random() < 0.5 ? 50 : 49)) };
  if (prev === 0) return { kind: "size", tenths: random() < 0.6 ? 0 : Math.floor(random() * 120) };
  const factor = trend * (0.7 + random() * 0.6);
  return { kind: "size", tenths: Math.min(2500, Math.max(lesion.nodal ? 30 : 0, Math.round(prev * factor))) };
}

/** A measured node moves around 10 mm short axis, sometimes exactly 9.9 or 10.0. */
function nextNodeValue(random: () => number, before: GenValue): GenValue {
  const r = random();
  if (r < 0.1) return { kind: "size", tenths: random() < 0.5 ? 99 : 100 };
  if (r < 0.15) return { kind: "status", status: random() < 0.5 ? "increased" : "progressed" };
  const prev = before.kind === "size" ? before.tenths : 100;
  return { kind: "size", tenths: Math.max(40, prev + Math.round((random() - 0.5) * 60)) };
}

function nextNewValue(random: () => number, lesion: GenLesion, before: GenValue): GenValue {
  const r = random();
  if (r < 0.08) return { kind: "absent" };
  if (r < 0.12) return { kind: "status", status: random() < 0.5 ? "increased" : "progressed" };
  if (before.kind === "status") return random() < 0.7 ? before : { kind: "size", tenths: 50 + Math.floor(random() * 200) };
  const prev = before.kind === "size" ? before.tenths : 0;
  if (r < 0.2) return { kind: "size", tenths: Math.min(2500, prev + (random() < 0.5 ? 50 : 49)) };
  if (prev === 0) return { kind: "size", tenths: lesion.nodal ? 80 + Math.floor(random() * 60) : Math.floor(random() * 150) };
  return { kind: "size", tenths: Math.min(2500, Math.max(lesion.nodal ? 40 : 0, Math.round(prev * (0.7 + random() * 0.7)))) };
}

/** A value as the language writes it. */
export function valueText(v: GenValue): string | null {
  switch (v.kind) {
    case "size": return `${formatMm(v.tenths)} mm`;
    case "status": return v.status;
    case "too small": return "too small";
    case "absent": return "absent";
    case "not evaluated": return "not evaluated";
    case "omitted": return null;
  }
}

/** The patient as case-file text; `transform` may rewrite values (metamorphic tests). */
export function patientText(p: GenPatient, transform: (lesion: GenLesion, v: GenValue) => GenValue = (_l, v) => v): string {
  const lines = [`patient ${p.id} {`, `  criteria ${p.criteria}`];
  if (p.confirm) lines.push("  confirm responses");
  if (p.therapy) lines.push(`  therapy nivolumab from ${formatDay(p.baseline.day + 2)} immunotherapy`);
  const block = (keyword: string, scan: GenScan) => {
    lines.push(`  ${keyword} ${scan.date} CT {`);
    for (const e of scan.entries) {
      const text = valueText(transform(e.lesion, e.value));
      if (text === null) continue;
      if (e.declares && e.lesion.kind !== "new") lines.push(`    ${e.lesion.id} ${e.lesion.kind} ${e.lesion.organ} ${text}`);
      else if (e.declares) lines.push(`    ${e.lesion.id} new ${e.equivocal ? "equivocal " : ""}${e.lesion.organ} ${text}`);
      else if (e.equivocal) lines.push(`    ${e.lesion.id} new equivocal ${text}`);
      else lines.push(`    ${e.lesion.id} ${text}`);
    }
    if (scan.deterioration) lines.push("    clinical deterioration");
    lines.push("  }");
  };
  block("baseline", p.baseline);
  for (const s of p.scans) block("scan", s);
  for (const c of p.ctdna) lines.push(`  ctdna ${c.date} ${c.text}`);
  lines.push("}");
  return lines.join("\n") + "\n";
}
