// The machine-readable `nadir check` formats for CI (SARIF, JUnit, GitHub workflow commands).
// check.ts collects the per-file results; these modules only turn them into text.
import type { CoreDiagnostic } from "../../core/diagnostics";
import { formatSarif } from "./sarif";
import { formatJunit } from "./junit";
import { formatGithub } from "./github";

/** One checked file: the path as the user should see it (relative, `/`-separated) and its findings. */
export interface CheckedFile {
  path: string;
  text: string;
  diagnostics: CoreDiagnostic[];
}

export const CI_FORMATS = ["sarif", "junit", "github"] as const;
export type CiFormat = (typeof CI_FORMATS)[number];

export function isCiFormat(name: string): name is CiFormat {
  return (CI_FORMATS as readonly string[]).includes(name);
}

export interface CiFormatOptions {
  /** The nadir version, recorded as the SARIF tool version. */
  version: string;
}

export function formatCheckResults(format: CiFormat, files: CheckedFile[], options: CiFormatOptions): string {
  switch (format) {
    case "sarif":
      return formatSarif(files, options.version);
    case "junit":
      return formatJunit(files);
    case "github":
      return formatGithub(files);
  }
}
