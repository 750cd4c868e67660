// Differential test of our own (issue 11): seeded random but plausible RECIST 1.1 and iRECIST
// series (test/helpers/series.ts), checked against invariants that follow from the rules, not
// against a second implementation. Fixed seed and a few hundred patients in `npm test`;
// `FUZZ_RUNS=20000 npm run fuzz -- series` runs as many patients (FUZZ_SEED picks the seed).
import { strict as assert } from "assert";
import { analyze, Analysis } from "../../server/src/core/analyze";
import { patientsJson } from "../../server/src/core/engine/json";
import type { EpisodeAssessment } from "../../server/src/core/engine/types";
import { parseDay } from "../../server/src/core/util/dates";
import { generatePatient, GenPatient, GenValue, patientText, rng } from "../helpers/series";
import { checkWindows } from "../helpers/windows";
import { checkNoContradictions } from "../helpers/contradictions";

const FUZZ_RUNS = Number(process.env.FUZZ_RUNS) || 0;
const PATIENTS = FUZZ_RUNS > 0 ? FUZZ_RUNS : 500;
const SEED = Number(process.env.FUZZ_SEED) || 20251127;
const BATCH = 50;
const TODAY = parseDay("2026-06-01") as number;

const I_OF: Record<string, string> = { CR: "iCR", PR: "iPR", SD: "iSD", "NON-CR/NON-PD": "NON-iCR/NON-iUPD", PD: "iUPD", NE: "NE" };

/** What the generator wrote at each follow-up scan, in the rules' terms (nothing the engine computed). */
interface Written {
  targetNotEvaluated: boolean;
  nonTargetNotEvaluated: boolean;
  hasTargets: boolean;
  /** A new lesion already shown unequivocally at an earlier scan is not evaluated here (R10). */
  newNotEvaluated: boolean;
  /** A new lesion shown unequivocally here (FAQ exception for early scans). */
  unequivocalNew: boolean;
  /** A non-target written `progressed` here. */
  ntProgressed: boolean;
  deterioration: boolean;
}

const missing = (v: GenValue) => v.kind === "not evaluated" || v.kind === "omitted";

/** R6: a new lesion shows itself with a value that is not gone (a node: short axis >= 10 mm). */
function shows(nodal: boolean, v: GenValue): boolean {
  if (v.kind === "status" || v.kind === "too small") return !nodal || v.kind === "status";
  if (v.kind === "size") return nodal ? v.tenths >= 100 : v.tenths > 0;
  return false;
}

function written(p: GenPatient): Written[] {
  const established = new Set<string>();
  return p.scans.map((s) => {
    const w: Written = {
      targetNotEvaluated: s.entries.some((e) => e.lesion.kind === "target" && missing(e.value)),
      nonTargetNotEvaluated: s.entries.some((e) => e.lesion.kind === "non-target" && missing(e.value)),
      hasTargets: p.baseline.entries.some((e) => e.lesion.kind === "target"),
      newNotEvaluated: s.entries.some((e) => e.lesion.kind === "new" && established.has(e.lesion.id) && missing(e.value)),
      unequivocalNew: s.entries.some((e) => e.lesion.kind === "new" && !e.equivocal && shows(e.lesion.nodal, e.value)),
      ntProgressed: s.entries.some((e) => e.lesion.kind === "non-target" && e.value.kind === "status" && e.value.status === "progressed"),
      deterioration: s.deterioration,
    };
    for (const e of s.entries) if (e.lesion.kind === "new" && !e.equivocal && shows(e.lesion.nodal, e.value)) established.add(e.lesion.id);
    return w;
  });
}

/** Counts of what the run exercised, printed at the end (a property that never fired proves little). */
const seen: Record<string, number> = {};
const count = (what: string) => (seen[what] = (seen[what] ?? 0) + 1);

