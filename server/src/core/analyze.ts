// The pure pipeline shared by the CLI and the language service: parse -> model -> check -> assess.
import { parseText, ParseResult } from "./syntax/parse";
import { buildModel } from "./model/build";
import { checkStructure } from "./check";
import { assessCase } from "./engine";
import type { CaseModel } from "./model/types";
import type { FileNode } from "./syntax/ast";
import type { CaseAssessment } from "./engine/types";
import type { CoreDiagnostic } from "./diagnostics";
import type { Settings } from "./settings";
import { DEFAULT_SETTINGS } from "./settings";
import { todayDay } from "./util/dates";
import { markCompleteness } from "./completeness";

export interface Analysis {
  text: string;
  parse: ParseResult;
  model: CaseModel;
  assessment: CaseAssessment;
  /** Every diagnostic, syntax first, then structural, then clinical; sorted by offset. */
  diagnostics: CoreDiagnostic[];
}

export interface AnalyzeOptions {
  settings?: Settings;
  /** Overrides today's date (tests, `--as-of`). */
  today?: number;
}

export function analyze(text: string, options: AnalyzeOptions = {}): Analysis {
  const parse = parseText(text);
  const { model, structural, assessment } = analyzeParsed(parse.file, text, options.settings ?? DEFAULT_SETTINGS, options.today ?? todayDay());
  const diagnostics = orderDiagnostics(parse.diagnostics, structural, assessment.diagnostics);
  markCompleteness(assessment, diagnostics);
  return { text, parse, model, assessment, diagnostics };
}

/** The stages after parsing: model, structural checks, engine (also run per patient by core/incremental). */
export function analyzeParsed(file: FileNode, text: string, settings: Settings, today: number) {
  const model = buildModel(file, text);
  const structural = checkStructure(file, model, text);
  const assessment = assessCase(model, settings, { today });
  return { model, structural, assessment };
}

/** The one order of diagnostics: syntax, then structural, then clinical, stably by range. */
export function orderDiagnostics(syntax: CoreDiagnostic[], structural: CoreDiagnostic[], clinical: CoreDiagnostic[]): CoreDiagnostic[] {
  return [...syntax, ...structural, ...clinical].sort((a, b) => a.start - b.start || a.end - b.end);
}
