// Writes the benchmark inputs under bench/data/ (gitignored) once, and reuses them while the
// generator is unchanged: cohorts of 1, 100, 1,000 and 10,000 patients and a ~10 MB cohort of the
// original mix (the README's earlier figures), four more ~10 MB cohorts that vary patient size and
// diagnostic density (about 9,000 small patients; most patients progressing; most responding; most
// missing follow-ups), each with its JSON twin for the JSON.parse baseline, and a directory of
// 10,000 single-patient files.
import * as crypto from "crypto";
import * as fs from "fs";
import * as path from "path";
import { generateCohort, generateCohortOfSize, generatePatient, renderPatient, Cohort, Profile } from "./generate";

export const SEED = 20251126;
export const REPO_ROOT = path.resolve(__dirname, "..", "..");
/**
 * The `nadir` the benchmark runs as a CLI and a language server: this build, or another one named
 * by NADIR_BENCH_BIN (a checkout of an earlier commit, for before/after figures on the same inputs).
 */
export const NADIR_BIN = process.env.NADIR_BENCH_BIN ? path.resolve(process.env.NADIR_BENCH_BIN) : path.join(REPO_ROOT, "bin", "nadir.js");
export const DATA_DIR = path.join(REPO_ROOT, "bench", "data");
export const COHORT_BYTES = 10_000_000;
export const COHORT_SIZES = [1, 100, 1_000, 10_000];
export const DIRECTORY_FILES = 10_000;
/** The ~10 MB cohorts besides the original mix: name and profile (bench/generate.ts). */
export const PROFILED_COHORTS: ReadonlyArray<[string, Profile]> = [
  ["10MB-small-patients", "small"],
  ["10MB-progressing", "progressing"],
  ["10MB-responding", "responding"],
  ["10MB-missed-follow-ups", "missed-follow-ups"],
];

export interface Dataset {
  name: string;
  patients: number;
  nadirPath: string;
  jsonPath: string;
}

export interface BenchData {
  cohorts: Dataset[];
  /** The ~10 MB cohort of the original mix (also in `cohorts`). */
  big: Dataset;
  /** Every ~10 MB cohort, the original mix first (also in `cohorts`). */
  tenMb: Dataset[];
  directory: string;
}

export function prepareData(log: (line: string) => void): BenchData {
  fs.mkdirSync(DATA_DIR, { recursive: true });
  const fingerprint = generatorFingerprint();
  const manifestPath = path.join(DATA_DIR, "manifest.json");
  const manifest = readJson(manifestPath);
  const fresh = manifest?.fingerprint === fingerprint;
  const cohorts: Dataset[] = [];
  for (const patients of COHORT_SIZES) {
    cohorts.push(writeCohort(`${patients}-patient${patients === 1 ? "" : "s"}`, fresh, () => generateCohort(SEED, patients), log));
  }
  const big = writeCohort("10MB-cohort", fresh, () => generateCohortOfSize(SEED, COHORT_BYTES), log);
  cohorts.push(big);
  const tenMb = [big];
  for (const [name, profile] of PROFILED_COHORTS) {
    const dataset = writeCohort(name, fresh, () => generateCohortOfSize(SEED, COHORT_BYTES, profile), log);
    cohorts.push(dataset);
    tenMb.push(dataset);
  }
  const directory = path.join(DATA_DIR, `files-${DIRECTORY_FILES}`);
  if (!fresh || !fs.existsSync(directory)) writeDirectory(directory, log);
  fs.writeFileSync(manifestPath, JSON.stringify({ fingerprint, seed: SEED }, null, 2));
  return { cohorts, big, tenMb, directory };
}

function writeCohort(name: string, fresh: boolean, make: () => Cohort, log: (line: string) => void): Dataset {
  const nadirPath = path.join(DATA_DIR, `${name}.nadir`);
  const jsonPath = path.join(DATA_DIR, `${name}.json`);
  const countPath = path.join(DATA_DIR, `${name}.patients`);
  if (!fresh || !fs.existsSync(nadirPath) || !fs.existsSync(jsonPath) || !fs.existsSync(countPath)) {
    log(`generating ${name}`);
    const cohort = make();
    fs.writeFileSync(nadirPath, cohort.text);
    fs.writeFileSync(jsonPath, cohort.json);
    fs.writeFileSync(countPath, String(cohort.patients.length));
  }
  return { name, patients: Number(fs.readFileSync(countPath, "utf8")), nadirPath, jsonPath };
}

function writeDirectory(directory: string, log: (line: string) => void): void {
  log(`generating ${DIRECTORY_FILES} single-patient files`);
  fs.rmSync(directory, { recursive: true, force: true });
  fs.mkdirSync(directory, { recursive: true });
  for (let i = 0; i < DIRECTORY_FILES; i++) {
    const patient = generatePatient(SEED, i);
    fs.writeFileSync(path.join(directory, `${patient.id}.nadir`), renderPatient(patient));
  }
}

/** Changes whenever the generator's compiled code changes, so stale data is rebuilt. */
function generatorFingerprint(): string {
  const hash = crypto.createHash("sha256");
  for (const file of ["generate.js", "random.js", "data.js"]) hash.update(fs.readFileSync(path.join(__dirname, file)));
  return hash.digest("hex").slice(0, 16);
}

function readJson(file: string): { fingerprint?: string } | null {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8"));
  } catch {
    return null;
  }
}
