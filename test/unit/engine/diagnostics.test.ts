// Clinical diagnostics: the spec's codes, messages with the numbers and the next step, ranges on
// the scan's date token (or the lesion / ctDNA line) and quick-fix facts in `data`.
import { strict as assert } from "assert";
import { run, series, addDays, diagnosticsOf, covered } from "./caseBuilder";

const B = "2025-01-02";

describe("engine: clinical diagnostics", () => {
  it("progression (R10): the spec's iUPD message, on the scan date, with the window in data", () => {
    const r = run(`criteria iRECIST\nbaseline ${B} { T1 target liver 55 mm }\nscan 2025-03-01 { T1 50 mm }\nscan 2025-04-26 { T1 60 mm }`);
    const [d] = diagnosticsOf(r, "progression");
    // R35: information, not advice ("Confirm with a scan" became the window itself).
    assert.equal(d.message, "Sum 60 mm is +20.0 % (+10 mm) from the nadir of 50 mm (2025-03-01): iUPD. Confirmation window 2025-05-24 to 2025-06-21 (28-56 days after this iUPD, R10).");
    assert.equal(d.severity, "warning");
    assert.equal(covered(r, d), "2025-04-26");
    assert.deepEqual(d.data, { iupdDate: "2025-04-26", windowFrom: "2025-05-24", windowTo: "2025-06-21" });
  });

  it("progression (R3, R7): RECIST PD names its causes, once per episode", () => {
    const r = run(`baseline ${B} { T1 target liver 50 mm ; NT1 non-target bone present }\nscan 2025-03-01 { T1 60 mm ; NT1 progressed ; NL1 new lung 11 mm }\nscan 2025-04-26 { T1 70 mm ; NT1 progressed ; NL1 15 mm }`);
    const d = diagnosticsOf(r, "progression");
    assert.equal(d.length, 1);
    assert.equal(d[0].message, "Sum 60 mm is +20.0 % (+10 mm) from the nadir of 50 mm (2025-01-02); NT1 progressed (non-target); New lesion NL1 (lung): PD.");
  });

  it("near-progression (R3): at or above the margin (default +15 %) below PD, with the PD threshold", () => {
    const at = (v: string) => run(`baseline ${B} { T1 target liver 50 mm }\n${series("2025-03-01", 56, [v])}`);
    assert.equal(diagnosticsOf(at("57 mm"), "near-progression").length, 0);
    const [d] = diagnosticsOf(at("57.5 mm"), "near-progression");
    assert.equal(d.message, "Sum 57.5 mm is +15.0 % (+7.5 mm) from the nadir of 50 mm (2025-01-02): close to PD, which starts at 60 mm.");
    assert.equal(diagnosticsOf(at("60 mm"), "near-progression").length, 0);
    assert.equal(diagnosticsOf(run(`baseline ${B} { T1 target liver 50 mm }\n${series("2025-03-01", 56, ["57.5 mm"])}`, { nearProgressionMargin: 16 }), "near-progression").length, 0);
    // +20 % but only +4 mm: not PD, near it.
    assert.match(diagnosticsOf(run(`baseline ${B} { T1 target liver 20 mm }\n${series("2025-03-01", 56, ["24 mm"])}`), "near-progression")[0].message, /PD, which starts at 25 mm/);
  });

  it("confirmed-progression (R10) gives the reasons and the date of progression", () => {
    const r = run(`criteria iRECIST\nbaseline ${B} { T1 target liver 50 mm }\n${series("2025-03-01", 35, ["60 mm", "66 mm"])}`);
    const [d] = diagnosticsOf(r, "confirmed-progression");
    assert.match(d.message, /^iCPD confirmed: target sum 66 mm is \+6 mm from 60 mm at the first iUPD \(>= \+5 mm\), compared with the first iUPD \(2025-03-01\)\. Progression dated 2025-03-01/);
    assert.equal(covered(r, d), "2025-04-05");
  });

  it("follow-up-overdue (R13): due one interval after the last scan, overdue after the grace days; the file's as-of wins", () => {
    const body = (asOf: string) => `schedule every 8 weeks\nas of ${asOf}\nbaseline ${B} { T1 target liver 50 mm }\nscan 2025-03-01 { T1 45 mm }`;
    const due = addDays("2025-03-01", 56);
    assert.equal(run(body(addDays(due, 14))).episode.nextDue, due);
    assert.equal(diagnosticsOf(run(body(addDays(due, 14))), "follow-up-overdue").length, 0);
    const r = run(body(addDays(due, 15)));
    const [d] = diagnosticsOf(r, "follow-up-overdue");
    assert.equal(d.message, `Next assessment was due on ${due} (every 56 days after the scan of 2025-03-01); as of ${addDays(due, 15)} it is 15 days overdue (grace 14 days).`);
    assert.equal(covered(r, d), "2025-03-01");
    assert.equal(diagnosticsOf(run(body(addDays(due, 15)), { followUpGraceDays: 20 }), "follow-up-overdue").length, 0);
    // settings.asOfDate applies when the file has none; the file's own `as of` wins over it.
    const noAsOf = `schedule every 8 weeks\nbaseline ${B} { T1 target liver 50 mm }\nscan 2025-03-01 { T1 45 mm }`;
    assert.equal(diagnosticsOf(run(noAsOf, { asOfDate: addDays(due, 15) }), "follow-up-overdue").length, 1);
    assert.equal(diagnosticsOf(run(noAsOf, { asOfDate: addDays(due, 1) }), "follow-up-overdue").length, 0);
    assert.equal(diagnosticsOf(run(body(addDays(due, 1)), { asOfDate: "2029-01-01" }), "follow-up-overdue").length, 0);
  });

  it("response-unconfirmed (R8): a PR needing confirmation, due >= 28 days later", () => {
    const r = run(`confirm responses\nbaseline ${B} { T1 target liver 50 mm }\nscan 2025-03-01 { T1 30 mm }`);
    const [d] = diagnosticsOf(r, "response-unconfirmed");
    assert.equal(d.message, "PR of 2025-03-01 is not confirmed yet: confirmation needs a PR or CR on a scan on or after 2025-03-29 (>= 28 days, R8).");
    assert.deepEqual(d.data, { responseDate: "2025-03-01", confirmFrom: "2025-03-29" });
    assert.equal(diagnosticsOf(run(`baseline ${B} { T1 target liver 50 mm }\nscan 2025-03-01 { T1 30 mm }`), "response-unconfirmed").length, 0);
  });

  it("clinical-deterioration (R10): deterioration or a worse ECOG at or after an iUPD, on that line", () => {
    const r = run(`criteria iRECIST\nbaseline ${B} { T1 target liver 50 mm ; ecog 0 }\nscan 2025-03-01 { T1 60 mm ; ecog 0 }\nscan 2025-04-05 { T1 62 mm ; ecog 2 }`);
    const [d] = diagnosticsOf(r, "clinical-deterioration");
    assert.match(d.message, /^ECOG 2, worse than 0 at baseline at or after the iUPD of 2025-03-01/);
    assert.equal(covered(r, d), "ecog 2");
    assert.equal(diagnosticsOf(run(`criteria iRECIST\nbaseline ${B} { T1 target liver 50 mm }\nscan 2025-03-01 { T1 45 mm ; clinical deterioration }`), "clinical-deterioration").length, 0);
  });

  it("oligoprogression (R14): progression confined to a few lesions while the others hold", () => {
    const body = `baseline ${B} { T1 target liver 50 mm ; T2 target lung 40 mm ; T3 target adrenal 30 mm }\nscan 2025-03-01 { T1 25 mm ; T2 20 mm ; T3 15 mm }\nscan 2025-04-26 { T1 40 mm ; T2 20 mm ; T3 15 mm }`;
    const [d] = diagnosticsOf(run(body), "oligoprogression");
    // R35: the finding and its source, then the option as information, then where it comes from.
    assert.equal(d.message, "Progression at the scan of 2025-04-26 confined to 1 lesion (T1 25 mm -> 40 mm) while T2, T3 are stable or responding. Information, options to discuss with the treating team: local treatment of the growing sites (surgery or focused radiation). Source: common clinical practice for oligoprogression (R14).");
    assert.equal(diagnosticsOf(run(body, { oligoprogressionMaxLesions: 3 }), "oligoprogression").length, 1);
    const all = `baseline ${B} { T1 target liver 50 mm ; T2 target lung 40 mm }\nscan 2025-03-01 { T1 70 mm ; T2 60 mm }`;
    assert.equal(diagnosticsOf(run(all), "oligoprogression").length, 0);
  });

  it("ctdna-supports-* (R11) point at the latest sample compared and name the samples", () => {
    const r = run(`criteria iRECIST\ntherapy p from ${B} immunotherapy\nbaseline ${B} { T1 target liver 50 mm }\nscan 2025-03-01 { T1 60 mm }\nctdna ${B} vaf 1.0 %\nctdna 2025-02-20 vaf 1.5 %`);
    const [d] = diagnosticsOf(r, "ctdna-supports-progression");
    assert.equal(covered(r, d), "ctdna 2025-02-20 vaf 1.5 %");
    // data names the progression scan too: one reading per scan (issue 10 item 4).
    assert.deepEqual(d.data, { samples: [B, "2025-02-20"], scanDate: "2025-03-01" });
    // R11 amended: one reading, from the profile when computable; the message names the samples compared.
    assert.match(d.message, /1 % VAF \(2025-01-02\) -> 1\.5 % VAF \(2025-02-20\), day 49 of treatment: 1\.5-fold increase .*unfavourable profile with a stable or rising level .*Samples compared: 2025-01-02, 2025-02-20\./);
    assert.equal(diagnosticsOf(r, "ctdna-supports-pseudoprogression").length + diagnosticsOf(r, "ctdna-inconclusive").length, 0);
  });

  it("R11 a baseline sample taken after the start (up to 14 days) stands in, flagged; an undetectable one is favourable", () => {
    const late = run(`criteria iRECIST\ntherapy p from ${B} immunotherapy\nbaseline ${B} { T1 target liver 50 mm }\nscan 2025-03-01 { T1 60 mm }\nctdna 2025-01-16 vaf 1.0 %\nctdna 2025-02-20 vaf 0.05 %`);
    assert.match(late.episode.ctdna?.detail ?? "", /taken after the start: flagged/);
    assert.equal(late.episode.ctdna?.profile, "favourable");
    const tooLate = run(`criteria iRECIST\ntherapy p from ${B} immunotherapy\nbaseline ${B} { T1 target liver 50 mm }\nscan 2025-03-01 { T1 60 mm }\nctdna 2025-01-17 vaf 1.0 %\nctdna 2025-02-20 vaf 0.05 %`);
    assert.equal(tooLate.episode.ctdna?.profile, "unknown");
    const undetected = run(`criteria iRECIST\ntherapy p from ${B} immunotherapy\nbaseline ${B} { T1 target liver 50 mm }\nscan 2025-03-01 { T1 60 mm }\nctdna ${B} undetected`);
    assert.equal(undetected.episode.ctdna?.profile, "favourable");
  });

  it("R11 the fold threshold is a setting: a 10-fold fall is not > 10-fold (unfavourable but falling: inconclusive), but is > 5-fold", () => {
    const body = `criteria iRECIST\ntherapy p from ${B} immunotherapy\nbaseline ${B} { T1 target liver 50 mm }\nscan 2025-03-20 { T1 60 mm }\nctdna ${B} vaf 2.0 %\nctdna 2025-03-15 vaf 0.2 %`;
    // R11 amended: a computable profile that is not favourable is unfavourable; falling, it reads inconclusive.
    assert.deepEqual([run(body).episode.ctdna?.profile, run(body).episode.ctdna?.reading], ["unfavourable", "inconclusive"]);
    assert.deepEqual(diagnosticsOf(run(body), "ctdna-inconclusive").length, 1);
    assert.equal(run(body, { ctdnaFoldThreshold: 5 }).episode.ctdna?.profile, "favourable");
  });
});

