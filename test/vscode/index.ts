// Loaded by VS Code's extension host (--extensionTestsPath): runs the suite's
// *.test.js files with mocha and rejects when any test fails.
import * as fs from "fs";
import * as path from "path";

// mocha 12 is an ES module; a real dynamic import (which TypeScript's
// CommonJS output would turn into require) loads it.
const importModule = new Function("specifier", "return import(specifier)") as (specifier: string) => Promise<{ default: typeof Mocha }>;

export async function run(): Promise<void> {
  const { default: MochaClass } = await importModule("mocha");
  const mocha = new MochaClass({ ui: "bdd", color: true, timeout: 60_000 });
  for (const file of fs.readdirSync(__dirname).filter((f) => f.endsWith(".test.js")).sort()) {
    mocha.addFile(path.join(__dirname, file));
  }
  await new Promise<void>((resolve, reject) => {
    mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} test(s) failed`)) : resolve()));
  });
}