function checkEpisode(p: GenPatient, ea: EpisodeAssessment, where: string): void {
  const w = written(p);
  const tps = ea.timepoints;
  assert.equal(tps.length, p.scans.length, `${where}: one TP per scan`);
  const r = tps.map((t) => t.response);
  const firstPd = r.indexOf("PD");
  // RECIST 1.1 after progression: PD is an event, never followed by another category (R3, R7).
  if (firstPd >= 0) assert.ok(r.slice(firstPd).every((x) => x === "PD"), `${where}: RECIST PD followed by another category: ${r.join(", ")}`);
  // R4: a target not evaluated gives NE unless PD is met anyway (before the first PD; after it PD is sticky).
  tps.forEach((tp, k) => {
    if (firstPd >= 0 && k > firstPd) return;
    if (w[k].targetNotEvaluated || (!w[k].hasTargets && w[k].nonTargetNotEvaluated)) {
      count("RECIST TP with a value missing");
      assert.ok(r[k] === "NE" || r[k] === "PD", `${where} ${tp.date}: a value is missing, yet RECIST ${r[k]}`);
    }
    // R5, R10: a non-target is PD only when written `progressed`, or back after an overall CR (R6).
    if (tp.nonTarget === "PD") {
      const previous = r.slice(0, k).filter((x) => x !== "NE").pop();
      assert.ok(w[k].ntProgressed || previous === "CR", `${where} ${tp.date}: non-target PD without \`progressed\` (measured nodes never progress by mm)`);
    }
  });
  const recistDate = ea.recistProgressionDate ?? null;
  assert.equal(recistDate === null, firstPd < 0, `${where}: recistProgressionDate ${recistDate} vs first PD ${firstPd}`);
  if (firstPd >= 0) {
    count("RECIST PD");
    const date = recistDate as string;
    assert.ok(p.hasEquivocal ? date <= tps[firstPd].date : date === tps[firstPd].date, `${where}: RECIST date of progression ${date}, first PD ${tps[firstPd].date}`);
  }
  if (p.criteria === "RECIST1.1") {
    assert.equal(ea.progressionDate, recistDate, `${where}: RECIST 1.1 progression date`);
    return;
  }
  const ir = tps.map((t) => t.iResponse as string);
  // Before the first RECIST PD both criteria agree, and the first PD is iUPD (R10).
  for (let k = 0; k < tps.length && (firstPd < 0 || k <= firstPd); k++) {
    assert.equal(ir[k], k === firstPd ? "iUPD" : I_OF[r[k]], `${where} ${tps[k].date}: iRECIST ${ir[k]} vs RECIST ${r[k]} before any progression`);
  }
  // Runs from the responses alone: an iUPD whose last earlier non-NE response is not iUPD starts one.
  let start = -1;
  let previous: string | null = null;
  let icpd = -1;
  for (let k = 0; k < tps.length; k++) {
    const x = ir[k];
    if (icpd >= 0) {
      assert.equal(x, "iCPD", `${where} ${tps[k].date}: iCPD is terminal for the episode: ${ir.join(", ")}`);
      continue;
    }
    const days = start >= 0 ? tps[k].day - tps[start].day : Infinity;
    const inRun = start >= 0 && k > start;
    if (inRun && days < 26) {
      // R10: an early scan is disregarded and reported with the run's state, unless the FAQ exception holds.
      count(x === "iCPD" ? "early scan, FAQ exception" : "early scan disregarded");
      assert.ok(x === "iUPD" || (x === "iCPD" && w[k].deterioration && w[k].unequivocalNew), `${where} ${tps[k].date}: ${days} days after the first iUPD ${tps[start].date}, yet ${x}`);
    } else if (inRun && (w[k].targetNotEvaluated || w[k].nonTargetNotEvaluated || w[k].newNotEvaluated)) {
      count("run TP with a value missing");
      assert.ok(x === "NE" || x === "iCPD", `${where} ${tps[k].date}: a value is missing inside a run, yet ${x}`);
    } else if (!inRun && (w[k].targetNotEvaluated || w[k].newNotEvaluated || (!w[k].hasTargets && w[k].nonTargetNotEvaluated))) {
      count("TP outside a run with a value missing");
      assert.ok(x === "NE" || x === "iUPD", `${where} ${tps[k].date}: a value is missing, yet ${x}`);
    }
    if (x === "iCPD") {
      assert.ok(inRun, `${where} ${tps[k].date}: iCPD outside a run: ${ir.join(", ")}`);
      icpd = k;
      count("iCPD");
      const date = ea.progressionDate as string;
      assert.ok(p.hasEquivocal ? date <= tps[start].date : date === tps[start].date, `${where}: progression dated ${date}, first iUPD of the confirmed run ${tps[start].date}`);
      continue;
    }
    if (x === "iUPD" && previous !== "iUPD") {
      start = k;
      count("iUPD run");
    } else if (x !== "iUPD" && x !== "NE") {
      if (inRun) count("reset");
      start = -1;
    }
    if (x !== "NE") previous = x;
  }
  assert.equal(ea.progressionDate === null, icpd < 0, `${where}: progression date ${ea.progressionDate} with iCPD at ${icpd}`);
  for (const tp of tps) assert.ok(tp.explanation.some((x) => x.rule === "R10" || x.rule.startsWith("R10 (")), `${where} ${tp.date}: no R10 step in the trace`);
}

/** Window diagnostics are counted from the first iUPD of the run they name (R10). */
function checkWindowDiagnostics(analysis: Analysis, where: string): void {
  for (const d of analysis.assessment.diagnostics) {
    if (d.code !== "confirmation-too-early" && d.code !== "confirmation-window-missed") continue;
    const scan = analysis.model.patients.flatMap((p) => p.assessments).find((a) => d.start >= a.node.start && d.end <= a.node.end);
    assert.ok(scan, `${where}: ${d.code} outside a scan`);
    const days = scan.day - (parseDay(String(d.data?.iupdDate)) as number);
    if (d.code === "confirmation-too-early") assert.ok(days >= 0 && days < 26, `${where}: too early at ${days} days from ${d.data?.iupdDate}`);
    else assert.ok(days > 58, `${where}: window missed at ${days} days from ${d.data?.iupdDate}`);
  }
}

