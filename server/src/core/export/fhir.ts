// `nadir export --to fhir`: one FHIR R4 Bundle (type collection) per patient, aligned with mCODE:
// the Patient, a BodyStructure per lesion (its id as identifier), a TumorSize Observation per
// measured diameter (LOINC 21889-1 with a 33728-7 component), a disease-status Observation per
// time point (LOINC 97509-4, the primary criteria's response, and one per criterion read side by
// side, P3), ctDNA and tumour-marker Observations, and
// each therapy as a MedicationStatement (drugs) or Procedure (radiotherapy, local treatment), with
// its last dose and stop reason when the file gives them (language 1.1), and for each line of
// immunotherapy the resistance classification (R17-R24) as an Observation focused on that therapy.
// Ids are name-based UUIDs so that the same case file always gives the same Bundle. A response of
// an episode whose data an error touches is a "preliminary" Observation with a note saying why.
import { createHash } from "crypto";
import type {
  BodyStructure, Bundle, BundleEntry, CodeableConcept, MedicationStatement, Observation, Patient as FhirPatient, Procedure, Quantity, Reference, Resource,
} from "@medplum/fhirtypes";
import type { MeasuredValue, Patient } from "../model/types";
import type { EpisodeAssessment, PatientAssessment, ResistanceResult, TimepointAssessment } from "../engine/types";
import type { Category, Criterion, TimepointReading } from "../criteria/types";
import { CohortFile, mm, recistCategory } from "./cohort";
import { criterion, DEFAULT_CRITERIA } from "../criteria/registry";
import { burdenValue } from "../engine/json";

const LOINC = "http://loinc.org";
const SNOMED = "http://snomed.info/sct";
const UCUM = "http://unitsofmeasure.org";
const OBSERVATION_CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category";
export const PATIENT_ID_SYSTEM = "urn:nadir:patient";
export const LESION_ID_SYSTEM = "urn:nadir:lesion";
export const RESPONSE_SYSTEM = "urn:nadir:response";
/** The class codes of R24 (P5): primary, secondary, secondary-or-late, after-discontinuation, ... */
export const RESISTANCE_SYSTEM = "urn:nadir:resistance";

export const LOINC_TUMOR_SIZE = "21889-1";
export const LOINC_MAX_DIMENSION = "33728-7";
export const LOINC_DISEASE_STATUS = "97509-4";
/** P1: the second diameter of a lesion measured `A x B`. */
export const LOINC_ADDITIONAL_DIMENSION = "33729-5";

/** mCODE ConditionStatusTrendVS: the direction a response category says the disease took. */
const STATUS_TREND: Record<string, { code: string; display: string }> = {
  CR: { code: "260415000", display: "Not detected (qualifier value)" },
  PR: { code: "268910001", display: "Patient's condition improved (finding)" },
  SD: { code: "359746009", display: "Patient's condition stable (finding)" },
  "NON-CR/NON-PD": { code: "359746009", display: "Patient's condition stable (finding)" },
  PD: { code: "271299001", display: "Patient's condition worsened (finding)" },
  NE: { code: "709137006", display: "Patient condition undetermined (finding)" },
};

export interface FhirPatientBundle {
  patientId: string;
  bundle: Bundle;
}

export function fhirBundles(files: CohortFile[]): FhirPatientBundle[] {
  const out: FhirPatientBundle[] = [];
  for (const file of files) {
    for (const assessed of file.analysis.assessment.patients) out.push({ patientId: assessed.id, bundle: patientBundle(assessed) });
  }
  return out;
}

