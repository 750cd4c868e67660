// Settings for one case file: defaults, then the nearest `nadir.config.json` found upwards from
// the file (same keys as Settings), then command-line flags. The file's own statements (criteria,
// confirm responses, schedule, as of) win over all of these inside the engine.
// The config file is checked against schemas/nadir.config.schema.json, the one description of its
// keys and values (the extension contributes the same schema to VS Code): an unknown key or a bad
// value is a usage error (exit 2) that names the file, the place, the key and what is allowed.
import * as fs from "fs";
import * as path from "path";
import Ajv, { ErrorObject, ValidateFunction } from "ajv";
import CONFIG_SCHEMA from "../../../schemas/nadir.config.schema.json";
import { CliError } from "./command";
import { resolveSettings, Settings } from "../core/settings";
import { parseDay, whyInvalidDate } from "../core/util/dates";
import { closest } from "../core/util/closest";

export const CONFIG_FILE = "nadir.config.json";
export { CONFIG_SCHEMA };

export type SettingsFlags = Partial<Settings>;

/** One key's entry in the schema: the keywords the messages are built from. */
interface PropertySchema {
  type?: string;
  enum?: unknown[];
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  patternErrorMessage?: string;
  /** Arrays (a window or two cut-offs): the schema of each item. */
  items?: PropertySchema;
}

const PROPERTIES = CONFIG_SCHEMA.properties as Record<string, PropertySchema>;
/** The settings a config file may hold (`$schema` is allowed too, for editors). */
export const CONFIG_KEYS = Object.keys(PROPERTIES).filter((key) => key !== "$schema");

let compiled: ValidateFunction | null = null;
function validator(): ValidateFunction {
  if (!compiled) {
    const ajv = new Ajv({ allErrors: true, strict: true });
    // VS Code's annotations in the schema: shown by the editor, meaningless for validation.
    ajv.addVocabulary(["markdownDescription", "enumDescriptions", "patternErrorMessage"]);
    compiled = ajv.compile(CONFIG_SCHEMA);
  }
  return compiled;
}

/** The nearest config file at or above `dir`, or null. */
export function findConfigFile(dir: string): string | null {
  for (let current = path.resolve(dir); ; current = path.dirname(current)) {
    const candidate = path.join(current, CONFIG_FILE);
    if (fs.existsSync(candidate)) return candidate;
    if (path.dirname(current) === current) return null;
  }
}

/** The settings of a config file, checked against the schema; every problem is a CliError. */
export function readConfigFile(file: string, cwd: string = process.cwd()): SettingsFlags {
  const shown = displayPath(file, cwd);
  let raw: string;
  try {
    raw = fs.readFileSync(file, "utf8");
  } catch (e) {
    throw new CliError(`cannot read '${shown}': ${(e as Error).message}`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw);
  } catch (e) {
    throw new CliError(`'${shown}' is not valid JSON: ${(e as Error).message}`);
  }
  if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) throw new CliError(`'${shown}' must hold a JSON object of settings, e.g. {"criteria": "iRECIST"}`);
  const problems = configProblems(parsed as Record<string, unknown>, raw).map((p) => `${shown}:${p.line}:${p.column}: ${p.message}`);
  if (problems.length === 1) throw new CliError(problems[0]);
  if (problems.length > 1) throw new CliError(`${shown} has ${problems.length} problems:\n  ${problems.join("\n  ")}`);
  const { $schema: _schema, ...settings } = parsed as Record<string, unknown>;
  return settings as SettingsFlags;
}

export interface ConfigProblem {
  key: string;
  /** 1-based place of the key in the file's text (1:1 when it cannot be found). */
  line: number;
  column: number;
  message: string;
}

