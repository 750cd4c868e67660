// Builds DICOM SR test files with dcmjs, independently of Nadir's own writer: a TID 1500 Measurement
// Report whose groups the tests describe freely (any codes, units, values), so that SNOMED and
// legacy SRT codes, cm and mm, pixel units, area-only groups and broken files can be produced.
import * as dcmjs from "dcmjs";

export type CodeTriple = [value: string, scheme: string, meaning: string];

export const SCT = {
  longAxis: ["103339001", "SCT", "Long Axis"] as CodeTriple,
  shortAxis: ["103340004", "SCT", "Short Axis"] as CodeTriple,
  diameter: ["81827009", "SCT", "Diameter"] as CodeTriple,
  length: ["410668003", "SCT", "Length"] as CodeTriple,
  area: ["42798000", "SCT", "Area"] as CodeTriple,
  findingSite: ["363698007", "SCT", "Finding Site"] as CodeTriple,
  liver: ["10200004", "SCT", "Liver"] as CodeTriple,
  lung: ["39607008", "SCT", "Lung"] as CodeTriple,
  node: ["59441001", "SCT", "Lymph node"] as CodeTriple,
  bone: ["272673000", "SCT", "Bone"] as CodeTriple,
  heart: ["80891009", "SCT", "Heart"] as CodeTriple,
};

export const SRT = {
  longAxis: ["G-A185", "SRT", "Long Axis"] as CodeTriple,
  shortAxis: ["G-A186", "SRT", "Short Axis"] as CodeTriple,
  length: ["G-D7FE", "SRT", "Length"] as CodeTriple,
  area: ["G-A166", "SRT", "Area"] as CodeTriple,
  findingSite: ["G-C0E3", "SRT", "Finding Site"] as CodeTriple,
  liver: ["T-62000", "SRT", "Liver"] as CodeTriple,
  node: ["T-C4000", "SRT", "Lymph node"] as CodeTriple,
};

export const UNITS = {
  mm: ["mm", "UCUM", "millimeter"] as CodeTriple,
  cm: ["cm", "UCUM", "centimeter"] as CodeTriple,
  pixels: ["{pixels}", "UCUM", "pixels"] as CodeTriple,
  mm2: ["mm2", "UCUM", "square millimeter"] as CodeTriple,
};

export interface TestMeasurement {
  concept: CodeTriple;
  value: number | string;
  unit: CodeTriple;
}

export interface TestGroup {
  trackingId?: string;
  trackingUid?: string;
  site?: CodeTriple;
  siteConcept?: CodeTriple;
  measurements: TestMeasurement[];
}

export interface TestReport {
  patientId?: string;
  studyDate?: string;
  contentDate?: string;
  sopClassUid?: string;
  modality?: string;
  title?: CodeTriple;
  /** Procedure Reported value, e.g. CT. */
  procedure?: CodeTriple;
  groups: TestGroup[];
  /** Leave out the Imaging Measurements container altogether. */
  noMeasurementContainer?: boolean;
}

const item = ([value, scheme, meaning]: CodeTriple) => ({ CodeValue: value, CodingSchemeDesignator: scheme, CodeMeaning: meaning });

export function buildSr(report: TestReport): Uint8Array {
  const groups = report.groups.map((g) => ({
    RelationshipType: "CONTAINS", ValueType: "CONTAINER", ContinuityOfContent: "SEPARATE",
    ConceptNameCodeSequence: [item(["125007", "DCM", "Measurement Group"])],
    ContentSequence: [
      ...(g.trackingId !== undefined ? [{ RelationshipType: "HAS OBS CONTEXT", ValueType: "TEXT", ConceptNameCodeSequence: [item(["112039", "DCM", "Tracking Identifier"])], TextValue: g.trackingId }] : []),
      ...(g.trackingUid !== undefined ? [{ RelationshipType: "HAS OBS CONTEXT", ValueType: "UIDREF", ConceptNameCodeSequence: [item(["112040", "DCM", "Tracking Unique Identifier"])], UID: g.trackingUid }] : []),
      ...(g.site ? [{ RelationshipType: "HAS CONCEPT MOD", ValueType: "CODE", ConceptNameCodeSequence: [item(g.siteConcept ?? SCT.findingSite)], ConceptCodeSequence: [item(g.site)] }] : []),
      ...g.measurements.map((m) => ({
        RelationshipType: "CONTAINS", ValueType: "NUM", ConceptNameCodeSequence: [item(m.concept)],
        MeasuredValueSequence: [{ MeasurementUnitsCodeSequence: [item(m.unit)], NumericValue: m.value }],
      })),
    ],
  }));
  const sopClassUid = report.sopClassUid ?? "1.2.840.10008.5.1.4.1.1.88.33";
  const dataset: Record<string, unknown> = {
    SOPClassUID: sopClassUid,
    SOPInstanceUID: "2.25.1234567",
    StudyInstanceUID: "2.25.1234568",
    SeriesInstanceUID: "2.25.1234569",
    Modality: report.modality ?? "SR",
    ...(report.patientId !== undefined ? { PatientID: report.patientId } : {}),
    ...(report.studyDate !== undefined ? { StudyDate: report.studyDate } : {}),
    ...(report.contentDate !== undefined ? { ContentDate: report.contentDate } : {}),
    ValueType: "CONTAINER",
    ContinuityOfContent: "SEPARATE",
    ConceptNameCodeSequence: [item(report.title ?? ["126000", "DCM", "Imaging Measurement Report"])],
    ContentSequence: [
      ...(report.procedure ? [{ RelationshipType: "HAS CONCEPT MOD", ValueType: "CODE", ConceptNameCodeSequence: [item(["121058", "DCM", "Procedure reported"])], ConceptCodeSequence: [item(report.procedure)] }] : []),
      ...(report.noMeasurementContainer ? [] : [{
        RelationshipType: "CONTAINS", ValueType: "CONTAINER", ContinuityOfContent: "SEPARATE",
        ConceptNameCodeSequence: [item(["126010", "DCM", "Imaging Measurements"])],
        ...(groups.length ? { ContentSequence: groups } : {}),
      }]),
    ],
  };
  const { DicomDict, DicomMetaDictionary } = dcmjs.data;
  const meta = {
    FileMetaInformationVersion: new Uint8Array([0, 1]).buffer,
    MediaStorageSOPClassUID: sopClassUid,
    MediaStorageSOPInstanceUID: dataset.SOPInstanceUID,
    TransferSyntaxUID: "1.2.840.10008.1.2.1",
    ImplementationClassUID: "2.25.99",
  };
  const dict = new DicomDict(DicomMetaDictionary.denaturalizeDataset(meta));
  dict.dict = DicomMetaDictionary.denaturalizeDataset(dataset);
  return new Uint8Array(dict.write());
}

export const mm = (concept: CodeTriple, value: number | string): TestMeasurement => ({ concept, value, unit: UNITS.mm });
export const cm = (concept: CodeTriple, value: number | string): TestMeasurement => ({ concept, value, unit: UNITS.cm });