export function patientBundle(assessed: PatientAssessment): Bundle {
  const model = assessed.patient;
  const ids = new ResourceIds(assessed.id);
  const entries: BundleEntry[] = [];
  const add = <T extends Resource>(key: string, resource: T): Reference<T> => {
    const id = ids.for(key);
    entries.push({ fullUrl: `urn:uuid:${id}`, resource: { ...resource, id } });
    return { reference: `urn:uuid:${id}` };
  };
  const subject = add("patient", { resourceType: "Patient", identifier: [{ system: PATIENT_ID_SYSTEM, value: assessed.id }] } as FhirPatient);

  const therapyRefs = new Map<Patient["therapies"][number], Reference>();
  model.therapies.forEach((therapy, i) => therapyRefs.set(therapy, add(`therapy/${i}`, therapyResource(subject, therapy))));

  assessed.episodes.forEach((episode, i) => {
    const prefix = `episode/${i + 1}`;
    const lesionRefs = new Map<string, Reference>();
    for (const lesion of episode.episode.lesions.values()) {
      lesionRefs.set(lesion.id, add(`${prefix}/lesion/${lesion.id}`, {
        resourceType: "BodyStructure",
        identifier: [{ system: LESION_ID_SYSTEM, value: lesion.id }],
        active: true,
        description: lesion.description ? `${lesion.kind} lesion: ${lesion.description}` : `${lesion.kind} lesion`,
        location: { text: lesion.nodal ? "lymph node" : lesion.organ },
        patient: subject,
      } as BodyStructure));
    }
    const sizesAt = new Map<string, Reference<Observation>[]>();
    const assessments = [...episode.episode.preTreatment, ...(episode.episode.baseline ? [episode.episode.baseline] : []), ...episode.episode.followUps];
    for (const a of assessments) {
      for (const m of a.measurements) {
        const focus = lesionRefs.get(m.lesionId);
        if (!focus || m.value.kind !== "size") continue;
        const lesion = episode.episode.lesions.get(m.lesionId)!;
        const ref = add(`${prefix}/size/${a.date}/${m.lesionId}`, tumourSize(subject, focus, a.date, m.value, lesion.nodal, a.modality));
        sizesAt.set(a.date, [...(sizesAt.get(a.date) ?? []), ref]);
      }
    }
    const primary = criterion(assessed.criteria);
    const others = assessed.criteriaRead.filter((id) => id !== assessed.criteria && id !== DEFAULT_CRITERIA).map(criterion);
    const responses = new Map<string, Reference<Observation>>();
    episode.timepoints.forEach((tp, i) => {
      responses.set(tp.date, add(`${prefix}/response/${tp.date}`, responseObservation(subject, primary, episode, tp, i, sizesAt.get(tp.date) ?? [])));
      // Each criterion read side by side (P3): an observation of its own, with its burden.
      for (const c of others) {
        const reading = episode.readings?.[c.id]?.timepoints[i];
        if (reading) add(`${prefix}/response/${tp.date}/${c.id}`, criterionObservation(subject, c, episode, tp, reading, sizesAt.get(tp.date) ?? []));
      }
    });
    const therapy = episode.episode.therapy;
    const r = episode.resistance;
    if (r && therapy && r.class !== "not-applicable") {
      add(`${prefix}/resistance`, resistanceObservation(subject, episode, r, therapyRefs.get(therapy) ?? null, responses));
    }
  });

  model.ctdna.forEach((sample, i) => add(`ctdna/${i}`, ctdnaObservation(subject, sample)));
  model.markers.forEach((marker, i) => add(`marker/${i}`, markerObservation(subject, marker)));

  return { resourceType: "Bundle", id: ids.for("bundle"), type: "collection", entry: entries };
}

function category(code: "imaging" | "laboratory"): CodeableConcept[] {
  return [{ coding: [{ system: OBSERVATION_CATEGORY, code, display: code === "imaging" ? "Imaging" : "Laboratory" }] }];
}

function millimetres(value: number): Quantity {
  return { value, unit: "mm", system: UCUM, code: "mm" };
}

