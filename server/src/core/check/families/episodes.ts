// Episodes and their baselines (R1, R15): missing-baseline for a patient with no baseline at all
// or a therapy whose episode has none; baseline-timing when the baseline is more than 28 days
// before, or after, the therapy start.
import type { Episode } from "../../model/types";
import type { CheckContext } from "../context";
import type { PatientScope, StructuralChecks } from "../registry";
import { Codes } from "../../codes";

/** R1: the baseline should be within 4 weeks before the start of treatment. */
const MAX_BASELINE_LEAD_DAYS = 28;

function hasBaselineStatement(scope: PatientScope): boolean {
  return scope.patient.node.items.some((i) => i.type === "Assessment" && i.header.kind === "baseline");
}

function checkPatientBaseline(scope: PatientScope, ctx: CheckContext): void {
  // A baseline with a broken or invalid date is reported as such, not as missing.
  if (hasBaselineStatement(scope)) return;
  const who = scope.patient.id ? `Patient ${scope.patient.id}` : "This patient";
  ctx.report(Codes.missingBaseline, scope.patient.idSpan,
    `${who} has no baseline: add \`baseline DATE CT { … }\` declaring the target and non-target lesions (R1, R15).`);
}

function checkEpisodeBaseline(episode: Episode, scope: PatientScope, ctx: CheckContext): void {
  if (episode.baseline || !episode.therapy) return;
  if (!scope.patient.assessments.some((a) => a.kind === "baseline")) return; // reported for the patient
  ctx.report(Codes.missingBaseline, episode.therapy.node,
    `No baseline for ${episode.therapy.name} from ${episode.therapy.date}: each line of therapy needs a baseline on or before its start (R15).`);
}

function checkBaselineTiming(episode: Episode, scope: PatientScope, ctx: CheckContext): void {
  const { therapy, baseline } = episode;
  if (!therapy || !baseline) return;
  const lead = therapy.start - baseline.day;
  if (lead >= 0 && lead <= MAX_BASELINE_LEAD_DAYS) return;
  // A baseline shared by two therapies: the later therapy's problem is shown on its own line.
  const firstUser = scope.patient.episodes.find((e) => e.baseline === baseline);
  const span = firstUser === episode && baseline.node.header.date ? baseline.node.header.date : therapy.node;
  const message = lead > 0
    ? `The baseline of ${baseline.date} is ${lead} days before the start of ${therapy.name} (${therapy.date}): it should be at most ${MAX_BASELINE_LEAD_DAYS} days before (R1).`
    : `The baseline of ${baseline.date} is ${-lead} days after the start of ${therapy.name} (${therapy.date}): it should come before treatment (R1).`;
  ctx.report(Codes.baselineTiming, span, message);
}

export const episodeChecks: StructuralChecks = {
  family: "episodes",
  Patient: [checkPatientBaseline],
  Episode: [checkEpisodeBaseline, checkBaselineTiming],
};
