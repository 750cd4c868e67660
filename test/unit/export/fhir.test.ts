import * as assert from "assert";
import type { Bundle, BundleEntry, Observation, Resource } from "@medplum/fhirtypes";
import { fhirBundles, LOINC_DISEASE_STATUS, LOINC_MAX_DIMENSION, LOINC_TUMOR_SIZE } from "../../../server/src/core/export/fhir";
import { fhirProblems } from "../../helpers/fhirSchema";
import { mixedCohort, melanomaCohort } from "./handAssessed";

function resources(bundle: Bundle): Resource[] {
  return (bundle.entry ?? []).map((e: BundleEntry) => e.resource as Resource);
}

function ofType<T extends Resource>(bundle: Bundle, type: T["resourceType"]): T[] {
  return resources(bundle).filter((r) => r.resourceType === type) as T[];
}

describe("export: FHIR R4 bundles (mCODE-aligned)", function () {
  this.timeout(60000);
  const bundles = fhirBundles(mixedCohort());
  const melanoma = bundles[0].bundle;

  it("gives one collection Bundle per patient that validates against the FHIR R4 schema, resource by resource", () => {
    assert.deepStrictEqual(bundles.map((b) => b.patientId), ["PT-0042", "CRC 7"]);
    for (const { bundle } of bundles) {
      assert.deepStrictEqual(fhirProblems(bundle), []);
      for (const resource of resources(bundle)) assert.deepStrictEqual(fhirProblems(resource), [], `${resource.resourceType}/${resource.id}`);
      assert.strictEqual(bundle.type, "collection");
    }
  });

  it("the validator does reject a broken resource (so the check above can fail)", () => {
    assert.notDeepStrictEqual(fhirProblems({ resourceType: "Observation", status: "finished", code: { text: "x" } } as unknown as Resource), []);
    assert.notDeepStrictEqual(fhirProblems({ resourceType: "BodyStructure" } as Resource), []);
  });

  it("resolves every reference inside the bundle", () => {
    for (const { bundle } of bundles) {
      const urls = new Set((bundle.entry ?? []).map((e) => e.fullUrl));
      const refs = JSON.stringify(bundle).match(/"reference":"[^"]+"/g) ?? [];
      assert.ok(refs.length > 0);
      for (const ref of refs) assert.ok(urls.has(ref.slice(13, -1)), ref);
    }
  });

  it("has a BodyStructure per lesion with its id as identifier (R1, R6)", () => {
    const lesions = ofType<Resource & { identifier?: Array<{ value?: string }> }>(melanoma, "BodyStructure");
    assert.deepStrictEqual(lesions.map((l) => l.identifier?.[0].value), ["T1", "T2", "N1", "NT1", "NT2", "NL1", "NL2", "NL3"]);
  });

  it("codes tumour sizes LOINC 21889-1 with a 33728-7 component in mm, focused on the lesion (R2)", () => {
    const sizes = ofType<Observation>(melanoma, "Observation").filter((o) => o.code.coding?.[0].code === LOINC_TUMOR_SIZE);
    const t1 = sizes.filter((o) => JSON.stringify(o.focus).length > 0 && o.effectiveDateTime === "2025-04-26")
      .map((o) => [o.component?.[0].code.coding?.[0].code, o.component?.[0].valueQuantity?.value, o.component?.[0].valueQuantity?.code]);
    assert.deepStrictEqual(t1[0], [LOINC_MAX_DIMENSION, 38, "mm"]);
    // pre-treatment T1 T2 N1; baseline T1 T2 N1 NT2; 2025-03-01 T1 T2 (too small) N1 NT2 (absent);
    // 2025-04-26 T1 T2 N1 NT2 NL1 NL3: sizes only, not the `present` / `increased` statuses
    assert.strictEqual(sizes.length, 3 + 4 + 4 + 6);
  });

  it("has one response Observation per time point with the criteria's response (R7, iRECIST R10)", () => {
    const responses = ofType<Observation>(melanoma, "Observation").filter((o) => o.code.coding?.[0].code === LOINC_DISEASE_STATUS);
    assert.deepStrictEqual(responses.map((o) => `${o.effectiveDateTime} ${o.valueCodeableConcept?.text} ${o.method?.text}`), [
      "2025-03-01 iPR iRECIST", "2025-04-26 iUPD iRECIST",
    ]);
    assert.strictEqual(responses[1].valueCodeableConcept?.coding?.[0].code, "271299001", "iUPD reads as worsened");
  });

  it("adds ctDNA and marker Observations, and therapies as MedicationStatement or Procedure (R11, R16)", () => {
    const crc = bundles[1].bundle;
    const labs = ofType<Observation>(crc, "Observation").filter((o) => o.category?.[0].coding?.[0].code === "laboratory");
    assert.deepStrictEqual(labs.map((o) => `${o.effectiveDateTime} ${o.valueQuantity ? `${o.valueQuantity.value} ${o.valueQuantity.unit}` : o.valueCodeableConcept?.text}`), [
      "2024-05-15 1200 copies/mL", "2024-09-01 undetected", "2024-05-15 48.2 ng/mL",
    ]);
    assert.deepStrictEqual(resources(crc).filter((r) => r.resourceType === "MedicationStatement" || r.resourceType === "Procedure").map((r) => r.resourceType), ["MedicationStatement", "Procedure"]);
    const vaf = ofType<Observation>(melanoma, "Observation").find((o) => o.valueQuantity?.unit === "%");
    assert.deepStrictEqual([vaf?.valueQuantity?.value, vaf?.code.text], [2.4, "ctDNA variant allele fraction"]);
  });

  it("is deterministic: the same case file gives the same ids", () => {
    assert.deepStrictEqual(fhirBundles(melanomaCohort())[0].bundle, melanoma);
    const ids = resources(melanoma).map((r) => r.id);
    assert.strictEqual(new Set(ids).size, ids.length);
  });
});
