// Oligoprogression (R14): progression confined to a few lesions while the others hold.
import type { Assessment, Lesion, Tenths } from "../model/types";
import type { TimepointFacts, EpisodeLesions } from "./timepoints";
import { valueAt } from "./lesionValues";
import { meetsPd, mm } from "./format";

export interface Oligoprogression {
  progressing: string[];
  others: string[];
}

/**
 * The lesions progressing at TP `index`: a target grown >= 20 % and >= 5 mm from its own nadir,
 * a non-target written `progressed` (a measured non-target's mm change is no progression, R10
 * clarifications), or an unequivocal new lesion. Null unless between 1 and
 * `maxLesions` progress and at least one other lesion is still there to be stable or responding.
 */
export function oligoprogressionAt(baseline: Assessment, facts: TimepointFacts[], index: number, lesions: EpisodeLesions, maxLesions: number): Oligoprogression | null {
  const scan = facts[index].scan;
  const earlier = [baseline, ...facts.slice(0, index).map((f) => f.scan)];
  const progressing: string[] = [];
  const others: string[] = [];
  for (const lesion of [...lesions.targets, ...lesions.nonTargets]) {
    const grown = lesion.kind === "target" ? grewFromOwnNadir(lesion, earlier, scan) : null;
    const value = valueAt(scan, lesion.id);
    if (grown) progressing.push(grown);
    else if (value.kind === "status" && value.status === "progressed") progressing.push(`${lesion.id} progressed`);
    else if (value.kind !== "not-evaluated") others.push(lesion.id);
  }
  for (const v of facts[index].newLesions.lesions) if (v.present && v.unequivocal) progressing.push(`${v.lesion.id} new (${v.lesion.organ})`);
  if (progressing.length === 0 || progressing.length > maxLesions || others.length === 0) return null;
  return { progressing, others };
}

function grewFromOwnNadir(lesion: Lesion, earlier: Assessment[], scan: Assessment): string | null {
  const now = valueAt(scan, lesion.id);
  if (now.kind !== "size") return null;
  let nadir: Tenths | null = null;
  for (const a of earlier) {
    const v = valueAt(a, lesion.id);
    if (v.kind === "size" && (nadir === null || v.tenths < nadir)) nadir = v.tenths;
  }
  if (nadir === null || !meetsPd(now.tenths, nadir)) return null;
  return `${lesion.id} ${mm(nadir)} -> ${mm(now.tenths)}`;
}
