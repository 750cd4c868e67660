// Moves offsets of parts of an analysis that an edit before them displaced. Syntax nodes are moved
// in place (they are reused, not copied): every `start`/`end`, and the brace offsets of headers
// and blocks; diagnostics in place too, with any offset in their quick-fix data.
import type { CoreDiagnostic } from "../diagnostics";
import type { Patient } from "../model/types";
import type { FileNode } from "../syntax/ast";

/** Keys of diagnostic `data` that hold offsets (missing-measurement's insertion point). */
export const DATA_OFFSET_FIELDS = ["insertAt"] as const;

/**
 * Moves every offset in a syntax node and the nodes below it: `start`, `end`, and the brace
 * offsets of headers and blocks (`brace`, `close`) when they are numbers. Any node type and any
 * field holding nodes is followed, so nodes added to the grammar are moved too. The offsets are
 * read as named properties and the leaf types (most nodes of a tree) are told apart by a switch:
 * reading them through a list of field names took 50 % longer on the 10 MB cohort, where an edit
 * near the top moves about 1.7 million nodes.
 */
export function shiftNode(node: unknown, delta: number): void {
  if (delta === 0 || node === null || typeof node !== "object") return;
  shiftObject(node as Record<string, unknown>, delta);
}

function shiftObject(node: Record<string, unknown>, delta: number): void {
  if (Array.isArray(node)) {
    for (let i = 0; i < node.length; i++) {
      const child: unknown = node[i];
      if (child !== null && typeof child === "object") shiftObject(child as Record<string, unknown>, delta);
    }
    return;
  }
  if (typeof node.start === "number") node.start += delta;
  if (typeof node.end === "number") node.end += delta;
  if (typeof node.brace === "number") node.brace += delta;
  if (typeof node.close === "number") node.close += delta;
  switch (node.type) {
    // Node types without child nodes.
    case "Word": case "String": case "Date": case "Number": case "Status": case "Bad": case "ConfirmResponses":
      return;
  }
  for (const key in node) {
    const value = node[key];
    if (value !== null && typeof value === "object") shiftObject(value as Record<string, unknown>, delta);
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
