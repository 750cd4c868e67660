// The example case files the e2e workspace gets, and where things are in them
// (1-based lines, as the workbench shows them).
import * as fs from "fs";
import * as path from "path";
import { examplesDir, repoRoot } from "./paths";

export interface CaseFile {
  name: string;
  text: string;
}

const sharedExamples = path.join(repoRoot, "..", "shared", "examples");

/** The repository's examples, else the shared ones (a clone with examples/ missing). */
export function loadCaseFiles(): CaseFile[] {
  const dir = fs.existsSync(examplesDir) ? examplesDir : sharedExamples;
  return fs
    .readdirSync(dir)
    .filter((name) => name.endsWith(".nadir"))
    .sort()
    .map((name) => ({ name, text: fs.readFileSync(path.join(dir, name), "utf8") }));
}

export function lineOf(text: string, pattern: RegExp): number {
  const index = text.split(/\r\n|\r|\n/).findIndex((line) => pattern.test(line));
  if (index < 0) throw new Error(`no line matches ${pattern}`);
  return index + 1;
}

export function countLines(text: string, pattern: RegExp): number {
  return text.split(/\r\n|\r|\n/).filter((line) => pattern.test(line)).length;
}
