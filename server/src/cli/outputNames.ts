// File names for what the research commands write: readable, safe on every file system, and
// never two the same in one directory (case-insensitive file systems included).
import * as path from "path";

/** Patient ids may hold characters file systems dislike; keep the readable part. */
export function safeFileName(id: string): string {
  const cleaned = id.replace(/[^A-Za-z0-9._-]+/g, "_").replace(/^[.]+/, "_");
  return cleaned.length > 0 ? cleaned.slice(0, 100) : "patient";
}

export class UniqueNames {
  private readonly used = new Set<string>();

  take(name: string): string {
    const ext = path.extname(name);
    const stem = name.slice(0, name.length - ext.length);
    let candidate = name;
    for (let n = 2; this.used.has(candidate.toLowerCase()); n++) candidate = `${stem}-${n}${ext}`;
    this.used.add(candidate.toLowerCase());
    return candidate;
  }
}
