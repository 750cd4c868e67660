// Settings for one case file: defaults, then the nearest `nadir.config.json` found upwards from
// the file (same keys as Settings), then command-line flags. The file's own statements (criteria,
// confirm responses, schedule, as of) win over all of these inside the engine.
import * as fs from "fs";
import * as path from "path";
import { CliError } from "./command";
import { resolveSettings, Settings } from "../core/settings";

export const CONFIG_FILE = "nadir.config.json";

export type SettingsFlags = Partial<Settings>;

/** The nearest config file at or above `dir`, or null. */
export function findConfigFile(dir: string): string | null {
  for (let current = path.resolve(dir); ; current = path.dirname(current)) {
    const candidate = path.join(current, CONFIG_FILE);
    if (fs.existsSync(candidate)) return candidate;
    if (path.dirname(current) === current) return null;
  }
}

export function readConfigFile(file: string): Record<string, unknown> {
  let raw: string;
  try {
    raw = fs.readFileSync(file, "utf8");
  } catch (e) {
    throw new CliError(`cannot read '${file}': ${(e as Error).message}`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch (e) {
    throw new CliError(`'${file}' is not valid JSON: ${(e as Error).message}`);
  }
  if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) throw new CliError(`'${file}' must hold a JSON object of settings`);
  return parsed as Record<string, unknown>;
}

/**
 * Settings for a case file (null: standard input, searched from `cwd`). Flags win over the config
 * file; ill-typed config values fall back to the defaults (resolveSettings).
 */
export function loadSettingsFor(filePath: string | null, flags: SettingsFlags, cwd: string = process.cwd()): Settings {
  const configFile = findConfigFile(filePath === null ? cwd : path.dirname(path.resolve(cwd, filePath)));
  const fromConfig = configFile ? readConfigFile(configFile) : {};
  const defined = Object.fromEntries(Object.entries(flags).filter(([, v]) => v !== undefined));
  return resolveSettings({ ...fromConfig, ...defined });
}
