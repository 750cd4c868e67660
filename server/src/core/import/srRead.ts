// Reads a DICOM SR file (TID 1500 Measurement Report) into an ImportedScan. dcmjs parses the
// binary file; the content tree is walked here: Imaging Measurements (126010) -> Measurement
// Groups (125007, TID 1501) -> Tracking Identifier, Tracking UID, Finding Site and the linear
// measurements (Long Axis, Short Axis, Diameter, Length) in mm or cm. A group without a usable
// linear measurement is skipped with its reason, never dropped silently.
import * as dcmjs from "dcmjs";
import {
  CONCEPTS, Code, LinearKind, LINEAR_KINDS, SR_SOP_CLASSES, isConcept, modalityOfCode, organOfSite, unitOf,
} from "./dicomCodes";
import { ImportError, ImportedLesion, ImportedScan, Skipped } from "./types";
import { NODAL_ORGAN } from "../model/organs";
import { parseDay } from "../util/dates";

type Item = Record<string, unknown>;

dcmjs.log.setLevel("error");

const LINEAR_NAMES: Record<LinearKind, string> = { longAxis: "long axis", shortAxis: "short axis", diameter: "diameter", length: "length" };
/** Largest plausible lesion diameter (1 m); larger values are refused as implausible. */
const MAX_TENTHS = 10_000;

/** Parses DICOM Part 10 bytes; throws ImportError (not DICOM, damaged, not an SR, no measurements). */
export function readSr(bytes: Uint8Array, file: string): ImportedScan {
  const dataset = parseDicom(bytes, file);
  const sopClass = text(dataset.SOPClassUID);
  const modality = text(dataset.Modality);
  if (!(sopClass !== null && sopClass in SR_SOP_CLASSES) && modality !== "SR") {
    throw new ImportError(file, `DICOM, but not a structured report (SOP class ${sopClass ?? "missing"}, modality ${modality ?? "missing"}): nothing to import`);
  }
  const title = codeOf(dataset.ConceptNameCodeSequence);
  if (!isConcept(title, CONCEPTS.measurementReport)) {
    throw new ImportError(file, `a structured report, but not a TID 1500 Measurement Report (document title ${describeCode(title)}): nothing to import`);
  }
  const root = children(dataset);
  const containers = root.filter((i) => isConcept(codeOf(i.ConceptNameCodeSequence), CONCEPTS.imagingMeasurements));
  const groups = containers.flatMap((c) => children(c).filter((i) => isConcept(codeOf(i.ConceptNameCodeSequence), CONCEPTS.measurementGroup)));
  if (groups.length === 0) throw new ImportError(file, "a Measurement Report without measurement groups (TID 1501): nothing to import");

  const date = reportDate(dataset);
  if (date === null) throw new ImportError(file, "no study date, content date or observation date: the scan date is unknown");

  const lesions: ImportedLesion[] = [];
  const skipped: Skipped[] = [];
  groups.forEach((group, i) => {
    const source = `${file} group ${i + 1}`;
    const result = readGroup(group, source);
    if ("reason" in result) skipped.push(result);
    else lesions.push(result);
  });
  return { sources: [file], patientId: text(dataset.PatientID), date, modality: reportModality(root), lesions, skipped };
}

function parseDicom(bytes: Uint8Array, file: string): Item {
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  const hasMarker = bytes.length >= 132 && String.fromCharCode(bytes[128], bytes[129], bytes[130], bytes[131]) === "DICM";
  if (!hasMarker) throw new ImportError(file, "not a DICOM file (no 'DICM' marker after the 128-byte preamble)");
  try {
    const dict = dcmjs.data.DicomMessage.readFile(buffer);
    return dcmjs.data.DicomMetaDictionary.naturalizeDataset(dict.dict) as Item;
  } catch (e) {
    throw new ImportError(file, `damaged DICOM file, cannot be read (${(e as Error)?.message ?? String(e)})`);
  }
}

type GroupResult = ImportedLesion | Skipped;

function readGroup(group: Item, source: string): GroupResult {
  let trackingId: string | null = null;
  let trackingUid: string | null = null;
  let site: Code | null = null;
  let finding: Code | null = null;
  const linear = new Map<LinearKind, Item>();
  const other: string[] = [];
  for (const item of children(group)) {
    const name = codeOf(item.ConceptNameCodeSequence);
    const type = text(item.ValueType);
    if (isConcept(name, CONCEPTS.trackingIdentifier)) trackingId = text(item.TextValue);
    else if (isConcept(name, CONCEPTS.trackingUid)) trackingUid = text(item.UID);
    else if (isConcept(name, CONCEPTS.findingSite)) site = codeOf(item.ConceptCodeSequence);
    else if (isConcept(name, CONCEPTS.finding)) finding = codeOf(item.ConceptCodeSequence);
    else if (type === "NUM") {
      const kind = LINEAR_KINDS.find((k) => isConcept(name, CONCEPTS[k]));
      if (kind && !linear.has(kind)) linear.set(kind, item);
      else if (!kind) other.push(name?.meaning || describeCode(name));
    }
  }
  const label = trackingId ? ` (${trackingId})` : "";
  const organ = site ? organOfSite(site) : null;
  const nodal = organ === NODAL_ORGAN;
  // Nodes are followed by their short axis (R1, R2); other lesions by their longest diameter.
  const order: LinearKind[] = nodal ? ["shortAxis"] : ["longAxis", "diameter", "length"];
  const chosen = order.find((k) => linear.has(k));
  if (!chosen) {
    if (nodal && linear.size > 0) return { source: source + label, reason: `a lymph node is followed by its short axis (R1), and this group has only ${[...linear.keys()].map((k) => LINEAR_NAMES[k]).join(", ")}` };
    const found = [...linear.keys()].map((k) => LINEAR_NAMES[k]).concat(other);
    return { source: source + label, reason: `no linear measurement (long axis, short axis, diameter or length)${found.length ? `; found ${found.join(", ")}` : ""}` };
  }
  const measured = measuredValue(linear.get(chosen) as Item);
  if ("reason" in measured) return { source: source + label, reason: `${LINEAR_NAMES[chosen]}: ${measured.reason}` };
  const description = describeLesion(organ, site, finding);
  // P1: a Long Axis and a Short Axis of one lesion are both kept (`A x B`): irRC multiplies them.
  const otherAxis = chosen === "shortAxis" ? linear.get("longAxis") : chosen === "longAxis" ? linear.get("shortAxis") : undefined;
  const second = otherAxis ? measuredValue(otherAxis) : null;
  if (second && !("reason" in second)) {
    const [long, short] = chosen === "shortAxis" ? [second.tenths, measured.tenths] : [measured.tenths, second.tenths];
    return {
      source, trackingId, trackingUid, organ: organ ?? "other", description,
      value: { kind: "size", tenths: measured.tenths, diameters: { long, short } }, measured: "long axis and short axis",
    };
  }
  return {
    source, trackingId, trackingUid, organ: organ ?? "other", description,
    value: { kind: "size", tenths: measured.tenths }, measured: LINEAR_NAMES[chosen],
  };
}

