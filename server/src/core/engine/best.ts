// Best overall response of an episode (R8, R9): ranking, confirmation of CR/PR (>= 28 days, at
// most one NE between; RECIST 1.1 table 3) and the minimum stable-disease duration from the
// start of treatment.
import type { Day } from "../model/types";
import type { Explanation, IResponse, OverallResponse } from "./types";
import { CONFIRMATION_DAYS } from "./timepoints";

/** The categories best response works with; every criterion's labels map onto these (criteria/types.ts). */
export type Cat = "CR" | "PR" | "SD" | "NN" | "UPD" | "PD" | "NE";

export interface Entry {
  date: string;
  day: Day;
  cat: Cat;
}

export interface BestOptions {
  start: Day | null;
  minStableDiseaseDays: number;
  confirm: boolean;
}

export interface BestResult<R> {
  best: R | null;
  explanation: Explanation[];
  /** The first CR/PR still awaiting a confirmation that may yet come (R8). */
  awaitingConfirmation: { date: string; day: Day; response: "CR" | "PR" } | null;
}

const RECIST_RANK: Cat[] = ["CR", "PR", "SD", "NN", "PD", "NE"];
const I_RANK: Cat[] = ["CR", "PR", "SD", "NN", "UPD", "PD", "NE"];

/** R8/R9 for RECIST 1.1: TPs up to the first PD, ranked CR > PR > SD > NON-CR/NON-PD > PD > NE. */
export function bestOverallResponse(tps: Array<{ date: string; day: Day; response: OverallResponse }>, options: BestOptions): BestResult<OverallResponse> {
  const entries: Entry[] = [];
  for (const tp of tps) {
    entries.push({ date: tp.date, day: tp.day, cat: tp.response === "NON-CR/NON-PD" ? "NN" : tp.response });
    if (tp.response === "PD") break;
  }
  const names: Record<Cat, OverallResponse> = { CR: "CR", PR: "PR", SD: "SD", NN: "NON-CR/NON-PD", UPD: "PD", PD: "PD", NE: "NE" };
  const r = best(entries, options, RECIST_RANK, "R8/R9", names);
  return { ...r, best: r.best === null ? null : names[r.best] };
}

/**
 * R9 for iRECIST: all TPs, ranked iCR > iPR > iSD > NON-iCR/NON-iUPD > iUPD > iCPD > NE. An iUPD
 * later confirmed counts as iCPD (iRECIST table 3, examples 6 and 7).
 */
export function iBestOverallResponse(tps: Array<{ date: string; day: Day; iResponse: IResponse; confirmedIupd: boolean }>, options: BestOptions): BestResult<IResponse> {
  const map: Record<IResponse, Cat> = { iCR: "CR", iPR: "PR", iSD: "SD", "NON-iCR/NON-iUPD": "NN", iUPD: "UPD", iCPD: "PD", NE: "NE" };
  const entries = tps.map((tp) => ({ date: tp.date, day: tp.day, cat: tp.iResponse === "iUPD" && tp.confirmedIupd ? ("PD" as Cat) : map[tp.iResponse] }));
  const names: Record<Cat, IResponse> = { CR: "iCR", PR: "iPR", SD: "iSD", NN: "NON-iCR/NON-iUPD", UPD: "iUPD", PD: "iCPD", NE: "NE" };
  const r = best(entries, options, I_RANK, "R9", names);
  return { ...r, best: r.best === null ? null : names[r.best] };
}

/**
 * R8/R9 over entries already mapped onto the common categories: the best by `rank` (best first),
 * CR/PR counted only when confirmed where confirmation is required, SD and NON-CR/NON-PD only from
 * the SD minimum on. `names` words the explanation in the criterion's own labels.
 */
export function best(entries: Entry[], options: BestOptions, rank: readonly Cat[], rule: string, names: Readonly<Record<Cat, string>>): BestResult<Cat> {
  const label = (c: Cat | null) => (c === null ? "none" : names[c]);
  const explanation: Explanation[] = [];
  if (entries.length === 0) return { best: null, explanation: [{ rule, text: "No follow-up assessment yet: no best response." }], awaitingConfirmation: null };
  let bestCat: Cat | null = null;
  let bestDate = "";
  let awaiting: BestResult<Cat>["awaitingConfirmation"] = null;
  entries.forEach((e, i) => {
    let cat = e.cat;
    const sinceStart = options.start === null ? Infinity : e.day - options.start;
    if (options.confirm && (cat === "CR" || cat === "PR")) {
      const status = confirmation(entries, i);
      if (status === "confirmed") {
        explanation.push({ rule: "R8", text: `${e.date} ${label(cat)} confirmed by a ${cat === "CR" ? label("CR") : `${label("PR")} or ${label("CR")}`} >= ${CONFIRMATION_DAYS} days later.` });
      } else {
        if (status === "pending" && awaiting === null) awaiting = { date: e.date, day: e.day, response: cat };
        const counted = sinceStart >= options.minStableDiseaseDays;
        explanation.push({
          rule: "R8 table 3",
          text: `${e.date} ${label(cat)} not ${status === "pending" ? "yet " : ""}confirmed: counts as ${counted ? label("SD") : "nothing (SD minimum not met)"} (${Number.isFinite(sinceStart) ? sinceStart : "?"} days from the start of treatment, minimum ${options.minStableDiseaseDays}).`,
        });
        cat = counted ? "SD" : "NE";
      }
    }
    if (cat === "SD" || cat === "NN") {
      if (sinceStart < options.minStableDiseaseDays) {
        explanation.push({ rule: "R8", text: `${e.date} ${label(cat)} only ${sinceStart} days after the start of treatment (minimum ${options.minStableDiseaseDays}): does not count.` });
        cat = "NE";
      }
    }
    if (bestCat === null || rank.indexOf(cat) < rank.indexOf(bestCat)) {
      bestCat = cat;
      bestDate = e.date;
    }
  });
  const final = bestCat as Cat | null;
  explanation.push({ rule, text: `Best response ${label(final)} (${bestDate}), ranked ${rank.map(label).join(" > ")}.` });
  return { best: final, explanation, awaitingConfirmation: awaiting };
}

/**
 * R8: a CR needs a CR, a PR a PR or CR, at a TP >= 28 days later; TPs in between must keep the
 * response, with at most one NE. "pending" when the assessments so far neither confirm nor break it.
 */
export function confirmation(entries: readonly Entry[], i: number): "confirmed" | "pending" | "broken" {
  const accepts: Cat[] = entries[i].cat === "CR" ? ["CR"] : ["PR", "CR"];
  let ne = 0;
  for (let j = i + 1; j < entries.length; j++) {
    const e = entries[j];
    if (e.cat === "NE") {
      if (++ne > 1) return "broken";
      continue;
    }
    if (!accepts.includes(e.cat)) return "broken";
    if (e.day - entries[i].day >= CONFIRMATION_DAYS) return "confirmed";
  }
  return "pending";
}
