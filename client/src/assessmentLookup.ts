// Picks the patient, episode and timepoint that the cursor is on out of the
// server's assessment. Pure, so the status bar and timeline share it and tests
// need no VS Code.
import { AssessedEpisode, AssessedPatient, AssessedTimepoint, AssessmentDocument } from "../../server/src/protocol";
import { AssessmentBlock } from "./documentOutline";

export function findPatient(doc: AssessmentDocument | undefined, id: string | undefined): AssessedPatient | undefined {
  const patients = doc?.files[0]?.patients ?? [];
  if (id !== undefined) return patients.find((p) => p.id === id);
  return patients.length === 1 ? patients[0] : undefined;
}

export type CursorAssessment =
  | { kind: "baseline"; episode: AssessedEpisode }
  | { kind: "timepoint"; episode: AssessedEpisode; timepoint: AssessedTimepoint }
  | { kind: "pre-treatment"; date: string };

/**
 * The assessment of the block at the cursor. The server's `range` (scan header)
 * is preferred; without it the block is matched by date, which is ambiguous
 * only for two scans on one date (the first wins).
 */
export function assessmentAt(patient: AssessedPatient, block: AssessmentBlock | undefined): CursorAssessment | undefined {
  if (!block) return undefined;
  for (const episode of patient.episodes) {
    if (block.kind === "baseline" && episode.baseline && sameBlock(episode.baseline, block)) {
      return { kind: "baseline", episode };
    }
    if (block.kind === "scan") {
      const timepoint = episode.timepoints.find((tp) => sameBlock(tp, block));
      if (timepoint) return { kind: "timepoint", episode, timepoint };
    }
  }
  return block.kind === "scan" ? { kind: "pre-treatment", date: block.date } : undefined;
}

function sameBlock(item: { date: string; range?: { start: { line: number } } }, block: AssessmentBlock): boolean {
  return item.range ? item.range.start.line === block.headerLine : item.date === block.date;
}

/** The response shown for a timepoint: iRECIST's when present. */
export function displayedResponse(tp: AssessedTimepoint): string {
  return tp.iResponse ?? tp.response;
}

export function formatSigned(value: number | null, unit: string): string {
  if (value === null) return "n/a";
  const sign = value > 0 ? "+" : value < 0 ? "\u2212" : "\u00b1";
  return `${sign}${Math.abs(value)}${unit}`;
}

/**
 * "incomplete: 2 errors" when the results at the cursor rest on partial data (issue 10), else
 * null. The episode's flag for a baseline or time point, the patient's elsewhere; both come from
 * the server's JSON (`complete`, `incompleteBecause`), never recomputed here.
 */
export function incompleteLabel(patient: AssessedPatient, at: CursorAssessment): string | null {
  const source = at.kind === "pre-treatment" ? patient : at.episode;
  if (source.complete !== false) return null;
  const count = source.incompleteBecause?.length ?? 0;
  return `incomplete: ${count} error${count === 1 ? "" : "s"}`;
}
