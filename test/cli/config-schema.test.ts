// nadir.config.json and its JSON Schema (issue 10, item 6): the schema is the one description of
// the config file's keys and values. It lists exactly the engine settings (core/settings.ts), with
// their defaults; the editor settings in package.json agree with it; every unknown key and every
// invalid value of every key is an error naming the file, the place, the key and what is allowed.
import { strict as assert } from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import Ajv from "ajv";
import { CONFIG_KEYS, CONFIG_SCHEMA, configProblems, loadSettingsFor } from "../../server/src/cli/config";
import { DEFAULT_SETTINGS } from "../../server/src/core/settings";
import { EDITOR_ONLY_SETTINGS, EDITOR_SETTING_NAMES } from "../../server/src/service/settings";
import { REPO_ROOT } from "../helpers/paths";
import { runCli } from "../helpers/runCli";

interface PropertySchema {
  type: string;
  items?: PropertySchema;
  enum?: unknown[];
  default?: unknown;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  pattern?: string;
}

const PROPERTIES = CONFIG_SCHEMA.properties as unknown as Record<string, PropertySchema>;
const PACKAGE = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, "package.json"), "utf8"));
const EDITOR = PACKAGE.contributes.configuration.properties as Record<string, PropertySchema>;

/** Values a key must refuse, derived from its schema: another type, out of bounds, off the list. */
function invalidValues(p: PropertySchema): unknown[] {
  const values: unknown[] = [null, [], {}];
  if (p.type === "string") values.push(42, "");
  if (p.type === "boolean") values.push("true", 1);
  if (p.type === "integer" || p.type === "number") values.push("lots", true);
  if (p.type === "integer") values.push(2.5);
  if (p.enum) values.push(`${p.enum[0]}x`, String(p.enum[0]).toUpperCase() === p.enum[0] ? String(p.enum[0]).toLowerCase() : String(p.enum[0]).toUpperCase());
  if (p.minimum !== undefined) values.push(p.minimum - 1);
  if (p.exclusiveMinimum !== undefined) values.push(p.exclusiveMinimum);
  if (p.exclusiveMaximum !== undefined) values.push(p.exclusiveMaximum, p.exclusiveMaximum + 1);
  if (p.pattern) values.push("1.4.2025", "2025-02-30", "2025-13-01");
  // A pair (window, cut-offs): one item, three items, a fraction, out of order, equal.
  if (p.type === "array") values.push([28], [28, 56, 84], [28, 84.5], [84, 28], [10, 10], ["28", "84"]);
  return values;
}

describe("config: the JSON Schema of nadir.config.json", () => {
  it("is a valid draft-07 schema that ajv compiles strictly", () => {
    const ajv = new Ajv({ strict: true });
    ajv.addVocabulary(["markdownDescription", "enumDescriptions", "patternErrorMessage"]);
    assert.equal(ajv.validateSchema(CONFIG_SCHEMA), true, JSON.stringify(ajv.errors));
    assert.equal(CONFIG_SCHEMA.$schema, "http://json-schema.org/draft-07/schema#");
    assert.equal(CONFIG_SCHEMA.additionalProperties, false);
  });

  it("lists every engine setting (core/settings.ts) and nothing else, with the same defaults", () => {
    assert.deepStrictEqual([...CONFIG_KEYS].sort(), Object.keys(DEFAULT_SETTINGS).sort());
    for (const key of CONFIG_KEYS) {
      const fallback = DEFAULT_SETTINGS[key as keyof typeof DEFAULT_SETTINGS];
      if (fallback === null) assert.equal(PROPERTIES[key].default, undefined, key);
      else assert.deepStrictEqual(PROPERTIES[key].default, fallback, key);
    }
  });

  it("ships with the extension: contributes.jsonValidation names it and the VSIX includes it", () => {
    assert.deepStrictEqual(PACKAGE.contributes.jsonValidation, [{ fileMatch: "nadir.config.json", url: "./schemas/nadir.config.schema.json" }]);
    const shipped = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, "schemas", "nadir.config.schema.json"), "utf8"));
    assert.deepStrictEqual(shipped, CONFIG_SCHEMA);
    const vscodeignore = fs.readFileSync(path.join(REPO_ROOT, ".vscodeignore"), "utf8").split(/\r?\n/);
    assert.ok(vscodeignore.includes("!schemas/nadir.config.schema.json"), ".vscodeignore keeps the schema in the VSIX");
  });

  it("agrees with the editor settings of package.json (nadir.*), debounce and trace being editor-only", () => {
    const expected = [...Object.values(EDITOR_SETTING_NAMES), ...EDITOR_ONLY_SETTINGS].map((name) => `nadir.${name}`).sort();
    assert.deepStrictEqual(Object.keys(EDITOR).sort(), expected);
    for (const [key, name] of Object.entries(EDITOR_SETTING_NAMES)) {
      const editor = EDITOR[`nadir.${name}`];
      const schema = PROPERTIES[key];
      for (const keyword of ["type", "enum", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"] as const) {
        assert.deepStrictEqual(editor[keyword], schema[keyword], `nadir.${name} ${keyword}`);
      }
      // The editor writes "no date" as an empty string; the config file leaves the key out.
      if (key === "asOfDate") assert.deepStrictEqual([editor.default, schema.default], ["", undefined]);
      else assert.deepStrictEqual(editor.default, schema.default, `nadir.${name} default`);
    }
  });
});