/** What is wrong with a parsed config object, one problem per key, in the order of the text. */
export function configProblems(config: Record<string, unknown>, raw: string): ConfigProblem[] {
  const validate = validator();
  const byKey = new Map<string, string>();
  if (!validate(config)) {
    for (const error of validate.errors ?? []) {
      const key = keyOf(error);
      if (key !== null && !byKey.has(key)) byKey.set(key, describeError(key, error, config[key]));
    }
  }
  // The schema knows the shape of a date; the calendar is the core's (as in case files).
  const asOf = config.asOfDate;
  if (typeof asOf === "string" && !byKey.has("asOfDate") && parseDay(asOf) === null) {
    byKey.set("asOfDate", `"asOfDate" is "${asOf}", not a real date (${whyInvalidDate(asOf)}): expected a date YYYY-MM-DD`);
  }
  // Two numbers in order (a window, two cut-offs): the schema knows their count and bounds, not their order.
  for (const key of CONFIG_KEYS) {
    const value = config[key];
    if (PROPERTIES[key].type === "array" && !byKey.has(key) && Array.isArray(value) && value.length === 2 && !(Number(value[0]) < Number(value[1]))) {
      byKey.set(key, `"${key}" is ${JSON.stringify(value)}: expected ${expectedValue(PROPERTIES[key])}`);
    }
  }
  return [...byKey].map(([key, message]) => ({ key, message, ...placeOfKey(raw, key) })).sort((a, b) => a.line - b.line || a.column - b.column);
}

function keyOf(error: ErrorObject): string | null {
  if (error.keyword === "additionalProperties") return String((error.params as { additionalProperty: string }).additionalProperty);
  const match = /^\/([^/]+)/.exec(error.instancePath);
  return match ? match[1].replace(/~1/g, "/").replace(/~0/g, "~") : null;
}

function describeError(key: string, error: ErrorObject, value: unknown): string {
  if (error.keyword === "additionalProperties") {
    const suggestion = closest(key, CONFIG_KEYS);
    const hint = suggestion ? ` (did you mean "${suggestion}"?)` : "";
    return `unknown setting "${key}"${hint}; the settings are ${CONFIG_KEYS.join(", ")}`;
  }
  return `"${key}" is ${JSON.stringify(value)}: expected ${expectedValue(PROPERTIES[key])}`;
}

/** The allowed values of one key, in words, from its schema. */
export function expectedValue(p: PropertySchema): string {
  if (p.type === "array") return `two whole numbers [low, high] with low < high${p.items ? `, each ${expectedValue(p.items).replace(/^a whole number /, "")}` : ""}`;
  if (p.enum) return `one of ${p.enum.map((v) => JSON.stringify(v)).join(", ")}`;
  if (p.patternErrorMessage) return p.patternErrorMessage.replace(/\.$/, "").replace(/^./, (c) => c.toLowerCase());
  if (p.type === "boolean") return "true or false";
  if (p.type === "integer" || p.type === "number") {
    const bounds: string[] = [];
    if (p.minimum !== undefined) bounds.push(`>= ${p.minimum}`);
    if (p.exclusiveMinimum !== undefined) bounds.push(`> ${p.exclusiveMinimum}`);
    if (p.maximum !== undefined) bounds.push(`<= ${p.maximum}`);
    if (p.exclusiveMaximum !== undefined) bounds.push(`< ${p.exclusiveMaximum}`);
    return [p.type === "integer" ? "a whole number" : "a number", bounds.join(" and ")].filter(Boolean).join(" ");
  }
  return `a ${p.type ?? "value"}`;
}

/** Line and column of `"key":` in the text (top-level keys of a flat object). */
function placeOfKey(raw: string, key: string): { line: number; column: number } {
  const match = new RegExp(`"${key.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}"\\s*:`).exec(raw);
  if (!match) return { line: 1, column: 1 };
  const before = raw.slice(0, match.index);
  const lineStart = Math.max(before.lastIndexOf("\n"), before.lastIndexOf("\r")) + 1;
  return { line: before.split(/\r\n|\r|\n/).length, column: match.index - lineStart + 1 };
}

function displayPath(file: string, cwd: string): string {
  const relative = path.relative(cwd, file);
  return relative && !relative.startsWith("..") && !path.isAbsolute(relative) ? relative.split(path.sep).join("/") : file;
}

/**
 * Settings for a case file (null: standard input, searched from `cwd`). Flags win over the config
 * file, which must be valid (readConfigFile).
 */
export function loadSettingsFor(filePath: string | null, flags: SettingsFlags, cwd: string = process.cwd()): Settings {
  const configFile = findConfigFile(filePath === null ? cwd : path.dirname(path.resolve(cwd, filePath)));
  const fromConfig = configFile ? readConfigFile(configFile, cwd) : {};
  const defined = Object.fromEntries(Object.entries(flags).filter(([, v]) => v !== undefined));
  return resolveSettings({ ...fromConfig, ...defined });
}
