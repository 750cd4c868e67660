// What an importer hands to the case writer: scans of one patient with lesion measurements, in
// the language's own terms (organ words, tenths of a millimetre, status words), plus what was
// skipped and why. Plain data; DICOM SR and CDISC SDTM readers both produce it.
import type { Tenths } from "../model/types";

export type ImportedValue =
  /** `tenths` is what RECIST reads (a node: its short axis); `diameters` when both axes were measured (P1: written `A x B`). */
  | { kind: "size"; tenths: Tenths; diameters?: { long: Tenths; short: Tenths } }
  | { kind: "status"; status: "present" | "increased" | "progressed" | "absent" | "too small" }
  | { kind: "not-evaluated" };

export interface ImportedLesion {
  /** Where it came from, for messages: "ct.dcm group 3". */
  source: string;
  /** The reader's label (DICOM Tracking Identifier, SDTM TULNKID); may not be a valid lesion id. */
  trackingId: string | null;
  /** DICOM Tracking Unique Identifier. */
  trackingUid: string | null;
  organ: string;
  description: string | null;
  value: ImportedValue;
  /** What was measured, for the summary: "long axis", "short axis", "LDIAM". */
  measured: string;
}

export interface Skipped {
  source: string;
  reason: string;
}

export interface ImportedScan {
  /** The files the scan was read from. */
  sources: string[];
  patientId: string | null;
  /** YYYY-MM-DD */
  date: string;
  modality: string | null;
  lesions: ImportedLesion[];
  skipped: Skipped[];
}

/** A problem that stops an import: the file, what, why. */
export class ImportError extends Error {
  constructor(readonly file: string, message: string) {
    super(`${file}: ${message}`);
  }
}
