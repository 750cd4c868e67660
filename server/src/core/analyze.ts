// The pure pipeline shared by the CLI and the language service: parse -> model -> check -> assess.
import { parseText, ParseResult } from "./syntax/parse";
import { buildModel } from "./model/build";
import { checkStructure } from "./check";
import { assessCase } from "./engine";
import type { CaseModel } from "./model/types";
import type { CaseAssessment } from "./engine/types";
import type { CoreDiagnostic } from "./diagnostics";
import type { Settings } from "./settings";
import { DEFAULT_SETTINGS } from "./settings";
import { todayDay } from "./util/dates";

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

export function analyze(rawText: string, options: AnalyzeOptions = {}): Analysis {
  const text = rawText;
  const settings = options.settings ?? DEFAULT_SETTINGS;
  const parse = parseText(text);
  const model = buildModel(parse.file);
  const structural = checkStructure(parse.file, model, text);
  const assessment = assessCase(model, settings, { today: options.today ?? todayDay() });
  const diagnostics = [...parse.diagnostics, ...structural, ...assessment.diagnostics].sort((a, b) => a.start - b.start || a.end - b.end);
  return { text, parse, model, assessment, diagnostics };
}
