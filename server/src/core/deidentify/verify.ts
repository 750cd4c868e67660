// The safety net of the rebuild: the de-identified text must parse into the same tree as the
// original, node for node and field for field, with only the leaves the rebuild replaced allowed to
// differ (and notes and lesion descriptions gone when text is not kept). A construct the rebuild
// does not know yet (a field added to the grammar, say) would be missing from the output and is
// found here, so the file is refused instead of silently losing meaning.

export interface TreeDifference {
  /** The input node where the trees part. */
  start: number;
  /** Where, as a path of node types and fields ("Patient.items[2].Therapy.stopped"). */
  path: string;
}

const OFFSETS = new Set(["start", "end"]);
/** Fields holding an offset or null: only whether they are null must agree. */
const OPTIONAL_OFFSETS = new Set(["brace", "close"]);
const LEAVES = new Set(["Word", "String", "Date", "Number"]);

export function treeDifference(input: unknown, output: unknown, replaced: Set<object>, keepText: boolean): TreeDifference | null {
  return compare(input, output, "File", 0, replaced, keepText);
}

function compare(a: unknown, b: unknown, path: string, at: number, replaced: Set<object>, keepText: boolean): TreeDifference | null {
  if (a === null || b === null || typeof a !== "object" || typeof b !== "object") {
    return a === b ? null : { start: at, path };
  }
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b)) return { start: at, path };
    const kept = keepText ? a : a.filter((x) => !(x && typeof x === "object" && (x as { type?: string }).type === "Note"));
    if (kept.length !== b.length) return { start: at, path: `${path} (${kept.length} items, ${b.length} rebuilt)` };
    for (let i = 0; i < kept.length; i++) {
      const d = compare(kept[i], b[i], `${path}[${i}]`, startOf(kept[i]) ?? at, replaced, keepText);
      if (d) return d;
    }
    return null;
  }
  const na = a as Record<string, unknown>;
  const nb = b as Record<string, unknown>;
  const here = typeof na.start === "number" ? na.start : at;
  const where = typeof na.type === "string" ? `${path}.${na.type}` : path;
  // A replaced leaf may change its kind too (a quoted patient id becomes a bare pseudonym).
  if (replaced.has(na)) return LEAVES.has(nb.type as string) ? null : { start: here, path: where };
  if (na.type !== nb.type) return { start: here, path: where };
  const keys = new Set([...Object.keys(na), ...Object.keys(nb)]);
  for (const key of keys) {
    if (OFFSETS.has(key)) continue;
    if (OPTIONAL_OFFSETS.has(key)) {
      if ((na[key] === null) !== (nb[key] === null)) return { start: here, path: `${where}.${key}` };
      continue;
    }
    if (key === "description" && !keepText && nb[key] === null) continue;
    const d = compare(na[key], nb[key], `${where}.${key}`, here, replaced, keepText);
    if (d) return d;
  }
  return null;
}

function startOf(x: unknown): number | undefined {
  return x && typeof x === "object" && typeof (x as { start?: unknown }).start === "number" ? (x as { start: number }).start : undefined;
}
