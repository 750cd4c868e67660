// Invariants of the response-assessment engine, by fast-check (fixed seed, bounded runs).
import { strict as assert } from "assert";
import fc from "fast-check";
import { analyze } from "../../server/src/core/analyze";
import { parseText } from "../../server/src/core/syntax/parse";
import { buildModel } from "../../server/src/core/model/build";
import { assessCase } from "../../server/src/core/engine";
import { assessmentJson } from "../../server/src/core/engine/json";
import { resolveSettings } from "../../server/src/core/settings";
import { formatMm } from "../../server/src/core/util/numbers";
import { formatDay, parseDay } from "../../server/src/core/util/dates";

const SEED = 20251126;
const RUNS = 200;
const START = parseDay("2025-01-01") as number;
const today = START + 1000;

/** A follow-up value of T1: a size in tenths of a mm, or not evaluated. */
const value = fc.oneof({ weight: 9, arbitrary: fc.integer({ min: 1, max: 3000 }) }, { weight: 1, arbitrary: fc.constant(null) });

function seriesCase(criteria: string, baseline: number, values: Array<number | null>, extra: (k: number) => string = () => ""): string {
  const scans = values.map((v, k) => `  scan ${formatDay(START + 42 * (k + 1))} {\n    T1 ${v === null ? "not evaluated" : `${formatMm(v)} mm`}\n    NT1 present\n${extra(k)}  }`);
  return `patient P {\n  criteria ${criteria}\n  baseline ${formatDay(START)} {\n    T1 target liver ${formatMm(baseline)} mm\n    NT1 non-target bone present\n  }\n${scans.join("\n")}\n}\n`;
}

