import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { parse } from "csv-parse/sync";
import { analyze } from "../../../server/src/core/analyze";
import { CsvTable, parseCsvTable, sdtmToCases, SdtmError } from "../../../server/src/core/import/sdtm";
import { agreementJson, agreementReport, agreementTable, agreementText, canonicalResponse, summarise, AgreementRow } from "../../../server/src/core/import/agreement";
import { cdiscTables } from "../../../server/src/core/export/cdisc";
import { tableToCsv, Table } from "../../../server/src/core/export/table";
import { EXAMPLES_DIR, REPO_ROOT } from "../../helpers/paths";
import { KNOWN_ORGANS, ORGAN_SDTM_LOCATION_TERMS, organOfSdtmLocation } from "../../../server/src/core/model/organs";

const FIXTURES = path.join(REPO_ROOT, "test", "fixtures", "sdtm");
const table = (name: string): CsvTable => parseCsvTable(fs.readFileSync(path.join(FIXTURES, `${name}.csv`), "utf8"), `${name}.csv`);
const tu = table("tu");
const tr = table("tr");
const rs = table("rs");

function problemsOf(run: () => unknown): string[] {
  try {
    run();
  } catch (e) {
    assert.ok(e instanceof SdtmError, String(e));
    return e.message.split("\n");
  }
  assert.fail("expected an SdtmError");
}

function edit(t: CsvTable, change: (rows: CsvTable["rows"]) => CsvTable["rows"], columns = t.columns): CsvTable {
  return { ...t, columns, rows: change(t.rows.map((r) => ({ ...r, cells: { ...r.cells } }))) };
}

