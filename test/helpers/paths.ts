// Paths of the repository as seen from compiled tests (out/test/helpers -> repository root).
import * as path from "path";

export const REPO_ROOT = path.resolve(__dirname, "..", "..", "..");
export const EXAMPLES_DIR = path.join(REPO_ROOT, "examples");
export const NADIR_BIN = path.join(REPO_ROOT, "bin", "nadir.js");
/** The language reference's example with its own spacing (examples/PT-0042.nadir is it formatted). */
export const SPEC_EXAMPLE = path.join(REPO_ROOT, "test", "fixtures", "spec-example.nadir");
