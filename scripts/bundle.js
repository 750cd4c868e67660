#!/usr/bin/env node
// Bundles the extension with esbuild into dist/: the client (dist/client.js),
// the language server with its generated parser (dist/server.js) and the
// timeline and report-preview webviews (dist/webview/). `vscode` is provided by the editor.
// Run after `npm run build` (which generates the parser); `--dev` keeps
// source maps and skips minification.
"use strict";
const esbuild = require("esbuild");
const fs = require("fs");
const path = require("path");

const root = path.resolve(__dirname, "..");
const dist = path.join(root, "dist");
const dev = process.argv.includes("--dev");
const serverEntry = process.env.NADIR_SERVER_ENTRY || "server/src/lsp/main.ts";

const common = {
  bundle: true,
  minify: !dev,
  sourcemap: dev ? "linked" : false,
  logLevel: "warning",
  absWorkingDir: root,
  legalComments: "none",
};
const nodeBundle = { ...common, platform: "node", format: "cjs", target: "node20", external: ["vscode"] };

async function main() {
  if (!fs.existsSync(path.join(root, "server/src/core/syntax/generated/parser.js"))) {
    throw new Error("the generated parser is missing: run `npm run build:grammar` first");
  }
  fs.rmSync(dist, { recursive: true, force: true });
  await Promise.all([
    esbuild.build({ ...nodeBundle, entryPoints: ["client/src/extension.ts"], outfile: "dist/client.js" }),
    esbuild.build({ ...nodeBundle, entryPoints: [serverEntry], outfile: "dist/server.js" }),
    esbuild.build({
      ...common, platform: "browser", format: "iife", target: "es2022",
      entryPoints: ["client/webview/main.ts"], outfile: "dist/webview/timeline.js",
    }),
    esbuild.build({
      ...common, platform: "browser", format: "iife", target: "es2022",
      entryPoints: ["client/webview/report.ts"], outfile: "dist/webview/report.js",
    }),
  ]);
  fs.copyFileSync(path.join(root, "client/webview/timeline.css"), path.join(dist, "webview/timeline.css"));
  for (const file of ["client.js", "server.js", "webview/timeline.js", "webview/report.js"]) {
    const size = fs.statSync(path.join(dist, file)).size;
    console.log(`dist/${file}  ${(size / 1024).toFixed(1)} KiB`);
  }
}

main().catch((error) => {
  console.error(error.message || error);
  process.exit(1);
});