describe("property: engine invariants", () => {
  it("R3 target PD exactly when sum >= 1.2 x nadir and sum >= nadir + 5 mm (nadir: smallest earlier evaluable sum)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 100, max: 3000 }), fc.array(value, { minLength: 1, maxLength: 8 }), (baseline, values) => {
        const tps = analyze(seriesCase("RECIST1.1", baseline, values), { today }).assessment.patients[0].episodes[0].timepoints;
        let nadir = baseline;
        values.forEach((v, k) => {
          const tp = tps[k];
          assert.equal(tp.nadir, nadir);
          if (v !== null) {
            const pd = v * 10 >= nadir * 12 && v - nadir >= 50;
            assert.equal(tp.target === "PD", pd, `sum ${v} nadir ${nadir}: ${tp.target}`);
            nadir = Math.min(nadir, v);
          }
        });
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it("R3 the nadir never rises within an episode", () => {
    fc.assert(
      fc.property(fc.integer({ min: 100, max: 3000 }), fc.array(value, { minLength: 1, maxLength: 10 }), (baseline, values) => {
        const tps = analyze(seriesCase("iRECIST", baseline, values), { today }).assessment.patients[0].episodes[0].timepoints;
        for (let k = 1; k < tps.length; k++) assert.ok((tps[k].nadir as number) <= (tps[k - 1].nadir as number));
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it("R10 iCPD only after an iUPD of the same run (no iCR/iPR/iSD reset in between)", () => {
    const extras = fc.array(fc.constantFrom("", "NT1 increased\n", "NL1 new lung 12 mm\n", "NL2 new bone present\n", "clinical deterioration\n"), { minLength: 1, maxLength: 10 });
    fc.assert(
      fc.property(fc.integer({ min: 100, max: 1000 }), fc.array(value, { minLength: 1, maxLength: 10 }), extras, (baseline, values, lines) => {
        const text = seriesCase("iRECIST", baseline, values, (k) => {
          const line = lines[k % lines.length];
          // A new lesion is declared once; later scans give its value.
          const declaredBefore = lines.slice(0, k % lines.length).includes(line) || k >= lines.length;
          return line && declaredBefore && line.startsWith("NL") ? `    ${line.split(" ")[0]} ${line.includes("present") ? "present" : "12 mm"}\n` : line ? `    ${line}` : "";
        });
        const responses = (analyze(text, { today }).assessment.patients[0].episodes[0].timepoints).map((t) => t.iResponse);
        responses.forEach((r, k) => {
          if (r !== "iCPD") return;
          let j = k - 1;
          while (j >= 0 && !["iUPD", "iCPD", "iCR", "iPR", "iSD", "NON-iCR/NON-iUPD"].includes(responses[j] as string)) j--;
          assert.ok(j >= 0 && (responses[j] === "iUPD" || responses[j] === "iCPD"), `iCPD at ${k} without an open iUPD: ${responses.join(", ")}`);
        });
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it("every response carries its trace: the R7 table row, and under iRECIST the R10 reasoning", () => {
    fc.assert(
      fc.property(fc.integer({ min: 100, max: 3000 }), fc.array(value, { minLength: 1, maxLength: 8 }), fc.constantFrom("RECIST1.1", "iRECIST"), (baseline, values, criteria) => {
        for (const tp of analyze(seriesCase(criteria, baseline, values), { today }).assessment.patients[0].episodes[0].timepoints) {
          const rules = tp.explanation.map((x) => x.rule);
          assert.ok(rules.includes("R7 table 1"), rules.join(","));
          if (tp.sum !== null) assert.ok(rules.includes("R2") && rules.includes("R3"));
          // R10 or one of its clarification bullets, e.g. "R10 (after iCPD)".
          if (criteria === "iRECIST") assert.ok(rules.some((r) => r === "R10" || r.startsWith("R10 (")), rules.join(","));
          for (const x of tp.explanation) assert.ok(x.text.length > 0 && !x.text.includes("undefined") && !x.text.includes("NaN"), x.text);
        }
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it("the engine never throws (nor reports an internal-error) on any model built from any text, and its JSON always serialises", () => {
    const token = fc.constantFrom(
      "patient P {", "}", "criteria iRECIST", "criteria RECIST1.1", "confirm responses", "schedule every 8 weeks", "as of 2025-06-01",
      "therapy a from 2025-01-01 immunotherapy", "therapy b from 2025-03-01", "baseline 2025-01-01 {", "scan 2025-02-01 {", "scan 2024-12-01 {",
      "scan 2025-03-15 {", "scan 2025-03-15 {", "T1 target liver 30 mm", "T2 target node 15 mm", "NT1 non-target bone present", "T1 absent",
      "T1 0 mm", "T1 too small", "T1 split 1 mm + 2 mm", "T2 merged into T1", "T1 merged into T1", "T1 not evaluated", "T1 present", "NT1 progressed",
      "NT1 increased", "NL1 new lung 12 mm", "NL1 new equivocal node 11 mm", "NL1 present", "NN new node 9 mm", "T1 new liver 4 mm", "ecog 3",
      "clinical deterioration", "ctdna 2025-01-01 vaf 0 %", "ctdna 2025-02-01 undetected", "ctdna 2025-02-02 5 copies/mL",
      "marker 2025-01-01 CEA 10 ng/mL uln 5", "baseline 2025-02-30 {", "scan 2025-13-01 {", "T1 target liver 9999 mm",
    );
    const settings = fc.record({
      criteria: fc.constantFrom("RECIST1.1", "iRECIST"), confirmResponses: fc.boolean(), continuingPR: fc.constantFrom("on", "off", "ongoing-unconfirmed"),
      hyperprogression: fc.constantFrom("auto", "champiat", "saada-bouzid", "ferrara", "matos", "kato"), minStableDiseaseDays: fc.integer({ min: 0, max: 200 }),
    });
    fc.assert(
      fc.property(fc.array(fc.oneof(token, fc.string({ maxLength: 20 })), { maxLength: 40 }), settings, (lines, s) => {
        const text = lines.join("\n");
        const model = buildModel(parseText(text).file);
        const assessment = assessCase(model, resolveSettings(s), { today });
        for (const d of assessment.diagnostics) {
          assert.ok(d.start >= 0 && d.end >= d.start && d.end <= text.length, `${d.code} range ${d.start}-${d.end}`);
          // The engine contains its exceptions as internal-error (issue 10, item 7); there must be none.
          assert.notEqual(d.code, "internal-error", d.message);
        }
        JSON.stringify(assessmentJson({ text, parse: parseText(text), model, assessment, diagnostics: assessment.diagnostics }, "f"));
      }),
      { seed: SEED, numRuns: 500 },
    );
  });
});
