// Editor settings (`nadir.*`, read through workspace/configuration or initializationOptions) mapped
// onto the core's Settings, plus the server-only settings (debounce, trace). Any missing or
// ill-typed value falls back to its default, so a client that sends nothing gets the defaults.
import { resolveSettings, Settings } from "../core/settings";

export interface ServerSettings {
  core: Settings;
  /** Delay between the last edit and re-validation, per document. */
  debounceMs: number;
  trace: "off" | "messages" | "verbose";
}

export const DEFAULT_DEBOUNCE_MS = 150;

/**
 * The editor name (`nadir.<name>` in package.json) of every engine setting. Typed over every
 * Settings key, so a new setting needs its editor name here; test/unit/service/settingsSync checks
 * package.json against this table and the config schema.
 */
export const EDITOR_SETTING_NAMES: Readonly<Record<keyof Settings, string>> = {
  criteria: "criteria",
  confirmResponses: "confirmResponses",
  minStableDiseaseDays: "minStableDiseaseDays",
  continuingPR: "continuingPR",
  nearProgressionMargin: "nearProgressionMargin",
  followUpGraceDays: "followUp.graceDays",
  hyperprogression: "hyperprogression.definition",
  oligoprogressionMaxLesions: "oligoprogression.maxLesions",
  ctdnaFoldThreshold: "ctdna.foldThreshold",
  asOfDate: "asOfDate",
  resistanceReading: "resistance.reading",
  resistanceConfirmWindowDays: "resistance.confirmWindowDays",
  resistanceLateConfirmation: "resistance.lateConfirmation",
  resistanceShortResponse: "resistance.shortResponse",
  resistanceControlMonths: "resistance.controlMonths",
  resistanceControlFrom: "resistance.controlFrom",
  pdl1CpsCutoffs: "pdl1.cpsCutoffs",
  irRECISTNonMeasurableProgression: "irRECIST.nonMeasurableProgression",
};

/** Editor settings of the language server itself, not of the engine. */
export const EDITOR_ONLY_SETTINGS = ["diagnostics.debounceMs", "trace.server"] as const;

/**
 * Accepts the `nadir` section as VS Code sends it (nested objects for dotted names, e.g.
 * `{hyperprogression: {definition: "ferrara"}}`) or with flat dotted keys.
 */
export function serverSettingsFrom(section: unknown): ServerSettings {
  const get = (path: string): unknown => lookup(section, path);
  const raw: Record<string, unknown> = {};
  for (const [key, name] of Object.entries(EDITOR_SETTING_NAMES)) raw[key] = get(name);
  raw.hyperprogression ??= get("hyperprogression");
  raw.asOfDate = emptyToUndefined(raw.asOfDate);
  const core = resolveSettings(raw);
  const debounce = get("diagnostics.debounceMs");
  const trace = get("trace.server");
  return {
    core,
    debounceMs: typeof debounce === "number" && Number.isFinite(debounce) && debounce >= 0 ? Math.min(debounce, 10_000) : DEFAULT_DEBOUNCE_MS,
    trace: trace === "messages" || trace === "verbose" ? trace : "off",
  };
}

function lookup(section: unknown, path: string): unknown {
  if (!section || typeof section !== "object") return undefined;
  const record = section as Record<string, unknown>;
  if (path in record) return record[path];
  let value: unknown = record;
  for (const part of path.split(".")) {
    if (!value || typeof value !== "object") return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

function emptyToUndefined(value: unknown): unknown {
  return value === "" || value === null ? undefined : value;
}
