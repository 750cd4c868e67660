// Hyperprogression (R12): every published definition computed with its numbers. Times are in
// months of 30.4375 days; D is the target sum of diameters in mm.
import type { Episode, Tenths } from "../model/types";
import type { HyperprogressionDefinition } from "../settings";
import type { HyperprogressionResult } from "./types";
import type { EpisodeLesions, TimepointFacts } from "./timepoints";
import { targetSum } from "./targets";
import { mm } from "./format";

const DAYS_PER_MONTH = 30.4375;
/** Matos and Kato: time to treatment failure of (at most / under) 2 months. */
const TWO_MONTHS_DAYS = 2 * DAYS_PER_MONTH;

export type Definition = HyperprogressionResult["definition"];

interface Point {
  date: string;
  day: number;
  sum: Tenths;
}

/** TGR = 100 (exp(3 ln(Dt / D0) / t) - 1), percent volume change per month (Champiat / Ferte). */
export function tumourGrowthRate(d0: Tenths, dt: Tenths, months: number): number {
  return 100 * (Math.exp((3 * Math.log(dt / d0)) / months) - 1);
}

/** TGK = (St - S0) / t in mm per month (Saada-Bouzid). */
export function tumourGrowthKinetics(s0: Tenths, st: Tenths, months: number): number {
  return (st - s0) / 10 / months;
}

export function assessHyperprogression(episode: Episode, lesions: EpisodeLesions, facts: TimepointFacts[]): HyperprogressionResult[] {
  const first = facts[0];
  const baseline = episode.baseline;
  const baseSum = baseline && lesions.targets.length > 0 ? targetSum(lesions.targets, baseline).sum : null;
  const base: Point | null = baseline && baseSum !== null ? { date: baseline.date, day: baseline.day, sum: baseSum } : null;
  const eval1: Point | null = first && first.tp.sum !== null ? { date: first.tp.date, day: first.tp.day, sum: first.tp.sum } : null;
  let pre: Point | null = null;
  for (const scan of episode.preTreatment) {
    const t = targetSum(lesions.targets, scan);
    // A later pre-treatment scan that cannot be read is not skipped for an earlier one (issue 10).
    if (t.unreadable.length > 0) pre = null;
    else if (t.sum !== null && lesions.targets.length > 0) pre = { date: scan.date, day: scan.day, sum: t.sum };
  }
  const pdAtFirst = first?.tp.response === "PD";
  const start = episode.start;
  const daysToFirst = first && start !== null ? first.tp.day - start : null;
  return [
    champiat(pre, base, eval1, pdAtFirst),
    saadaBouzid(pre, base, eval1),
    ferrara(pre, base, eval1, pdAtFirst),
    matos(first, base, eval1, pdAtFirst, daysToFirst, lesions),
    kato(pre, base, eval1, pdAtFirst, daysToFirst),
  ];
}

/** The definition that raises the diagnostic: "auto" is Champiat with a pre-treatment scan, else Matos. */
export function selectedDefinition(setting: HyperprogressionDefinition, hasPreTreatment: boolean): Definition {
  if (setting !== "auto") return setting;
  return hasPreTreatment ? "champiat" : "matos";
}

const months = (a: Point, b: Point) => (b.day - a.day) / DAYS_PER_MONTH;
const f2 = (x: number) => (Number.isFinite(x) ? x.toFixed(2) : String(x));
const f1 = (x: number) => x.toFixed(1);

function notComputable(definition: Definition, why: string): HyperprogressionResult {
  return { definition, computable: false, met: false, detail: `Not computable: ${why}.` };
}

function kineticInputs(pre: Point | null, base: Point | null, eval1: Point | null): { pre: Point; base: Point; eval1: Point } | string {
  if (!pre) return "needs a pre-treatment scan with every target measured";
  if (!base) return "needs a baseline target sum";
  if (!eval1) return "needs a first on-treatment scan with every target measured";
  if (pre.sum <= 0 || base.sum <= 0 || eval1.sum <= 0) return "a sum of 0 mm has no growth rate";
  if (base.day <= pre.day || eval1.day <= base.day) return "the scans are not in date order";
  return { pre, base, eval1 };
}

function tgrs(p: { pre: Point; base: Point; eval1: Point }) {
  const tRef = months(p.pre, p.base);
  const tExp = months(p.base, p.eval1);
  const ref = tumourGrowthRate(p.pre.sum, p.base.sum, tRef);
  const exp = tumourGrowthRate(p.base.sum, p.eval1.sum, tExp);
  const text = `TGR_ref = ${f1(ref)} %/month (${mm(p.pre.sum)} ${p.pre.date} -> ${mm(p.base.sum)} ${p.base.date}, ${f2(tRef)} months), TGR_exp = ${f1(exp)} %/month (-> ${mm(p.eval1.sum)} ${p.eval1.date}, ${f2(tExp)} months)`;
  return { ref, exp, text };
}

function champiat(pre: Point | null, base: Point | null, eval1: Point | null, pd: boolean): HyperprogressionResult {
  const p = kineticInputs(pre, base, eval1);
  if (typeof p === "string") return notComputable("champiat", p);
  const g = tgrs(p);
  if (g.ref <= 0) {
    return { definition: "champiat", computable: true, met: false, detail: `${g.text}; TGR_ref <= 0, so the ratio TGR_exp / TGR_ref is not defined: not met.` };
  }
  const ratio = g.exp / g.ref;
  const met = pd && ratio >= 2;
  return { definition: "champiat", computable: true, met, detail: `${g.text}; TGR_exp / TGR_ref = ${f2(ratio)} (${ratio >= 2 ? ">=" : "<"} 2), ${pd ? "PD" : "no PD"} at the first evaluation: ${met ? "met" : "not met"}.` };
}

