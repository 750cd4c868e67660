// Placeholders that stand in for words de-identification does not let through. Each patient gets
// its own numbering, so that two different unknown words stay two different placeholders (marker
// series, organ counts and lesion identities mean the same before and after) and nothing about
// the original word can be read from its placeholder.
import type { LesionNode, PatientNode } from "../syntax/ast";
import { NODAL_ORGAN } from "../model/organs";

/** Text that replaces any string that is not kept: neutral, and visibly a replacement. */
export const REMOVED_STRING = "[removed]";

/** What a broken line (which cannot be rebuilt from the syntax tree) becomes. */
export const REMOVED_LINE = "[line removed by nadir deidentify: it did not parse]";

/**
 * What the value of a lesion line that did not parse becomes (issue 10): no value can start with
 * `[`, and no organ or description either, so the line keeps its id and declaration and breaks at
 * its value, as the original did.
 */
export const REMOVED_VALUE = "[value removed by nadir deidentify: it did not parse]";

/** Lesion ids of the conventional shape (spec: T = target, N = nodal target, NT, NL): kept as they are. */
export const CONVENTIONAL_LESION_ID = /^(?:T|N|NT|NL)[1-9][0-9]*$/;

/** Numbered placeholders per distinct original word: `THERAPY-1`, `THERAPY-2`, ... */
export class Numbered {
  private readonly map = new Map<string, string>();

  constructor(private readonly make: (n: number) => string) {}

  for(original: string): string {
    let placeholder = this.map.get(original);
    if (placeholder === undefined) {
      placeholder = this.make(this.map.size + 1);
      this.map.set(original, placeholder);
    }
    return placeholder;
  }
}

/** a, b, ..., z, aa, ab, ...: organ words may hold only letters and hyphens. */
export function letters(n: number): string {
  let out = "";
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) out = String.fromCharCode(97 + ((k - 1) % 26)) + out;
  return out;
}

/**
 * Lesion ids of one patient: conventional ids stay, every other id gets the conventional shape
 * of the kind it is first declared with (T, N for a target node, NT, NL; L when never declared),
 * with the lowest number not used by any id of the patient.
 */
export function lesionIdMap(patient: PatientNode): Map<string, string> {
  const lines: LesionNode[] = [];
  for (const item of patient.items) {
    if (item.type === "Assessment" || item.type === "BadBlock") for (const line of item.items) if (line.type === "Lesion") lines.push(line);
  }
  const prefixOf = new Map<string, string>();
  const used = new Set<string>();
  const mentioned: string[] = [];
  const mention = (id: string, prefix: string | null) => {
    if (!mentioned.includes(id)) mentioned.push(id);
    if (CONVENTIONAL_LESION_ID.test(id)) used.add(id);
    if (prefix !== null && !prefixOf.has(id)) prefixOf.set(id, prefix);
  };
  for (const line of lines) {
    mention(line.id.value, line.declare === "new-mention" ? null : declaredPrefix(line));
    if (line.value.type === "Merged") mention(line.value.into.value, null);
  }
  // A later mention `ID new VALUE` of a lesion never declared still reads as a new lesion.
  for (const line of lines) if (line.declare === "new-mention" && !prefixOf.has(line.id.value)) prefixOf.set(line.id.value, "NL");
  const map = new Map<string, string>();
  for (const id of mentioned) {
    if (CONVENTIONAL_LESION_ID.test(id)) {
      map.set(id, id);
      continue;
    }
    const prefix = prefixOf.get(id) ?? "L";
    let n = 1;
    while (used.has(`${prefix}${n}`)) n++;
    used.add(`${prefix}${n}`);
    map.set(id, `${prefix}${n}`);
  }
  return map;
}

function declaredPrefix(line: LesionNode): string | null {
  switch (line.declare) {
    case "target":
      return line.organ?.value === NODAL_ORGAN ? "N" : "T";
    case "non-target":
      return "NT";
    case "new":
      return "NL";
    default:
      return null;
  }
}
