// `nadir export --to dicom-sr`: one DICOM Enhanced SR "Imaging Measurement Report" (TID 1500) per
// assessment, one Measurement Group (TID 1501) per measured lesion: Tracking Identifier (the lesion
// id), Tracking Unique Identifier, Finding Site, and Long Axis (Short Axis for nodes, R2) in mm; a
// value with two diameters (P1, `42 x 30 mm`) gives both its Long Axis and its Short Axis.
// Files are written with dcmjs and read back by core/import/srRead.ts.
//
// Every UID is derived, never random, so that the same case file gives the same files and a
// lesion keeps its Tracking UID across scans: a name-based UUID (version 5, RFC 9562: SHA-1 of
// the Nadir namespace UUID below and a name) written as the OID `2.25.<UUID as a decimal
// integer>` (PS3.5 B.2). Names: `tracking\0<patient id>\0<lesion id>` for Tracking UIDs,
// `<role>\0<patient id>\0<date>` for the study, series and SOP instance of a report.
import { createHash } from "crypto";
import * as dcmjs from "dcmjs";
import type { CohortFile } from "./cohort";
import type { Assessment, Episode, Lesion, MeasuredValue, Measurement, Patient } from "../model/types";
import { NODAL_ORGAN } from "../model/organs";
import { CONCEPTS, Code, ENGLISH, ENHANCED_SR, MILLIMETRE, MODALITY_CODES, ORGAN_SITES } from "../import/dicomCodes";

/** The namespace of Nadir's name-based UUIDs (itself a fixed random UUID). */
export const NADIR_UID_NAMESPACE = "9b2c7f4e-3d51-4a8e-b0c6-5e17d2a4f903";
const EXPLICIT_VR_LITTLE_ENDIAN = "1.2.840.10008.1.2.1";

export interface DicomSrReport {
  patientId: string;
  date: string;
  kind: "baseline" | "scan";
  bytes: Uint8Array;
  /** Lesion ids written as measurement groups. */
  lesions: string[];
  /** Lesions of the assessment that have no size to write (status words, not evaluated). */
  notExported: Array<{ lesionId: string; why: string }>;
}

export function nameBasedUid(name: string): string {
  const namespace = Buffer.from(NADIR_UID_NAMESPACE.replace(/-/g, ""), "hex");
  const hash = createHash("sha1").update(namespace).update(Buffer.from(name, "utf8")).digest();
  const bytes = Buffer.from(hash.subarray(0, 16));
  bytes[6] = (bytes[6] & 0x0f) | 0x50;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  return `2.25.${BigInt(`0x${bytes.toString("hex")}`).toString(10)}`;
}

export function trackingUidOf(patientId: string, lesionId: string): string {
  return nameBasedUid(`tracking\u0000${patientId}\u0000${lesionId}`);
}

export function dicomSrReports(files: CohortFile[]): DicomSrReport[] {
  const out: DicomSrReport[] = [];
  for (const file of files) {
    for (const patient of file.analysis.model.patients) {
      for (const assessment of patient.assessments) {
        const episode = episodeOf(patient, assessment);
        if (episode) out.push(report(patient, episode, assessment));
      }
    }
  }
  return out;
}

function episodeOf(patient: Patient, a: Assessment): Episode | null {
  return patient.episodes.find((e) => e.baseline === a || e.followUps.includes(a) || e.preTreatment.includes(a)) ?? null;
}

/** Why a lesion line has no size to export. */
function whyNoSize(value: Exclude<MeasuredValue, { kind: "size" }>): string {
  switch (value.kind) {
    case "not-evaluated":
      return "not evaluated";
    case "broken":
      // Issue 10: a value that cannot be read is unknown; its text is never exported.
      return `value unreadable${value.line === null ? "" : ` (line ${value.line})`}`;
    case "status":
      return `${value.status}, no size`;
  }
}

