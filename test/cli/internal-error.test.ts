// Issue 10, item 7, through the command line: a check family that throws (registered in this
// process; `nadir` runs in-process with standard input, so on this thread) costs one
// `internal-error` line, every other diagnostic is still printed, the exit code says there are
// errors, and `assess` marks the patient incomplete.
import { strict as assert } from "assert";
import { PassThrough } from "stream";
import { main } from "../../server/src/cli/main";
import type { CliIO } from "../../server/src/cli/command";
import { throwingFamily, withFamilyAsync } from "../helpers/faults";

const CASE = `patient A {
  baseline 2025-01-02 CT {
    T1 target liver 42 mm
    T2 target lvier 20 mm
  }
  scan 2025-03-01 CT {
    T1 20 mm
    T2 10 mm
    T9 12 mm
  }
}
`;

async function nadir(args: string[], input: string): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out: string[] = [];
  const err: string[] = [];
  stdout.on("data", (c) => out.push(String(c)));
  stderr.on("data", (c) => err.push(String(c)));
  const stdin = new PassThrough();
  stdin.end(input);
  const io: CliIO = { stdout, stderr, stdin, env: { NO_COLOR: "1" }, cwd: process.cwd() };
  const code = await main(args, io);
  return { code, stdout: out.join(""), stderr: err.join("") };
}

describe("cli: an internal error is contained (issue 10, item 7)", () => {
  it("nadir check prints the internal-error and every other diagnostic, and exits 1", async () => {
    const clean = await nadir(["check", "-", "--jobs", "1"], CASE);
    const broken = await withFamilyAsync(throwingFamily(["T1"]), () => nadir(["check", "-", "--jobs", "1"], CASE));
    assert.equal(broken.code, 1);
    const lines = broken.stdout.split("\n").filter((l) => l.startsWith("<stdin>"));
    const internal = lines.filter((l) => l.includes(" internal-error "));
    assert.deepStrictEqual(internal.map((l) => l.split(" ")[0]), ["<stdin>:3:5", "<stdin>:7:5"]);
    assert.match(internal[0], /error internal-error Internal error in the structural check family `test: throws on purpose` \(Lesion\): TypeError: cannot read lesion T1\./);
    assert.deepStrictEqual(lines.filter((l) => !l.includes(" internal-error ")), clean.stdout.split("\n").filter((l) => l.startsWith("<stdin>")));
    assert.ok(lines.some((l) => l.includes(" unknown-lesion ")) && lines.some((l) => l.includes(" unknown-organ ")));
  });

  it("nadir check --format json lists it with the others; nadir assess marks the patient incomplete", async () => {
    const json = await withFamilyAsync(throwingFamily(["T1"]), () => nadir(["check", "-", "--jobs", "1", "--format", "json"], CASE));
    const codes = (JSON.parse(json.stdout).files[0].diagnostics as Array<{ code: string }>).map((d) => d.code);
    assert.deepStrictEqual(codes.filter((c) => c === "internal-error").length, 2);
    assert.ok(codes.includes("unknown-lesion") && codes.includes("unknown-organ"));
    const table = await withFamilyAsync(throwingFamily(["T1"]), () => nadir(["assess", "-"], CASE));
    assert.match(table.stdout, /^ {4}INCOMPLETE: internal-error lines 3, 7; unknown-lesion line 9; results marked \* rest on partial data/m);
    assert.match(table.stdout, /2025-03-01 .* PR\*$/m);
    const assessed = await withFamilyAsync(throwingFamily(["T1"]), () => nadir(["assess", "-", "--format", "json"], CASE));
    const patient = JSON.parse(assessed.stdout).files[0].patients[0];
    assert.equal(patient.complete, false);
    assert.deepStrictEqual(patient.incompleteBecause.map((r: { code: string }) => r.code), ["internal-error", "internal-error", "unknown-lesion"]);
  });
});
