// New lesions through an episode (R6) and their iRECIST classification into new-lesion targets
// (NLT) and non-targets (NLNT) with the NLT sum of measures (R10).
import type { Step } from "./trace";
import type { Assessment, Lesion, MeasuredValue, Measurement, Tenths } from "../model/types";
import type { Explanation, NewLesionsCategory } from "./types";
import { measurementAt } from "./lesionValues";
import { formatMm } from "../util/numbers";
import { mm } from "./format";
import { describeUnreadable } from "./unreadable";

/** RECIST 1.1 measurability, reused for NLT (R1, R10): LD >= 10 mm, node SA >= 15 mm. */
const MEASURABLE_TENTHS = 100;
const MEASURABLE_NODE_TENTHS = 150;
/** R6: a new node is a new lesion only with SA >= 10 mm. */
const NEW_NODE_TENTHS = 100;
const MAX_NLT = 5;
const MAX_NLT_PER_ORGAN = 2;

export interface NewLesionView {
  lesion: Lesion;
  value: MeasuredValue;
  /** Counts as a lesion at all (a new node needs SA >= 10 mm, R6). */
  counts: boolean;
  /** Not shown gone: measured above 0 (a node: SA >= 10 mm), a status word, or not evaluated. */
  present: boolean;
  /** False when not evaluated at this scan (R10: the new-lesion category is then NE under iRECIST). */
  evaluated: boolean;
  unequivocal: boolean;
  /** First scan at which it counted (equivocal or not): the R6 date of progression. */
  firstSeen: Assessment;
  /** First scan at which it was unequivocal, if any yet. */
  unequivocalSince: Assessment | null;
  /** iRECIST class, fixed when the lesion first becomes unequivocal (R10). */
  cls: "NLT" | "NLNT" | null;
  /** A new node with SA 10 to < 15 mm seen for the first time at this scan (R6 warning). */
  borderlineNow: boolean;
}

export interface NewLesionsAtScan {
  lesions: NewLesionView[];
  category: NewLesionsCategory;
  /** NLT sum of measures; null without NLT, or when one is not measured here. */
  nltSum: Tenths | null;
  explanation: Step[];
}

interface Tracked {
  lesion: Lesion;
  firstSeen: Assessment | null;
  unequivocalSince: Assessment | null;
  cls: "NLT" | "NLNT" | null;
  counted: boolean;
  borderlineReported: boolean;
}

/** Follows the new lesions of one episode scan by scan; call `at` in date order. */
export class NewLesionTracker {
  private readonly tracked: Tracked[];
  private nltCount = 0;
  private readonly nltPerOrgan = new Map<string, number>();

  constructor(lesions: Lesion[]) {
    this.tracked = lesions.map((lesion) => ({ lesion, firstSeen: null, unequivocalSince: null, cls: null, counted: false, borderlineReported: false }));
  }

  at(scan: Assessment): NewLesionsAtScan {
    const views: NewLesionView[] = [];
    const unreadable: Measurement[] = [];
    for (const t of this.tracked) {
      if (t.lesion.declaredAt.day > scan.day) continue;
      const m = measurementAt(scan, t.lesion.id);
      const value: MeasuredValue = m?.value ?? { kind: "not-evaluated" };
      if (value.kind === "broken" && m) {
        // Issue 10: unknown here; a value that cannot be read changes nothing in the lesion's history.
        unreadable.push(m);
        if (t.firstSeen) {
          views.push({
            lesion: t.lesion, value, counts: false, present: false, evaluated: false, unequivocal: t.unequivocalSince !== null,
            firstSeen: t.firstSeen, unequivocalSince: t.unequivocalSince, cls: t.cls, borderlineNow: false,
          });
        }
        continue;
      }
      const size = value.kind === "size" ? value.tenths : null;
      const counts = !t.lesion.nodal || (size === null ? value.kind === "status" || t.counted : size >= NEW_NODE_TENTHS);
      const present = value.kind === "size" ? value.tenths > 0 : true;
      // `not evaluated` shows nothing: it neither makes a lesion appear nor makes it unequivocal (R10).
      const evaluated = value.kind !== "not-evaluated";
      let borderlineNow = false;
      if (counts && present && evaluated) {
        if (!t.firstSeen) t.firstSeen = scan;
        t.counted = true;
        if (m && !m.equivocal && !t.unequivocalSince) {
          t.unequivocalSince = scan;
          t.cls = this.classify(t.lesion, size);
        }
        if (t.lesion.nodal && size !== null && size < MEASURABLE_NODE_TENTHS && !t.borderlineReported) {
          t.borderlineReported = true;
          borderlineNow = true;
        }
      }
      if (!t.firstSeen) continue;
      views.push({
        lesion: t.lesion, value, counts, present: counts && present, evaluated, unequivocal: t.unequivocalSince !== null,
        firstSeen: t.firstSeen, unequivocalSince: t.unequivocalSince, cls: t.cls, borderlineNow,
      });
    }
    return summarise(views, unreadable);
  }

