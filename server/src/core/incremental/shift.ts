// Moves offsets of parts of an analysis that an edit before them displaced. Syntax nodes are moved
// in place (they are reused, not copied): every `start`/`end`, and the brace offsets of headers
// and blocks; diagnostics in place too, with any offset in their quick-fix data.
import type { CoreDiagnostic } from "../diagnostics";
import type { Patient } from "../model/types";
import type { FileNode } from "../syntax/ast";

/** Fields of syntax nodes, besides start/end, that hold offsets into the text. */
const NODE_OFFSET_FIELDS = ["start", "end", "brace", "close"] as const;
/** Node types without child nodes: most nodes of a tree, so skipping their fields pays. */
const LEAVES = new Set(["Word", "String", "Date", "Number", "Status", "Bad", "ConfirmResponses"]);
/** Keys of diagnostic `data` that hold offsets (missing-measurement's insertion point). */
export const DATA_OFFSET_FIELDS = ["insertAt"] as const;

export function shiftNode(node: unknown, delta: number): void {
  if (delta === 0 || node === null || typeof node !== "object") return;
  if (Array.isArray(node)) {
    for (const child of node) shiftNode(child, delta);
    return;
  }
  const record = node as Record<string, unknown>;
  for (const field of NODE_OFFSET_FIELDS) if (typeof record[field] === "number") (record[field] as number) += delta;
  if (LEAVES.has(record.type as string)) return;
  for (const key in record) {
    const value = record[key];
    if (value !== null && typeof value === "object") shiftNode(value, delta);
  }
}

export function shiftItems(items: FileNode["items"], delta: number): void {
  for (const item of items) shiftNode(item, delta);
}

/** The model's own spans (not syntax nodes): a patient without an id points at a copied span. */
export function shiftPatientModel(patient: Patient, delta: number): void {
  if (patient.idSpan !== patient.node.header.id && patient.idSpan !== patient.node.header) {
    patient.idSpan = { start: patient.idSpan.start + delta, end: patient.idSpan.end + delta };
  }
}

/** Moves a diagnostic in place: its range and any offset in its quick-fix data. */
export function shiftDiagnostic(d: CoreDiagnostic, delta: number): void {
  if (delta === 0) return;
  d.start += delta;
  d.end += delta;
  if (d.data) for (const key of DATA_OFFSET_FIELDS) if (typeof d.data[key] === "number") d.data[key] = (d.data[key] as number) + delta;
}