describe("config: unknown keys and invalid values are errors", () => {
  it("accepts the default of every key, and `$schema`", () => {
    const all = Object.fromEntries(CONFIG_KEYS.map((key) => [key, PROPERTIES[key].default ?? "2025-06-01"]));
    assert.deepStrictEqual(configProblems({ $schema: "./schemas/nadir.config.schema.json", ...all }, JSON.stringify(all)), []);
  });

  it("refuses every invalid value of every key, naming the key, the value and what is allowed", () => {
    for (const key of CONFIG_KEYS) {
      for (const value of invalidValues(PROPERTIES[key])) {
        const raw = JSON.stringify({ criteria: "iRECIST", [key === "criteria" ? "confirmResponses" : "criteria"]: key === "criteria" ? true : "iRECIST", [key]: value }, null, 2);
        const problems = configProblems(JSON.parse(raw), raw);
        assert.deepStrictEqual(problems.map((p) => p.key), [key], `${key}: ${JSON.stringify(value)}`);
        const [problem] = problems;
        assert.ok(problem.message.startsWith(`"${key}" is ${JSON.stringify(value)}`), problem.message);
        assert.match(problem.message, /expected (one of|a whole number|a number|true or false|a date YYYY-MM-DD|two whole numbers)/);
        assert.deepStrictEqual([problem.line, problem.column], [raw.split("\n").findIndex((l) => l.includes(`"${key}":`)) + 1, 3]);
      }
    }
  });

  it("names the allowed values of each kind of key", () => {
    const raw = `{\n  "criteria": "i-RECIST",\n  "minStableDiseaseDays": "lots",\n  "confirmResponses": "yes",\n  "nearProgressionMargin": 20,\n  "ctdnaFoldThreshold": 1,\n  "asOfDate": "2025-02-30"\n}\n`;
    assert.deepStrictEqual(configProblems(JSON.parse(raw), raw).map((p) => `${p.line}:${p.column} ${p.message}`), [
      "2:3 \"criteria\" is \"i-RECIST\": expected one of RECIST1.1, iRECIST, irRC, irRECIST or imRECIST, or several separated by spaces (the first is the primary criteria)",
      "3:3 \"minStableDiseaseDays\" is \"lots\": expected a whole number >= 0",
      "4:3 \"confirmResponses\" is \"yes\": expected true or false",
      "5:3 \"nearProgressionMargin\" is 20: expected a number >= 0 and < 20",
      "6:3 \"ctdnaFoldThreshold\" is 1: expected a number > 1",
      "7:3 \"asOfDate\" is \"2025-02-30\", not a real date (February 2025 has 28 days): expected a date YYYY-MM-DD",
    ]);
  });

  it("refuses unknown keys with the closest setting and the list of settings", () => {
    const raw = `{ "critera": "iRECIST", "hyperprogression.definition": "kato", "colour": "red" }`;
    const messages = configProblems(JSON.parse(raw), raw).map((p) => p.message);
    const list = `the settings are ${CONFIG_KEYS.join(", ")}`;
    assert.deepStrictEqual(messages, [
      `unknown setting "critera" (did you mean "criteria"?); ${list}`,
      `unknown setting "hyperprogression.definition" (did you mean "hyperprogression"?); ${list}`,
      `unknown setting "colour"; ${list}`,
    ]);
  });
});

describe("config: the commands stop on a config file with typos (exit 2)", function () {
  this.timeout(30000);
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "nadir-config-typos-"));
    fs.mkdirSync(path.join(dir, "cases"));
    fs.copyFileSync(path.join(REPO_ROOT, "examples", "PT-0042.nadir"), path.join(dir, "cases", "PT-0042.nadir"));
    fs.writeFileSync(path.join(dir, "nadir.config.json"), `{\n  "critera": "iRECIST",\n  "minStableDiseaseDays": "lots"\n}\n`);
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  for (const args of [["check"], ["assess"], ["export", "--to", "csv"], ["plot", "--kind", "spider"]]) {
    it(`nadir ${args.join(" ")} names the file, each place, key and allowed value`, () => {
      const run = runCli([...args, "cases"], { cwd: dir });
      assert.equal(run.code, 2, run.stderr);
      assert.equal(run.stdout, "");
      assert.equal(run.stderr, [
        `nadir ${args[0]}: nadir.config.json has 2 problems:`,
        `  nadir.config.json:2:3: unknown setting "critera" (did you mean "criteria"?); the settings are ${CONFIG_KEYS.join(", ")}`,
        `  nadir.config.json:3:3: "minStableDiseaseDays" is "lots": expected a whole number >= 0`,
        "",
      ].join("\n"));
    });
  }

  it("applies a valid config file (the flags still win)", () => {
    const sub = fs.mkdtempSync(path.join(dir, "valid-"));
    fs.writeFileSync(path.join(sub, "nadir.config.json"), JSON.stringify({ $schema: "../schemas/nadir.config.schema.json", criteria: "iRECIST", minStableDiseaseDays: 56 }));
    const settings = loadSettingsFor(path.join(sub, "a.nadir"), { minStableDiseaseDays: 28 });
    assert.deepStrictEqual([settings.criteria, settings.minStableDiseaseDays], ["iRECIST", 28]);
  });
});