function tumourSize(subject: Reference<FhirPatient>, focus: Reference, date: string, value: Extract<MeasuredValue, { kind: "size" }>, nodal: boolean, modality: string | null): Observation {
  // P1: two diameters give the longest (maximum dimension) and the perpendicular (additional dimension; a node's short axis).
  const two = value.diameters && value.diameters.every((d) => d.short !== null) ? value.diameters : null;
  const long = two ? two.reduce((sum, d) => sum + d.long, 0) : value.tenths;
  const component: NonNullable<Observation["component"]> = [{
    code: { coding: [{ system: LOINC, code: LOINC_MAX_DIMENSION, display: "Size.maximum dimension in Tumor" }] },
    valueQuantity: millimetres(mm(long) as number),
  }];
  if (two) {
    component.push({
      code: { coding: [{ system: LOINC, code: LOINC_ADDITIONAL_DIMENSION, display: "Size.additional dimension in Tumor" }] },
      valueQuantity: millimetres(mm(two.reduce((sum, d) => sum + (d.short as number), 0)) as number),
    });
  }
  return {
    resourceType: "Observation",
    status: "final",
    category: category("imaging"),
    code: { coding: [{ system: LOINC, code: LOINC_TUMOR_SIZE, display: "Size Tumor" }] },
    subject,
    focus: [focus],
    effectiveDateTime: date,
    ...(modality ? { method: { text: modality } } : {}),
    component,
    // RECIST measures nodes on their short axis (R2); say so rather than imply the longest one.
    ...(nodal ? { note: [{ text: two ? "Lymph node: long axis, and the short axis as the additional dimension (RECIST 1.1 reads the short axis)." : "Lymph node: short-axis diameter (RECIST 1.1)." }] } : {}),
  };
}

/**
 * A response computed from an episode whose data an error touches (core/completeness.ts) is
 * "preliminary" (FHIR: "data may be incomplete or unverified") and says why in a note.
 */
function responseObservation(subject: Reference<FhirPatient>, primary: Criterion, episode: EpisodeAssessment, tp: TimepointAssessment, index: number, sizes: Reference<Observation>[]): Observation {
  // The primary criteria's response (P3); RECIST 1.1's is a component when they are others.
  const reading = primary.id === DEFAULT_CRITERIA ? null : episode.readings?.[primary.id]?.timepoints[index] ?? null;
  const response: string = reading ? reading.response : tp.response;
  const trend = STATUS_TREND[recistCategory(response)] ?? STATUS_TREND[COMMON[reading?.category ?? "NE"]];
  const criteria = reading ? primary.cdiscCategory : "RECIST 1.1";
  const component: NonNullable<Observation["component"]> = [];
  if (tp.target !== null) component.push({ code: { text: "Target lesion response" }, valueCodeableConcept: localCode(tp.target) });
  if (tp.nonTarget !== null) component.push({ code: { text: "Non-target lesion response" }, valueCodeableConcept: localCode(tp.nonTarget) });
  component.push({ code: { text: "New lesions" }, valueCodeableConcept: localCode(tp.newLesions) });
  if (tp.sum !== null) component.push({ code: { text: "Sum of diameters of target lesions" }, valueQuantity: millimetres(mm(tp.sum) as number) });
  if (reading) component.push({ code: { text: "RECIST 1.1 overall response" }, valueCodeableConcept: localCode(tp.response) });
  return responseResource(subject, episode, tp.date, criteria, response, trend, component, sizes);
}

/** A criterion read side by side (P3): its response, its burden in its unit, the state of its confirmation. */
function criterionObservation(subject: Reference<FhirPatient>, c: Criterion, episode: EpisodeAssessment, tp: TimepointAssessment, reading: TimepointReading, sizes: Reference<Observation>[]): Observation {
  const component: NonNullable<Observation["component"]> = [];
  const burden = burdenValue(reading.burden, c.unit);
  if (burden !== null) component.push({ code: { text: c.unit === "mm2" ? "Sum of the products of the diameters" : "Tumour burden (sum of diameters)" }, valueQuantity: c.unit === "mm2" ? { value: burden, unit: "mm2", system: UCUM, code: "mm2" } : millimetres(burden) });
  if (reading.confirmation) component.push({ code: { text: "Confirmation" }, valueCodeableConcept: localCode(reading.confirmation) });
  return responseResource(subject, episode, tp.date, c.cdiscCategory, reading.response, STATUS_TREND[COMMON[reading.category]], component, sizes);
}

