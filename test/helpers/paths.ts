// Paths of the repository as seen from compiled tests (out/test/helpers -> repository root).
import * as path from "path";

export const REPO_ROOT = path.resolve(__dirname, "..", "..", "..");
export const EXAMPLES_DIR = path.join(REPO_ROOT, "examples");
export const NADIR_BIN = path.join(REPO_ROOT, "bin", "nadir.js");
