// The registry of response criteria (issue 14): every criterion the engine knows, in the order
// menus and outputs list them. Every layer asks it: the case file's `criteria` line (model), the
// CLI's `--criteria`, nadir.config.json and the editor's `nadir.criteria` setting all resolve names
// here, and the engine reads each episode under the criteria a patient names through it.
// Adding a criterion: one module implementing `Criterion` and one entry in CRITERIA (docs/criteria.md).
import type { Criterion, CriteriaId } from "./types";
import { RECIST11 } from "./recist11";
import { IRECIST } from "./irecist";
import { IRRC } from "./irrc";
import { IRRECIST } from "./irrecist";
import { IMRECIST } from "./imrecist";

export const CRITERIA: readonly Criterion[] = [RECIST11, IRECIST, IRRC, IRRECIST, IMRECIST];

export const DEFAULT_CRITERIA: CriteriaId = "RECIST1.1";

const BY_ID = new Map<string, Criterion>(CRITERIA.map((c) => [c.id, c]));
const BY_SPELLING = new Map<string, Criterion>(CRITERIA.flatMap((c) => c.spellings.map((s) => [s, c] as [string, Criterion])));

export function criterion(id: CriteriaId): Criterion {
  const found = BY_ID.get(id);
  if (!found) throw new Error(`no criterion '${id}'`);
  return found;
}

/** The criterion a name selects, whatever its case and spaces (`RECIST 1.1`, `recist1.1`, `IRRC`); null when none. */
export function resolveCriteriaName(name: string): Criterion | null {
  return BY_SPELLING.get(name.replace(/\s+/g, "").toLowerCase()) ?? null;
}

/** `RECIST1.1, iRECIST, irRC, irRECIST or imRECIST`: the ids, for messages. */
export function criteriaIdsText(conjunction = "or"): string {
  const ids = CRITERIA.map((c) => c.id);
  return `${ids.slice(0, -1).join(", ")} ${conjunction} ${ids[ids.length - 1]}`;
}

/** One name of a list as written, with its place in the text. */
export interface NameToken {
  text: string;
  start: number;
  end: number;
}

/**
 * Splits a list of criteria names written in one string (`--criteria`, settings): names are
 * separated by spaces or commas, and `RECIST 1.1` with a space is one name (P3).
 */
export function splitCriteriaNames(text: string): NameToken[] {
  const tokens: NameToken[] = [];
  const re = /[^\s,]+/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) tokens.push({ text: m[0], start: m.index, end: m.index + m[0].length });
  const out: NameToken[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const next = tokens[i + 1];
    // "RECIST 1.1": two tokens, one name, when only spaces lie between them.
    if (/^recist$/i.test(t.text) && next && next.text === "1.1" && /^\s+$/.test(text.slice(t.end, next.start))) {
      out.push({ text: text.slice(t.start, next.end), start: t.start, end: next.end });
      i++;
    } else {
      out.push(t);
    }
  }
  return out;
}

/** What a list of names means: the criteria in order (repeats dropped), the unknown names, the repeated ones. */
export interface ResolvedNames {
  ids: CriteriaId[];
  unknown: NameToken[];
  repeated: NameToken[];
}

export function resolveCriteriaNames(names: readonly NameToken[]): ResolvedNames {
  const ids: CriteriaId[] = [];
  const unknown: NameToken[] = [];
  const repeated: NameToken[] = [];
  for (const name of names) {
    const found = resolveCriteriaName(name.text);
    if (!found) unknown.push(name);
    else if (ids.includes(found.id)) repeated.push(name);
    else ids.push(found.id);
  }
  return { ids, unknown, repeated };
}

/**
 * A list of criteria written in one string, as the settings hold it: the ids separated by one
 * space, primary first (`"iRECIST irRC"`); null when a name is unknown, repeated, or none is given.
 */
export function canonicalCriteria(text: string): string | null {
  const { ids, unknown, repeated } = resolveCriteriaNames(splitCriteriaNames(text));
  if (ids.length === 0 || unknown.length > 0 || repeated.length > 0) return null;
  return ids.join(" ");
}

/** The ids of a canonical list (settings), primary first; the default criteria when it says nothing usable. */
export function criteriaList(canonical: string): CriteriaId[] {
  const { ids } = resolveCriteriaNames(splitCriteriaNames(canonical));
  return ids.length > 0 ? ids : [DEFAULT_CRITERIA];
}

/**
 * The pattern of a valid list of names in nadir.config.json and the editor setting: the ids (and
 * `RECIST 1.1`), separated by spaces or commas. `npm run docs` writes it into the schema and
 * package.json; a test keeps them equal.
 */
export function criteriaSettingPattern(): string {
  const one = `(${CRITERIA.flatMap((c) => (c.id === "RECIST1.1" ? ["RECIST ?1\\.1"] : [c.id.replace(/\./g, "\\.")])).join("|")})`;
  return `^ *${one}( *[ ,] *${one})* *$`;
}

/** The error message of that pattern (the schema's `patternErrorMessage`). */
export function criteriaSettingMessage(): string {
  return `One of ${criteriaIdsText()}, or several separated by spaces (the first is the primary criteria).`;
}
