// The report as a FHIR R4 Bundle: an imaging DiagnosticReport (LOINC 18748-4, Diagnostic imaging
// study) whose `result` points to the TumorSize Observations of the scan (LOINC 21889-1), one
// CancerDiseaseStatus Observation (mCODE: LOINC 97509-4, the trend improved / stable / worsened /
// undetermined / not detected, evidence: imaging) and the response Observation, with the text
// report as its presented form. The Patient, BodyStructure, TumorSize and response resources are
// the research export's own (export/fhir.ts, same deterministic ids), picked from its bundle, so
// one scan has one set of resources whichever output it came from.
import { createHash } from "crypto";
import type { Bundle, BundleEntry, DiagnosticReport, Observation, Reference, Resource } from "@medplum/fhirtypes";
import { LESION_ID_SYSTEM, LOINC_DISEASE_STATUS, LOINC_TUMOR_SIZE, patientBundle } from "../export/fhir";
import type { ReportTarget, ScanReport } from "./model";

const LOINC = "http://loinc.org";
const SNOMED = "http://snomed.info/sct";
const MCODE = "http://hl7.org/fhir/us/mcode/StructureDefinition";
export const LOINC_IMAGING_STUDY = "18748-4";

export interface FhirReportInput {
  report: ScanReport;
  target: ReportTarget;
  /** The text report, carried as the DiagnosticReport's presented form. */
  text: string;
}

const isCode = (r: Resource, code: string) => r.resourceType === "Observation" && (r as Observation).code?.coding?.some((c) => c.system === LOINC && c.code === code) === true;
// A reference to an entry of the bundle (its fullUrl); the target type is the caller's.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const refOf = (e: BundleEntry): Reference<any> => ({ reference: e.fullUrl });

/** A name-based UUID (v5 layout over SHA-1), as the export makes them, for the resources added here. */
function uuid(key: string): string {
  const hash = createHash("sha1").update(`nadir-report:${key}`).digest();
  hash[6] = (hash[6] & 0x0f) | 0x50;
  hash[8] = (hash[8] & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The entries of one report: the export's resources it rests on, the disease status and the DiagnosticReport. */
export function reportEntries(input: FhirReportInput): BundleEntry[] {
  const { report, target } = input;
  const exported = patientBundle(target.patient).entry ?? [];
  const byUrl = new Map(exported.map((e) => [e.fullUrl, e]));
  const patientEntry = exported.find((e) => e.resource?.resourceType === "Patient")!;
  const date = report.scan.date;
  const episodeLesions = new Set([...target.patient.episodes[target.episodeIndex].episode.lesions.keys()]);

  // The response Observation of this scan (follow-ups only) lists the scan's TumorSize Observations.
  const response = report.scan.isBaseline ? undefined : exported.find((e) => e.resource && isCode(e.resource, LOINC_DISEASE_STATUS) && (e.resource as Observation).effectiveDateTime === date);
  let sizes: BundleEntry[];
  if (response) {
    sizes = ((response.resource as Observation).derivedFrom ?? []).map((r) => byUrl.get(r.reference)).filter((e): e is BundleEntry => e !== undefined);
  } else {
    const bodyOf = (e: BundleEntry) => byUrl.get((e.resource as Observation).focus?.[0]?.reference);
    sizes = exported.filter((e) => e.resource && isCode(e.resource, LOINC_TUMOR_SIZE) && (e.resource as Observation).effectiveDateTime === date)
      .filter((e) => {
        const id = (bodyOf(e)?.resource as { identifier?: Array<{ system?: string; value?: string }> } | undefined)?.identifier?.find((i) => i.system === LESION_ID_SYSTEM)?.value;
        return id !== undefined && episodeLesions.has(id);
      });
  }
  const bodies = [...new Set(sizes.map((e) => (e.resource as Observation).focus?.[0]?.reference))]
    .map((url) => byUrl.get(url)).filter((e): e is BundleEntry => e !== undefined);

  const key = `${report.patientId}/${report.episode.number}/${date}`;
  const subject = refOf(patientEntry);
  const entries: BundleEntry[] = [patientEntry, ...bodies, ...sizes];
  const result: Reference<Observation>[] = sizes.map(refOf);
  if (response) {
    const trend = (response.resource as Observation).valueCodeableConcept?.coding?.find((c) => c.system === SNOMED);
    const statusId = uuid(`${key}/disease-status`);
    const status: Observation = {
      resourceType: "Observation",
      id: statusId,
      meta: { profile: [`${MCODE}/mcode-cancer-disease-status`] },
      extension: [{
        url: `${MCODE}/mcode-cancer-disease-status-evidence-type`,
        valueCodeableConcept: { coding: [{ system: SNOMED, code: "363679005", display: "Imaging (procedure)" }] },
      }],
      status: report.completeness.complete ? "final" : "preliminary",
      category: [{ coding: [{ system: "http://terminology.hl7.org/CodeSystem/observation-category", code: "imaging", display: "Imaging" }] }],
      code: { coding: [{ system: LOINC, code: LOINC_DISEASE_STATUS, display: "Cancer disease progression" }], text: "Cancer disease status" },
      subject,
      effectiveDateTime: date,
      valueCodeableConcept: trend ? { coding: [trend], text: trend.display } : { text: "undetermined" },
      derivedFrom: [refOf(response)],
    };
    entries.push(response, { fullUrl: `urn:uuid:${statusId}`, resource: status });
    result.push({ reference: `urn:uuid:${statusId}` }, refOf(response));
  }
  const reportId = uuid(`${key}/diagnostic-report`);
  const diagnostic: DiagnosticReport = {
    resourceType: "DiagnosticReport",
    id: reportId,
    status: report.completeness.complete ? "final" : "partial",
    category: [
      { coding: [{ system: "http://terminology.hl7.org/CodeSystem/v2-0074", code: "RAD", display: "Radiology" }] },
      { coding: [{ system: LOINC, code: "LP29684-5", display: "Radiology" }] },
    ],
    code: { coding: [{ system: LOINC, code: LOINC_IMAGING_STUDY, display: "Diagnostic imaging study" }], text: `Tumour response assessment (${report.criteriaLabel})` },
    subject,
    effectiveDateTime: date,
    ...(result.length > 0 ? { result } : {}),
    conclusion: report.impression.join(" "),
    presentedForm: [{
      contentType: "text/plain; charset=utf-8",
      language: "en",
      title: `Tumour response report ${report.patientId} ${date}`,
      data: Buffer.from(input.text, "utf8").toString("base64"),
    }],
  };
  entries.push({ fullUrl: `urn:uuid:${reportId}`, resource: diagnostic });
  return entries;
}

/** One Bundle (type collection) for one or more reports; a resource shared by two reports appears once. */
export function reportBundle(inputs: FhirReportInput[]): Bundle {
  const seen = new Set<string>();
  const entry: BundleEntry[] = [];
  for (const input of inputs) {
    for (const e of reportEntries(input)) {
      if (!e.fullUrl || seen.has(e.fullUrl)) continue;
      seen.add(e.fullUrl);
      entry.push(e);
    }
  }
  const id = uuid(`bundle/${inputs.map((i) => `${i.report.patientId}/${i.report.scan.date}`).join(",")}`);
  return { resourceType: "Bundle", id, type: "collection", entry };
}