function report(patient: Patient, episode: Episode, a: Assessment): DicomSrReport {
  const groups: Record<string, unknown>[] = [];
  const lesions: string[] = [];
  const notExported: DicomSrReport["notExported"] = [];
  for (const m of a.measurements) {
    const lesion = episode.lesions.get(m.lesionId);
    if (!lesion) continue;
    if (m.value.kind !== "size") {
      notExported.push({ lesionId: m.lesionId, why: whyNoSize(m.value) });
      continue;
    }
    groups.push(measurementGroup(patient.id, lesion, m));
    lesions.push(lesion.id);
  }
  const uid = (role: string) => nameBasedUid(`${role}\u0000${patient.id}\u0000${a.date}`);
  const dicomDate = a.date.replace(/-/g, "");
  const modality = a.modality ? MODALITY_CODES[a.modality] ?? MODALITY_CODES[canonicalModality(a.modality)] : undefined;
  const dataset: Record<string, unknown> = {
    SOPClassUID: ENHANCED_SR,
    SOPInstanceUID: uid("sop"),
    StudyInstanceUID: uid("study"),
    SeriesInstanceUID: uid("series"),
    Modality: "SR",
    PatientID: patient.id,
    PatientName: "",
    PatientBirthDate: "",
    PatientSex: "",
    StudyDate: dicomDate,
    StudyTime: "",
    ContentDate: dicomDate,
    ContentTime: "",
    StudyID: "",
    AccessionNumber: "",
    ReferringPhysicianName: "",
    Manufacturer: "Nadir",
    SeriesNumber: "1",
    InstanceNumber: "1",
    SeriesDescription: `Nadir ${a.kind} measurements`,
    CompletionFlag: "COMPLETE",
    VerificationFlag: "UNVERIFIED",
    PerformedProcedureCodeSequence: [],
    ValueType: "CONTAINER",
    ConceptNameCodeSequence: [codeItem(CONCEPTS.measurementReport.write)],
    ContinuityOfContent: "SEPARATE",
    ContentTemplateSequence: [{ MappingResource: "DCMR", TemplateIdentifier: "1500" }],
    ContentSequence: [
      codeContent("HAS CONCEPT MOD", CONCEPTS.language.write, ENGLISH),
      codeContent("HAS OBS CONTEXT", CONCEPTS.observerType.write, CONCEPTS.device.write),
      { RelationshipType: "HAS OBS CONTEXT", ValueType: "UIDREF", ConceptNameCodeSequence: [codeItem(CONCEPTS.deviceObserverUid.write)], UID: nameBasedUid("device\u0000nadir") },
      ...(modality ? [codeContent("HAS CONCEPT MOD", CONCEPTS.procedureReported.write, modality[0])] : []),
      { RelationshipType: "CONTAINS", ValueType: "CONTAINER", ConceptNameCodeSequence: [codeItem(CONCEPTS.imageLibrary.write)], ContinuityOfContent: "SEPARATE" },
      {
        RelationshipType: "CONTAINS", ValueType: "CONTAINER", ConceptNameCodeSequence: [codeItem(CONCEPTS.imagingMeasurements.write)],
        ContinuityOfContent: "SEPARATE", ...(groups.length ? { ContentSequence: groups } : {}),
      },
    ],
  };
  return { patientId: patient.id, date: a.date, kind: a.kind, bytes: writePart10(dataset), lesions, notExported };
}

function measurementGroup(patientId: string, lesion: Lesion, m: Measurement): Record<string, unknown> {
  const tenths = m.value.kind === "size" ? m.value.tenths : 0;
  const site = ORGAN_SITES[lesion.organ]?.[0];
  const axis = lesion.organ === NODAL_ORGAN || lesion.nodal ? CONCEPTS.shortAxis : CONCEPTS.longAxis;
  // P1: a value written `A x B` (one fragment) is exported as its Long Axis and its Short Axis.
  const two = m.value.kind === "size" && m.value.source === "length" && m.value.diameters?.length === 1 && m.value.diameters[0].short !== null ? m.value.diameters[0] : null;
  const num = (concept: typeof axis, value: number) => ({
    RelationshipType: "CONTAINS", ValueType: "NUM", ConceptNameCodeSequence: [codeItem(concept.write)],
    MeasuredValueSequence: [{ MeasurementUnitsCodeSequence: [codeItem(MILLIMETRE)], NumericValue: value / 10 }],
  });
  return {
    RelationshipType: "CONTAINS",
    ValueType: "CONTAINER",
    ConceptNameCodeSequence: [codeItem(CONCEPTS.measurementGroup.write)],
    ContinuityOfContent: "SEPARATE",
    ContentTemplateSequence: [{ MappingResource: "DCMR", TemplateIdentifier: "1501" }],
    ContentSequence: [
      { RelationshipType: "HAS OBS CONTEXT", ValueType: "TEXT", ConceptNameCodeSequence: [codeItem(CONCEPTS.trackingIdentifier.write)], TextValue: lesion.id },
      { RelationshipType: "HAS OBS CONTEXT", ValueType: "UIDREF", ConceptNameCodeSequence: [codeItem(CONCEPTS.trackingUid.write)], UID: trackingUidOf(patientId, lesion.id) },
      ...(site ? [codeContent("HAS CONCEPT MOD", CONCEPTS.findingSite.write, site)] : []),
      ...(two ? [num(CONCEPTS.longAxis, two.long), num(CONCEPTS.shortAxis, two.short as number)] : [num(axis, tenths)]),
    ],
  };
}

function canonicalModality(modality: string): string {
  return Object.keys(MODALITY_CODES).find((k) => k.toLowerCase() === modality.toLowerCase()) ?? modality;
}

function codeItem(c: Code): Record<string, unknown> {
  return { CodeValue: c.value, CodingSchemeDesignator: c.scheme, CodeMeaning: c.meaning };
}

function codeContent(relationship: string, name: Code, value: Code): Record<string, unknown> {
  return { RelationshipType: relationship, ValueType: "CODE", ConceptNameCodeSequence: [codeItem(name)], ConceptCodeSequence: [codeItem(value)] };
}

/** A DICOM Part 10 file (preamble, File Meta Information, dataset in Explicit VR Little Endian). */
export function writePart10(dataset: Record<string, unknown>): Uint8Array {
  const { DicomDict, DicomMetaDictionary } = dcmjs.data;
  const meta = {
    FileMetaInformationVersion: new Uint8Array([0, 1]).buffer,
    MediaStorageSOPClassUID: dataset.SOPClassUID,
    MediaStorageSOPInstanceUID: dataset.SOPInstanceUID,
    TransferSyntaxUID: EXPLICIT_VR_LITTLE_ENDIAN,
    ImplementationClassUID: nameBasedUid("implementation\u0000nadir"),
    ImplementationVersionName: "NADIR",
  };
  const dict = new DicomDict(DicomMetaDictionary.denaturalizeDataset(meta));
  dict.dict = DicomMetaDictionary.denaturalizeDataset(dataset);
  return new Uint8Array(dict.write());
}
