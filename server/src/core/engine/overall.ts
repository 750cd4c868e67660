// RECIST 1.1 overall response at a time point (R7, tables 1 and 2).
import type { Step } from "./trace";
import type { Explanation, NonTargetCategory, OverallResponse, TargetCategory } from "./types";

export interface OverallJudgement {
  response: OverallResponse;
  explanation: Step;
}

/** `newLesions` is true only for unequivocal new lesions (R6: equivocal ones do not make PD). */
export function overallResponse(target: TargetCategory | null, nonTarget: NonTargetCategory | null, newLesions: boolean): OverallJudgement {
  const nl = newLesions ? "Yes" : "No";
  if (target !== null) return table1(target, nonTarget, newLesions, nl);
  if (nonTarget !== null) return table2(nonTarget, newLesions, nl);
  // No baseline disease at all: only new lesions can say anything.
  return newLesions
    ? { response: "PD", explanation: () => ({ rule: "R7", text: "No target or non-target lesions; new lesions: Yes -> PD." }) }
    : { response: "NE", explanation: () => ({ rule: "R7", text: "No target or non-target lesions and no new lesions: NE." }) };
}

function row(table: 1 | 2, cells: string, response: OverallResponse): OverallJudgement {
  return { response, explanation: () => ({ rule: `R7 table ${table}`, text: `${cells} -> ${response}.` }) };
}

function table1(target: TargetCategory, nonTarget: NonTargetCategory | null, newLesions: boolean, nl: string): OverallJudgement {
  const nt = nonTarget ?? "none";
  if (target === "PD") return row(1, `Target PD | non-target any (${nt}) | new any (${nl})`, "PD");
  if (nonTarget === "PD") return row(1, `Target any (${target}) | non-target PD | new any (${nl})`, "PD");
  if (newLesions) return row(1, `Target any (${target}) | non-target any (${nt}) | new Yes`, "PD");
  switch (target) {
    case "CR":
      if (nonTarget === null || nonTarget === "CR") return row(1, `Target CR | non-target ${nonTarget === null ? "none" : "CR"} | new No`, "CR");
      if (nonTarget === "NE") return row(1, "Target CR | non-target NE (not all evaluated) | new No", "PR");
      return row(1, "Target CR | non-target NON-CR/NON-PD | new No", "PR");
    case "PR":
      return row(1, `Target PR | non-target NON-PD or NE (${nt}) | new No`, "PR");
    case "SD":
      return row(1, `Target SD | non-target NON-PD or NE (${nt}) | new No`, "SD");
    case "NE":
      return row(1, `Target NE (not all evaluated) | non-target NON-PD (${nt}) | new No`, "NE");
  }
}

function table2(nonTarget: NonTargetCategory, newLesions: boolean, nl: string): OverallJudgement {
  if (nonTarget === "PD") return row(2, `Non-target PD | new any (${nl})`, "PD");
  if (newLesions) return row(2, `Non-target any (${nonTarget}) | new Yes`, "PD");
  switch (nonTarget) {
    case "CR":
      return row(2, "Non-target CR | new No", "CR");
    case "NON-CR/NON-PD":
      return row(2, "Non-target NON-CR/NON-PD | new No", "NON-CR/NON-PD");
    case "NE":
      return row(2, "Non-target NE (not all evaluated) | new No", "NE");
  }
}
