// Terse case files for engine tests. `kase` wraps statements in a patient block and expands
// one-line scans: `scan 2025-03-01 { T1 30 mm ; NT1 present }` becomes a block of lines.
import { analyze, Analysis } from "../../../server/src/core/analyze";
import { resolveSettings, Settings } from "../../../server/src/core/settings";
import type { EpisodeAssessment, PatientAssessment, TimepointAssessment } from "../../../server/src/core/engine/types";
import type { CoreDiagnostic } from "../../../server/src/core/diagnostics";
import { formatDay, parseDay } from "../../../server/src/core/util/dates";

export function kase(body: string, id = "P1"): string {
  const lines = body
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean)
    .flatMap((line) => {
      const m = /^(.*)\{(.*)\}\s*$/.exec(line);
      if (!m) return [line];
      return [`${m[1].trim()} {`, ...m[2].split(";").map((s) => s.trim()).filter(Boolean), "}"];
    });
  return `patient ${id} {\n${lines.map((l) => `  ${l}`).join("\n")}\n}\n`;
}

export function addDays(date: string, days: number): string {
  const day = parseDay(date);
  if (day === null) throw new Error(`bad date ${date}`);
  return formatDay(day + days);
}

/** Scans of one target T1 (and optional extra lines per scan), every `step` days from `first`. */
export function series(first: string, step: number, values: string[], extra = ""): string {
  return values.map((v, i) => `scan ${addDays(first, i * step)} { T1 ${v}${extra ? ` ; ${extra}` : ""} }`).join("\n");
}

export interface Run {
  analysis: Analysis;
  patient: PatientAssessment;
  episode: EpisodeAssessment;
  tps: TimepointAssessment[];
  responses: string[];
  iResponses: string[];
  diagnostics: CoreDiagnostic[];
  codes: string[];
}

export const TODAY = parseDay("2030-01-01") as number;

export function run(body: string, settings: Partial<Settings> = {}, episodeIndex = 0): Run {
  const analysis = analyze(kase(body), { settings: resolveSettings(settings), today: TODAY });
  const patient = analysis.assessment.patients[0];
  if (!patient) throw new Error("no patient assessed");
  const episode = patient.episodes[episodeIndex];
  if (!episode) throw new Error(`no episode ${episodeIndex}`);
  const errors = analysis.diagnostics.filter((d) => d.severity === "error");
  if (errors.length > 0) throw new Error(`case has errors: ${errors.map((e) => `${e.code} ${e.message}`).join("; ")}`);
  return {
    analysis,
    patient,
    episode,
    tps: episode.timepoints,
    responses: episode.timepoints.map((t) => t.response),
    iResponses: episode.timepoints.map((t) => t.iResponse ?? "-"),
    diagnostics: analysis.assessment.diagnostics,
    codes: analysis.assessment.diagnostics.map((d) => d.code),
  };
}

export function diagnosticsOf(r: Run, code: string): CoreDiagnostic[] {
  return r.diagnostics.filter((d) => d.code === code);
}

/** The text a diagnostic's range covers. */
export function covered(r: Run, d: CoreDiagnostic): string {
  return r.analysis.text.slice(d.start, d.end);
}
