// Reading one lesion's value at one scan. A lesion not mentioned at a scan is not evaluated there
// (spec, "Values"); a duplicated line is an error reported elsewhere, the first one counts.
import type { Assessment, Lesion, MeasuredValue, Measurement } from "../model/types";

export function measurementAt(scan: Assessment, lesionId: string): Measurement | undefined {
  return scan.measurements.find((m) => m.lesionId === lesionId);
}

export function valueAt(scan: Assessment, lesionId: string): MeasuredValue {
  return measurementAt(scan, lesionId)?.value ?? { kind: "not-evaluated" };
}

/** Size in tenths, or null for a status or a missing value. */
export function sizeOf(value: MeasuredValue): number | null {
  return value.kind === "size" ? value.tenths : null;
}

/**
 * Whether a lesion counts as gone at a scan: non-nodal 0 mm, nodal short axis < 10 mm (R3, R5).
 * Null when the value does not say (not evaluated, or unreadable).
 */
export function isGone(lesion: Lesion, value: MeasuredValue): boolean | null {
  if (value.kind === "not-evaluated" || value.kind === "broken") return null;
  if (value.kind === "status") return false;
  return lesion.nodal ? value.tenths < 100 : value.tenths === 0;
}
