// What every criterion shares (R25): the common categories of its labels, the confirmation of a
// CR/PR at each time point (R8, R28), the best overall response over entries (R8, R9), the words
// a display uses for a reading ("irPD (unconfirmed)"), and the progression events other rules read.
import type { Day } from "../model/types";
import type { BestOptions, BestResult, Entry } from "../engine/best";
import { best, confirmation } from "../engine/best";
import type { EpisodeAssessment } from "../engine/types";
import type { Category, Confirmation, Criterion, EpisodeReading, ProgressionEvents, TimepointReading, Vocabulary } from "./types";
import { CONFIRMATION_DAYS } from "../engine/timepoints";
import { formatMm } from "../util/numbers";

/** Confirmed PD before unconfirmed: RECIST 1.1 calls both "PD". */
const LOOKUP_ORDER: readonly Category[] = ["CR", "PR", "SD", "NN", "PD", "UPD", "NE"];

/** The common category of a criterion's label (NE for a label it does not know). */
export function categoryOf(vocabulary: Vocabulary, label: string): Category {
  for (const cat of LOOKUP_ORDER) if (vocabulary[cat] === label) return cat;
  return "NE";
}

/**
 * The confirmation state of each CR/PR time point when confirmation is required (R8; irRC always,
 * R28), null elsewhere. A CR needs a CR, a PR a PR or CR, >= 28 days later, with at most one NE
 * between (engine/best.ts). A time point is `confirmed` when its own response is confirmed, or
 * when it confirms an earlier one of the same category (Decision 16: the confirming TP itself is
 * confirmed too); `negated` when a later time point broke it; `pending` while neither.
 */
export function responseConfirmations(entries: readonly Entry[], required: boolean): Array<Confirmation | null> {
  const out: Array<Confirmation | null> = entries.map(() => null);
  if (!required) return out;
  entries.forEach((e, i) => {
    if (e.cat !== "CR" && e.cat !== "PR") return;
    const state = confirmation(entries, i);
    if (state === "confirmed") {
      out[i] = "confirmed";
      // The time point that confirms it, when it says the same: confirmed as well.
      const accepts: Category[] = e.cat === "CR" ? ["CR"] : ["PR", "CR"];
      for (let j = i + 1; j < entries.length; j++) {
        if (entries[j].cat === "NE") continue;
        if (!accepts.includes(entries[j].cat)) break;
        if (entries[j].day - e.day >= CONFIRMATION_DAYS) {
          if (entries[j].cat === e.cat) out[j] = "confirmed";
          break;
        }
      }
    } else if (out[i] === null) {
      out[i] = state === "pending" ? "pending" : "negated";
    }
  });
  return out;
}

/** Best overall response over entries in a criterion's own labels (R8, R9, R25). */
export function bestInLabels(entries: Entry[], options: BestOptions, c: Pick<Criterion, "ranking" | "vocabulary">, rule: string): BestResult<string> {
  const r = best(entries, options, c.ranking, rule, c.vocabulary);
  return { ...r, best: r.best === null ? null : c.vocabulary[r.best] };
}

/** How displays show a reading's response: `irPD (unconfirmed)`, `irPR (confirmed)`, `PD (not confirmed)`. */
export function displayResponse(tp: Pick<TimepointReading, "response" | "confirmation">): string {
  switch (tp.confirmation) {
    case "pending": return `${tp.response} (unconfirmed)`;
    case "confirmed": return `${tp.response} (confirmed)`;
    case "negated": return `${tp.response} (not confirmed)`;
    default: return tp.response;
  }
}

/** How displays show a best response: a PD whose run still awaits confirmation is "PD (unconfirmed)" (Decision 10). */
export function displayBest(e: Pick<EpisodeReading, "bestResponse" | "bestConfirmation">): string {
  if (e.bestResponse === null) return "-";
  return e.bestConfirmation === "pending" ? `${e.bestResponse} (unconfirmed)` : e.bestResponse;
}

/** A lazily built list: readings are worded only when an output asks for them. */
export function lazy<T>(build: () => T): () => T {
  let value: T | undefined;
  let done = false;
  return () => {
    if (!done) {
      value = build();
      done = true;
    }
    return value as T;
  };
}

/**
 * An episode reading whose time points are built on first read (most analyses never print them).
 * `bestUpTo` gives the best response over the time points up to a date (ProgressionEvents).
 */
export class LazyEpisodeReading implements EpisodeReading {
  private readonly build: () => TimepointReading[];
  constructor(
    readonly criterion: EpisodeReading["criterion"],
    timepoints: () => TimepointReading[],
    readonly bestResponse: string | null,
    readonly bestConfirmation: Confirmation | null,
    readonly progressionDate: string | null,
    readonly confirmedBy: string | null,
    /** Best overall response over the time points up to and including a date. */
    readonly bestUpTo: (date: string) => string | null,
    readonly baselineBurden: number | null = null,
  ) {
    this.build = lazy(timepoints);
  }

  get timepoints(): TimepointReading[] {
    return this.build();
  }

  toJSON(): Record<string, unknown> {
    return { criterion: this.criterion, timepoints: this.timepoints, bestResponse: this.bestResponse, bestConfirmation: this.bestConfirmation, progressionDate: this.progressionDate, confirmedBy: this.confirmedBy, baselineBurden: this.baselineBurden };
  }
}

/** The progression events of an episode under a criterion, from its stored reading (null when not read). */
export function progressionEventsOf(c: Criterion, e: EpisodeAssessment): ProgressionEvents | null {
  const reading = e.readings?.[c.id];
  if (!reading) return null;
  const responses = reading.timepoints.map((tp, i) => ({ date: e.timepoints[i].date, day: e.timepoints[i].day as Day, response: tp.response, category: tp.category, confirmation: tp.confirmation }));
  const upTo = reading instanceof LazyEpisodeReading ? reading.bestUpTo : () => reading.bestResponse;
  return {
    criterion: c.id,
    responses,
    progression: reading.progressionDate === null ? null : { date: reading.progressionDate, confirmedBy: reading.confirmedBy },
    bestResponseUpTo: (date: string) => upTo(date),
  };
}

/** Percent change of a burden against a reference, null against 0 (P5: no relative change from 0). */
export function pctChange(value: number, ref: number): number | null {
  return ref === 0 ? null : ((value - ref) / ref) * 100;
}

/** A burden in words: "60 mm", "401.25 mm²". */
export function burdenText(value: number, unit: "mm" | "mm2"): string {
  if (unit === "mm") return `${formatMm(value)} mm`;
  const whole = Math.floor(Math.abs(value) / 100);
  const rest = Math.abs(value) % 100;
  const digits = rest === 0 ? "" : rest % 10 === 0 ? `.${rest / 10}` : `.${String(rest).padStart(2, "0")}`;
  return `${value < 0 ? "-" : ""}${whole}${digits} mm²`;
}
