// Golden outputs (issue 14): what `nadir assess --format json`, `nadir assess --format table` and
// `nadir export --to csv` print for every example, the test fixtures and every case text the test
// suite used when this test was written (frozen under test/fixtures/golden/inputs/, with the
// settings and "as of" date each test used in a nadir.config.json beside them), compared byte for
// byte with test/fixtures/golden/*. RECIST 1.1 and iRECIST results must not change when the engine
// is reorganised or made faster.
//
// A difference fails. To change the golden files deliberately, run
//   UPDATE_SNAPSHOTS=1 npx mocha out/test/unit/golden/golden.test.js
// (after `npm run build`) and review `git diff test/fixtures/golden`. Nothing is ever created or
// rewritten without UPDATE_SNAPSHOTS=1: a missing golden file fails, and so does a file in
// test/fixtures/golden that no subject produces.
import { strict as assert } from "assert";
import * as fs from "fs";
import * as path from "path";
import { runInProcess } from "../../helpers/runCli";
import { REPO_ROOT } from "../../helpers/paths";

const GOLDEN_DIR = path.join(REPO_ROOT, "test", "fixtures", "golden");
const INPUTS = path.join(GOLDEN_DIR, "inputs");
const UPDATE = process.env.UPDATE_SNAPSHOTS === "1";
/** "As of" for subjects without a nadir.config.json of their own (due and overdue scans). */
const AS_OF = "2026-06-01";

interface Subject {
  /** The golden files' base name. */
  name: string;
  /** Case files and directories, relative to the repository root (as the JSON's `file` labels show them). */
  inputs: string[];
  /** CLI flags beside the inputs. */
  flags: string[];
}

const rel = (p: string) => path.relative(REPO_ROOT, p).split(path.sep).join("/");

function subjects(): Subject[] {
  const list: Subject[] = [
    { name: "examples", inputs: ["examples"], flags: ["--as-of", AS_OF] },
    { name: "fixtures", inputs: ["test/fixtures/spec-example.nadir", "test/fixtures/irecist/defects.nadir"], flags: ["--as-of", AS_OF] },
  ];
  for (const group of ["tests", "series"]) {
    const dir = path.join(INPUTS, group);
    const hasConfig = (d: string) => fs.existsSync(path.join(d, "nadir.config.json"));
    if (hasConfig(dir)) {
      list.push({ name: group, inputs: [rel(dir)], flags: [] });
      continue;
    }
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort()) {
      const sub = path.join(dir, entry);
      assert.ok(hasConfig(sub), `${rel(sub)} needs a nadir.config.json (with its asOfDate)`);
      list.push({ name: `${group}.${entry}`, inputs: [rel(sub)], flags: [] });
    }
  }
  return list;
}

/** The three outputs of one subject, by golden file name. */
const OUTPUTS: Array<{ suffix: string; args: (s: Subject) => string[] }> = [
  { suffix: "assess.json", args: (s) => ["assess", "--format", "json", ...s.flags, ...s.inputs] },
  { suffix: "assess.txt", args: (s) => ["assess", "--format", "table", ...s.flags, ...s.inputs] },
  { suffix: "export.csv", args: (s) => ["export", "--to", "csv", "--include-incomplete", ...s.flags, ...s.inputs] },
];

/** Where two texts first differ, with a few lines of each around it. */
function firstDifference(expected: string, actual: string): string {
  const a = expected.split("\n");
  const b = actual.split("\n");
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const around = (lines: string[]) => lines.slice(Math.max(0, i - 2), i + 3).map((l, k) => `    ${Math.max(0, i - 2) + k + 1}: ${l}`).join("\n");
  return `first difference at line ${i + 1}\n  golden:\n${around(a)}\n  now:\n${around(b)}`;
}

describe("golden outputs: RECIST 1.1 and iRECIST results stay byte-identical (issue 14)", () => {
  const all = subjects();
  const expectedFiles = new Set<string>();
  for (const subject of all) for (const o of OUTPUTS) expectedFiles.add(`${subject.name}.${o.suffix}`);

  it("has one golden file per subject and output, and no other", () => {
    const present = fs.readdirSync(GOLDEN_DIR, { withFileTypes: true }).filter((e) => e.isFile() && e.name !== "README.md").map((e) => e.name);
    const stray = present.filter((f) => !expectedFiles.has(f));
    if (UPDATE) for (const f of stray) fs.rmSync(path.join(GOLDEN_DIR, f));
    else assert.deepEqual(stray, [], `golden files that no subject produces (remove them, or run with UPDATE_SNAPSHOTS=1): ${stray.join(", ")}`);
  });

  for (const subject of all) {
    for (const output of OUTPUTS) {
      const file = `${subject.name}.${output.suffix}`;
      it(`${file}: nadir ${output.args(subject).slice(0, 3).join(" ")} ${subject.inputs.join(" ")}`, async () => {
        const run = await runInProcess(output.args(subject), { cwd: REPO_ROOT });
        assert.ok(run.code === 0 || run.code === 1, `exit ${run.code}: ${run.stderr}`);
        const goldenPath = path.join(GOLDEN_DIR, file);
        if (UPDATE) {
          const before = fs.existsSync(goldenPath) ? fs.readFileSync(goldenPath, "utf8") : null;
          if (before !== run.stdout) {
            fs.writeFileSync(goldenPath, run.stdout);
            process.stderr.write(`  UPDATE_SNAPSHOTS: ${before === null ? "created" : "rewrote"} test/fixtures/golden/${file}\n`);
          }
          return;
        }
        assert.ok(fs.existsSync(goldenPath), `test/fixtures/golden/${file} is missing: run UPDATE_SNAPSHOTS=1 to create it deliberately`);
        const golden = fs.readFileSync(goldenPath, "utf8");
        if (golden !== run.stdout) {
          assert.fail(`test/fixtures/golden/${file} differs from what the CLI prints now (${firstDifference(golden, run.stdout)}).\n` +
            "If the change is intended, regenerate with UPDATE_SNAPSHOTS=1 and review the git diff.");
        }
      });
    }
  }
});