/**
 * A response computed from an episode whose data an error touches (core/completeness.ts) is
 * "preliminary" (FHIR: "data may be incomplete or unverified") and says why in a note.
 */
function responseResource(subject: Reference<FhirPatient>, episode: EpisodeAssessment, date: string, criteria: string, response: string, trend: { code: string; display: string }, component: NonNullable<Observation["component"]>, sizes: Reference<Observation>[]): Observation {
  const codes = [...new Set(episode.incompleteBecause.map((d) => d.code))];
  return {
    resourceType: "Observation",
    status: episode.complete ? "final" : "preliminary",
    ...(episode.complete ? {} : { note: [{ text: `Incomplete: computed from a case file with errors that touch this episode (${codes.join(", ")}); see 'nadir check'.` }] }),
    category: category("imaging"),
    code: { coding: [{ system: LOINC, code: LOINC_DISEASE_STATUS, display: "Cancer disease progression" }], text: `${criteria} overall response` },
    subject,
    effectiveDateTime: date,
    method: { text: criteria },
    valueCodeableConcept: {
      coding: [{ system: SNOMED, code: trend.code, display: trend.display }, { system: RESPONSE_SYSTEM, code: response }],
      text: response,
    },
    component,
    ...(sizes.length > 0 ? { derivedFrom: sizes } : {}),
  };
}

/** A criterion's common category as the key of STATUS_TREND. */
const COMMON: Record<Category, string> = { CR: "CR", PR: "PR", SD: "SD", NN: "NON-CR/NON-PD", UPD: "PD", PD: "PD", NE: "NE" };

function localCode(code: string): CodeableConcept {
  return { coding: [{ system: RESPONSE_SYSTEM, code }], text: code };
}

function ctdnaObservation(subject: Reference<FhirPatient>, sample: Patient["ctdna"][number]): Observation {
  const base: Observation = {
    resourceType: "Observation",
    status: "final",
    category: category("laboratory"),
    code: { text: "Circulating tumour DNA (ctDNA)" },
    subject,
    effectiveDateTime: sample.date,
  };
  switch (sample.unit) {
    case "undetected":
      return { ...base, valueCodeableConcept: { coding: [{ system: SNOMED, code: "260415000", display: "Not detected (qualifier value)" }], text: "undetected" } };
    case "vaf":
      return { ...base, code: { text: "ctDNA variant allele fraction" }, valueQuantity: { value: sample.value, unit: "%", system: UCUM, code: "%" } };
    case "copies/mL":
      return { ...base, valueQuantity: { value: sample.value, unit: "copies/mL", system: UCUM, code: "{copies}/mL" } };
    case "MTM/mL":
      return { ...base, valueQuantity: { value: sample.value, unit: "MTM/mL" } };
  }
}

function markerObservation(subject: Reference<FhirPatient>, marker: Patient["markers"][number]): Observation {
  return {
    resourceType: "Observation",
    status: "final",
    category: category("laboratory"),
    code: { text: marker.name },
    subject,
    effectiveDateTime: marker.date,
    valueQuantity: { value: marker.value, unit: marker.unit },
    ...(marker.uln !== null ? { referenceRange: [{ high: { value: marker.uln, unit: marker.unit } }] } : {}),
  };
}

/**
 * Drugs are MedicationStatements; radiotherapy and local treatments only are Procedures. The
 * period ends at the last dose (`to DATE`); the status is "completed" or "stopped" when the file
 * says why it stopped (`stopped REASON`, language 1.1), the reason in `statusReason`, and
 * honestly "unknown" otherwise.
 */
