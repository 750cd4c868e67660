// Inputs of the fuzz campaign (issue 16, item 4): grammar-aware mutations of the example case files
// plus random text. Input `index` of campaign `seed` is a pure function of both (its own PRNG), so
// any input, however deep into a million-input run, is rebuilt from its seed and index alone.
//
// Mutations work on lines and tokens: swap, duplicate, move and delete lines; replace a token by
// another word of the language's vocabulary (read from the grammar, the single source of syntax,
// plus the known organs); numbers at the boundaries the rules care about (5 / 10 / 15 mm, 20 % and
// 30 % changes, 0, huge, negative, many decimals); dates at month ends, leap days, invalid days and
// near the confirmation windows (R10: 26-56 days); unicode (combining marks, astral characters, lone
// surrogates, BOM, NUL, RTL marks); CRLF, CR and mixed line endings; indentation; and splicing lines
// or patients of another example in.
import * as fs from "fs";
import * as path from "path";
import { Random } from "../../../bench/random";
import { KNOWN_ORGANS } from "../../../server/src/core/model/organs";
import { EXAMPLES_DIR, REPO_ROOT } from "../../helpers/paths";

export interface FuzzInput {
  seed: number;
  index: number;
  /** What was done, for the report of a failure (the text is saved beside it). */
  recipe: string[];
  text: string;
}

/** Words and punctuation of the language: the grammar's literals and the known organs. */
export function vocabulary(): string[] {
  const grammar = fs.readFileSync(path.join(REPO_ROOT, "grammar", "nadir.peggy"), "utf8");
  const words = new Set<string>();
  // Literals such as "baseline", "non-target", "copies/mL"i; rule names in actions ("Patient") are
  // words too and harmless as tokens. Descriptions of rules (with spaces) are left out.
  for (const m of grammar.matchAll(/"((?:[^"\\\n]|\\.)*)"i?/g)) {
    const literal = m[1];
    if (literal.length > 0 && literal.length <= 14 && !/\s|\\/.test(literal)) words.add(literal);
  }
  for (const organ of KNOWN_ORGANS) words.add(organ);
  for (const extra of ["RECIST 1.1", "not evaluated", "too small", "confirm responses", "as of", "{", "}", "#", "\"", "T1", "T2", "N1", "NT1", "NL1", "NL9", "T1a"]) words.add(extra);
  return [...words].sort();
}

const NUMBERS = [
  "0", "0.0", "1", "4", "4.9", "5", "5.0", "9", "9.9", "10", "10.0", "14", "14.9", "15", "19", "20", "29", "30", "99", "100",
  "0.05", "0.1", "1.25", "12.345", "007", "-1", "-0", "1e3", "1.", ".5", "999999999", "9007199254740993", "99999999999999999999",
  "2147483648", "0x10", "١٢",
];
const DATES = [
  "2024-02-29", "2023-02-29", "2025-02-28", "2025-02-30", "2025-04-30", "2025-04-31", "2025-06-31", "2025-01-31", "2025-12-31",
  "2025-13-01", "2025-00-10", "2025-01-00", "0000-01-01", "0001-01-01", "1899-12-31", "9999-12-31", "2025-1-1", "20250101",
];
const UNICODE = [
  "é", "e\u0301", "µ", "ß", "İ", "😀", "👩‍⚕️", "\u{10FFFF}", "\ud800", "\udc00", "\u0000", "\u0007", "\u001b[31m", "\u00a0", "\u2028",
  "\u2029", "\u200b", "\u200f", "\u202e", "\ufeff", "\ufffd", "\u3000", "中文", "Ω", "ﬁ", "\t", "\v", "\f",
];
const LINE_ENDINGS = ["\r\n", "\r", "mixed"] as const;
const MAX_TEXT = 12_000;

/** Tokens of one line: strings, dates, numbers, words, blanks, any other single character. */
const TOKEN = /"(?:[^"\\]|\\.)*"?|\d{4}-\d{2}-\d{2}|-?\d+(?:\.\d+)?|[A-Za-z][A-Za-z0-9_./%+-]*|[ \t]+|[^]/gu;

export class Mutator {
  private readonly bases: string[];
  private readonly patients: string[];
  private readonly words: string[];

