// Resistance to immune checkpoint inhibitors (R17-R24, Decisions 1, 2, 7, 8, 9, 16): the reference
// scenarios 5-9 of the rules exactly, every boundary (exposure 41/42 days, control 182/183 days,
// 84/85 days after the last dose, confirmation at 27/28 and 84/85 days), every unclassifiable
// reason, the JSON of P5, the readings and the settings.
import { strict as assert } from "assert";
import { run, Run, diagnosticsOf, covered, kase, TODAY } from "./caseBuilder";
import { analyze } from "../../../server/src/core/analyze";
import { resolveSettings } from "../../../server/src/core/settings";
import { resistanceJson } from "../../../server/src/core/engine/json";
import type { ResistanceResult } from "../../../server/src/core/engine/types";
import type { Settings } from "../../../server/src/core/settings";
import { atLeastMonths, monthsInDays } from "../../../server/src/core/engine/resistance/classify";

const PEMBRO = "therapy pembrolizumab from 2025-01-06 immunotherapy";
const BASE = "baseline 2025-01-02 CT { T1 target liver 40 mm }";
/** Scenario 5's scans before the progression: day 56 SD (38), day 119 SD (39); nadir 38. */
const SD_SCANS = "scan 2025-03-03 CT { T1 38 mm }\nscan 2025-05-05 CT { T1 39 mm }";

function scans(...pairs: Array<[string, string]>): string {
  return pairs.map(([date, lines]) => `scan ${date} CT { ${lines} }`).join("\n");
}

function resistanceOf(body: string, settings: Partial<Settings> = {}, episode = 0): { r: ResistanceResult; run: Run } {
  const result = run(body, settings, episode);
  const r = result.episode.resistance;
  if (!r) throw new Error("no resistance result");
  return { r, run: result };
}

/** The facts every result carries (Decision 16), in one comparable line. */
function facts(r: ResistanceResult): string {
  return [r.class, r.exposureDays, r.controlDays, r.bestResponse, r.progressionDate, r.confirmedBy, r.daysSinceLastDose, r.definition].join(" ");
}

