// The criteria registry (issue 14): adding a criterion is one module plus one entry. This test
// holds every entry to what the rest of Nadir takes from it: names that resolve (grammar, checks,
// CLI, settings pattern), vocabulary and ranking, a section in docs/criteria.md, its rules in
// docs/rules.md, a scenario test file, unique CSV and CDISC names, and a reading in every output.
import { strict as assert } from "assert";
import * as fs from "fs";
import * as path from "path";
import { CRITERIA, criteriaSettingMessage, criteriaSettingPattern, resolveCriteriaName, splitCriteriaNames, canonicalCriteria } from "../../../server/src/core/criteria/registry";
import type { Category } from "../../../server/src/core/criteria/types";
import { analyze } from "../../../server/src/core/analyze";
import { parseText } from "../../../server/src/core/syntax/parse";
import { patientsJson } from "../../../server/src/core/engine/json";
import { CONFIG_SCHEMA } from "../../../server/src/cli/config";
import { criteriaFlag } from "../../../server/src/cli/args";
import { REPO_ROOT } from "../../helpers/paths";
import { anchorsOf } from "../../helpers/markdownLinks";

const read = (file: string) => fs.readFileSync(path.join(REPO_ROOT, file), "utf8");
const CATEGORIES: Category[] = ["CR", "PR", "SD", "NN", "UPD", "PD", "NE"];

describe("criteria registry: every entry is complete (docs/criteria.md, 'How to add a criterion')", () => {
  it("ids, spellings, CDISC categories and CSV prefixes are unique; every spelling resolves to its criterion, in any case and spacing", () => {
    const unique = (xs: Array<string | null>) => new Set(xs.filter((x) => x !== null)).size === xs.filter((x) => x !== null).length;
    assert.ok(unique(CRITERIA.map((c) => c.id)));
    assert.ok(unique(CRITERIA.flatMap((c) => c.spellings)));
    assert.ok(unique(CRITERIA.map((c) => c.cdiscCategory)));
    assert.ok(unique(CRITERIA.map((c) => c.csvPrefix)));
    for (const c of CRITERIA) {
      assert.equal(resolveCriteriaName(c.id)?.id, c.id);
      assert.equal(resolveCriteriaName(c.label)?.id, c.id);
      assert.equal(resolveCriteriaName(c.id.toUpperCase())?.id, c.id);
      for (const s of c.spellings) assert.equal(resolveCriteriaName(s)?.id, c.id, s);
    }
  });

  it("has a vocabulary for every category and a ranking from CR down to NE", () => {
    for (const c of CRITERIA) {
      for (const cat of CATEGORIES) assert.ok(typeof c.vocabulary[cat] === "string" && c.vocabulary[cat].length > 0, `${c.id} ${cat}`);
      assert.equal(c.ranking[0], "CR", c.id);
      assert.equal(c.ranking[c.ranking.length - 1], "NE", c.id);
      for (const cat of ["CR", "PR", "SD", "NN", "PD", "NE"] as Category[]) assert.ok(c.ranking.includes(cat), `${c.id} ranks ${cat}`);
      assert.ok(c.unit === "mm" || c.unit === "mm2");
      assert.ok(c.thresholds.pr && c.thresholds.pd);
    }
  });

  it("is documented: a section of docs/criteria.md, its rules in docs/rules.md, a summary citing one of them", () => {
    const criteriaDoc = anchorsOf(read("docs/criteria.md"));
    const rules = anchorsOf(read("docs/rules.md"));
    for (const c of CRITERIA) {
      assert.ok(criteriaDoc.includes(c.docsAnchor), `docs/criteria.md has no section <a id="${c.docsAnchor}"> for ${c.id}`);
      for (const rule of c.rules) assert.ok(rules.includes(rule.toLowerCase()), `${c.id}: docs/rules.md documents ${rule}`);
      assert.ok(c.rules.some((rule) => c.summary.includes(rule) || new RegExp(`R\\d+-${rule.slice(1)}`).test(c.summary) || c.summary.includes(`${rule}-`)), `${c.id}'s summary cites its rules`);
    }
  });

  it("has a scenario test file test/unit/criteria/<id>.test.ts", () => {
    for (const c of CRITERIA) assert.ok(fs.existsSync(path.join(REPO_ROOT, "test", "unit", "criteria", `${c.id}.test.ts`)), `test/unit/criteria/${c.id}.test.ts`);
  });

  it("its names are accepted by the grammar, the checks, --criteria and the settings pattern of nadir.config.json and package.json", () => {
    const pattern = criteriaSettingPattern();
    const schema = CONFIG_SCHEMA.properties.criteria as { pattern: string; patternErrorMessage: string };
    const editor = JSON.parse(read("package.json")).contributes.configuration.properties["nadir.criteria"];
    const paste = `paste into schemas/nadir.config.schema.json and package.json (nadir.criteria): "pattern": ${JSON.stringify(pattern)}, "patternErrorMessage": ${JSON.stringify(criteriaSettingMessage())}`;
    assert.equal(schema.pattern, pattern, paste);
    assert.equal(editor.pattern, pattern, paste);
    assert.equal(schema.patternErrorMessage, criteriaSettingMessage(), paste);
    assert.equal(editor.patternErrorMessage, criteriaSettingMessage(), paste);
    const all = CRITERIA.map((c) => c.label).join(" ");
    assert.ok(new RegExp(pattern).test(CRITERIA.map((c) => c.id).join(" ")));
    assert.ok(new RegExp(pattern).test(all));
    assert.equal(canonicalCriteria(all), CRITERIA.map((c) => c.id).join(" "));
    assert.equal(criteriaFlag("--criteria", all), CRITERIA.map((c) => c.id).join(" "));
    const text = `patient P {\n  criteria ${all}\n  baseline 2025-01-02 CT {\n    T1 target liver 30 x 20 mm\n  }\n}\n`;
    assert.deepEqual(parseText(text).diagnostics, []);
    const a = analyze(text, { today: 20500 });
    assert.deepEqual(a.diagnostics.filter((d) => d.severity === "error"), []);
    assert.deepEqual(a.assessment.patients[0].criteriaRead, CRITERIA.map((c) => c.id));
    assert.deepEqual(splitCriteriaNames("RECIST 1.1, irRC").map((n) => n.text), ["RECIST 1.1", "irRC"]);
  });

  it("reads an episode: every criterion gives a reading per time point in the JSON (P5)", () => {
    const text = `patient P {\n  criteria ${CRITERIA.map((c) => c.id).join(" ")}\n  baseline 2025-01-02 CT {\n    T1 target liver 30 x 20 mm\n  }\n  scan 2025-03-03 CT {\n    T1 20 x 15 mm\n  }\n}\n`;
    const a = analyze(text, { today: 20500 });
    const tp = patientsJson(a.assessment, a.text)[0].episodes[0].timepoints[0];
    assert.deepEqual(Object.keys(tp.readings ?? {}), CRITERIA.map((c) => c.id));
    for (const c of CRITERIA) assert.equal(tp.readings![c.id].unit, c.unit);
  });
});