describe("import: CDISC SDTM TU/TR into case files", () => {
  it("one case file per subject; the accepted reader (TRACPTFL = Y) by default; STUDYID prefix dropped from USUBJID", () => {
    const cases = sdtmToCases(tu, tr, { rs });
    assert.deepStrictEqual(cases.map((c) => [c.usubjid, c.patientId]), [["TRIAL-001", "001"], ["TRIAL-002", "002"]]);
    const first = analyze(cases[0].text);
    assert.deepStrictEqual(first.diagnostics.filter((d) => d.severity === "error"), []);
    const tps = first.assessment.patients[0].episodes[0].timepoints;
    assert.deepStrictEqual(tps.map((t) => [t.date, t.sum, t.response]), [["2025-03-01", 500, "PR"], ["2025-05-01", 580, "PR"]]);
    assert.match(cases[0].text, /T01 +target liver +50 mm/, "TRSTRESN in TRSTRESU (5 cm as TRORRES)");
    assert.match(cases[0].text, /T02 +target lung "right" +30 mm/, "TULAT in the description");
  });

  it("--evaluator picks one reader (TREVALID, case-insensitive); subjects that reader did not read are left out", () => {
    const cases = sdtmToCases(tu, tr, { evaluator: "radiologist 2" });
    assert.deepStrictEqual(cases.map((c) => c.usubjid), ["TRIAL-001"]);
    const tps = analyze(cases[0].text).assessment.patients[0].episodes[0].timepoints;
    assert.deepStrictEqual(tps.map((t) => [t.sum, t.response]), [[650, "SD"], [750, "SD"]]);
    assert.match(problemsOf(() => sdtmToCases(tu, tr, { evaluator: "RADIOLOGIST 3" }))[0], /^tr\.csv: no records of evaluator 'RADIOLOGIST 3' \(TREVALID \/ TREVAL: RADIOLOGIST 1, RADIOLOGIST 2, INVESTIGATOR\)/);
  });

  it("several readers and no accepted flag: asks for --evaluator", () => {
    const unflagged = edit(tr, (rows) => rows.map((r) => ({ ...r, cells: { ...r.cells, TRACPTFL: "" } })));
    assert.match(problemsOf(() => sdtmToCases(tu, unflagged))[0], /^tr\.csv: subject TRIAL-001 has records of several readers \(RADIOLOGIST 1, RADIOLOGIST 2\) and none flagged TRACPTFL = Y: choose one with --evaluator$/);
  });

  it("a new lesion, a not-done target (R4), a non-target unequivocal progression (R5), a nodal non-target by LPERP", () => {
    const text = sdtmToCases(tu, tr)[1].text;
    assert.match(text, /NT01 +non-target node "left" +12 mm/);
    assert.match(text, /scan 2025-03-07 CT \{[^}]*NT01 +progressed/);
    assert.match(text, /scan 2025-05-05 CT \{[^}]*T01 +not evaluated[^}]*NEW01 new liver 15 mm/);
    const tps = analyze(text).assessment.patients[0].episodes[0].timepoints;
    assert.deepStrictEqual(tps.map((t) => [t.nonTarget, t.newLesions, t.response]), [["PD", "no", "PD"], ["PD", "yes", "PD"]]);
  });

  it("TULOC: every known organ has CDISC LOC terms that read back to it, case and spacing ignored; others are null", () => {
    for (const organ of KNOWN_ORGANS) {
      const terms = ORGAN_SDTM_LOCATION_TERMS[organ];
      assert.ok(terms && terms.length > 0, organ);
      for (const term of terms) assert.strictEqual(organOfSdtmLocation(term), organ, term);
    }
    assert.strictEqual(organOfSdtmLocation(" lymph_node "), "node");
    assert.strictEqual(organOfSdtmLocation("Skeletal Muscle Tissue"), "muscle");
    assert.strictEqual(organOfSdtmLocation("HEART"), null);
  });

  describe("bad input: one line each naming the file, line and column; nothing built", () => {
    it("a required column is missing", () => {
      const noLoc = edit(tu, (rows) => rows, tu.columns.filter((c) => c !== "TULOC"));
      assert.deepStrictEqual(problemsOf(() => sdtmToCases(noLoc, tr)), ["tu.csv: not an SDTM TU table: missing column TULOC"]);
      const noResult = edit(tr, (rows) => rows, tr.columns.filter((c) => c !== "TRSTRESN" && c !== "TRORRES" && c !== "TRDTC"));
      assert.deepStrictEqual(problemsOf(() => sdtmToCases(tu, noResult)), ["tr.csv: not an SDTM TR table: missing columns TRDTC, TRSTRESN or TRORRES"]);
    });
    it("an unknown TRTESTCD", () => {
      const odd = edit(tr, (rows) => rows.map((r, i) => (i === 0 ? { ...r, cells: { ...r.cells, TRTESTCD: "VOLUME" } } : r)));
      assert.deepStrictEqual(problemsOf(() => sdtmToCases(tu, odd)), ["tr.csv:2: unknown TRTESTCD 'VOLUME' (Nadir reads LDIAM, LPERP, TUMSTATE, SUMDIAM)"]);
    });
    it("a unit that is not a length, a missing date, a result that is not a number, an unknown lesion", () => {
      const bad = edit(tr, (rows) => rows.map((r, i) => {
        if (i === 0) return { ...r, cells: { ...r.cells, TRSTRESU: "pixels" } };
        if (i === 1) return { ...r, cells: { ...r.cells, TRDTC: "" } };
        if (i === 4) return { ...r, cells: { ...r.cells, TRSTRESN: "", TRORRES: "big" } };
        if (i === 5) return { ...r, cells: { ...r.cells, TRLNKID: "T99" } };
        return r;
      }));
      assert.deepStrictEqual(problemsOf(() => sdtmToCases(tu, bad)), [
        "tr.csv:2: LDIAM: unit 'pixels' is not a length in mm or cm",
        "tr.csv:3: TRDTC '' is not a date (YYYY-MM-DD): the scan date is required",
        "tr.csv:6: LDIAM: TRORRES 'big' is not a number (and TRSTRESN is empty)",
        "tr.csv:7: TRLNKID 'T99' of TRIAL-001 has no TU record",
      ]);
    });
    it("an unknown TUORRES and an unreadable CSV", () => {
      const odd = edit(tu, (rows) => rows.map((r, i) => (i === 0 ? { ...r, cells: { ...r.cells, TUORRES: "MAYBE", TUSTRESC: "" } } : r)));
      assert.match(problemsOf(() => sdtmToCases(odd, tr))[0], /^tu\.csv:2: TUORRES 'MAYBE' is not TARGET, NON-TARGET or NEW$/);
      assert.throws(() => parseCsvTable('A,B\n"1,2\n', "x.csv"), /^Error: x\.csv:2: not a readable CSV table \(Quote Not Closed/);
    });
  });
});

