// The one option set of every command that assesses (assess, export, plot, report): the settings
// flags that reach the engine, and `--include-incomplete` for the commands that hand results on
// (export, plot). One declaration for parseArgs, one reader, one help fragment.
import { CliError } from "./command";
import type { SettingsFlags } from "./config";
import { criteriaFlag, dateFlag } from "./args";
import { criteriaIdsText } from "../core/criteria/registry";

/** The parseArgs declaration of the settings flags. */
export const ASSESS_OPTIONS = {
  "as-of": { type: "string" },
  criteria: { type: "string" },
  "confirm-responses": { type: "boolean" },
  "min-sd-days": { type: "string" },
} as const;

/** The parseArgs declaration of `--include-incomplete`. */
export const INCLUDE_INCOMPLETE_OPTION = {
  "include-incomplete": { type: "boolean" },
} as const;

/** Help lines of the option set, in the column layout of every command's usage (options at 2, text at 35). */
export function assessOptionsHelp(includeIncomplete: boolean): string {
  return [
    "  --as-of YYYY-MM-DD               judge due and overdue scans against this date when the",
    "                                   file has no 'as of'",
    ...criteriaHelp(35),
    "  --confirm-responses              CR/PR need confirmation >= 28 days later (R8)",
    "  --min-sd-days N                  minimum days from the start for SD to count (default 42)",
    ...(includeIncomplete ? [
      "  --include-incomplete             also patients whose data an error touches (by default they",
      "                                   are left out and named on standard error)",
    ] : []),
  ].join("\n") + "\n";
}

/**
 * The help lines of `--criteria`, its text starting at `column`: the names come from the criteria
 * registry, so a new criterion shows up here without an edit.
 */
export function criteriaHelp(column: number): string[] {
  const words = `criteria for patients whose file names none: ${criteriaIdsText()}, or several ("iRECIST irRC"), the first being the primary`.split(" ");
  const width = 94 - column;
  const lines: string[] = [];
  let current = "";
  for (const word of words) {
    if (current && current.length + 1 + word.length > width) {
      lines.push(current);
      current = word;
    } else current = current ? `${current} ${word}` : word;
  }
  lines.push(current);
  return lines.map((text, i) => `${(i === 0 ? "  --criteria NAMES" : "").padEnd(column)}${text}`);
}

export interface AssessOptionValues {
  /** Settings flags: they win over nadir.config.json; the case file's own statements win over them. */
  flags: SettingsFlags;
  /** `--as-of` as a day number, for what the engine judges against today. */
  today: number | undefined;
  includeIncomplete: boolean;
}

/** Reads the option set from parseArgs values, with a clear message for each bad value (exit 2). */
export function readAssessOptions(values: Record<string, string | boolean | Array<string | boolean> | undefined>): AssessOptionValues {
  const flags: SettingsFlags = {};
  let today: number | undefined;
  const asOf = values["as-of"];
  if (typeof asOf === "string") {
    const { text, day } = dateFlag("--as-of", asOf);
    flags.asOfDate = text;
    today = day;
  }
  if (typeof values.criteria === "string") flags.criteria = criteriaFlag("--criteria", values.criteria);
  if (values["confirm-responses"] === true) flags.confirmResponses = true;
  const minSd = values["min-sd-days"];
  if (typeof minSd === "string") {
    if (!/^\d+$/.test(minSd)) throw new CliError(`--min-sd-days expects a whole number of days, got '${minSd}'`);
    flags.minStableDiseaseDays = Number(minSd);
  }
  return { flags, today, includeIncomplete: values["include-incomplete"] === true };
}
