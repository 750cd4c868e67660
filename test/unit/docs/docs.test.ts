// The documentation that ships with Nadir: docs/diagnostics.md is what the code table generates,
// every rule has its anchor, and no file a user gets (README, docs/, the VSIX README, package.json
// texts) links to ../shared or to a file or anchor that does not exist.
import { strict as assert } from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { AllCodes, CodeInfo, CodeTable } from "../../../server/src/core/codes";
import { diagnosticsMarkdown, DOCS, ruleAnchor } from "../../../server/src/core/codesDoc";
import { REPO_ROOT } from "../../helpers/paths";
import { anchorsOf, githubSlug, linkProblems, linksOf, repositoryMarkdown } from "../../helpers/markdownLinks";

const read = (file: string) => fs.readFileSync(path.join(REPO_ROOT, file), "utf8");
// The packaging script is plain JavaScript (it runs before any build is needed).
const vsix = require(path.join(REPO_ROOT, "scripts", "vsix-readme.js")) as {
  vsixReadme(root?: string): string;
  DOCS: Array<{ file: string; anchor: string }>;
};

describe("docs: diagnostics.md is generated from the code table", () => {
  it("docs/diagnostics.md is what the code table generates", () => {
    assert.ok(read(DOCS.diagnostics) === diagnosticsMarkdown(), `${DOCS.diagnostics} is out of date: run \`npm run docs\``);
  });

  it("gives every code of the table its own anchor and links its rules into docs/rules.md", () => {
    const doc = read(DOCS.diagnostics);
    const anchors = anchorsOf(doc);
    for (const code of AllCodes) {
      assert.equal(anchors.filter((a) => a === code).length, 1, `one anchor for ${code}`);
      for (const rule of CodeTable[code].rules) assert.ok(doc.includes(`](rules.md#${ruleAnchor(rule)})`), `${code} links ${rule}`);
    }
  });

  it("renders whatever the table holds: a new code with details, and text that would break a table", () => {
    const table: Record<string, CodeInfo> = {
      "made-up-code": { severity: "information", rules: ["R11", "R17"], description: "A | B.", details: "Do *this*." },
    };
    const md = diagnosticsMarkdown(["made-up-code"] as never, table);
    assert.match(md, /^\| \[`made-up-code`\]\(#made-up-code\) \| information \| \[R11\]\(rules\.md#r11\), \[R17\]\(rules\.md#r17\) \| A \\\| B\. \|$/m);
    assert.match(md, /<a id="made-up-code"><\/a>\n\n### `made-up-code` \(information\)\n\nA \| B\.\n\nDo \*this\*\./);
    assert.ok(!md.includes("syntax-error"));
  });
});

describe("docs: rules.md", () => {
  const rules = read(DOCS.rules);

  it("has an explicit anchor for each rule R1-R16, right above its heading", () => {
    for (let n = 1; n <= 16; n++) {
      assert.match(rules, new RegExp(`<a id="r${n}"></a>\\n\\n## R${n} `), `R${n}`);
    }
  });

  it("marks the rules revised in this release", () => {
    assert.match(rules, /## R10 [^\n]*\n[\s\S]*### Clarifications \(revised in this release\)[\s\S]*### Clarifications, second round \(revised in this release\)[\s\S]*### RECIST 1\.1 after progression \(revised in this release\)/);
    assert.match(rules, /## R11 [\s\S]*revised in this release[\s\S]*ctdna-inconclusive/);
  });

  it("documents every rule a diagnostic code rests on", () => {
    const anchors = anchorsOf(rules);
    for (const code of AllCodes) for (const rule of CodeTable[code].rules) assert.ok(anchors.includes(ruleAnchor(rule)), `${code} cites ${rule}, which docs/rules.md does not document`);
  });
});

describe("docs: links in everything a user gets", () => {
  it("README.md and docs/ link to no ../shared, no missing file and no missing anchor", () => {
    const files = repositoryMarkdown(REPO_ROOT);
    for (const required of ["README.md", DOCS.language, DOCS.rules, DOCS.diagnostics]) assert.ok(files.includes(path.join(REPO_ROOT, required)), required);
    const problems = files.flatMap((file) => linkProblems(file, REPO_ROOT));
    assert.deepEqual(problems, []);
  });

  it("the checker finds a ../shared link, a missing file, a missing anchor and a link out of the repository", () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), "nadir-links-"));
    try {
      fs.mkdirSync(path.join(root, "docs"));
      fs.writeFileSync(path.join(root, "docs", "a.md"), '<a id="here"></a>\n\n# A title\n');
      const text = [
        "[spec](../shared/spec/nadir-language.md)",
        "[gone](docs/missing.md)",
        "[anchor](docs/a.md#nowhere)",
        "[fine](docs/a.md#here) [title](docs/a.md#a-title) [self](#top) [web](https://example.org/x#y)",
        "[out](../../etc/passwd)",
        "`[code](docs/missing.md)`",
        "",
        "# Top",
      ].join("\n");
      const problems = linkProblems(path.join(root, "README.md"), root, text);
      assert.equal(problems.length, 4, problems.join("\n"));
      assert.match(problems[0], /\.\.\/shared.*users do not have/);
      assert.match(problems[1], /docs\/missing\.md: no such file/);
      assert.match(problems[2], /no anchor #nowhere in docs\/a\.md/);
      assert.match(problems[3], /outside the repository/);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });

  it("computes GitHub's heading anchors, repeated headings numbered", () => {
    assert.equal(githubSlug("R3 Target response"), "r3-target-response");
    assert.equal(githubSlug("What the tools report (JSON)"), "what-the-tools-report-json");
    assert.equal(githubSlug("`progression` (warning)"), "progression-warning");
    assert.deepEqual(anchorsOf("# A\n\n## A\n\n### `b` c\n"), ["a", "a-1", "b-c"]);
  });

  describe("the VSIX README (scripts/vsix-readme.js)", () => {
    const text = vsix.vsixReadme(REPO_ROOT);
    const anchors = anchorsOf(text);

    it("holds the README and every doc, and only links that work on the extension page (absolute, or an anchor of the page)", () => {
      for (const doc of vsix.DOCS) assert.ok(text.includes(read(doc.file).split("\n").find((l) => l.startsWith("# "))!), doc.file);
      const bad = linksOf(text).filter((l) => !/^https:\/\//.test(l.target) && !(l.kind === "link" && (l.target.startsWith("#") || /^(https?|mailto):/.test(l.target))));
      assert.deepEqual(bad, [], "vsce refuses relative links without a repository, and the extension page opens none");
      const missing = linksOf(text).filter((l) => l.target.startsWith("#") && !anchors.includes(l.target.slice(1)));
      assert.deepEqual(missing, []);
      assert.ok(!text.includes("../shared"));
    });

    it("turns links into the docs into anchors of the page (a rule, a code, a whole document)", () => {
      assert.match(text, /\[docs\/rules\.md\]\(#doc-rules\)/);
      assert.match(text, /\[`progression`\]\(#progression\)/);
      assert.match(text, /\[R1\]\(#r1\)/);
    });

    it("defines no anchor twice across the README and the docs, so each in-page link lands where it was meant to", () => {
      const parts = ["README.md", ...vsix.DOCS.map((d) => d.file)].map((file) => ({ file, anchors: new Set(anchorsOf(read(file))) }));
      for (const [i, a] of parts.entries()) {
        for (const b of parts.slice(i + 1)) {
          const shared = [...a.anchors].filter((x) => b.anchors.has(x));
          assert.deepEqual(shared, [], `${a.file} and ${b.file} both define these anchors`);
        }
      }
    });
  });

  it("package.json texts link to no ../shared and to no relative file (the Settings UI resolves none)", () => {
    const manifest = JSON.parse(read("package.json"));
    const texts: string[] = [];
    const collect = (value: unknown, key = ""): void => {
      if (typeof value === "string" && /description|title/i.test(key)) texts.push(value);
      else if (Array.isArray(value)) value.forEach((v) => collect(v, key));
      else if (value && typeof value === "object") for (const [k, v] of Object.entries(value)) collect(v, k);
    };
    collect(manifest);
    assert.ok(texts.length > 20, "the manifest's descriptions were collected");
    for (const t of texts) {
      assert.ok(!t.includes("../shared"), t);
      for (const link of linksOf(t)) assert.match(link.target, /^(https?:|#)/, `${t}: relative link ${link.target}`);
    }
  });
});
