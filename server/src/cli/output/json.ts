// The machine-readable document of the spec ("What the tools report"): version 1, one entry per
// file with its patients' assessments and its diagnostics (zero-based LSP ranges). The entries
// come from the engine (core/engine/json.ts); this module only wraps them.
import type { Analysis } from "../../core/analyze";
import { assessmentJson, JsonFileAssessment } from "../../core/engine/json";

export type JsonFile = JsonFileAssessment;

export interface JsonDocument {
  version: 1;
  files: JsonFile[];
}

export function jsonFile(path: string, analysis: Analysis): JsonFile {
  return assessmentJson(analysis, path);
}

export function formatJson(files: JsonFile[]): string {
  const document: JsonDocument = { version: 1, files };
  return `${JSON.stringify(document, null, 2)}\n`;
}
