// Exact decimal handling for sizes: "3.85" cm becomes 385 tenths of a mm without floating error.
import type { Tenths } from "../model/types";

/** Converts a decimal text in `unit` to integer tenths of a millimetre, rounding half up. */
export function toTenths(text: string, unit: "mm" | "cm"): Tenths {
  const scale = unit === "cm" ? 2 : 1; // powers of ten from the unit to tenths of a mm
  const [whole, fraction = ""] = text.split(".");
  const digits = fraction.padEnd(scale + 1, "0");
  const kept = digits.slice(0, scale);
  const next = Number(digits[scale] ?? "0");
  const value = Number(whole) * 10 ** scale + (kept ? Number(kept) : 0);
  return next >= 5 ? value + 1 : value;
}

/** Formats tenths of a mm as mm with at most one decimal ("42", "42.5"). */
export function formatMm(tenths: Tenths): string {
  const sign = tenths < 0 ? "-" : "";
  const abs = Math.abs(tenths);
  const whole = Math.floor(abs / 10);
  const rest = abs % 10;
  return rest === 0 ? `${sign}${whole}` : `${sign}${whole}.${rest}`;
}

/** Rounds to one decimal, half away from zero, as the JSON output requires. */
export function round1(value: number): number {
  const r = Math.round(Math.abs(value) * 10 + 1e-9) / 10;
  return value < 0 ? -r : r;
}

/**
 * The one conversion of the engine's tenths of a mm to the mm every output shows (JSON, CSV,
 * CDISC, FHIR, plots), one decimal at most; null stays null.
 */
export function tenthsToMm(tenths: Tenths | null | undefined): number | null {
  return tenths === null || tenths === undefined ? null : round1(tenths / 10);
}

/** A percentage as every output shows it: one decimal, half away from zero; null stays null. */
export function roundPct(value: number | null | undefined): number | null {
  return value === null || value === undefined ? null : round1(value);
}
