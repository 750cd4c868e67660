// Finds the documentation installed beside the server, for the links in hovers: docs/ of the
// directory that holds Nadir's package.json, searched upwards from this module (dist/ of the
// extension, out/server/src/lsp of a clone or the npm package). Read once; never the workspace's.
import * as fs from "fs";
import * as path from "path";
import { pathToFileURL } from "url";
import { DOCS } from "../core/codesDoc";
import { DocLinks, docLinks, NO_DOC_LINKS } from "../service/docLinks";

/** The root of the Nadir installation at or above `from`, or null. */
export function nadirRoot(from: string): string | null {
  for (let dir = path.resolve(from); ; dir = path.dirname(dir)) {
    try {
      const pkg = JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8")) as { name?: unknown };
      if (pkg.name === "nadir") return dir;
    } catch {
      // no package.json here, or not JSON: keep looking
    }
    if (path.dirname(dir) === dir) return null;
  }
}

/** Links to the installed docs, or plain text when they are not installed. */
export function installedDocLinks(from: string = __dirname): DocLinks {
  const root = nadirRoot(from);
  if (!root) return NO_DOC_LINKS;
  try {
    const read = (file: string) => fs.readFileSync(path.join(root, file), "utf8");
    return docLinks(pathToFileURL(path.join(root, "docs") + path.sep).href, { rules: read(DOCS.rules), diagnostics: read(DOCS.diagnostics) });
  } catch {
    return NO_DOC_LINKS;
  }
}
