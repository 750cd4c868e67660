// Keyed, stable pseudonyms and date offsets: HMAC-SHA256 of the patient id under the seed, so
// the same id gets the same pseudonym and offset in every file of a run (and of any run with the
// same seed), and nothing about the id can be read back without the seed.
import { createHmac } from "crypto";

/** Dates move by at least a month and at most two years, forwards or backwards. */
export const MIN_SHIFT_DAYS = 30;
export const MAX_SHIFT_DAYS = 730;

function keyed(seed: string, purpose: string, id: string): Buffer {
  return createHmac("sha256", seed).update(`${purpose}\u0000${id}`).digest();
}

/** A bare-word patient id (spec: `[A-Za-z0-9][A-Za-z0-9._-]*`), e.g. `P-3F9A1C2B7D`. */
export function pseudonymFor(seed: string, patientId: string): string {
  return `P-${keyed(seed, "id", patientId).subarray(0, 5).toString("hex").toUpperCase()}`;
}

/** The one offset, in days, applied to every date of this patient. Never 0. */
export function dateShiftFor(seed: string, patientId: string): number {
  const bytes = keyed(seed, "date-shift", patientId);
  const span = MAX_SHIFT_DAYS - MIN_SHIFT_DAYS + 1;
  const magnitude = MIN_SHIFT_DAYS + (bytes.readUInt32BE(0) % span);
  return bytes[4] & 1 ? magnitude : -magnitude;
}