  constructor() {
    const examples = fs.readdirSync(EXAMPLES_DIR).filter((f) => f.endsWith(".nadir")).sort()
      .map((f) => fs.readFileSync(path.join(EXAMPLES_DIR, f), "utf8"));
    // Whole examples up to a few KB; the larger ones (the committed cohort) as patient blocks.
    this.patients = examples.flatMap(patientBlocks);
    this.bases = examples.filter((t) => t.length <= 6_000);
    this.words = vocabulary();
  }

  input(seed: number, index: number): FuzzInput {
    const rng = new Random(mix(seed, index));
    const recipe: string[] = [];
    let text: string;
    if (rng.chance(0.06)) {
      text = this.randomText(rng, recipe);
    } else {
      text = this.base(rng, recipe);
      const count = rng.int(1, 8);
      for (let i = 0; i < count; i++) text = this.mutate(rng, text, recipe);
    }
    if (text.length > MAX_TEXT) {
      text = text.slice(0, MAX_TEXT);
      recipe.push(`truncate to ${MAX_TEXT}`);
    }
    return { seed, index, recipe, text };
  }

  private base(rng: Random, recipe: string[]): string {
    if (rng.chance(0.6)) {
      const i = rng.int(0, this.bases.length - 1);
      recipe.push(`example ${i}`);
      return this.bases[i];
    }
    const n = rng.int(1, 3);
    const picked = Array.from({ length: n }, () => rng.int(0, this.patients.length - 1));
    recipe.push(`patients ${picked.join(",")}`);
    return picked.map((i) => this.patients[i]).join(rng.chance(0.8) ? "\n" : "");
  }

  private randomText(rng: Random, recipe: string[]): string {
    const kind = rng.int(0, 2);
    const length = rng.int(0, 600);
    let text = "";
    if (kind === 0) {
      recipe.push(`random vocabulary ${length}`);
      while (text.length < length) text += this.token(rng) + rng.pick([" ", " ", " ", "\n", "\n  ", "\n    ", "", "\t", "\r\n"]);
    } else if (kind === 1) {
      recipe.push(`random printable ${length}`);
      for (let i = 0; i < length; i++) text += String.fromCharCode(rng.chance(0.1) ? 10 : rng.int(32, 126));
    } else {
      recipe.push(`random code units ${length}`);
      for (let i = 0; i < length; i++) text += String.fromCharCode(rng.chance(0.05) ? rng.int(0, 0xffff) : rng.int(0, 127));
    }
    return text;
  }

  private token(rng: Random): string {
    const r = rng.next();
    if (r < 0.6) return rng.pick(this.words);
    if (r < 0.75) return rng.pick(NUMBERS);
    if (r < 0.9) return rng.pick(DATES);
    return rng.pick(UNICODE);
  }

