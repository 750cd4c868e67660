import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import Ajv from "ajv";
import addFormats from "ajv-formats";
import type * as Sarif from "sarif";
import { runCli } from "../helpers/runCli";
import { REPO_ROOT } from "../helpers/paths";
import { AllCodes, CodeTable } from "../../server/src/core/codes";
import { codeHelpMarkdown, codeHelpText } from "../../server/src/core/codesDoc";

// The SARIF 2.1.0 schema of the OASIS sarif-spec repository (Schemata/sarif-schema-2.1.0.json),
// in the draft-07 form that ajv 8 reads.
const SCHEMA = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, "test", "fixtures", "sarif-2.1.0.schema.json"), "utf8"));

function validator() {
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  return ajv.compile(SCHEMA);
}

describe("nadir check --format sarif", () => {
  const run = runCli(["check", "--format", "sarif", "examples"]);
  const log = JSON.parse(run.stdout) as Sarif.Log;

  it("prints a log that validates against the SARIF 2.1.0 schema", () => {
    const validate = validator();
    assert.ok(validate(log), JSON.stringify(validate.errors, null, 2));
    assert.strictEqual(log.version, "2.1.0");
  });

  it("the schema check can fail: a result without a message is rejected", () => {
    const broken = JSON.parse(run.stdout);
    delete broken.runs[0].results[0].message;
    assert.strictEqual(validator()(broken), false);
  });

  it("gives relative paths against %SRCROOT% and absolute paths as file URIs", () => {
    assert.deepStrictEqual(log.runs[0].artifacts?.[0].location, { uri: "examples/PT-0042.nadir", uriBaseId: "%SRCROOT%" });
    const absolute = JSON.parse(runCli(["check", "--format", "sarif", path.join(REPO_ROOT, "examples", "PT-0042.nadir")]).stdout) as Sarif.Log;
    assert.match(absolute.runs[0].artifacts?.[0].location?.uri ?? "", /^file:\/\/.*\/examples\/PT-0042\.nadir$/);
    assert.ok(validator()(absolute));
  });

  it("exits 1 when a file has errors, like the text format", () => {
    assert.strictEqual(run.code, 1);
    assert.strictEqual(runCli(["check", "--format", "sarif", "examples/PT-0042.nadir"]).code, 0);
  });

  it("describes every diagnostic code as a rule, with its default level and rule ids (R1-R16)", () => {
    const rules = log.runs[0].tool.driver.rules ?? [];
    assert.deepStrictEqual(rules.map((r) => r.id), AllCodes);
    const progression = rules.find((r) => r.id === "progression")!;
    assert.strictEqual(progression.defaultConfiguration?.level, "warning");
    assert.match(progression.fullDescription?.text ?? "", /R3/);
    assert.strictEqual(rules.find((r) => r.id === "near-progression")?.defaultConfiguration?.level, "note");
    for (const rule of rules) assert.strictEqual(rule.shortDescription?.text, CodeTable[rule.id as keyof typeof CodeTable].description);
  });

  it("carries each rule's documentation inline (help), from the code table, naming its anchor in docs/diagnostics.md", () => {
    const doc = fs.readFileSync(path.join(REPO_ROOT, "docs", "diagnostics.md"), "utf8");
    for (const rule of log.runs[0].tool.driver.rules ?? []) {
      const code = rule.id as keyof typeof CodeTable;
      assert.equal(rule.help?.text, codeHelpText(code));
      assert.equal(rule.help?.markdown, codeHelpMarkdown(code));
      assert.ok(rule.help!.markdown!.includes(`docs/diagnostics.md#${code}`), rule.help!.markdown);
      assert.ok(doc.includes(`<a id="${code}"></a>`), `docs/diagnostics.md has no anchor for ${code}`);
      for (const r of CodeTable[code].rules) assert.ok(rule.help!.text.includes(r));
    }
  });

  it("gives one result per diagnostic at the text format's 1-based line and column", () => {
    const text = runCli(["check", "examples"]).stdout.trim().split("\n");
    const results = log.runs[0].results ?? [];
    assert.strictEqual(results.length, text.length);
    const rules = log.runs[0].tool.driver.rules ?? [];
    const asText = results.map((r) => {
      const loc = r.locations![0].physicalLocation!;
      assert.strictEqual(rules[r.ruleIndex!].id, r.ruleId);
      return `${loc.artifactLocation!.uri}:${loc.region!.startLine}:${loc.region!.startColumn} ${r.ruleId}`;
    });
    assert.deepStrictEqual(asText, text.map((line) => line.replace(/^(\S+:\d+:\d+) \S+ (\S+) .*$/, "$1 $2")));
    assert.ok(results.some((r) => r.level === "error") && results.some((r) => r.level === "warning") && results.some((r) => r.level === "note"));
  });
});
