// The language core without the engine: parse, model, structural checks. Tests of issue 2 use it
// so that clinical diagnostics (engine) cannot change their expectations.
import { parseText } from "../../server/src/core/syntax/parse";
import { buildModel } from "../../server/src/core/model/build";
import { checkStructure } from "../../server/src/core/check";
import type { CoreDiagnostic } from "../../server/src/core/diagnostics";
import type { CaseModel } from "../../server/src/core/model/types";
import { describe as describeDiagnostic, marked, describeSpan } from "./marked";

export interface CoreRun {
  model: CaseModel;
  syntax: CoreDiagnostic[];
  structural: CoreDiagnostic[];
  all: CoreDiagnostic[];
}

export function runCore(text: string): CoreRun {
  const parse = parseText(text);
  const model = buildModel(parse.file, text);
  const structural = checkStructure(parse.file, model, text);
  return { model, syntax: parse.diagnostics, structural, all: [...parse.diagnostics, ...structural].sort((a, b) => a.start - b.start) };
}

/** Diagnostics of one code in a text, described as `code [covered text] @start-end`. */
export function found(text: string, code: string): string[] {
  return runCore(text).all.filter((d) => d.code === code).map((d) => describeDiagnostic(text, d));
}

/**
 * The expectation for a marked case: every ⟦range⟧ carries a diagnostic with `code`, and no
 * other place does. Returns [actual, expected] for deepStrictEqual.
 */
export function expectMarked(source: string, code: string): [string[], string[]] {
  const { text, spans } = marked(source);
  return [found(text, code), spans.map((s) => describeSpan(text, code, s))];
}