describe("import: agreement report (Nadir vs recorded RSORRES)", () => {
  const report = agreementReport(sdtmToCases(tu, tr, { rs }), rs);

  it("per subject and visit, Nadir beside the record; counts, percentage and Cohen's kappa checked by hand", () => {
    assert.deepStrictEqual(report.rows.map((r) => [r.subject, r.visit, r.nadir, r.recorded, r.agree]), [
      ["001", "WEEK 8", "PR", "PR", true],
      ["001", "WEEK 16", "PR", "SD", false],
      ["002", "WEEK 8", "PD", "PD", true],
      ["002", "WEEK 16", "PD", "PD", true],
    ]);
    // By hand: n = 4, agreements a = 3 (p_o = 0.75). Nadir PR 2, PD 2; recorded PR 1, SD 1, PD 2.
    // sum r_k c_k = PR 2x1 + PD 2x2 + SD 0x1 = 6, p_e = 6/16. kappa = (4x3 - 6) / (16 - 6) = 6/10 = 3/5.
    assert.strictEqual(report.compared, 4);
    assert.strictEqual(report.agreements, 3);
    assert.strictEqual(report.percentAgreement, 75);
    assert.deepStrictEqual(report.kappaFraction, { numerator: 3, denominator: 5 });
    assert.strictEqual(report.kappa, 0.6);
    assert.deepStrictEqual(report.confusion, { PD: { PD: 2, PR: 0, SD: 0 }, PR: { PD: 0, PR: 1, SD: 1 }, SD: { PD: 0, PR: 0, SD: 0 } });
  });

  it("a disagreement carries the rules and numbers behind Nadir's answer (R3 continuing PR)", () => {
    const rules = report.rows[1].explanation.map((e) => e.rule);
    assert.ok(rules.includes("R3") && rules.includes("R7 table 1"));
    const text = agreementText(report);
    assert.match(text, /001 WEEK 16 2025-05-01: Nadir PR, recorded SD\n {4}R2: Sum = T01 35 \+ T02 23 = 58 mm\./);
    assert.match(text, /R3: Continuing PR: PR was reached on 2025-03-01/);
    assert.match(text, /Compared 4 time points: 3 agree \(75 %\)\.\nCohen's kappa 0\.600 \(exactly 3\/5\) over PD, PR, SD\./);
  });

  it("CSV and JSON forms", () => {
    const rows = parse(tableToCsv(agreementTable(report)), { columns: true }) as Array<Record<string, string>>;
    assert.deepStrictEqual(rows.map((r) => r.AGREE), ["Y", "N", "Y", "Y"]);
    assert.match(rows[1].RULES, /R3/);
    const json = JSON.parse(JSON.stringify(agreementJson(report)));
    assert.strictEqual(json.kappaFraction.denominator, 5);
  });

  it("kappa: perfect agreement is 1, chance-level agreement is 0, a single category leaves it undefined", () => {
    const row = (nadir: string, recorded: string): AgreementRow => ({ subject: "s", visit: "v", date: null, criteria: "RECIST 1.1", nadir, recorded, agree: nadir === recorded, explanation: [], complete: true });
    assert.deepStrictEqual(summarise([row("PR", "PR"), row("SD", "SD")]).kappaFraction, { numerator: 1, denominator: 1 });
    // n = 4, a = 2, Nadir PR 2 SD 2, recorded PR 2 SD 2: (8 - 8) / (16 - 8) = 0.
    assert.strictEqual(summarise([row("PR", "PR"), row("PR", "SD"), row("SD", "PR"), row("SD", "SD")]).kappa, 0);
    const single = summarise([row("SD", "SD"), row("SD", "SD")]);
    assert.strictEqual(single.kappa, null);
    assert.match(agreementText(single), /Cohen's kappa is undefined: every answer on both sides is SD\./);
  });

  it("reads RSORRES spellings: words, spaces and iRECIST categories", () => {
    assert.strictEqual(canonicalResponse("Progressive Disease"), "PD");
    assert.strictEqual(canonicalResponse("non-CR / non-PD"), "NON-CR/NON-PD");
    assert.strictEqual(canonicalResponse("IUPD"), "iUPD");
    assert.strictEqual(canonicalResponse(" "), null);
  });
});

describe("import: round trip export --to cdisc -> import sdtm", () => {
  for (const name of ["PT-0042.nadir", "cohort.nadir", "irecist-pseudoprogression.nadir", "recist-chemotherapy.nadir"]) {
    it(`${name}: the same lesion ids, sums and responses at every time point`, () => {
      const original = analyze(fs.readFileSync(path.join(EXAMPLES_DIR, name), "utf8"));
      const tables = cdiscTables([{ path: name, analysis: original }], { studyId: "NADIR" });
      const csv = (t: keyof typeof tables) => parseCsvTable(tableToCsv(tables[t] as Table), `${t}.csv`);
      const cases = sdtmToCases(csv("tu"), csv("tr"), { rs: csv("rs") });
      assert.strictEqual(cases.length, original.assessment.patients.length);
      for (const patient of original.assessment.patients) {
        const imported = cases.find((c) => c.patientId === patient.id);
        assert.ok(imported, patient.id);
        const back = analyze(imported.text).assessment.patients[0];
        const summary = (p: typeof patient) => p.episodes.map((e) => ({
          lesions: [...e.episode.lesions.keys()].sort(),
          tps: e.timepoints.map((t) => [t.date, t.sum, t.response, t.iResponse ?? null]),
        }));
        assert.deepStrictEqual(summary(back), summary(patient), patient.id);
      }
      const agreement = agreementReport(cases, csv("rs"));
      assert.strictEqual(agreement.agreements, agreement.compared);
    });
  }

  it("a lesion id that comes back in a later episode (TULNKID = the lesion id, R15) is read per identification date", () => {
    const original = analyze(fs.readFileSync(path.join(EXAMPLES_DIR, "recist-chemotherapy.nadir"), "utf8"));
    const tables = cdiscTables([{ path: "x", analysis: original }], { studyId: "NADIR" });
    const plain = (t: keyof typeof tables) => {
      const table = parseCsvTable(tableToCsv(tables[t] as Table), `${t}.csv`);
      for (const row of table.rows) for (const column of ["TULNKID", "TRLNKID"]) if (row.cells[column]) row.cells[column] = row.cells[column].replace(/^E\d+-/, "");
      return table;
    };
    assert.ok(plain("tu").rows.filter((r) => r.cells.TULNKID === "T1").length > 1, "the same TULNKID in two episodes");
    const [imported] = sdtmToCases(plain("tu"), plain("tr"));
    const back = analyze(imported.text).assessment.patients[0];
    const tps = (p: typeof back) => p.episodes.map((e) => e.timepoints.map((t) => [t.date, t.sum, t.response]));
    assert.deepStrictEqual(tps(back), tps(original.assessment.patients[0]));
  });
});