describe("engine: resistance to immune checkpoint inhibitors (R17-R24)", () => {
  describe("scenario 5: primary vs secondary at 6 months (R18, R20, R21)", () => {
    it("5a: PD on day 182, confirmed 28 days later: primary resistance, control 182 days", () => {
      const { r, run: x } = resistanceOf(`as of 2025-09-01\n${PEMBRO}\n${BASE}\n${SD_SCANS}\n${scans(["2025-07-07", "T1 48 mm"], ["2025-08-04", "T1 52 mm"])}`);
      assert.equal(facts(r), "primary 182 182 SD 2025-07-07 2025-08-04  SITC 2020 single agent");
      assert.equal(r.text, "primary resistance");
      assert.equal(r.reading, "RECIST1.1");
      assert.deepEqual(resistanceJson(r), {
        class: "primary", text: "primary resistance", reason: "best response SD with disease control of 182 days (under 6 months)",
        exposureDays: 182, controlDays: 182, daysSinceLastDose: null, bestResponse: "SD", progressionDate: "2025-07-07", confirmedBy: "2025-08-04",
        reading: "RECIST1.1", definition: "SITC 2020 single agent",
      });
      const [d] = diagnosticsOf(x, "resistance-classified");
      assert.equal(d.message, "Primary resistance (SITC 2020 single agent, RECIST 1.1 reading): exposure 182 days; disease control 182 days; best response SD; progression 2025-07-07 confirmed by the scan of 2025-08-04; on treatment.");
      assert.equal(covered(x, d), PEMBRO);
      assert.equal(d.severity, "information");
    });

    it("5b: the same values one day later (PD day 183, confirmed 2025-08-05): secondary resistance", () => {
      const { r } = resistanceOf(`as of 2025-09-01\n${PEMBRO}\n${BASE}\n${SD_SCANS}\n${scans(["2025-07-08", "T1 48 mm"], ["2025-08-05", "T1 52 mm"])}`);
      assert.equal(facts(r), "secondary 183 183 SD 2025-07-08 2025-08-05  SITC 2020 single agent");
      assert.equal(r.text, "secondary (acquired) resistance");
    });

    it("the 6-month boundary in whole days: 182 is under 6 months, 183 is 6 months or more (16 x days against 487 x months)", () => {
      assert.deepEqual([atLeastMonths(182, 6), atLeastMonths(183, 6), monthsInDays(6)], [false, true, 183]);
      assert.deepEqual([atLeastMonths(121, 4), atLeastMonths(122, 4), monthsInDays(4)], [false, true, 122]);
    });
  });

  describe("scenario 6: the exposure boundary, 41 and 42 days (R20, R24 step 6)", () => {
    it("PD on day 41, confirmed: unclassifiable: exposure under 6 weeks", () => {
      const { r, run: x } = resistanceOf(`as of 2025-04-01\n${PEMBRO}\n${BASE}\n${scans(["2025-02-16", "T1 52 mm"], ["2025-03-16", "T1 55 mm"])}`);
      assert.equal(facts(r), "unclassifiable 41 41 PD 2025-02-16 2025-03-16  SITC 2020 single agent");
      assert.equal(r.text, "unclassifiable: exposure under 6 weeks");
      assert.match(diagnosticsOf(x, "resistance-unclassifiable")[0].message, /^Resistance unclassifiable: exposure under 6 weeks \(SITC 2020 single agent, RECIST 1\.1 reading\): exposure 41 days/);
    });

    it("PD on day 42, confirmed: primary resistance (best response PD)", () => {
      const { r } = resistanceOf(`as of 2025-04-01\n${PEMBRO}\n${BASE}\n${scans(["2025-02-17", "T1 52 mm"], ["2025-03-17", "T1 55 mm"])}`);
      assert.equal(facts(r), "primary 42 42 PD 2025-02-17 2025-03-17  SITC 2020 single agent");
    });
  });

  describe("scenario 7: an unconfirmed progression (R19, R24 step 4)", () => {
    const PD = `${PEMBRO}\n${BASE}\n${SD_SCANS}\nscan 2025-07-08 CT { T1 48 mm }`;

    it("as of 2025-08-01 (24 days after the PD): pending, confirmation due 2025-08-05 to 2025-09-30", () => {
      const { r, run: x } = resistanceOf(`as of 2025-08-01\n${PD}`);
      assert.equal(facts(r), "pending 183 183 SD 2025-07-08   SITC 2020 single agent");
      assert.equal(r.text, "pending: progression not yet confirmed");
      assert.deepEqual(r.confirmationDue, { from: "2025-08-05", to: "2025-09-30" });
      assert.deepEqual(resistanceJson(r)?.confirmationDue, { from: "2025-08-05", to: "2025-09-30" });
      const [d] = diagnosticsOf(x, "resistance-confirmation-due");
      assert.equal(d.message, "The progression of 2025-07-08 under pembrolizumab awaits confirmation for the resistance classification: a scan 2025-08-05 to 2025-09-30 (R19; exposure 183 days; disease control 183 days; best response SD; progression 2025-07-08; on treatment).");
      assert.deepEqual(d.data, { progressionDate: "2025-07-08", windowFrom: "2025-08-05", windowTo: "2025-09-30" });
    });

    it("a scan 21 days after the PD (55 mm) does not count: still pending", () => {
      const { r } = resistanceOf(`as of 2025-08-01\n${PD}\nscan 2025-07-29 CT { T1 55 mm }`);
      assert.equal(r.class, "pending");
    });

    it("as of 2025-09-30 (84 days) still pending; as of 2025-10-01 (85 days) unclassifiable: progression not confirmed", () => {
      assert.equal(resistanceOf(`as of 2025-09-30\n${PD}`).r.class, "pending");
      const { r, run: x } = resistanceOf(`as of 2025-10-01\n${PD}`);
      assert.equal(facts(r), "unclassifiable 183 183 SD 2025-07-08   SITC 2020 single agent");
      assert.equal(r.text, "unclassifiable: progression not confirmed");
      assert.equal(diagnosticsOf(x, "resistance-confirmation-due").length, 0);
      assert.equal(diagnosticsOf(x, "options-to-discuss").length, 0, "no options without a confirmed progression");
    });

    it("Decision 1: a 36 mm scan on 2025-08-05 negates the PD (the sticky RECIST column still says PD there): no resistance event", () => {
      const { r, run: x } = resistanceOf(`as of 2025-10-01\n${PD}\nscan 2025-08-05 CT { T1 36 mm }`);
      assert.equal(x.responses[3], "PD", "RECIST 1.1 after progression keeps the response column at PD");
      assert.equal(r.class, "none");
      assert.equal(r.text, "no resistance event: progression not confirmed at 2025-08-05");
      assert.equal(r.confirmedBy, null);
      // Decision 16: with a PD examined, its numbers are there.
      assert.deepEqual([r.exposureDays, r.controlDays, r.progressionDate], [183, 183, "2025-07-08"]);
      assert.equal(x.codes.filter((c) => c.startsWith("resistance")).length, 0, "none raises no diagnostic (R24)");
    });

    it("after a negated PD a later PD is checked afresh; the negated PD counts as its category without the threshold (SD)", () => {
      const { r } = resistanceOf(`as of 2025-12-01\n${PD}\n${scans(["2025-08-05", "T1 36 mm"], ["2025-10-06", "T1 50 mm"], ["2025-11-03", "T1 52 mm"])}`);
      assert.equal(facts(r), "secondary 273 273 SD 2025-10-06 2025-11-03  SITC 2020 single agent");
    });

    it("clinical deterioration at the PD scan and docetaxel from 2025-07-21, no scan between: secondary resistance (confirmed clinically)", () => {
      const { r, run: x } = resistanceOf(`as of 2025-10-01\n${PEMBRO}\ntherapy docetaxel from 2025-07-21 chemotherapy\n${BASE}\n${SD_SCANS}\nscan 2025-07-08 CT { T1 48 mm ; clinical deterioration }`);
      assert.equal(facts(r), "secondary 183 183 SD 2025-07-08 clinical  SITC 2020 single agent");
      assert.equal(r.text, "secondary (acquired) resistance (confirmed clinically)");
      assert.equal(resistanceJson(r)?.confirmedBy, "clinical");
      assert.match(diagnosticsOf(x, "resistance-classified")[0].message, /confirmed clinically/);
      assert.equal(x.analysis.assessment.patients[0].episodes[1].resistance?.class, "not-applicable");
    });

    it("the clinical exception also by hyperprogression (Decision 8): deterioration and Matos met at the first scan", () => {
      const { r } = resistanceOf(`as of 2025-04-01\n${PEMBRO}\n${BASE}\nscan 2025-02-25 CT { T1 60 mm ; ecog 2 }`.replace(BASE, "baseline 2025-01-02 CT { T1 target liver 40 mm ; ecog 0 }"));
      assert.equal(facts(r), "primary 50 50 PD 2025-02-25 clinical  SITC 2020 single agent");
    });

    it("deterioration alone, without a later line or hyperprogression, does not waive confirmation", () => {
      assert.equal(resistanceOf(`as of 2025-08-01\n${PD.replace("T1 48 mm }", "T1 48 mm ; clinical deterioration }")}`).r.class, "pending");
    });
  });

  describe("the confirmation window: 27/28 and 84/85 days (R19)", () => {
    const PD = `${PEMBRO}\n${BASE}\n${SD_SCANS}\nscan 2025-07-08 CT { T1 48 mm }`;
    const confirmAt = (date: string, settings: Partial<Settings> = {}) => resistanceOf(`as of 2025-12-31\n${PD}\nscan ${date} CT { T1 52 mm }`, settings);

    it("a scan 27 days after the PD does not confirm; 28 days does", () => {
      assert.equal(confirmAt("2025-08-04").r.class, "unclassifiable", "27 days: not counted, and no other scan by day 84");
      assert.equal(confirmAt("2025-08-04").r.confirmedBy, null);
      assert.equal(confirmAt("2025-08-05").r.confirmedBy, "2025-08-05");
    });

    it("84 days confirms; 85 days is after the window: unclassifiable, or counted with a warning when accepted", () => {
      assert.deepEqual([confirmAt("2025-09-30").r.class, confirmAt("2025-09-30").r.confirmedBy], ["secondary", "2025-09-30"]);
      const late = confirmAt("2025-10-01");
      assert.equal(late.r.text, "unclassifiable: progression not confirmed");
      assert.match(late.r.explanation.map((e) => e.text).join(" "), /\(2025-10-01\) came 85 days after it, after the 28-84-day window/);
      const accepted = confirmAt("2025-10-01", { resistanceLateConfirmation: "accept" });
      assert.deepEqual([accepted.r.class, accepted.r.confirmedBy], ["secondary", "2025-10-01"]);
      const [w] = diagnosticsOf(accepted.run, "resistance-confirmation-late");
      assert.equal(w.severity, "warning");
      assert.equal(covered(accepted.run, w), "2025-10-01");
    });

    it("the window is a setting (resistanceConfirmWindowDays)", () => {
      assert.equal(confirmAt("2025-08-04", { resistanceConfirmWindowDays: [21, 84] }).r.confirmedBy, "2025-08-04");
      assert.equal(confirmAt("2025-09-30", { resistanceConfirmWindowDays: [28, 56] }).r.class, "unclassifiable");
    });

    it("a scan whose response is NE neither confirms nor negates", () => {
      const body = `as of 2025-12-31\n${PEMBRO}\nbaseline 2025-01-02 CT { T1 target liver 40 mm ; T2 target lung 10 mm }\n${scans(["2025-03-03", "T1 38 mm ; T2 10 mm"], ["2025-07-08", "T1 50 mm ; T2 10 mm"], ["2025-08-05", "T1 40 mm ; T2 not evaluated"], ["2025-09-02", "T1 55 mm ; T2 12 mm"])}`;
      assert.equal(resistanceOf(body).r.confirmedBy, "2025-09-02");
    });
  });

  describe("scenario 8: after discontinuation, the 12-week boundary (R22)", () => {
    const STOPPED = "therapy pembrolizumab from 2025-01-06 to 2025-07-14 immunotherapy stopped toxicity";
    const BEFORE = scans(["2025-03-03", "T1 26 mm"], ["2025-05-05", "T1 24 mm"], ["2025-08-04", "T1 25 mm"]);

    it("8a: PD 84 days after the last dose, confirmed: secondary resistance, BOR PR, control 273 days, exposure 189", () => {
      const { r } = resistanceOf(`as of 2025-12-01\n${STOPPED}\n${BASE}\n${BEFORE}\n${scans(["2025-10-06", "T1 32 mm"], ["2025-11-03", "T1 35 mm"])}`);
      assert.equal(facts(r), "secondary 189 273 PR 2025-10-06 2025-11-03 84 SITC 2020 single agent");
      assert.equal(r.stopReason, "toxicity");
    });

    it("8b: PD 85 days after the last dose: progression after discontinuation, stop reason toxicity, BOR PR", () => {
      const { r, run: x } = resistanceOf(`as of 2025-12-01\n${STOPPED}\n${BASE}\n${BEFORE}\n${scans(["2025-10-07", "T1 32 mm"], ["2025-11-04", "T1 35 mm"])}`);
      assert.equal(facts(r), "after-discontinuation 189 274 PR 2025-10-07 2025-11-04 85 SITC 2020 single agent");
      assert.equal(r.text, "progression after discontinuation (more than 12 weeks after the last dose)");
      assert.match(r.reason, /85 days after the last dose \(more than 84\), stopped for toxicity, best response PR/);
      assert.equal(diagnosticsOf(x, "resistance-classified").length, 1);
      // R35: the finding says when, against the last dose; never "under" a line that had stopped.
      assert.match(diagnosticsOf(x, "options-to-discuss")[0].message, /^Confirmed progression on 2025-10-07, 85 days after the last dose of pembrolizumab \(confirmed by the scan of 2025-11-04; progression after discontinuation/);
    });
  });

  describe("scenario 9: ICI + chemotherapy (R23)", () => {
    const COMBO = `therapy "pembrolizumab + carboplatin + pemetrexed" from 2025-01-06 immunotherapy+chemotherapy`;
    const PR = scans(["2025-03-03", "T1 26 mm"], ["2025-05-05", "T1 24 mm"]);

    it("BOR PR, PD on day 182, no later scan: primary resistance, no confirmation needed", () => {
      const { r } = resistanceOf(`as of 2025-08-01\n${COMBO}\n${BASE}\n${PR}\nscan 2025-07-07 CT { T1 32 mm }`);
      assert.equal(facts(r), "primary 182 182 PR 2025-07-07   SITC 2023 ICI+chemotherapy");
      assert.equal(r.confirmationDue, null);
    });

    it("PD on day 183: secondary or late resistance", () => {
      const { r } = resistanceOf(`as of 2025-08-01\n${COMBO}\n${BASE}\n${PR}\nscan 2025-07-08 CT { T1 32 mm }`);
      assert.equal(facts(r), "secondary-or-late 183 183 PR 2025-07-08   SITC 2023 ICI+chemotherapy");
      assert.equal(r.text, "secondary or late resistance");
    });

    it("the same file as a single agent, PD 2025-07-07, no later scan: pending, then unclassifiable after 2025-09-29", () => {
      const single = `${PEMBRO}\n${BASE}\n${PR}\nscan 2025-07-07 CT { T1 32 mm }`;
      assert.equal(resistanceOf(`as of 2025-09-29\n${single}`).r.class, "pending");
      assert.equal(resistanceOf(`as of 2025-09-30\n${single}`).r.text, "unclassifiable: progression not confirmed");
    });

    it("rapidly progressing (deterioration at the PD, Decision 8): any exposure counts", () => {
      const { r } = resistanceOf(`as of 2025-04-01\n${COMBO}\n${BASE}\nscan 2025-02-05 CT { T1 50 mm ; clinical deterioration }`);
      assert.equal(facts(r), "primary 30 30 PD 2025-02-05   SITC 2023 ICI+chemotherapy");
      const slow = resistanceOf(`as of 2025-04-01\n${COMBO}\n${BASE}\nscan 2025-02-05 CT { T1 50 mm }`).r;
      assert.equal(slow.text, "unclassifiable: exposure under 6 weeks");
      // +50 % within 2 months: Matos hyperprogression (R12, the "auto" definition without a pre-treatment scan) is rapid too.
      assert.equal(resistanceOf(`as of 2025-04-01\n${COMBO}\n${BASE}\nscan 2025-02-05 CT { T1 60 mm }`).r.class, "primary");
    });
  });

  describe("every unclassifiable reason is its own (R24, Decision 7)", () => {
    const confirmedPd = `${BASE}\n${SD_SCANS}\n${scans(["2025-07-08", "T1 48 mm"], ["2025-08-05", "T1 52 mm"])}`;
    const reasons: Array<[string, string, Partial<Settings>?]> = [
      ["progression not confirmed", `as of 2025-10-01\n${PEMBRO}\n${BASE}\n${SD_SCANS}\nscan 2025-07-08 CT { T1 48 mm }`],
      ["exposure under 6 weeks", `as of 2025-04-01\n${PEMBRO}\n${BASE}\n${scans(["2025-02-16", "T1 52 mm"], ["2025-03-16", "T1 55 mm"])}`],
      ["last dose date missing", `as of 2025-09-01\ntherapy pembrolizumab from 2025-01-06 immunotherapy stopped toxicity\n${confirmedPd}`],
      ["rechallenge not covered", `as of 2025-12-31\ntherapy nivolumab from 2024-06-01 to 2024-09-01 immunotherapy stopped toxicity\n${PEMBRO}\n${confirmedPd}`],
      ["definitions for this combination not encoded (to verify)", `as of 2025-09-01\ntherapy ipilimumab+nivolumab from 2025-01-06 immunotherapy+immunotherapy\n${confirmedPd}`],
      ["no consensus definition after stopping", `as of 2025-09-01\ntherapy "pembrolizumab + carboplatin" from 2025-01-06 to 2025-06-01 immunotherapy+chemotherapy stopped completed\n${confirmedPd}`],
      ["disease control of 6 months or more with exposure under 6 months", `as of 2025-09-01\ntherapy pembrolizumab from 2025-01-06 to 2025-04-16 immunotherapy stopped toxicity\n${confirmedPd}`],
      ["exposure under 6 months with progression after 6 months", `as of 2025-09-01\ntherapy "pembrolizumab + carboplatin" from 2025-01-06 to 2025-06-05 immunotherapy+chemotherapy stopped toxicity\n${confirmedPd}`],
      ["response (PR) shorter than 6 months, not covered by SITC 2020 Table 1", `as of 2025-09-01\n${PEMBRO}\n${BASE}\n${scans(["2025-03-03", "T1 26 mm"], ["2025-05-05", "T1 27 mm"], ["2025-06-02", "T1 34 mm"], ["2025-06-30", "T1 36 mm"])}`, { resistanceShortResponse: "unclassifiable" }],
    ];
    for (const [reason, body, settings] of reasons) {
      it(reason, () => {
        const { r, run: x } = resistanceOf(body, settings ?? {}, body.includes("nivolumab from 2024") ? 1 : 0);
        assert.equal(r.class, "unclassifiable");
        assert.equal(r.reason, reason);
        assert.equal(r.text, `unclassifiable: ${reason}`);
        assert.equal(resistanceJson(r)?.reason, reason);
        const [d] = diagnosticsOf(x, "resistance-unclassifiable");
        assert.ok(d.message.startsWith(`Resistance unclassifiable: ${reason}`), d.message);
        assert.deepEqual(d.data, { reason });
        assert.notEqual(r.exposureDays, null, "a PD was examined: its numbers are there (Decision 16)");
      });
    }

    it("last dose date before the start (an invalid-date error): no exposure, no time since the last dose, never a negative number", () => {
      // The case has an error, so it is analysed directly (the builder refuses errors).
      const analysis = analyze(kase(`as of 2025-09-01\ntherapy pembrolizumab from 2025-01-06 to 2025-01-01 immunotherapy stopped choice\n${confirmedPd}`), { settings: resolveSettings({}), today: TODAY });
      const episode = analysis.assessment.patients[0].episodes[0];
      const r = episode.resistance!;
      assert.deepEqual([r.class, r.reason, r.exposureDays, r.daysSinceLastDose, r.controlDays, r.bestResponse, r.progressionDate], ["unclassifiable", "last dose date before the start", null, null, 183, "SD", "2025-07-08"]);
      assert.equal(analysis.diagnostics.find((d) => d.code === "resistance-unclassifiable")?.message, "Resistance unclassifiable: last dose date before the start (RECIST 1.1 reading): disease control 183 days; best response SD; progression 2025-07-08; time since the last dose not measured.");
      assert.deepEqual(analysis.diagnostics.filter((d) => d.severity === "error").map((d) => d.code), ["invalid-date"]);
      assert.equal(episode.complete, false, "the error marks the line's result incomplete");
    });

    it("the strict short-response reading keeps SD under 6 months primary", () => {
      const { r } = resistanceOf(`as of 2025-09-01\n${PEMBRO}\n${confirmedPd.replace("2025-07-08", "2025-07-07").replace("2025-08-05", "2025-08-04")}`, { resistanceShortResponse: "unclassifiable" });
      assert.equal(r.class, "primary");
    });

    it("a short PR is primary resistance by default (the JITC restatement)", () => {
      const { r } = resistanceOf(reasons[8][1]);
      assert.equal(facts(r), "primary 147 147 PR 2025-06-02 2025-06-30  SITC 2020 single agent");
    });

    it("last-dose-missing warns on the stop reason of an immunotherapy line", () => {
      const x = run(reasons[2][1]);
      const [d] = diagnosticsOf(x, "last-dose-missing");
      assert.equal(d.severity, "warning");
      assert.equal(covered(x, d), "toxicity");
    });

    it("ICI + ICI shows the single-agent reading for information only (R23)", () => {
      const { r, run: x } = resistanceOf(reasons[4][1]);
      assert.equal(r.singleAgentForInformation?.class, "secondary");
      assert.match(diagnosticsOf(x, "resistance-unclassifiable")[0].message, /For information, the single-agent definitions give: secondary \(acquired\) resistance\./);
      const targeted = resistanceOf(`as of 2025-09-01\ntherapy "pembrolizumab + lenvatinib" from 2025-01-06 immunotherapy+targeted\n${confirmedPd}`).r;
      assert.equal(targeted.reason, "definitions for this combination not encoded (to verify)");
    });
  });

  describe("what is not classified, and where the classification reads from", () => {
    it("not applicable: a chemotherapy line, or no therapy; nulls everywhere but the class (Decision 16)", () => {
      const { r, run: x } = resistanceOf(`therapy docetaxel from 2025-01-06 chemotherapy\n${BASE}\n${SD_SCANS}`);
      assert.deepEqual(resistanceJson(r), {
        class: "not-applicable", text: "not applicable: no immune checkpoint inhibitor therapy", reason: "no immune checkpoint inhibitor therapy",
        exposureDays: null, controlDays: null, daysSinceLastDose: null, bestResponse: null, progressionDate: null, confirmedBy: null, reading: "RECIST1.1", definition: null,
      });
      assert.equal(x.codes.filter((c) => c.startsWith("resistance")).length, 0);
      assert.equal(resistanceOf(`${BASE}\n${SD_SCANS}`).r.class, "not-applicable");
    });

    it("none: no PD, as of the judged date; nulls only for the numbers of a PD", () => {
      const { r } = resistanceOf(`as of 2025-06-01\n${PEMBRO}\n${BASE}\n${SD_SCANS}`);
      assert.deepEqual([r.class, r.text, r.reason, r.exposureDays, r.controlDays, r.progressionDate], ["none", "no resistance event", "no progression as of 2025-06-01", null, null, null]);
    });

    it("Decision 2: a radiotherapy line does not end the immunotherapy line's exposure; its scans are read with it", () => {
      const body = `as of 2025-09-01\n${PEMBRO}\ntherapy SBRT from 2025-04-01 radiotherapy\n${BASE}\n${SD_SCANS}\n${scans(["2025-07-08", "T1 48 mm"], ["2025-08-05", "T1 52 mm"])}`;
      const first = resistanceOf(body);
      assert.equal(first.run.episode.timepoints.length, 1, "the episodes of R15 are unchanged");
      assert.equal(facts(first.r), "secondary 183 183 SD 2025-07-08 2025-08-05  SITC 2020 single agent");
      assert.match(first.r.explanation.map((e) => e.text).join(" "), /Scans read through SBRT from 2025-04-01/);
      assert.equal(resistanceOf(body, {}, 1).r.class, "not-applicable");
    });

    it("Decision 7: a best response of NON-CR/NON-PD counts as SD", () => {
      const nt = (pd: string, confirm: string) => `as of 2025-12-01\n${PEMBRO}\nbaseline 2025-01-02 CT { NT1 non-target bone present }\n${scans(["2025-03-03", "NT1 present"], [pd, "NT1 progressed"], [confirm, "NT1 progressed"])}`;
      assert.equal(facts(resistanceOf(nt("2025-07-07", "2025-08-04")).r), "primary 182 182 NON-CR/NON-PD 2025-07-07 2025-08-04  SITC 2020 single agent");
      assert.equal(resistanceOf(nt("2025-07-08", "2025-08-05")).r.class, "secondary");
    });
  });

  describe("readings and settings (R17, R18, Decision 9)", () => {
    const GROWTH = (second: string) => `as of 2025-08-20\ncriteria iRECIST\n${PEMBRO}\n${BASE}\n${SD_SCANS}\n${scans(["2025-07-08", "T1 48 mm"], ["2025-08-05", `T1 ${second}`])}`;

    it("the default reading is RECIST 1.1 even for an iRECIST patient; iRECIST's own confirmation needs +5 mm (iCPD)", () => {
      assert.equal(resistanceOf(GROWTH("52 mm")).r.class, "secondary", "RECIST 1.1: 52 mm again PD against the nadir of 38 mm");
      const i = resistanceOf(GROWTH("52 mm"), { resistanceReading: "iRECIST" }).r;
      assert.deepEqual([i.class, i.reading], ["pending", "iRECIST"], "iRECIST: +4 mm from the first iUPD is no iCPD yet");
      const c = resistanceOf(GROWTH("54 mm"), { resistanceReading: "primary" }).r;
      assert.deepEqual([c.class, c.reading, c.confirmedBy, c.progressionDate], ["secondary", "iRECIST", "2025-08-05", "2025-07-08"]);
    });

    it("resistanceControlMonths moves every 6 months (4 months: 122 days)", () => {
      const at = (pd: string, confirm: string) => resistanceOf(`as of 2025-12-01\n${PEMBRO}\n${BASE}\n${scans(["2025-03-03", "T1 38 mm"], [pd, "T1 48 mm"], [confirm, "T1 52 mm"])}`, { resistanceControlMonths: 4 }).r;
      assert.equal(at("2025-05-07", "2025-06-04").class, "primary", "121 days");
      assert.equal(at("2025-05-08", "2025-06-05").class, "secondary", "122 days");
    });

    it("resistanceControlFrom = response counts disease control from the first response", () => {
      const body = `as of 2025-12-01\n${PEMBRO}\n${BASE}\n${scans(["2025-03-03", "T1 26 mm"], ["2025-05-05", "T1 24 mm"], ["2025-08-04", "T1 32 mm"], ["2025-09-01", "T1 35 mm"])}`;
      assert.deepEqual([resistanceOf(body).r.controlDays, resistanceOf(body).r.class], [210, "secondary"]);
      const fromResponse = resistanceOf(body, { resistanceControlFrom: "response" }).r;
      assert.deepEqual([fromResponse.controlDays, fromResponse.class], [154, "primary"]);
    });

    it("the readings of the registry (Decision 9): RECIST 1.1, iRECIST, irRC, irRECIST and imRECIST are all accepted; 'primary' follows the first criteria name", () => {
      for (const id of ["RECIST1.1", "iRECIST", "irRC", "irRECIST", "imRECIST"] as const) assert.equal(resolveSettings({ resistanceReading: id }).resistanceReading, id);
      assert.equal(resolveSettings({ resistanceReading: "irrc" as never }).resistanceReading, "RECIST1.1", "ids as the registry spells them");
      const body = `as of 2025-12-01\ncriteria imRECIST irRC\n${PEMBRO}\n${BASE}\n${SD_SCANS}\n${scans(["2025-07-08", "T1 48 mm"], ["2025-08-05", "T1 52 mm"])}`;
      assert.equal(resistanceOf(body, { resistanceReading: "primary" }).r.reading, "imRECIST");
    });
  });

  describe("readings of the registry's immune-related criteria (Decision 9, R25-R30)", () => {
    // Reference scenario 2: irRC's products; RECIST 1.1 sees no progression at all.
    const S2 = (confirm: string) => `as of 2025-12-31\n${PEMBRO}\nbaseline 2025-01-02 CT { T1 target liver 30 x 20 mm ; T2 target lung 20 x 10 mm }\n${scans(
      ["2025-03-03", "T1 20 x 15 mm ; T2 10 x 10 mm"], ["2025-03-31", "T1 20 x 15 mm ; T2 10 x 10 mm"], ["2025-05-26", "T1 20 x 20 mm ; T2 10 x 10 mm"], [confirm, "T1 21 x 20 mm ; T2 10 x 10 mm"])}`;

    it("scenario 2 read by irRC: irPD 2025-05-26 (SPD 500, +25 % of 400) confirmed 2025-06-23, irBOR irPR (confirmed, R28): primary resistance (a short response)", () => {
      assert.equal(resistanceOf(S2("2025-06-23")).r.class, "none", "RECIST 1.1: no progression (SOD 31, +1 mm)");
      const { r, run: x } = resistanceOf(S2("2025-06-23"), { resistanceReading: "irRC" });
      assert.equal(facts(r), "primary 140 140 PR 2025-05-26 2025-06-23  SITC 2020 single agent");
      assert.equal(r.reading, "irRC");
      assert.match(diagnosticsOf(x, "resistance-classified")[0].message, /^Primary resistance \(SITC 2020 single agent, irRC reading\): exposure 140 days/);
      assert.ok(r.explanation.some((e) => e.rule === "R19" && /irPD of 2025-05-26 confirmed by the scan of 2025-06-23, 28 days later/.test(e.text)), JSON.stringify(r.explanation));
      // The patient need not read irRC: the reading is made for the classification alone, and the patient's own readings are untouched.
      assert.equal(x.episode.readings?.irRC, undefined);
    });

    it("irRC confirms with no upper bound (R28), but R19's 84 days still bound the wait: 85 days is unclassifiable, or counted with a warning when accepted", () => {
      const late = S2("2025-08-19");
      assert.equal(resistanceOf(late, { resistanceReading: "irRC" }).r.text, "unclassifiable: progression not confirmed");
      const accepted = resistanceOf(late, { resistanceReading: "irRC", resistanceLateConfirmation: "accept" });
      assert.deepEqual([accepted.r.class, accepted.r.confirmedBy], ["primary", "2025-08-19"]);
      assert.equal(diagnosticsOf(accepted.run, "resistance-confirmation-late").length, 1);
    });

    // Reference scenario 3: a new lesion enters the sum of imRECIST and irRECIST.
    const S3 = (last: string) => `as of 2025-12-31\n${PEMBRO}\nbaseline 2025-01-02 CT { T1 target liver 35 mm ; T2 target lung 25 mm }\n${scans(
      ["2025-03-03", "T1 30 mm ; T2 20 mm"], ["2025-04-28", "T1 30 mm ; T2 20 mm ; NL1 new liver 10 mm"], ["2025-05-26", last])}`;

    it("scenario 3a read by imRECIST and irRECIST: PD 2025-04-28 (sum 60, +20 % and +10 mm with NL1) confirmed 2025-05-26: primary resistance, BOR SD", () => {
      for (const reading of ["imRECIST", "irRECIST"] as const) {
        const { r } = resistanceOf(S3("T1 30 mm ; T2 20 mm ; NL1 10 mm"), { resistanceReading: reading });
        assert.equal(facts(r), "primary 112 112 SD 2025-04-28 2025-05-26  SITC 2020 single agent", reading);
      }
    });

    it("scenario 3b: imRECIST's run negated at 2025-05-26 (sum 52): no resistance event, while RECIST 1.1 afresh confirms by the new lesion", () => {
      const body = S3("T1 26 mm ; T2 18 mm ; NL1 8 mm");
      const im = resistanceOf(body, { resistanceReading: "imRECIST" }).r;
      assert.deepEqual([im.class, im.text, im.bestResponse], ["none", "no resistance event: progression not confirmed at 2025-05-26", "SD"]);
      assert.equal(resistanceOf(body).r.class, "primary", "RECIST 1.1: NL1 still present confirms (R19, Decision 1)");
    });

    it("scenario 10 read by irRECIST: irPD 2025-04-28 (+5 mm), a scan 14 days later does not count, 24 mm 28 days later negates it", () => {
      const body = `as of 2025-12-31\n${PEMBRO}\nbaseline 2025-01-02 CT { T1 target liver 12 mm ; T2 target lung 10 mm }\n${scans(
        ["2025-03-03", "T1 10 mm ; T2 10 mm"], ["2025-04-28", "T1 15 mm ; T2 10 mm"], ["2025-05-12", "T1 16 mm ; T2 10 mm"], ["2025-05-26", "T1 14 mm ; T2 10 mm"])}`;
      const r = resistanceOf(body, { resistanceReading: "irRECIST" }).r;
      assert.deepEqual([r.class, r.reason, r.progressionDate, r.bestResponse], ["none", "progression not confirmed at 2025-05-26", "2025-04-28", "SD"]);
      const open = resistanceOf(body.replace(/\nscan 2025-05-26[^\n]*/, "").replace("as of 2025-12-31", "as of 2025-05-20"), { resistanceReading: "irRECIST" }).r;
      assert.deepEqual([open.class, open.confirmationDue], ["pending", { from: "2025-05-26", to: "2025-07-21" }]);
    });
  });

  describe("options to discuss at a confirmed progression (R35)", () => {
    const confirmed = (therapy: string, extra = "", pd = "2025-07-08", confirm = "2025-08-05") =>
      `as of 2025-12-01\ncancer melanoma\n${therapy}\nbaseline 2025-01-02 CT { T1 target liver 40 mm ; T2 target lung 10 mm }\n${scans(["2025-03-03", "T1 38 mm ; T2 10 mm"], ["2025-05-05", "T1 39 mm ; T2 10 mm"], [pd, "T1 48 mm ; T2 10 mm"], [confirm, "T1 52 mm ; T2 10 mm"])}\n${extra}`;

    it("secondary resistance: chemotherapy, re-challenge or combination, local treatment (oligoprogression), a trial; each with what brought it up", () => {
      const { r, run: x } = resistanceOf(confirmed(PEMBRO));
      assert.deepEqual(r.options.map((o) => o.kind), ["chemotherapy", "rechallenge", "local", "trial"]);
      assert.deepEqual(r.options.map((o) => o.because), [
        "confirmed progression under pembrolizumab on 2025-07-08 (confirmed by the scan of 2025-08-05; secondary (acquired) resistance)",
        "secondary (acquired) resistance",
        "oligoprogression at 2025-07-08: T1 38 mm -> 48 mm (R14)",
        "confirmed progression under pembrolizumab on 2025-07-08 (confirmed by the scan of 2025-08-05; secondary (acquired) resistance)",
      ]);
      assert.deepEqual(r.notBroughtUp, ["targeted therapy: no actionable variant is recorded (R34: a built-in example, or tier I or II as reported)"]);
      const [d] = diagnosticsOf(x, "options-to-discuss");
      assert.equal(d.message, "Confirmed progression under pembrolizumab on 2025-07-08 (confirmed by the scan of 2025-08-05; secondary (acquired) resistance). Information, options to discuss with the treating team: next-line chemotherapy (brought up by: the confirmed progression); re-challenge with an immune checkpoint inhibitor, or a combination (for example with radiation) (brought up by: secondary (acquired) resistance); local treatment of the growing sites (surgery or focused radiation) (brought up by: oligoprogression at 2025-07-08: T1 38 mm -> 48 mm (R14)); a clinical trial (brought up by: the confirmed progression); in no order of preference. Source: the disease's ESMO or NCCN guideline for treatment after immunotherapy; SITC Immunotherapy Resistance Taskforce (2020, 2023) on rechallenge and combination after resistance; common clinical practice for oligoprogression (R14); ESMO and NCCN guidelines (clinical trial participation at any line).");
      assert.equal(covered(x, d), PEMBRO);
    });

    it("no re-challenge after primary resistance or a stop for toxicity; the hover says why", () => {
      const primary = resistanceOf(confirmed(PEMBRO, "", "2025-07-07", "2025-08-04")).r;
      assert.ok(!primary.options.some((o) => o.kind === "rechallenge"));
      assert.ok(primary.notBroughtUp.includes("re-challenge or combination: the resistance is primary"));
      const toxic = resistanceOf(confirmed("therapy pembrolizumab from 2025-01-06 to 2025-07-20 immunotherapy stopped toxicity")).r;
      assert.equal(toxic.class, "secondary");
      assert.ok(toxic.notBroughtUp.includes("re-challenge or combination: pembrolizumab stopped for toxicity"));
    });

    it("targeted therapy from a built-in example or a tier I/II variant as reported; none from tier III", () => {
      const biopsy = (line: string) => `biopsy 2025-08-10 liver { ${line} }`;
      const braf = resistanceOf(confirmed(PEMBRO, biopsy("variant BRAF V600E tier I"))).r;
      assert.deepEqual(braf.options.filter((o) => o.kind === "targeted").map((o) => [o.option, o.because, o.source]), [[
        "targeted therapy (BRAF/MEK inhibition) is an approved option for BRAF V600-mutant melanoma", "BRAF V600E, biopsy 2025-08-10 liver, tier I", "FDA/EMA approvals of BRAF/MEK inhibitors",
      ]]);
      const nras = resistanceOf(confirmed(PEMBRO, biopsy("variant NRAS Q61K tier escat II-B"))).r;
      assert.deepEqual(nras.options.filter((o) => o.kind === "targeted").map((o) => [o.option, o.source]), [["targeted therapy matched to NRAS Q61K", "the laboratory's report (ESCAT tier II-B, R34)"]]);
      assert.equal(resistanceOf(confirmed(PEMBRO, biopsy("variant TP53 R273H tier III"))).r.options.filter((o) => o.kind === "targeted").length, 0);
    });

    it("the same option brought up by two biopsies is one item naming both facts (R35: no option twice)", () => {
      const two = `biopsy 2025-01-03 skin { variant BRAF V600E tier I }\nbiopsy 2025-08-10 liver { variant BRAF V600K tier I }`;
      const targeted = resistanceOf(confirmed(PEMBRO, two)).r.options.filter((o) => o.kind === "targeted");
      assert.deepEqual(targeted.map((o) => o.because), ["BRAF V600E, biopsy 2025-01-03 skin, tier I; BRAF V600K, biopsy 2025-08-10 liver, tier I"]);
    });

    it("no options while pending, after a negated progression, or for a line that is not immunotherapy", () => {
      assert.equal(resistanceOf(`as of 2025-08-01\n${PEMBRO}\n${BASE}\n${SD_SCANS}\nscan 2025-07-08 CT { T1 48 mm }`).r.options.length, 0);
      assert.equal(resistanceOf(`as of 2025-10-01\n${PEMBRO}\n${BASE}\n${SD_SCANS}\n${scans(["2025-07-08", "T1 48 mm"], ["2025-08-05", "T1 36 mm"])}`).r.options.length, 0);
      const chemo = run(`therapy docetaxel from 2025-01-06 chemotherapy\n${BASE}\n${SD_SCANS}\n${scans(["2025-07-08", "T1 48 mm"], ["2025-08-05", "T1 52 mm"])}`);
      assert.equal(diagnosticsOf(chemo, "options-to-discuss").length, 0);
    });
  });
});