  mutate(rng: Random, text: string, recipe: string[]): string {
    const lines = text.split("\n");
    const line = () => rng.int(0, lines.length - 1);
    const op = rng.int(0, 15);
    switch (op) {
      case 0: {
        const [a, b] = [line(), line()];
        [lines[a], lines[b]] = [lines[b], lines[a]];
        recipe.push(`swap lines ${a} ${b}`);
        return lines.join("\n");
      }
      case 1: {
        const [a, b] = [line(), line()];
        lines.splice(b, 0, lines[a]);
        recipe.push(`duplicate line ${a} at ${b}`);
        return lines.join("\n");
      }
      case 2: {
        const a = line();
        lines.splice(a, rng.int(1, 3));
        recipe.push(`delete lines at ${a}`);
        return lines.join("\n");
      }
      case 3: {
        const [a, b] = [line(), line()];
        const [moved] = lines.splice(a, 1);
        lines.splice(b, 0, moved);
        recipe.push(`move line ${a} to ${b}`);
        return lines.join("\n");
      }
      case 4:
      case 5:
      case 6:
        return this.retoken(rng, lines, line(), recipe, (old) => (/^[A-Za-z"{}#]/.test(old) || rng.chance(0.2) ? this.token(rng) : null), "word");
      case 7:
      case 8:
        return this.retoken(rng, lines, line(), recipe, (old) => (/^-?\d+(\.\d+)?$/.test(old) ? rng.pick(NUMBERS) : null), "number");
      case 9:
        return this.retoken(rng, lines, line(), recipe, (old) => (/^\d{4}-\d{2}-\d{2}$/.test(old) ? this.date(rng, text, old) : null), "date");
      case 10: {
        const at = rng.int(0, text.length);
        const inserted = rng.pick(UNICODE);
        recipe.push(`insert ${JSON.stringify(inserted)} at ${at}`);
        return text.slice(0, at) + inserted + text.slice(at);
      }
      case 11: {
        const to = rng.pick(LINE_ENDINGS);
        recipe.push(`line endings ${JSON.stringify(to)}`);
        let i = 0;
        return text.replace(/\r\n|\n|\r/g, () => (to === "mixed" ? ["\n", "\r\n", "\r"][i++ % 3] : to));
      }
      case 12: {
        const a = line();
        const indent = rng.pick(["", "\t", "        ", " ", "\t  "]);
        lines[a] = indent + lines[a].trimStart();
        recipe.push(`indent line ${a} ${JSON.stringify(indent)}`);
        return lines.join("\n");
      }
      case 13: {
        // Another example's lines spliced in (a crossover at line granularity).
        const donor = rng.pick(this.patients).split("\n");
        const from = rng.int(0, donor.length - 1);
        const piece = donor.slice(from, from + rng.int(1, 6));
        const at = line();
        lines.splice(at, 0, ...piece);
        recipe.push(`splice ${piece.length} donor lines at ${at}`);
        return lines.join("\n");
      }
      case 14: {
        const at = rng.int(0, text.length);
        const length = rng.int(1, 30);
        recipe.push(`delete ${length} at ${at}`);
        return text.slice(0, at) + text.slice(at + length);
      }
      default: {
        const a = line();
        const tokens = lines[a].match(TOKEN) ?? [];
        if (tokens.length === 0) return text;
        const t = rng.int(0, tokens.length - 1);
        if (rng.chance(0.5)) tokens.splice(t, 1);
        else tokens.splice(t, 0, tokens[t]);
        lines[a] = tokens.join("");
        recipe.push(`drop or repeat token ${t} of line ${a}`);
        return lines.join("\n");
      }
    }
  }

  private retoken(rng: Random, lines: string[], a: number, recipe: string[], replace: (old: string) => string | null, what: string): string {
    const tokens = lines[a].match(TOKEN) ?? [];
    const candidates = tokens.map((t, i) => [t, i] as const).filter(([t]) => replace(t) !== null);
    if (candidates.length === 0) {
      // No such token on that line: look for one anywhere (dates and numbers are sparse).
      for (let tries = 0; tries < 8; tries++) {
        const b = rng.int(0, lines.length - 1);
        if ((lines[b].match(TOKEN) ?? []).some((t) => replace(t) !== null)) return this.retoken(rng, lines, b, recipe, replace, what);
      }
      return lines.join("\n");
    }
    const [old, i] = rng.pick(candidates);
    const next = replace(old) ?? old;
    tokens[i] = next;
    lines[a] = tokens.join("");
    recipe.push(`${what} ${JSON.stringify(old)} -> ${JSON.stringify(next)} on line ${a}`);
    return lines.join("\n");
  }

  /** A boundary date, or another date of the text moved by a window-edge number of days. */
  private date(rng: Random, text: string, old: string): string {
    if (rng.chance(0.5)) return rng.pick(DATES);
    const dates = text.match(/\d{4}-\d{2}-\d{2}/g) ?? [old];
    const from = Date.parse(`${rng.pick(dates)}T00:00:00Z`);
    if (Number.isNaN(from)) return rng.pick(DATES);
    const days = rng.pick([-1, 0, 1, 13, 14, 15, 25, 26, 27, 28, 29, 41, 42, 43, 55, 56, 57, 60, 61, 84, 365, 366]);
    return new Date(from + days * 86_400_000).toISOString().slice(0, 10);
  }
}

/** The top-level blocks of a file: each patient with the comment lines just above it. */
function patientBlocks(text: string): string[] {
  const starts = [...text.matchAll(/^patient /gm)].map((m) => m.index!);
  return starts.map((s, i) => text.slice(s, i + 1 < starts.length ? starts[i + 1] : text.length));
}

/** Seed and index to one 32-bit PRNG seed (splitmix-style mixing, so neighbours differ). */
function mix(seed: number, index: number): number {
  let h = (Math.imul(seed >>> 0, 0x9e3779b1) ^ Math.imul(index >>> 0, 0x85ebca77)) >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d) >>> 0;
  h ^= h >>> 15;
  h = Math.imul(h, 0x846ca68b) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
}
