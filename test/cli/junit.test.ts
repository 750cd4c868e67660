import * as assert from "assert";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { runCli } from "../helpers/runCli";

interface Case {
  name: string;
  file: string;
  failure?: Array<{ message: string; type: string; "#text": string }>;
  "system-out"?: string;
}

describe("nadir check --format junit", () => {
  const run = runCli(["check", "--format", "junit", "examples"]);
  const parsed = () => new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "", isArray: (name) => name === "testcase" || name === "failure" }).parse(run.stdout);

  it("prints well-formed XML that parses back", () => {
    assert.strictEqual(XMLValidator.validate(run.stdout), true);
    assert.strictEqual(run.code, 1);
  });

  it("has one test case per file and one failure per error", () => {
    const suite = parsed().testsuites.testsuite;
    const cases = suite.testcase as Case[];
    const files = runCli(["check", "--format", "json", "examples"]);
    const doc = JSON.parse(files.stdout) as { files: Array<{ file: string; diagnostics: Array<{ severity: string; code: string }> }> };
    assert.deepStrictEqual(cases.map((c) => c.name), doc.files.map((f) => f.file));
    for (const [i, c] of cases.entries()) {
      const errors = doc.files[i].diagnostics.filter((d) => d.severity === "error").map((d) => d.code);
      assert.deepStrictEqual((c.failure ?? []).map((f) => f.type), errors, c.name);
    }
    const failing = cases.filter((c) => (c.failure ?? []).length > 0).length;
    assert.ok(failing > 0 && failing < cases.length);
    assert.strictEqual(Number(suite.failures), failing);
    assert.strictEqual(Number(suite.tests), cases.length);
  });

  it("points each failure at file:line:col and keeps warnings in system-out", () => {
    const cases = parsed().testsuites.testsuite.testcase as Case[];
    const mistakes = cases.find((c) => c.name === "examples/mistakes.nadir")!;
    for (const f of mistakes.failure ?? []) assert.match(f["#text"], /^examples\/mistakes\.nadir:\d+:\d+ [a-z-]+ /);
    const pt = cases.find((c) => c.name === "examples/PT-0042.nadir")!;
    assert.strictEqual(pt.failure, undefined);
    assert.match(pt["system-out"] ?? "", /warning progression/);
  });

  it("escapes markup in messages", () => {
    const bad = runCli(["check", "--format", "junit", "-"], { input: 'patient P {\n  note "a <b> & \'c\'\n}\n' });
    assert.strictEqual(XMLValidator.validate(bad.stdout), true);
    const cases = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "", isArray: (n) => n === "testcase" || n === "failure" }).parse(bad.stdout).testsuites.testsuite.testcase as Case[];
    assert.strictEqual(cases[0].name, "<stdin>");
    assert.ok((cases[0].failure ?? []).length > 0);
  });
});