  private classify(lesion: Lesion, size: Tenths | null): "NLT" | "NLNT" {
    const organ = lesion.nodal ? "node" : lesion.organ;
    const measurable = size !== null && size >= (lesion.nodal ? MEASURABLE_NODE_TENTHS : MEASURABLE_TENTHS);
    const inOrgan = this.nltPerOrgan.get(organ) ?? 0;
    if (!measurable || this.nltCount >= MAX_NLT || inOrgan >= MAX_NLT_PER_ORGAN) return "NLNT";
    this.nltCount++;
    this.nltPerOrgan.set(organ, inOrgan + 1);
    return "NLT";
  }
}

function summarise(views: NewLesionView[], unreadable: Measurement[]): NewLesionsAtScan {
  const unequivocal = views.filter((v) => v.present && v.unequivocal);
  const equivocal = views.filter((v) => v.present && !v.unequivocal);
  // A new lesion that is certainly there stays "yes"; otherwise an unreadable one leaves it unknown.
  const category: NewLesionsCategory = unequivocal.length > 0 ? "yes" : unreadable.length > 0 ? "NE" : equivocal.length > 0 ? "equivocal" : "no";
  const nlt = views.filter((v) => v.cls === "NLT");
  let nltSum: Tenths | null = null;
  if (nlt.length > 0 && nlt.every((v) => v.value.kind === "size")) nltSum = nlt.reduce((s, v) => s + (v.value.kind === "size" ? v.value.tenths : 0), 0);
  const describe = (v: NewLesionView) => `${v.lesion.id} (${v.lesion.organ}${v.value.kind === "size" ? ` ${formatMm(v.value.tenths)} mm` : v.value.kind === "status" ? ` ${v.value.status}` : ""}${v.cls ? `, ${v.cls}` : ""})`;
  const explanation: Step[] = [];
  if (unequivocal.length > 0) explanation.push(() => ({ rule: "R6", text: `Unequivocal new lesion${unequivocal.length > 1 ? "s" : ""}: ${unequivocal.map(describe).join(", ")}.` }));
  if (equivocal.length > 0) explanation.push(() => ({ rule: "R6", text: `Equivocal new lesion${equivocal.length > 1 ? "s" : ""} (not PD until unequivocal): ${equivocal.map(describe).join(", ")}.` }));
  if (unreadable.length > 0) {
    const which = describeUnreadable(unreadable);
    explanation.push(() => ({ rule: "R6", text: `${which} could not be read: ${category === "NE" ? "new lesions NE" : "unknown at this time point"}.` }));
  }
  if (explanation.length === 0) explanation.push(() => ({ rule: "R6", text: "No new lesions." }));
  if (nltSum !== null) explanation.push(() => ({ rule: "R10", text: `New-lesion target sum of measures (NLT SOM): ${mm(nltSum)}.` }));
  return { lesions: views, category, nltSum, explanation };
}