/** R10 clarifications: mm changes of a measured node that stay on one side of 10 mm mean nothing. */
function sameSideVariant(p: GenPatient, random: () => number): string {
  const neverLesion = new Set(
    [p.baseline, ...p.scans].flatMap((s) => s.entries).filter((e) => e.lesion.kind === "new" && e.lesion.nodal).map((e) => e.lesion.id)
      .filter((id) => [p.baseline, ...p.scans].every((s) => s.entries.every((e) => e.lesion.id !== id || e.value.kind !== "status" && (e.value.kind !== "size" || e.value.tenths < 100)))),
  );
  return patientText(p, (lesion, v) => {
    if (v.kind !== "size" || !lesion.nodal) return v;
    if (lesion.kind === "non-target") return { kind: "size", tenths: v.tenths < 100 ? 40 + Math.floor(random() * 60) : 100 + Math.floor(random() * 150) };
    if (lesion.kind === "new" && neverLesion.has(lesion.id)) return { kind: "size", tenths: 10 + Math.floor(random() * 90) };
    return v;
  });
}

function summary(analysis: Analysis, id: string): string {
  const pa = analysis.assessment.patients.find((x) => x.id === id);
  const eps = pa?.episodes.map((e) => [e.timepoints.map((t) => `${t.response}/${t.iResponse ?? "-"}/${t.target}/${t.nonTarget}/${t.newLesions}`).join(" "), e.bestResponse, e.iBestResponse, e.progressionDate, e.recistProgressionDate].join(" | "));
  const codes = analysis.assessment.diagnostics.filter((d) => {
    const p = analysis.model.patients.find((x) => x.id === id);
    return p && d.start >= p.node.start && d.end <= p.node.end;
  }).map((d) => d.code).sort();
  return `${eps?.join(" ; ")} :: ${codes.join(",")}`;
}

describe("property: generated RECIST 1.1 and iRECIST series (issue 11)", function () {
  this.timeout(FUZZ_RUNS > 0 ? 0 : 300_000);

  it(`${PATIENTS} patients (seed ${SEED}): PD sticky, iCPD terminal and inside a run, early scans disregarded, NE where values are missing, one window, no contradictory codes, nodes by side of 10 mm`, () => {
    const random = rng(SEED);
    const variantRandom = rng(SEED ^ 0x5bd1e995);
    for (let b = 0; b < PATIENTS; b += BATCH) {
      const patients = Array.from({ length: Math.min(BATCH, PATIENTS - b) }, (_, k) => generatePatient(random, `G${b + k + 1}`));
      const text = patients.map((p) => patientText(p)).join("\n");
      const analysis = analyze(text, { today: TODAY });
      const errors = analysis.diagnostics.filter((d) => d.severity === "error");
      assert.equal(errors.length, 0, `seed ${SEED} batch ${b}: generated text has errors: ${errors.map((e) => `${e.code} ${e.message} @${text.slice(e.start, e.end)}`).join("; ")}`);
      const json = patientsJson(analysis.assessment, text);
      for (const p of patients) {
        const pa = analysis.assessment.patients.find((x) => x.id === p.id);
        assert.ok(pa && pa.episodes.length === 1, `${p.id}: one episode`);
        const where = `seed ${SEED} ${p.id}`;
        try {
          checkEpisode(p, pa.episodes[0], where);
          const je = json.find((x) => x.id === p.id)?.episodes[0];
          assert.equal(je !== undefined && "recistProgressionDate" in je, p.criteria === "iRECIST", `${where}: recistProgressionDate in JSON under iRECIST only`);
          const variant = analyze(sameSideVariant(p, variantRandom), { today: TODAY });
          assert.equal(summary(variant, p.id), summary(analysis, p.id), `${where}: measured nodes moved on the same side of 10 mm changed the results`);
        } catch (e) {
          throw new Error(`${(e as Error).message}\n--- replay this patient ---\n${patientText(p)}`);
        }
      }
      checkWindows(analysis, `seed ${SEED} batch ${b}`);
      checkWindowDiagnostics(analysis, `seed ${SEED} batch ${b}`);
      checkNoContradictions(analysis, `seed ${SEED} batch ${b}`);
      count("patients");
      seen["patients"] = b + patients.length;
    }
    // The run exercised every branch it claims to check.
    for (const what of ["RECIST PD", "iUPD run", "iCPD", "reset", "early scan disregarded", "run TP with a value missing", "TP outside a run with a value missing"]) {
      assert.ok((seen[what] ?? 0) > 0, `the generator never produced: ${what}`);
    }
    if (FUZZ_RUNS > 0) console.log(`      series: ${JSON.stringify(seen)}`);
  });
});
