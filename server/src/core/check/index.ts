// Structural checks of a case file (issue 2): data errors and R1 baseline eligibility.
import type { FileNode } from "../syntax/ast";
import type { CaseModel } from "../model/types";
import type { CoreDiagnostic } from "../diagnostics";

export function checkStructure(file: FileNode, model: CaseModel, text: string): CoreDiagnostic[] {
  void file; void model; void text;
  return [];
}
