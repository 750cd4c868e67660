// Layer boundaries over the import graph (examples-to-follow: "a test that fails when core/
// imports service/, lsp/ or vscode*"): the pure core imports nothing of the language service, the
// LSP layer, the CLI or any VS Code / LSP package; the language service imports nothing of the LSP
// layer nor the VS Code API or the LSP server library (only LSP's plain types).
import { strict as assert } from "assert";
import * as fs from "fs";
import * as path from "path";
import { REPO_ROOT } from "../../helpers/paths";

const SERVER = path.join(REPO_ROOT, "server", "src");

/** Every import, export-from, dynamic import and require of a TypeScript source. */
export function importsOf(source: string): string[] {
  const out: string[] = [];
  const re = /(?:^|[\s;])(?:import|export)\s[^;'"]*?from\s*["']([^"']+)["']|(?:^|[\s;])import\s*["']([^"']+)["']|\bimport\(\s*["']([^"']+)["']\s*\)|\brequire\(\s*["']([^"']+)["']\s*\)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(source))) out.push(m[1] ?? m[2] ?? m[3] ?? m[4]);
  return out;
}

interface Rule {
  layer: string;
  /** Directories (relative to server/src) it must not import from. */
  notDirs: string[];
  /** Packages it must not import (prefix match on the bare specifier). */
  notPackages: RegExp;
}

const RULES: Rule[] = [
  { layer: "core", notDirs: ["service", "lsp", "cli", "protocol"], notPackages: /^vscode/ },
  { layer: "service", notDirs: ["lsp", "cli"], notPackages: /^(vscode$|vscode-languageserver$|vscode-languageserver\/|vscode-languageclient|vscode-jsonrpc)/ },
];

/** The imports of `files` (path relative to server/src -> source) that cross a rule. */
export function layerViolations(files: Map<string, string>): string[] {
  const problems: string[] = [];
  for (const [file, source] of files) {
    const rule = RULES.find((r) => file.startsWith(`${r.layer}/`));
    if (!rule) continue;
    for (const spec of importsOf(source)) {
      if (spec.startsWith(".")) {
        const target = path.posix.normalize(path.posix.join(path.posix.dirname(file), spec));
        const dir = target.split("/")[0];
        if (target.startsWith("..") || rule.notDirs.includes(dir)) problems.push(`${file} imports ${spec} (${rule.layer}/ must not import ${target.startsWith("..") ? "outside server/src" : `${dir}/`})`);
      } else if (rule.notPackages.test(spec)) {
        problems.push(`${file} imports ${spec} (${rule.layer}/ must not import it)`);
      }
    }
  }
  return problems;
}

function sources(dir: string, base = dir): Map<string, string> {
  const out = new Map<string, string>();
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) for (const [k, v] of sources(full, base)) out.set(k, v);
    else if (entry.name.endsWith(".ts") && !entry.name.endsWith(".d.ts")) out.set(path.relative(base, full).split(path.sep).join("/"), fs.readFileSync(full, "utf8"));
  }
  return out;
}

describe("architecture: layer boundaries over the import graph", () => {
  it("core/ imports no service/, lsp/, cli/ or vscode*; service/ imports no lsp/, no VS Code API and no LSP server library", () => {
    const files = sources(SERVER);
    assert.ok(files.size > 100 && [...files.keys()].some((f) => f.startsWith("core/")) && [...files.keys()].some((f) => f.startsWith("service/")));
    assert.deepEqual(layerViolations(files), []);
  });

  it("the check finds each kind of crossing (static, type-only, re-export, dynamic, require, a package)", () => {
    const files = new Map([
      ["core/a.ts", `import { x } from "../service/hover";\nimport type { Y } from "../lsp/server";\nexport { z } from "../cli/main";\nconst w = import("../protocol");\nimport "vscode-languageserver-types";\n`],
      ["core/b.ts", `import { ok } from "./c";\nimport { also } from "../util/numbers";\n`],
      ["service/c.ts", `import { Connection } from "vscode-languageserver/node";\nconst s = require("../lsp/server");\nimport type { Hover } from "vscode-languageserver-types";\nimport { fine } from "../core/analyze";\n`],
    ]);
    assert.deepEqual(layerViolations(files), [
      "core/a.ts imports ../service/hover (core/ must not import service/)",
      "core/a.ts imports ../lsp/server (core/ must not import lsp/)",
      "core/a.ts imports ../cli/main (core/ must not import cli/)",
      "core/a.ts imports ../protocol (core/ must not import protocol/)",
      "core/a.ts imports vscode-languageserver-types (core/ must not import it)",
      "service/c.ts imports vscode-languageserver/node (service/ must not import it)",
      "service/c.ts imports ../lsp/server (service/ must not import lsp/)",
    ]);
  });

  it("the client and the server share one protocol module: no request name is declared elsewhere", () => {
    const client = sources(path.join(REPO_ROOT, "client", "src"));
    const server = sources(SERVER);
    const offenders: string[] = [];
    for (const [scope, files] of [["client/src", client], ["server/src", server]] as const) {
      for (const [file, source] of files) {
        if (scope === "server/src" && file === "protocol/index.ts") continue;
        if (/["']nadir\/(assessment|export|nextScanEdit|importSr|report|status)["']/.test(source)) offenders.push(`${scope}/${file}`);
      }
    }
    assert.deepEqual(offenders, []);
  });
});
