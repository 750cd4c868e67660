// irRECIST (R25, R29): TMTB = target sum + new measurable lesions (5 in all, 2 per organ), irPD at
// >= 120 % of the nadir and >= 5 mm above it, confirmation 28-84 days later. Reference scenarios 3
// and 10 of the rules, exact boundaries with new lesions in the sum, caps, the window.
import { strict as assert } from "assert";
import { diagnosticsOf, run } from "../engine/caseBuilder";
import { burdens, readingOf, states, tps } from "./readings";

const ALL = "criteria RECIST1.1 iRECIST irRC irRECIST imRECIST\ntherapy pembrolizumab from 2025-01-06 immunotherapy";

describe("irRECIST (R29)", () => {
  describe("reference scenario 3: a new lesion pushes the sum over +20 %", () => {
    const BASE = `${ALL}
baseline 2025-01-02 { T1 target liver 35 mm ; T2 target lung 25 mm }
scan 2025-03-03 { T1 30 mm ; T2 20 mm }`;

    it("day 56: 50 (-16.7 %): SD everywhere (irRC NE: one diameter)", () => {
      const r = run(BASE);
      assert.deepEqual([r.responses[0], r.iResponses[0], states(r, "irRECIST")[0], states(r, "imRECIST")[0], states(r, "irRC")[0]], ["SD", "iSD", "irSD", "SD", "NE"]);
    });

    it("day 112: 30 + 20 + NL1 10 = 60 (+20.0 %, +10 mm): irPD and PD unconfirmed; RECIST PD, iRECIST iUPD, irRC NE (irrc-missing-perpendicular)", () => {
      const r = run(`${BASE}\nscan 2025-04-28 { T1 30 mm ; T2 20 mm ; NL1 new liver 10 mm }`);
      const t = tps(r, "irRECIST")[1];
      assert.deepEqual([t.burden, t.nadir, t.changeFromNadirPct], [600, 500, 20]);
      assert.deepEqual([states(r, "irRECIST")[1], states(r, "imRECIST")[1], r.responses[1], r.iResponses[1], states(r, "irRC")[1]], ["irPD/pending", "PD/pending", "PD", "iUPD", "NE"]);
      assert.ok(diagnosticsOf(r, "irrc-missing-perpendicular").length > 0);
    });

    it("NL1 9 mm (not measurable): imRECIST 50, 0 %: SD (NL1 only precludes CR); irRECIST irSD; RECIST PD; iRECIST iUPD", () => {
      const r = run(`${BASE}\nscan 2025-04-28 { T1 30 mm ; T2 20 mm ; NL1 new liver 9 mm }`);
      assert.deepEqual([burdens(r, "imRECIST")[1], tps(r, "imRECIST")[1].changeFromNadirPct], [500, 0]);
      assert.deepEqual([states(r, "imRECIST")[1], states(r, "irRECIST")[1], r.responses[1], r.iResponses[1]], ["SD", "irSD", "PD", "iUPD"]);
    });

    it("(a) day 140: 30, 20, NL1 10: sum 60 >= 1.2 x 50 confirms, dated 2025-04-28; iRECIST still iUPD", () => {
      const r = run(`${BASE}\nscan 2025-04-28 { T1 30 mm ; T2 20 mm ; NL1 new liver 10 mm }\nscan 2025-05-26 { T1 30 mm ; T2 20 mm ; NL1 10 mm }`);
      for (const id of ["irRECIST", "imRECIST"] as const) {
        const reading = readingOf(r, id);
        assert.deepEqual([reading.progressionDate, reading.confirmedBy, tps(r, id)[2].confirmation], ["2025-04-28", "2025-05-26", "confirmed"], id);
      }
      assert.equal(r.iResponses[2], "iUPD");
    });

    it("(b) day 140: 26, 18, NL1 8 = 52 (+4 %, +2 mm): the run is negated; SD, BOR SD, no progression date; iRECIST iUPD", () => {
      const r = run(`${BASE}\nscan 2025-04-28 { T1 30 mm ; T2 20 mm ; NL1 new liver 10 mm }\nscan 2025-05-26 { T1 26 mm ; T2 18 mm ; NL1 8 mm }`);
      assert.deepEqual(states(r, "imRECIST"), ["SD", "PD/negated", "SD"]);
      assert.deepEqual(states(r, "irRECIST"), ["irSD", "irPD/negated", "irSD"]);
      assert.equal(burdens(r, "imRECIST")[2], 520, "NL1 stays in the sum at its measured 8 mm");
      const reading = readingOf(r, "imRECIST");
      assert.deepEqual([reading.bestResponse, reading.progressionDate], ["SD", null]);
      assert.equal(r.iResponses[2], "iUPD");
    });
  });

  describe("reference scenario 10: the 5 mm rule and early scans", () => {
    const BASE = `criteria irRECIST imRECIST RECIST1.1
therapy pembrolizumab from 2025-01-06 immunotherapy
baseline 2025-01-02 { T1 target liver 12 mm ; T2 target lung 10 mm }
scan 2025-03-03 { T1 10 mm ; T2 10 mm }`;

    it("day 112: 14 + 10 = 24: +20 % but +4 mm: irSD (imRECIST SD, RECIST SD)", () => {
      const r = run(`${BASE}\nscan 2025-04-28 { T1 14 mm ; T2 10 mm }`);
      assert.deepEqual([states(r, "irRECIST")[1], states(r, "imRECIST")[1], r.responses[1]], ["irSD", "SD", "SD"]);
    });

    it("15 + 10 = 25 (+25 %, +5 mm): irPD; 14 days later 26 neither confirms nor negates; 28 days after the irPD 24 (+4 mm) negates: irSD, irBOR irSD", () => {
      const r = run(`${BASE}\nscan 2025-04-28 { T1 15 mm ; T2 10 mm }\nscan 2025-05-12 { T1 16 mm ; T2 10 mm }\nscan 2025-05-26 { T1 14 mm ; T2 10 mm }`);
      assert.deepEqual(states(r, "irRECIST"), ["irSD", "irPD/negated", "irPD/negated", "irSD"]);
      assert.deepEqual([readingOf(r, "irRECIST").bestResponse, readingOf(r, "irRECIST").progressionDate], ["irSD", null]);
      // irRECIST is primary here: the progression diagnostic is its own, with its window.
      const progression = diagnosticsOf(r, "progression");
      assert.equal(progression.length, 1);
      assert.match(progression[0].message, /irPD \(irRECIST, unconfirmed\)\. A scan between 2025-05-26 and 2025-07-21 \(28-84 days, R29\)/);
    });
  });

  describe("R29 thresholds with new lesions in the sum, exact", () => {
    const BASE = `criteria irRECIST imRECIST
baseline 2025-01-02 { T1 target liver 30 mm ; T2 target lung 20 mm }
scan 2025-03-03 { T1 12 mm ; T2 8 mm }`;

    it("nadir 20: targets 15 + NL1 10 = 25 is +25 % and +5.0 mm: irPD; targets 14.9 + NL1 10 = 24.9 is +24.5 % but +4.9 mm: irSD", () => {
      const BASE = `criteria irRECIST imRECIST
baseline 2025-01-02 { T1 target liver 15 mm ; T2 target lung 10 mm }
scan 2025-03-03 { T1 12 mm ; T2 8 mm }`;
      const pd = run(`${BASE}\nscan 2025-04-28 { T1 8 mm ; T2 7 mm ; NL1 new liver 10 mm }`);
      assert.deepEqual([burdens(pd, "irRECIST")[1], states(pd, "irRECIST")[1], states(pd, "imRECIST")[1]], [250, "irPD/pending", "PD/pending"]);
      const sd = run(`${BASE}\nscan 2025-04-28 { T1 8 mm ; T2 6.9 mm ; NL1 new liver 10 mm }`);
      assert.deepEqual([burdens(sd, "irRECIST")[1], states(sd, "irRECIST")[1], states(sd, "imRECIST")[1]], [249, "irSD", "SD"]);
    });

    it("nadir 50: 60 (+20.0 %) is irPD, 59.9 (+19.8 %) is not; PR at <= 70 % of the baseline: 35 vs 35.1", () => {
      const base = `criteria irRECIST\nbaseline 2025-01-02 { T1 target liver 30 mm ; T2 target lung 20 mm }`;
      assert.equal(states(run(`${base}\nscan 2025-03-03 { T1 40 mm ; T2 20 mm }`), "irRECIST")[0], "irPD/pending");
      assert.equal(states(run(`${base}\nscan 2025-03-03 { T1 39.9 mm ; T2 20 mm }`), "irRECIST")[0], "irSD");
      assert.equal(states(run(`${base}\nscan 2025-03-03 { T1 20 mm ; T2 15 mm }`), "irRECIST")[0], "irPR");
      assert.equal(states(run(`${base}\nscan 2025-03-03 { T1 20 mm ; T2 15.1 mm }`), "irRECIST")[0], "irSD");
    });

    it("RECIST 1.1 measurability for new lesions: 10 mm (a node 15 mm short axis); `too small` never (Decision 3); the largest enters first", () => {
      const r = run(`${BASE}\nscan 2025-04-28 { T1 12 mm ; T2 8 mm ; NL1 new liver 9.9 mm ; NL2 new lung 10 mm ; NL3 new node 14.9 mm ; NL4 new node 20 x 15 mm ; NL5 new kidney too small }`);
      assert.equal(burdens(r, "irRECIST")[1], 200 + 100 + 150);
      assert.match(tps(r, "irRECIST")[1].saw, /in the burden: NL4, NL2; new non-measured: NL1, NL3, NL5/);
    });

    it("a new lesion becoming measurable later enters then; an equivocal one only once unequivocal (no back-dating)", () => {
      const r = run(`${BASE}
scan 2025-04-28 { T1 12 mm ; T2 8 mm ; NL1 new liver 8 mm ; NL2 new equivocal lung 12 mm }
scan 2025-05-26 { T1 12 mm ; T2 8 mm ; NL1 12 mm ; NL2 new equivocal 12 mm }
scan 2025-06-23 { T1 12 mm ; T2 8 mm ; NL1 12 mm ; NL2 12 mm }`);
      assert.deepEqual(burdens(r, "irRECIST"), [200, 200, 320, 440]);
    });

    it("caps (Decision): 5 new lesions in all, 2 per organ; the 6th and a 3rd in one organ stay out, new-lesion-cap", () => {
      const six = `${BASE}\nscan 2025-04-28 { T1 12 mm ; T2 8 mm ; NL1 new liver 15 mm ; NL2 new lung 14 mm ; NL3 new kidney 13 mm ; NL4 new spleen 12 mm ; NL5 new adrenal 11 mm ; NL6 new bone 10 mm }`;
      const a = run(six);
      assert.equal(burdens(a, "irRECIST")[1], 200 + 150 + 140 + 130 + 120 + 110);
      assert.deepEqual(diagnosticsOf(a, "new-lesion-cap").map((d) => d.message.split(" ")[0]), ["NL6", "NL6"], "one per criterion (irRECIST, imRECIST)");
      const organ = run(`${BASE}\nscan 2025-04-28 { T1 12 mm ; T2 8 mm ; NL1 new liver 15 mm ; NL2 new liver 14 mm ; NL3 new liver 13 mm }`);
      assert.equal(burdens(organ, "irRECIST")[1], 200 + 150 + 140);
      assert.match(diagnosticsOf(organ, "new-lesion-cap")[0].message, /^NL3 \(liver\) is a measurable new lesion, but irRECIST's places for new lesions are full \(5 in total, 2 per organ/);
    });
  });

  describe("R29 confirmation window 28-84 days", () => {
    const BASE = `criteria irRECIST
baseline 2025-01-02 { T1 target liver 30 mm ; T2 target lung 20 mm }
scan 2025-03-03 { T1 30 mm ; T2 20 mm }
scan 2025-04-28 { T1 40 mm ; T2 20 mm }`;

    it("27 days after the irPD: neither; 28 days: confirms", () => {
      assert.deepEqual(states(run(`${BASE}\nscan 2025-05-25 { T1 40 mm ; T2 20 mm }`), "irRECIST").slice(1), ["irPD/pending", "irPD/pending"]);
      assert.deepEqual(states(run(`${BASE}\nscan 2025-05-26 { T1 40 mm ; T2 20 mm }`), "irRECIST").slice(1), ["irPD/confirmed", "irPD/confirmed"]);
    });

    it("a first scan 84 days later is inside the window; 85 days later it still counts, with confirmation-window-missed", () => {
      const inside = run(`${BASE}\nscan 2025-07-21 { T1 40 mm ; T2 20 mm }`);
      assert.deepEqual([states(inside, "irRECIST")[2], diagnosticsOf(inside, "confirmation-window-missed").length], ["irPD/confirmed", 0]);
      const late = run(`${BASE}\nscan 2025-07-22 { T1 40 mm ; T2 20 mm }`);
      assert.equal(states(late, "irRECIST")[2], "irPD/confirmed");
      const missed = diagnosticsOf(late, "confirmation-window-missed");
      assert.equal(missed.length, 1);
      assert.match(missed[0].message, /came 85 days later \(irRECIST expects it 28-84 days after, R29\)/);
    });

    it("an NE scan leaves the run pending; confirmation-due names the window while it is open", () => {
      const r = run(`${BASE}\nscan 2025-05-26 { T1 40 mm ; T2 not evaluated }`);
      assert.deepEqual(states(r, "irRECIST").slice(1), ["irPD/pending", "NE"]);
      assert.match(diagnosticsOf(r, "confirmation-due")[0].message, /The irPD of 2025-04-28 under irRECIST awaits confirmation: a scan 2025-05-26 to 2025-07-21/);
    });
  });

  describe("R29 non-targets and new non-measured lesions", () => {
    const CASE = `baseline 2025-01-02 { T1 target liver 30 mm ; NT1 non-target bone present }
scan 2025-03-03 { T1 30 mm ; NT1 progressed }`;

    it("do not make irPD by default (setting irRECISTNonMeasurableProgression = no)", () => {
      assert.equal(states(run(`criteria irRECIST\n${CASE}`), "irRECIST")[0], "irSD");
    });

    it("make irPD with the setting = pd", () => {
      assert.equal(states(run(`criteria irRECIST\n${CASE}`, { irRECISTNonMeasurableProgression: "pd" }), "irRECIST")[0], "irPD/pending");
    });
  });

  describe("R8 response confirmation under irRECIST follows the file", () => {
    it("without `confirm responses` a PR needs none; with it, irPR is pending until >= 28 days later", () => {
      const body = `baseline 2025-01-02 { T1 target liver 30 mm }\nscan 2025-03-03 { T1 20 mm }`;
      assert.deepEqual(states(run(`criteria irRECIST\n${body}`), "irRECIST"), ["irPR"]);
      assert.deepEqual(states(run(`criteria irRECIST\nconfirm responses\n${body}`), "irRECIST"), ["irPR/pending"]);
    });
  });
});