function measuredValue(item: Item): { tenths: number } | { reason: string } {
  const mv = first(item.MeasuredValueSequence);
  if (!mv) return { reason: "no measured value" };
  const unit = codeOf(mv.MeasurementUnitsCodeSequence);
  const raw = Array.isArray(mv.NumericValue) ? mv.NumericValue[0] : mv.NumericValue;
  const value = typeof raw === "number" ? raw : typeof raw === "string" && raw.trim() !== "" ? Number(raw) : NaN;
  if (!unit) return { reason: "no unit" };
  const factor = unitOf(unit);
  if (!factor) return { reason: `unit ${unit.value} (${unit.scheme}) is not a length in mm or cm` };
  if (!Number.isFinite(value) || value < 0) return { reason: `the value ${String(raw)} is not a length` };
  const tenths = Math.round(value * factor.tenthsPerUnit);
  if (tenths > MAX_TENTHS) return { reason: `${value} ${unit.value} is not a plausible lesion size` };
  return { tenths };
}

/** Unknown sites keep their code in the description (the organ becomes `other`). */
function describeLesion(organ: string | null, site: Code | null, finding: Code | null): string | null {
  const parts: string[] = [];
  if (site && organ === null) parts.push(`finding site ${site.scheme} ${site.value}${site.meaning ? ` ${site.meaning}` : ""}`);
  if (finding && finding.meaning) parts.push(finding.meaning);
  return parts.length > 0 ? parts.join("; ") : null;
}

function reportDate(dataset: Item): string | null {
  for (const raw of [text(dataset.StudyDate), text(dataset.ContentDate), text(dataset.ObservationDateTime)]) {
    if (!raw) continue;
    const m = /^(\d{4})(\d{2})(\d{2})/.exec(raw.trim());
    if (!m) continue;
    const date = `${m[1]}-${m[2]}-${m[3]}`;
    if (parseDay(date) !== null) return date;
  }
  return null;
}

/** The imaging modality: a Procedure Reported or Modality code anywhere at the top of the report. */
function reportModality(root: Item[]): string | null {
  const candidates: Item[] = [...root];
  for (const item of root) if (isConcept(codeOf(item.ConceptNameCodeSequence), CONCEPTS.imageLibrary)) candidates.push(...descendants(item));
  for (const item of candidates) {
    const name = codeOf(item.ConceptNameCodeSequence);
    if (!isConcept(name, CONCEPTS.procedureReported) && !isConcept(name, CONCEPTS.modality)) continue;
    const value = codeOf(item.ConceptCodeSequence);
    const modality = value ? modalityOfCode(value) : null;
    if (modality) return modality;
  }
  return null;
}

function descendants(item: Item): Item[] {
  return children(item).flatMap((c) => [c, ...descendants(c)]);
}

function children(item: Item): Item[] {
  const seq = item.ContentSequence;
  if (Array.isArray(seq)) return seq.filter((x): x is Item => typeof x === "object" && x !== null);
  return typeof seq === "object" && seq !== null ? [seq as Item] : [];
}

function first(value: unknown): Item | undefined {
  if (Array.isArray(value)) return value[0] as Item | undefined;
  return (value ?? undefined) as Item | undefined;
}

function text(value: unknown): string | null {
  const v = Array.isArray(value) ? value[0] : value;
  if (typeof v === "string") return v.trim() === "" ? null : v.trim();
  if (typeof v === "number") return String(v);
  if (v && typeof v === "object" && "Alphabetic" in (v as Item)) return text((v as Item).Alphabetic);
  return null;
}

function codeOf(seq: unknown): Code | null {
  const item = first(seq);
  if (!item) return null;
  const value = text(item.CodeValue) ?? text(item.LongCodeValue) ?? text(item.URNCodeValue);
  const scheme = text(item.CodingSchemeDesignator);
  if (value === null || scheme === null) return null;
  return { value, scheme, meaning: text(item.CodeMeaning) ?? "" };
}

function describeCode(c: Code | null): string {
  return c ? `(${c.value}, ${c.scheme}, "${c.meaning}")` : "missing";
}
