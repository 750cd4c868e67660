// It installs the way the README says (issue 10, item 9): `npm pack` gives a tarball that works as a
// dev dependency of another project. The tarball is packed once (with --ignore-scripts: `npm test`
// has just built out/, and `npm pack` alone runs `prepare`, which builds), installed into an empty
// temporary project from the npm cache (the registry only for what the cache lacks), and run with
// `npx nadir check` there.
import { strict as assert } from "assert";
import { spawnSync, SpawnSyncReturns } from "child_process";
import * as fs from "fs";
import { builtinModules } from "module";
import * as os from "os";
import * as path from "path";
import { REPO_ROOT } from "../helpers/paths";

const PACKAGE = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, "package.json"), "utf8"));
const NPM = process.platform === "win32" ? "npm.cmd" : "npm";
const NPX = process.platform === "win32" ? "npx.cmd" : "npx";

function run(command: string, args: string[], cwd: string): SpawnSyncReturns<string> {
  const result = spawnSync(command, args, { cwd, encoding: "utf8", timeout: 150_000, env: { ...process.env, NO_COLOR: "1" } });
  if (result.error) throw result.error;
  return result;
}

const CASE = `patient PACK-1 {
  as of 2025-04-01
  baseline 2025-01-02 CT {
    T1 target liver 42 mm
  }
  scan 2025-03-01 CT {
    T1 40 mm
    T2 12 mm
  }
}
`;

/** Every `require("x")` of compiled code that is not relative and not built into Node. */
function externalRequires(dir: string): Set<string> {
  const found = new Set<string>();
  const walk = (current: string) => {
    for (const entry of fs.readdirSync(current, { withFileTypes: true })) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith(".js")) {
        for (const m of fs.readFileSync(full, "utf8").matchAll(/require\("([^"./][^"]*)"\)/g)) {
          const name = m[1].startsWith("@") ? m[1].split("/").slice(0, 2).join("/") : m[1].split("/")[0];
          if (!builtinModules.includes(name.replace(/^node:/, ""))) found.add(name);
        }
      }
    }
  };
  walk(dir);
  return found;
}

describe("npm pack: the tarball installs into another project and `npx nadir check` runs there", function () {
  this.timeout(300_000);
  let work: string;
  let project: string;
  let files: string[];

  before(() => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), "nadir-pack-"));
    const packed = run(NPM, ["pack", "--ignore-scripts", "--json", "--pack-destination", work], REPO_ROOT);
    assert.equal(packed.status, 0, packed.stderr);
    const [report] = JSON.parse(packed.stdout) as Array<{ filename: string; files: Array<{ path: string }> }>;
    files = report.files.map((f) => f.path).sort();
    project = path.join(work, "project");
    fs.mkdirSync(path.join(project, "cases"), { recursive: true });
    fs.writeFileSync(path.join(project, "package.json"), JSON.stringify({ name: "case-files", version: "1.0.0", private: true }));
    fs.writeFileSync(path.join(project, "cases", "PACK-1.nadir"), CASE);
    const install = run(NPM, ["install", "--save-dev", "--no-audit", "--no-fund", "--prefer-offline", path.join(work, report.filename)], project);
    assert.equal(install.status, 0, install.stderr);
  });

  after(() => fs.rmSync(work, { recursive: true, force: true }));

  it("ships what the CLI needs and nothing else: bin, compiled server code with the generated parser, the config schema", () => {
    assert.ok(files.includes("bin/nadir.js"));
    assert.ok(files.includes("out/server/src/cli/main.js"));
    assert.ok(files.includes("out/server/src/core/syntax/generated/parser.js"));
    assert.ok(files.includes("schemas/nadir.config.schema.json"));
    assert.ok(files.includes("out/schemas/nadir.config.schema.json"));
    for (const file of ["package.json", "README.md", "LICENSE"]) assert.ok(files.includes(file), file);
    const stray = files.filter((f) => !/^(bin\/nadir\.js|out\/server\/src\/.+\.js|(out\/)?schemas\/nadir\.config\.schema\.json|package\.json|README\.md|LICENSE)$/.test(f));
    assert.deepStrictEqual(stray, [], "no tests, sources, maps, bundles or examples in the tarball");
  });

  it("lists in `dependencies` every module the shipped code requires", () => {
    const required = [...externalRequires(path.join(REPO_ROOT, "out", "server", "src"))].sort();
    assert.ok(required.length > 0);
    assert.deepStrictEqual(required.filter((name) => !(name in PACKAGE.dependencies)), []);
  });

  it("runs `npx nadir check` in the project: findings as path:line:col and exit 1 on an error", () => {
    const checked = run(NPX, ["--no", "nadir", "check", "cases"], project);
    assert.equal(checked.stdout, "cases/PACK-1.nadir:8:5 error unknown-lesion Unknown lesion T2: it is declared neither at this episode's baseline nor as new at an earlier scan; did you mean `T1`?\n");
    assert.equal(checked.stderr, "1 file checked: 1 error, 0 warnings\n");
    assert.equal(checked.status, 1);
    fs.writeFileSync(path.join(project, "cases", "PACK-1.nadir"), CASE.replace("    T2 12 mm\n", ""));
    const clean = run(NPX, ["--no", "nadir", "check", "cases"], project);
    assert.deepStrictEqual([clean.status, clean.stdout, clean.stderr], [0, "", "1 file checked: 0 errors, 0 warnings\n"]);
    assert.equal(run(NPX, ["--no", "--", "nadir", "--version"], project).stdout, `${PACKAGE.version}\n`);
  });

  it("checks nadir.config.json there against the shipped schema", () => {
    fs.writeFileSync(path.join(project, "nadir.config.json"), `{ "critera": "iRECIST" }`);
    const checked = run(NPX, ["--no", "nadir", "check", "cases"], project);
    fs.rmSync(path.join(project, "nadir.config.json"));
    assert.equal(checked.status, 2, checked.stderr);
    assert.match(checked.stderr, /^nadir check: nadir\.config\.json:1:3: unknown setting "critera" \(did you mean "criteria"\?\)/);
  });
});
