// Small pieces of case-file text the importers write: quoted strings, patient ids, lesion ids,
// values. Everything produced here is accepted by the grammar (grammar/nadir.peggy).
import { formatMm } from "../util/numbers";
import type { ImportedValue } from "./types";

const LESION_ID = /^[A-Za-z][A-Za-z0-9_-]*$/;
const PATIENT_WORD = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
/** Words that start a scan statement (the spec's reserved ids) or read like part of a value. */
const RESERVED_IDS = new Set(["ecog", "clinical", "note", "target", "non-target", "new", "equivocal", "too", "not", "absent", "present", "increased", "progressed", "split", "merged"]);

export function quote(text: string): string {
  return `"${text.replace(/[\r\n]+/g, " ").replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
}

export function patientIdText(id: string): string {
  return PATIENT_WORD.test(id) ? id : quote(id);
}

export function isUsableLesionId(id: string | null): id is string {
  return id !== null && LESION_ID.test(id) && !RESERVED_IDS.has(id.toLowerCase());
}

/** Tenths of a mm as the language writes them: `42 mm`, `12.5 mm`. */
export function millimetres(tenths: number): string {
  return `${tenths % 10 === 0 ? tenths / 10 : (tenths / 10).toFixed(1)} mm`;
}

export function valueText(value: ImportedValue): string {
  switch (value.kind) {
    case "size":
      if (value.tenths === 0) return "absent";
      return value.diameters ? `${formatMm(value.diameters.long)} x ${formatMm(value.diameters.short)} mm` : millimetres(value.tenths);
    case "status": return value.status;
    case "not-evaluated": return "not evaluated";
  }
}

/** A comment's text on one line. */
export function commentText(text: string): string {
  return text.replace(/[\r\n]+/g, " ");
}

/** Next free id `PREFIX<n>` (n from 1) not in `used`; the id is added to `used`. */
export function nextId(prefix: string, used: Set<string>): string {
  for (let n = 1; ; n++) {
    const id = `${prefix}${n}`;
    if (!used.has(id.toLowerCase())) {
      used.add(id.toLowerCase());
      return id;
    }
  }
}
