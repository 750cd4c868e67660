// De-identification of a case file for research, as an allow-list: the output is rebuilt from the
// syntax tree (core/deidentify/rebuild.ts) and keeps only the language's keywords, known organs,
// listed therapies, markers and units (core/deidentify/vocabulary.ts), numbers, conventional
// lesion ids, pseudonymised patient ids and dates shifted by one seeded offset per patient (so
// every interval, and with it every assessment: windows R10/R13, durations R8, kinetics R12, stays
// the same). Every other word and every string becomes a placeholder unless its class is kept;
// comments never pass; broken lines become placeholder lines. The result is checked to parse into
// the same tree as the original before anything is returned (core/deidentify/verify.ts).
import { parseText } from "../syntax/parse";
import type { DateLit, PatientNode } from "../syntax/ast";
import { formatText } from "../format/format";
import { parseDay, whyInvalidDate } from "../util/dates";
import { KeepClasses, rebuild, RebuiltLine, RebuiltPatient } from "./rebuild";
import { treeDifference } from "./verify";

export type { KeepClasses } from "./rebuild";

export interface DeidentifyOptions {
  /** Secret that keys pseudonyms and date offsets; the same seed gives the same output. */
  seed: string;
  /** Classes of words to keep as written (all false by default). */
  keep?: Partial<KeepClasses>;
}

export type DeidentifiedPatient = RebuiltPatient;

/** Why a file could not be de-identified, at a place in it. */
export interface DeidentifyProblem {
  start: number;
  end: number;
  message: string;
}

export type DeidentifyResult =
  | {
      ok: true;
      text: string;
      patients: DeidentifiedPatient[];
      /** Start offsets (in the input) of broken lines written as placeholder lines. */
      brokenLines: number[];
    }
  /** Nothing may be written: dates that cannot be shifted, or a construct the rebuild does not know. */
  | { ok: false; problems: DeidentifyProblem[] };

export const NO_KEEP: Readonly<KeepClasses> = Object.freeze({ text: false, therapyNames: false, organs: false, markers: false, lesionIds: false });

export function deidentify(text: string, options: DeidentifyOptions): DeidentifyResult {
  const keep: KeepClasses = { ...NO_KEEP, ...options.keep };
  const { file } = parseText(text);
  const problems: DeidentifyProblem[] = [];
  for (const item of file.items) {
    if (item.type !== "Patient") continue;
    for (const date of datesOf(item)) {
      if (parseDay(date.text) === null) problems.push({ start: date.start, end: date.end, message: `cannot shift ${date.text}: ${whyInvalidDate(date.text)} (invalid-date)` });
    }
  }
  if (problems.length > 0) return { ok: false, problems };

  const rebuilt = rebuild(file, options.seed, keep);
  for (const u of rebuilt.unknown) {
    problems.push({ ...u, message: `nadir deidentify cannot rebuild ${u.what} yet, so it cannot vouch for what it holds` });
  }
  if (problems.length > 0) return { ok: false, problems };

  const eol = /\r\n|\n|\r/.exec(text)?.[0] ?? "\n";
  const bom = text.startsWith("\uFEFF") ? "\uFEFF" : "";
  const output = formatText(bom + layout(text, rebuilt.lines, eol));
  const difference = treeDifference(file, parseText(output).file, rebuilt.replaced, keep.text);
  if (difference) {
    return { ok: false, problems: [{ start: difference.start, end: difference.start, message: `nadir deidentify cannot rebuild this statement faithfully (${difference.path}), so nothing is written` }] };
  }
  return { ok: true, text: output, patients: rebuilt.patients, brokenLines: rebuilt.broken };
}

/** Every date a patient's statements hold (broken headers hold none: their text is not read). */
function datesOf(patient: PatientNode): DateLit[] {
  const dates: DateLit[] = [];
  for (const item of patient.items) {
    switch (item.type) {
      case "Therapy":
        dates.push(item.date);
        if (item.to) dates.push(item.to);
        break;
      case "BiopsyBlock":
        if (item.header.date) dates.push(item.header.date);
        break;
      case "AsOf":
      case "Ctdna":
      case "Marker":
      case "Biopsy":
      case "Decision":
        dates.push(item.date);
        break;
      case "Assessment":
        if (item.header.date) dates.push(item.header.date);
        break;
      default:
        break;
    }
  }
  return dates;
}

/** One line per rebuilt statement, indented by depth, with a blank line where the original had one. */
function layout(text: string, lines: RebuiltLine[], eol: string): string {
  const out: string[] = [];
  let previous = -1;
  for (const line of lines) {
    if (previous >= 0 && hasBlankLineBetween(text, previous, line.source)) out.push("");
    out.push("  ".repeat(line.depth) + line.text);
    previous = line.source;
  }
  return out.length === 0 ? "" : out.join(eol) + eol;
}

/** Whether a line holding only spaces lies between the lines of two offsets. */
function hasBlankLineBetween(text: string, from: number, to: number): boolean {
  return /\n[ \t]*\n/.test(text.slice(from, to).replace(/\r\n?/g, "\n"));
}