function ferrara(pre: Point | null, base: Point | null, eval1: Point | null, pd: boolean): HyperprogressionResult {
  const p = kineticInputs(pre, base, eval1);
  if (typeof p === "string") return notComputable("ferrara", p);
  const g = tgrs(p);
  const delta = g.exp - g.ref;
  const met = pd && delta > 50;
  return { definition: "ferrara", computable: true, met, detail: `${g.text}; delta TGR = ${f1(delta)} (${delta > 50 ? ">" : "<="} 50), ${pd ? "PD" : "no PD"} at the first evaluation: ${met ? "met" : "not met"}.` };
}

function saadaBouzid(pre: Point | null, base: Point | null, eval1: Point | null): HyperprogressionResult {
  const p = kineticInputs(pre, base, eval1);
  if (typeof p === "string") return notComputable("saada-bouzid", p);
  const kPre = tumourGrowthKinetics(p.pre.sum, p.base.sum, months(p.pre, p.base));
  const kOn = tumourGrowthKinetics(p.base.sum, p.eval1.sum, months(p.base, p.eval1));
  const text = `TGK_pre = ${f2(kPre)} mm/month, TGK_on = ${f2(kOn)} mm/month`;
  if (kPre <= 0) return { definition: "saada-bouzid", computable: true, met: false, detail: `${text}; TGK_pre <= 0, so the ratio is not defined: not met.` };
  const ratio = kOn / kPre;
  return { definition: "saada-bouzid", computable: true, met: ratio >= 2, detail: `${text}; TGK_on / TGK_pre = ${f2(ratio)} (${ratio >= 2 ? ">=" : "<"} 2): ${ratio >= 2 ? "met" : "not met"}.` };
}

function matos(first: TimepointFacts | undefined, base: Point | null, eval1: Point | null, pd: boolean, days: number | null, lesions: EpisodeLesions): HyperprogressionResult {
  if (!first || days === null) return notComputable("matos", "needs a first on-treatment scan and a treatment start");
  if (first.unreadable) return notComputable("matos", "a value the first on-treatment scan rests on could not be read");
  const criteria: string[] = [];
  if (base && eval1 && eval1.sum * 10 > base.sum * 14) criteria.push(`sum ${mm(eval1.sum)} is > 40 % above the baseline ${mm(base.sum)} (${f1(((eval1.sum - base.sum) / base.sum) * 100)} %)`);
  const organKey = (nodal: boolean, organ: string) => (nodal ? "node" : organ);
  const involved = new Set([...lesions.targets, ...lesions.nonTargets].map((l) => organKey(l.nodal, l.organ)));
  const perOrgan = new Map<string, string[]>();
  const newOrgans = new Set<string>();
  for (const v of first.newLesions.lesions) {
    if (!v.present || !v.unequivocal) continue;
    const key = organKey(v.lesion.nodal, v.lesion.organ);
    if (involved.has(key)) perOrgan.set(key, [...(perOrgan.get(key) ?? []), v.lesion.id]);
    else newOrgans.add(key);
  }
  for (const [organ, ids] of perOrgan) if (ids.length >= 2) criteria.push(`${ids.length} new lesions in ${organ}, already involved (${ids.join(", ")})`);
  if (newOrgans.size > 0) criteria.push(`spread to a new organ (${[...newOrgans].join(", ")})`);
  const early = days <= TWO_MONTHS_DAYS;
  const met = pd && early && criteria.length > 0;
  return {
    definition: "matos",
    computable: true,
    met,
    detail: `${pd ? "PD" : "No PD"} at the first evaluation ${first.tp.date}, ${days} days after the start (${early ? "<=" : ">"} 2 months); ${criteria.length > 0 ? criteria.join("; ") : "no sum > 40 % above baseline, no >= 2 new lesions in an involved organ, no new organ"}: ${met ? "met" : "not met"}.`,
  };
}

function kato(pre: Point | null, base: Point | null, eval1: Point | null, pd: boolean, days: number | null): HyperprogressionResult {
  const p = kineticInputs(pre, base, eval1);
  if (typeof p === "string" || days === null) return notComputable("kato", typeof p === "string" ? p : "needs a treatment start");
  const burden = ((p.eval1.sum - p.base.sum) / p.base.sum) * 100;
  const kPre = tumourGrowthKinetics(p.pre.sum, p.base.sum, months(p.pre, p.base));
  const kOn = tumourGrowthKinetics(p.base.sum, p.eval1.sum, months(p.base, p.eval1));
  const pace = kPre > 0 ? kOn / kPre : null;
  const early = days < TWO_MONTHS_DAYS;
  const met = pd && early && burden > 50 && pace !== null && pace > 2;
  return {
    definition: "kato",
    computable: true,
    met,
    detail: `${pd ? "PD" : "No PD"} ${days} days after the start (${early ? "<" : ">="} 2 months); tumour burden ${burden >= 0 ? "+" : ""}${f1(burden)} % (${burden > 50 ? ">" : "<="} 50 %); progression pace ${pace === null ? "not defined (no growth before treatment)" : `${f2(pace)}-fold (${pace > 2 ? ">" : "<="} 2)`}: ${met ? "met" : "not met"}.`,
  };
}
