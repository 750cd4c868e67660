// The package version, found upwards from this file (works from out/ and from a bundle).
import * as fs from "fs";
import * as path from "path";

export function packageVersion(): string {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, "package.json");
    if (fs.existsSync(candidate)) {
      const pkg = JSON.parse(fs.readFileSync(candidate, "utf8"));
      if (pkg.name === "nadir") return String(pkg.version);
    }
    if (path.dirname(dir) === dir) return "0.0.0";
  }
}
