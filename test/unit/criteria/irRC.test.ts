// irRC (R25-R28): products of two diameters in exact hundredths of a mm², irPR at -50.0 %, irPD at
// +25.0 % over the nadir, confirmation of responses and progression >= 28 days later, new lesions
// entering the burden under the caps (5 per organ, 10 visceral, 5 cutaneous), one-diameter values.
// The reference scenarios 1, 2 and 4 of the rules, with their exact numbers.
import { strict as assert } from "assert";
import { diagnosticsOf, run } from "../engine/caseBuilder";
import { burdens, readingOf, states, tps } from "./readings";

const HEAD = `criteria RECIST1.1 iRECIST irRC irRECIST imRECIST
therapy pembrolizumab from 2025-01-06 immunotherapy
baseline 2025-01-02 { T1 target liver 30 x 20 mm ; T2 target lung 20 x 10 mm }`;

describe("irRC (R26-R28)", () => {
  describe("reference scenario 1: -50 % exactly", () => {
    it("R27 SPD 800 -> 400 is -50.0 %: irPR (pending), while the SOD 30 is -40 %: PR / iPR / irPR / PR", () => {
      const r = run(`${HEAD}\nscan 2025-03-03 { T1 20 x 15 mm ; T2 10 x 10 mm }`);
      assert.deepEqual(burdens(r, "irRC"), [40000]);
      assert.equal(readingOf(r, "irRC").timepoints[0].changeFromBaselinePct, -50);
      assert.deepEqual(states(r, "irRC"), ["irPR/pending"]);
      assert.deepEqual([r.responses[0], r.iResponses[0], states(r, "irRECIST")[0], states(r, "imRECIST")[0]], ["PR", "iPR", "irPR", "PR"]);
      assert.equal(r.tps[0].sum, 300);
    });

    it("R27 T2 10.1 x 10: SPD 401 = -49.875 %: irSD, while RECIST 1.1 stays PR (SOD 30.1, -39.8 %)", () => {
      const r = run(`${HEAD}\nscan 2025-03-03 { T1 20 x 15 mm ; T2 10.1 x 10 mm }`);
      assert.deepEqual(burdens(r, "irRC"), [40100]);
      assert.deepEqual(states(r, "irRC"), ["irSD"]);
      assert.deepEqual([r.responses[0], r.tps[0].sum], ["PR", 301]);
    });

    it("R28 the same sizes 28 days later (2025-03-31) confirm the irPR: irBOR irPR", () => {
      const r = run(`${HEAD}\nscan 2025-03-03 { T1 20 x 15 mm ; T2 10 x 10 mm }\nscan 2025-03-31 { T1 20 x 15 mm ; T2 10 x 10 mm }`);
      assert.deepEqual(states(r, "irRC"), ["irPR/confirmed", "irPR/confirmed"]);
      assert.equal(readingOf(r, "irRC").bestResponse, "irPR");
    });

    it("R28 the same scan on day 77 (21 days later) does not confirm: irPR stays pending, irBOR not irPR", () => {
      const r = run(`${HEAD}\nscan 2025-03-03 { T1 20 x 15 mm ; T2 10 x 10 mm }\nscan 2025-03-24 { T1 20 x 15 mm ; T2 10 x 10 mm }`);
      assert.deepEqual(states(r, "irRC"), ["irPR/pending", "irPR/pending"]);
      assert.equal(readingOf(r, "irRC").bestResponse, "irSD");
      assert.ok(diagnosticsOf(r, "response-unconfirmed").length === 0, "RECIST 1.1 is primary: no response-unconfirmed from irRC");
    });

    it("R28 confirmation at 27 days does not count, at 28 days it does", () => {
      const at27 = run(`${HEAD}\nscan 2025-03-03 { T1 20 x 15 mm ; T2 10 x 10 mm }\nscan 2025-03-30 { T1 20 x 15 mm ; T2 10 x 10 mm }`);
      assert.deepEqual(states(at27, "irRC"), ["irPR/pending", "irPR/pending"]);
      const at28 = run(`${HEAD}\nscan 2025-03-03 { T1 20 x 15 mm ; T2 10 x 10 mm }\nscan 2025-03-31 { T1 20 x 15 mm ; T2 10 x 10 mm }`);
      assert.deepEqual(states(at28, "irRC"), ["irPR/confirmed", "irPR/confirmed"]);
    });
  });

  describe("reference scenario 2: +25 % exactly, irRC-only progression", () => {
    const SCANS = `scan 2025-03-03 { T1 20 x 15 mm ; T2 10 x 10 mm }\nscan 2025-03-31 { T1 20 x 15 mm ; T2 10 x 10 mm }`;

    it("R27 SPD 500 vs the nadir 400 is +25.0 %: irPD (unconfirmed); SOD 30 is PR (continuing PR), iPR, irPR, PR", () => {
      const r = run(`${HEAD}\n${SCANS}\nscan 2025-05-26 { T1 20 x 20 mm ; T2 10 x 10 mm }`);
      const irrc = tps(r, "irRC")[2];
      assert.deepEqual([irrc.burden, irrc.nadir, irrc.changeFromNadirPct, irrc.response, irrc.confirmation], [50000, 40000, 25, "irPD", "pending"]);
      assert.deepEqual([r.responses[2], r.iResponses[2], states(r, "irRECIST")[2], states(r, "imRECIST")[2]], ["PR", "iPR", "irPR", "PR"]);
      assert.equal(readingOf(r, "irRC").bestConfirmation, null, "irBOR stays irPR (confirmed), better than the pending irPD");
    });

    it("R27 T1 20 x 19.9 gives SPD 498, +24.5 %: not irPD, irPR continues (R3 continuing PR, confirmed)", () => {
      const r = run(`${HEAD}\n${SCANS}\nscan 2025-05-26 { T1 20 x 19.9 mm ; T2 10 x 10 mm }`);
      assert.deepEqual(burdens(r, "irRC")[2], 49800);
      // It also confirms the irPR of 2025-03-31 (>= 28 days later), so it is shown confirmed (Decision 16).
      assert.equal(states(r, "irRC")[2], "irPR/confirmed");
    });

    it("R25 28 days later SPD 520 (+30 % vs the same nadir 400) confirms: progression 2025-05-26, irBOR irPR; RECIST 1.1 PR, no progression", () => {
      const r = run(`${HEAD}\n${SCANS}\nscan 2025-05-26 { T1 20 x 20 mm ; T2 10 x 10 mm }\nscan 2025-06-23 { T1 21 x 20 mm ; T2 10 x 10 mm }`);
      assert.deepEqual(states(r, "irRC"), ["irPR/confirmed", "irPR/confirmed", "irPD/confirmed", "irPD/confirmed"]);
      const reading = readingOf(r, "irRC");
      assert.deepEqual([reading.bestResponse, reading.progressionDate, reading.confirmedBy], ["irPR", "2025-05-26", "2025-06-23"]);
      assert.deepEqual([r.responses[3], r.tps[3].sum, r.episode.progressionDate], ["PR", 310, null]);
      const disagree = diagnosticsOf(r, "criteria-disagree").map((d) => d.message);
      assert.ok(disagree.some((m) => /RECIST 1\.1 PR .*irRC irPD \(confirmed\)/.test(m)), disagree.join("\n"));
    });

    it("R25 a scan 27 days after the irPD neither confirms nor negates; the one at 28 days decides", () => {
      const r = run(`${HEAD}\n${SCANS}\nscan 2025-05-26 { T1 20 x 20 mm ; T2 10 x 10 mm }\nscan 2025-06-22 { T1 20 x 15 mm ; T2 10 x 10 mm }\nscan 2025-06-23 { T1 21 x 20 mm ; T2 10 x 10 mm }`);
      // The irPR 27 days after the irPD is its own response (R8 breaks it at the next irPD); the irPD run goes on.
      assert.deepEqual(states(r, "irRC").slice(2), ["irPD/confirmed", "irPR/negated", "irPD/confirmed"]);
      assert.equal(readingOf(r, "irRC").progressionDate, "2025-05-26");
    });

    it("R25 a negated run resets the bar: a later irPD starts a new run, dated at its own first irPD", () => {
      const r = run(`${HEAD}\n${SCANS}
scan 2025-05-26 { T1 20 x 20 mm ; T2 10 x 10 mm }
scan 2025-06-23 { T1 20 x 16 mm ; T2 10 x 10 mm }
scan 2025-07-21 { T1 21 x 20 mm ; T2 10 x 10 mm }
scan 2025-08-18 { T1 21 x 20 mm ; T2 10 x 10 mm }`);
      // 420 is +5 % over the nadir 400: the first run is negated (irSD: no PR to continue across a PD).
      assert.deepEqual(states(r, "irRC").slice(2), ["irPD/negated", "irSD", "irPD/confirmed", "irPD/confirmed"]);
      const reading = readingOf(r, "irRC");
      assert.deepEqual([reading.progressionDate, reading.confirmedBy, reading.bestResponse], ["2025-07-21", "2025-08-18", "irPR"]);
    });
  });

  describe("reference scenario 4: a new non-measurable lesion precludes irCR", () => {
    const BASE = `criteria RECIST1.1 iRECIST irRC irRECIST imRECIST
therapy pembrolizumab from 2025-01-06 immunotherapy
baseline 2025-01-02 { T1 target lung 20 x 20 mm }
scan 2025-03-03 { T1 absent ; NL1 new lung 4 x 4 mm }`;

    it("day 56: TTB 0 (-100 %), NL1 under 5 x 5 mm: irPR (pending), not irCR; imRECIST PR, irRECIST irPR, RECIST PD, iRECIST iUPD", () => {
      const r = run(BASE);
      assert.deepEqual([burdens(r, "irRC")[0], tps(r, "irRC")[0].changeFromBaselinePct], [0, -100]);
      assert.deepEqual([states(r, "irRC")[0], states(r, "imRECIST")[0], states(r, "irRECIST")[0], r.responses[0], r.iResponses[0]], ["irPR/pending", "PR", "irPR", "PD", "iUPD"]);
    });

    it("day 84: T1 and NL1 absent: irCR (pending its own confirmation), the irPR of day 56 confirmed, irBOR irPR; iRECIST iCR", () => {
      const r = run(`${BASE}\nscan 2025-03-31 { T1 absent ; NL1 absent }`);
      assert.deepEqual(states(r, "irRC"), ["irPR/confirmed", "irCR/pending"]);
      assert.equal(readingOf(r, "irRC").bestResponse, "irPR");
      assert.equal(r.iResponses[1], "iCR");
    });
  });

  describe("R26 measurement", () => {
    it("too small counts 5 x 5 = 25 mm², absent 0, a split adds its fragments' products", () => {
      const r = run(`criteria irRC
baseline 2025-01-02 { T1 target liver 30 x 20 mm ; T2 target lung 20 x 10 mm }
scan 2025-03-03 { T1 too small ; T2 split 10 x 5 mm + 4 x 3 mm }
scan 2025-04-28 { T1 absent ; T2 too small }`);
      assert.deepEqual(burdens(r, "irRC"), [2500 + 5000 + 1200, 2500]);
    });

    it("a node is measured A x B (the short axis second); with a short axis under 10 mm it counts as gone for irCR (Decision 5)", () => {
      const r = run(`criteria irRC
baseline 2025-01-02 { N1 target node 25 x 17 mm }
scan 2025-03-03 { N1 12 x 9.9 mm }`);
      assert.deepEqual([r.episode.baseline?.sum, burdens(r, "irRC")[0]], [170, 120 * 99]);
      assert.equal(states(r, "irRC")[0], "irCR/pending");
    });

    it("P1, Decision 6: `20 x 30` is read as 30 x 20 (perpendicular-order), the product is the same", () => {
      const r = run(`criteria irRC
baseline 2025-01-02 { T1 target liver 20 x 30 mm }
scan 2025-03-03 { T1 30 x 20 mm }`);
      assert.deepEqual([r.episode.baseline?.sum, burdens(r, "irRC")[0], r.tps[0].sum], [300, 60000, 300]);
      assert.equal(diagnosticsOf(r, "perpendicular-order").length, 0, "a structural check: not in the engine's diagnostics");
      assert.equal(r.analysis.diagnostics.filter((d) => d.code === "perpendicular-order").length, 1);
    });

    it("Decision 4: a baseline target with one diameter makes irRC NE for the whole episode, one irrc-missing-perpendicular on that line", () => {
      const r = run(`criteria RECIST1.1 irRC
baseline 2025-01-02 { T1 target liver 35 mm ; T2 target lung 25 x 20 mm }
scan 2025-03-03 { T1 30 mm ; T2 20 x 20 mm }
scan 2025-04-28 { T1 30 mm ; T2 20 x 20 mm }`);
      assert.deepEqual(states(r, "irRC"), ["NE", "NE"]);
      assert.match(tps(r, "irRC")[0].neReason ?? "", /T1 has one diameter at baseline/);
      const missing = diagnosticsOf(r, "irrc-missing-perpendicular");
      assert.equal(missing.length, 1);
      assert.equal(r.analysis.text.slice(missing[0].start, missing[0].end), "T1 target liver 35 mm");
      assert.deepEqual(r.responses, ["SD", "SD"], "RECIST 1.1 is not affected");
    });

    it("R26 a follow-up value with one diameter is NE at that time point, unless the lesions with both diameters already show irPD", () => {
      const r = run(`criteria irRC
baseline 2025-01-02 { T1 target liver 30 x 20 mm ; T2 target lung 20 x 10 mm }
scan 2025-03-03 { T1 30 x 20 mm ; T2 12 mm }
scan 2025-04-28 { T1 40 x 40 mm ; T2 12 mm }`);
      assert.deepEqual(states(r, "irRC"), ["NE", "irPD/pending"]);
      assert.match(tps(r, "irRC")[0].neReason ?? "", /T2 measured with one diameter/);
      assert.equal(diagnosticsOf(r, "irrc-missing-perpendicular").length, 2);
    });

    it("Decision 4: a new lesion with one diameter is a new non-measured lesion (it precludes irCR, never irPD)", () => {
      const r = run(`criteria irRC
baseline 2025-01-02 { T1 target liver 30 x 20 mm }
scan 2025-03-03 { T1 absent ; NL1 new lung 40 mm }`);
      assert.deepEqual([burdens(r, "irRC")[0], states(r, "irRC")[0]], [0, "irPR/pending"]);
      assert.equal(diagnosticsOf(r, "irrc-missing-perpendicular").length, 1);
    });

    it("R26 index limits: a sixth liver target is beyond 5 per organ (warning), and still counts", () => {
      const targets = [1, 2, 3, 4, 5, 6].map((k) => `T${k} target liver 20 x 10 mm`).join(" ; ");
      const r = run(`criteria irRC\nbaseline 2025-01-02 { ${targets} }\nscan 2025-03-03 { ${[1, 2, 3, 4, 5, 6].map((k) => `T${k} 20 x 10 mm`).join(" ; ")} }`);
      const limits = diagnosticsOf(r, "irrc-index-limits");
      assert.deepEqual(limits.map((d) => r.analysis.text.slice(d.start, d.end)), ["T6 target liver 20 x 10 mm"]);
      assert.equal(burdens(r, "irRC")[0], 6 * 20000);
    });
  });

  describe("R25/R26 new lesions entering the burden", () => {
    const BASE = `criteria irRC
baseline 2025-01-02 { T1 target liver 30 x 20 mm }
scan 2025-03-03 { T1 30 x 20 mm }`;

    it("a new lesion with both diameters >= 5 mm enters the TTB; 5 x 4.9 does not (a new non-measured lesion)", () => {
      const r = run(`${BASE}\nscan 2025-04-28 { T1 30 x 20 mm ; NL1 new lung 5 x 5 mm ; NL2 new lung 5 x 4.9 mm }`);
      assert.equal(burdens(r, "irRC")[1], 60000 + 2500);
      assert.match(tps(r, "irRC")[1].saw, /new lesions in the burden: NL1; new non-measured: NL2/);
    });

    it("a new lesion becoming measurable later enters then, at its measured value", () => {
      const r = run(`${BASE}\nscan 2025-04-28 { T1 30 x 20 mm ; NL1 new lung 4 x 4 mm }\nscan 2025-05-26 { T1 30 x 20 mm ; NL1 10 x 8 mm }`);
      assert.deepEqual(burdens(r, "irRC").slice(1), [60000, 60000 + 8000]);
    });

    it("caps: 5 new lesions per organ; the sixth (smallest of those seen at once) stays out, new-lesion-cap", () => {
      const news = [1, 2, 3, 4, 5, 6].map((k) => `NL${k} new liver ${10 + k} x 10 mm`).join(" ; ");
      const r = run(`${BASE}\nscan 2025-04-28 { T1 30 x 20 mm ; ${news} }`);
      assert.equal(burdens(r, "irRC")[1], 60000 + [12, 13, 14, 15, 16].reduce((s, k) => s + k * 1000, 0));
      const caps = diagnosticsOf(r, "new-lesion-cap");
      assert.deepEqual(caps.map((d) => r.analysis.text.slice(d.start, d.end)), ["NL1 new liver 11 x 10 mm"]);
      assert.match(caps[0].message, /irRC's places for new lesions are full \(5 per organ, 10 visceral, 5 cutaneous/);
    });

    it("caps: 10 visceral in all, 5 cutaneous; baseline targets take no place (Decision 11)", () => {
      const organs = ["lung", "kidney", "spleen", "adrenal", "pancreas", "stomach", "bone", "brain", "pleura", "peritoneum", "thyroid"];
      const news = organs.map((o, k) => `NL${k + 1} new ${o} 10 x 10 mm`).join(" ; ");
      const skin = [1, 2, 3, 4, 5, 6].map((k) => `NS${k} new skin 10 x 10 mm`).join(" ; ");
      const r = run(`${BASE}\nscan 2025-04-28 { T1 30 x 20 mm ; ${news} ; ${skin} }`);
      const capped = diagnosticsOf(r, "new-lesion-cap").map((d) => r.analysis.text.slice(d.start, d.end).split(" ")[0]);
      assert.deepEqual(capped, ["NL11", "NS6"]);
      assert.equal(burdens(r, "irRC")[1], 60000 + 15 * 10000);
    });
  });

  describe("R27 without index lesions (R25 decision)", () => {
    it("irCR or NON-irCR/NON-irPD, with no-measurable-baseline showing the new-lesion burden", () => {
      const r = run(`criteria irRC
baseline 2025-01-02 { NT1 non-target bone present }
scan 2025-03-03 { NT1 present ; NL1 new liver 20 x 10 mm }
scan 2025-04-28 { NT1 absent ; NL1 absent }`);
      assert.deepEqual(states(r, "irRC"), ["NON-irCR/NON-irPD", "irCR/pending"]);
      const info = diagnosticsOf(r, "no-measurable-baseline");
      assert.equal(info.length, 1);
      assert.match(info[0].message, /New measurable lesions: 2025-03-03 200 mm²/);
    });
  });

  describe("R27 non-index lesions", () => {
    it("their unequivocal progression is not irPD; they preclude irCR", () => {
      const r = run(`criteria irRC
baseline 2025-01-02 { T1 target liver 30 x 20 mm ; NT1 non-target bone present }
scan 2025-03-03 { T1 absent ; NT1 progressed }`);
      assert.deepEqual([states(r, "irRC")[0], r.responses[0]], ["irPR/pending", "PD"]);
    });
  });
});
