// Issue 10 item 4: one reading per fact. The pairs of diagnostic codes that contradict each other
// when they fall on the same scan (time point) or the same iUPD run, in one table, and the check
// that no analysis carries such a pair.
import { strict as assert } from "assert";
import type { Analysis } from "../../server/src/core/analyze";
import type { CoreDiagnostic } from "../../server/src/core/diagnostics";

export interface Contradiction {
  a: string;
  b: string;
  /** "scan": never on one time point; "run": never for one iUPD run (data.iupdDate). */
  scope: "scan" | "run";
  why: string;
}

export const CONTRADICTORY: Contradiction[] = [
  { a: "ctdna-supports-progression", b: "ctdna-supports-pseudoprogression", scope: "scan", why: "R11: at most one ctDNA reading per progression" },
  { a: "ctdna-supports-progression", b: "ctdna-inconclusive", scope: "scan", why: "R11: at most one ctDNA reading per progression" },
  { a: "ctdna-supports-pseudoprogression", b: "ctdna-inconclusive", scope: "scan", why: "R11: at most one ctDNA reading per progression" },
  { a: "progression", b: "near-progression", scope: "scan", why: "R3: a scan that is PD/iUPD is not near PD" },
  { a: "confirmed-progression", b: "near-progression", scope: "scan", why: "R3, R10: a confirmed progression is not near PD" },
  { a: "progression", b: "confirmed-progression", scope: "scan", why: "R10: a scan starts a run or confirms one, not both" },
  { a: "confirmed-progression", b: "confirmation-too-early", scope: "scan", why: "R10: a disregarded early scan confirms nothing (the FAQ exception is not too early)" },
  { a: "confirmation-too-early", b: "confirmation-window-missed", scope: "scan", why: "R10: a scan is not both before and after the window" },
  { a: "response-unconfirmed", b: "progression", scope: "scan", why: "R8: a scan awaiting response confirmation is not PD" },
  { a: "cr-then-pr", b: "progression", scope: "scan", why: "R8: a PR after CR is not PD" },
  { a: "confirmation-due", b: "unconfirmed-pseudoprogression", scope: "run", why: "R13: a confirmation is either still due or missed" },
  { a: "confirmed-progression", b: "confirmation-due", scope: "run", why: "R10: a confirmed run awaits no confirmation" },
  { a: "confirmed-progression", b: "unconfirmed-pseudoprogression", scope: "run", why: "R10, R13: a confirmed run is no unconfirmed pseudo-progression" },
];

/** The scan (date) a diagnostic belongs to: the scan block holding its range, or the scan its data names. */
function scanKey(analysis: Analysis, d: CoreDiagnostic): string | null {
  if (typeof d.data?.scanDate === "string") return d.data.scanDate;
  for (const p of analysis.model.patients) {
    for (const a of p.assessments) if (d.start >= a.node.start && d.end <= a.node.end) return a.date;
  }
  return null;
}

function patientOf(analysis: Analysis, d: CoreDiagnostic): string {
  const p = analysis.model.patients.find((x) => d.start >= x.node.start && d.end <= x.node.end);
  return p?.id ?? "?";
}

export function checkNoContradictions(analysis: Analysis, label: string): void {
  const byKey = new Map<string, Set<string>>();
  const add = (key: string, code: string) => {
    let set = byKey.get(key);
    if (!set) byKey.set(key, (set = new Set()));
    set.add(code);
  };
  for (const d of analysis.assessment.diagnostics) {
    const patient = patientOf(analysis, d);
    const scan = scanKey(analysis, d);
    if (scan !== null) add(`scan ${patient} ${scan}`, d.code);
    if (typeof d.data?.iupdDate === "string") add(`run ${patient} ${d.data.iupdDate}`, d.code);
  }
  for (const [key, codes] of byKey) {
    for (const c of CONTRADICTORY) {
      if (!key.startsWith(c.scope)) continue;
      assert.ok(!(codes.has(c.a) && codes.has(c.b)), `${label}: ${key} carries both ${c.a} and ${c.b} (${c.why})`);
    }
  }
  // At most one ctDNA reading per scan, whatever the pair.
  const ctdna = new Map<string, number>();
  for (const d of analysis.assessment.diagnostics) {
    if (!d.code.startsWith("ctdna-")) continue;
    const key = `${patientOf(analysis, d)} ${String(d.data?.scanDate)}`;
    ctdna.set(key, (ctdna.get(key) ?? 0) + 1);
    assert.ok((ctdna.get(key) ?? 0) <= 1, `${label}: ${key} has more than one ctDNA reading`);
  }
}