describe("engine: one reading per fact (issue 10 item 4)", () => {
  const ct = (samples: string, scan = "2025-03-20") => `criteria iRECIST\ntherapy p from ${B} immunotherapy\nbaseline ${B} { T1 target liver 50 mm }\nscan ${scan} { T1 60 mm }\n${samples}`;
  const readings = (r: ReturnType<typeof run>) => r.codes.filter((c) => c.startsWith("ctdna-"));
  it("R11 (1) a computable profile decides: favourable wins over a rising trend (pseudo-progression only)", () => {
    // The 12-week sample (day 49) fell 20-fold; the trend to a later sample (day 98) rises.
    const r = run(ct(`ctdna ${B} vaf 2.0 %\nctdna 2025-02-20 vaf 0.1 %\nctdna 2025-04-10 vaf 0.5 %`, "2025-04-20"));
    assert.deepEqual(readings(r), ["ctdna-supports-pseudoprogression"]);
    assert.equal(r.episode.ctdna?.trend, "rising");
  });
  it("R11 (1) unfavourable with a stable (equal) or rising level supports true progression", () => {
    assert.deepEqual(readings(run(ct(`ctdna ${B} vaf 2.0 %\nctdna 2025-02-20 vaf 2.0 %`))), ["ctdna-supports-progression"]);
    assert.deepEqual(readings(run(ct(`ctdna ${B} vaf 2.0 %\nctdna 2025-02-20 vaf 2.1 %`))), ["ctdna-supports-progression"]);
  });
  it("R11 (2) unfavourable but falling (1.9 %: any fall up to 10-fold) is inconclusive, one diagnostic naming both facts and the samples", () => {
    const r = run(ct(`ctdna ${B} vaf 2.0 %\nctdna 2025-02-20 vaf 1.9 %`));
    assert.deepEqual(readings(r), ["ctdna-inconclusive"]);
    const [d] = diagnosticsOf(r, "ctdna-inconclusive");
    assert.equal(d.severity, "information");
    assert.match(d.message, /the profile is unfavourable \(not a > 10-fold fall\), but the level is falling.*Samples compared: 2025-01-02, 2025-02-20\./);
    assert.deepEqual(d.data, { samples: [B, "2025-02-20"], scanDate: "2025-03-20" });
  });
  it("R11 (3) without a profile, the trend of the last two samples at or before the scan: rising, falling, flat", () => {
    const noBaseline = (a: string, b: string) => run(ct(`ctdna 2025-02-01 vaf ${a} %\nctdna 2025-03-10 vaf ${b} %`));
    assert.deepEqual(readings(noBaseline("1.0", "1.5")), ["ctdna-supports-progression"]);
    assert.deepEqual(readings(noBaseline("1.5", "1.0")), ["ctdna-supports-pseudoprogression"]);
    assert.deepEqual(readings(noBaseline("1.0", "1.0")), ["ctdna-inconclusive"]);
    assert.match(diagnosticsOf(noBaseline("1.0", "1.0"), "ctdna-inconclusive")[0].message, /flat: inconclusive.*Samples compared: 2025-02-01, 2025-03-10\./);
  });
  it("R3 near-progression is not given on a scan that is progression already (PD by a non-target or a new lesion)", () => {
    const r = run(`baseline ${B} { T1 target liver 50 mm ; NT1 non-target bone present }\nscan 2025-03-01 { T1 58 mm ; NT1 progressed }`);
    assert.deepEqual(r.codes.filter((c) => c === "progression" || c === "near-progression"), ["progression"]);
    const later = run(`baseline ${B} { T1 target liver 50 mm ; NT1 non-target bone present }\nscan 2025-03-01 { T1 50 mm ; NT1 progressed }\nscan 2025-04-26 { T1 58 mm ; NT1 present }`);
    assert.equal(diagnosticsOf(later, "near-progression").length, 0, "RECIST 1.1: PD since the first scan");
    const i = run(`criteria iRECIST\nbaseline ${B} { T1 target liver 50 mm ; NT1 non-target bone present }\nscan 2025-03-01 { T1 50 mm ; NT1 progressed }\nscan 2025-04-26 { T1 58 mm ; NT1 present }`);
    assert.deepEqual([i.iResponses, diagnosticsOf(i, "near-progression").length], [["iUPD", "iSD"], 1]);
  });
});