function therapyResource(subject: Reference<FhirPatient>, therapy: Patient["therapies"][number]): MedicationStatement | Procedure {
  const code = { text: therapy.kinds.length > 0 ? `${therapy.name} (${therapy.kinds.join("+")})` : therapy.name };
  const period = { start: therapy.date, ...(therapy.lastDoseDate ? { end: therapy.lastDoseDate } : {}) };
  const status = therapy.stopped === null ? "unknown" : therapy.stopped === "completed" ? "completed" : "stopped";
  const reason = therapy.stopped === null ? null : { text: `stopped: ${therapy.stopped}` };
  if (therapy.kinds.length > 0 && therapy.kinds.every((k) => k === "radiotherapy" || k === "local")) {
    return { resourceType: "Procedure", status, code, subject, performedPeriod: period, ...(reason ? { statusReason: reason } : {}) };
  }
  return { resourceType: "MedicationStatement", status, medicationCodeableConcept: code, subject, effectivePeriod: period, ...(reason ? { statusReason: [reason] } : {}) };
}

/**
 * R17-R24: the resistance class of a line of immunotherapy, an Observation focused on the therapy,
 * coded in Nadir's system (no standard code exists), with its numbers as components and the
 * response Observations it rests on. "preliminary" while pending, or when an error touches the episode.
 */
function resistanceObservation(subject: Reference<FhirPatient>, episode: EpisodeAssessment, r: ResistanceResult, therapy: Reference | null, responses: Map<string, Reference<Observation>>): Observation {
  const days = (value: number) => ({ value, unit: "days", system: UCUM, code: "d" });
  const component: NonNullable<Observation["component"]> = [];
  if (r.exposureDays !== null) component.push({ code: { text: "Exposure (days from the therapy start to the earlier of the last dose and the progression)" }, valueQuantity: days(r.exposureDays) });
  if (r.controlDays !== null) component.push({ code: { text: "Disease-control duration (days)" }, valueQuantity: days(r.controlDays) });
  if (r.daysSinceLastDose !== null) component.push({ code: { text: "Days from the last dose to the progression" }, valueQuantity: days(r.daysSinceLastDose) });
  if (r.bestResponse !== null) component.push({ code: { text: "Best overall response up to the progression" }, valueCodeableConcept: localCode(r.bestResponse) });
  if (r.progressionDate !== null) component.push({ code: { text: "Date of progression" }, valueDateTime: r.progressionDate });
  if (r.confirmedBy !== null) component.push({ code: { text: "Progression confirmed by" }, valueString: r.confirmedBy === "clinical" ? "clinical (SITC exception)" : `scan of ${r.confirmedBy}` });
  const derived = r.progressionDate ? [...responses].filter(([date]) => date <= (r.confirmedBy && r.confirmedBy !== "clinical" ? r.confirmedBy : r.progressionDate!)).map(([, ref]) => ref) : [];
  const notes = [`${r.definition ?? "SITC"} definitions, ${r.reading === "RECIST1.1" ? "RECIST 1.1" : r.reading} reading: ${r.reason}.`];
  if (!episode.complete) notes.push(`Incomplete: computed from a case file with errors that touch this episode (${[...new Set(episode.incompleteBecause.map((d) => d.code))].join(", ")}); see 'nadir check'.`);
  return {
    resourceType: "Observation",
    status: episode.complete && r.class !== "pending" ? "final" : "preliminary",
    code: { text: "Resistance to immune checkpoint inhibition (SITC classification)" },
    subject,
    ...(therapy ? { focus: [therapy] } : {}),
    ...(r.progressionDate ? { effectiveDateTime: r.progressionDate } : {}),
    method: { text: r.definition ?? "SITC" },
    valueCodeableConcept: { coding: [{ system: RESISTANCE_SYSTEM, code: r.class }], text: r.text },
    component,
    note: notes.map((text) => ({ text })),
    ...(derived.length > 0 ? { derivedFrom: derived } : {}),
  };
}

/** Name-based UUIDs (RFC 4122 version 5 layout over SHA-1) of "patient id / resource key". */
class ResourceIds {
  constructor(private readonly patientId: string) {}

  for(key: string): string {
    const hash = createHash("sha1").update(`nadir:${this.patientId}/${key}`).digest();
    hash[6] = (hash[6] & 0x0f) | 0x50;
    hash[8] = (hash[8] & 0x3f) | 0x80;
    const hex = hash.subarray(0, 16).toString("hex");
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  }
}
