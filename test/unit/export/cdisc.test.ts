import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { parse } from "csv-parse/sync";
import { cdiscTables, CdiscTables, RS_COLUMNS, TR_COLUMNS, TU_COLUMNS } from "../../../server/src/core/export/cdisc";
import { tableToCsv, Table } from "../../../server/src/core/export/table";
import type { CohortFile } from "../../../server/src/core/export/cohort";
import { analyze } from "../../../server/src/core/analyze";
import { CDISC_LOCATION, KNOWN_ORGANS } from "../../../server/src/core/model/organs";
import { EXAMPLES_DIR, REPO_ROOT } from "../../helpers/paths";
import { mixedCohort } from "./handAssessed";

type Row = Record<string, string>;

function records(table: Table): Row[] {
  return parse(tableToCsv(table), { columns: true }) as Row[];
}

const csvOf = (table: Table, columns: string[]) => records(table).map((r) => columns.map((c) => r[c]).join(","));

function analysed(name: string, text: string): CohortFile {
  return { path: name, analysis: analyze(text, { today: 20300 }) };
}

const EXAMPLE_FILES = fs.readdirSync(EXAMPLES_DIR).filter((f) => f.endsWith(".nadir")).sort();
const examples = (): CohortFile[] => EXAMPLE_FILES.map((f) => analysed(`examples/${f}`, fs.readFileSync(path.join(EXAMPLES_DIR, f), "utf8")));

/** Only the complete patients, as `nadir export` hands on by default. */
function completeOnly(files: CohortFile[]): CohortFile[] {
  return files.map((f) => ({ ...f, analysis: { ...f.analysis, assessment: { ...f.analysis.assessment, patients: f.analysis.assessment.patients.filter((p) => p.complete) } } }));
}

const TWO_LINES = `patient TWO {
  criteria RECIST 1.1
  therapy FOLFOX from 2025-01-06 chemotherapy
  therapy FOLFIRI from 2025-06-02 chemotherapy
  scan 2024-12-01 CT {
    T1 40 mm
  }
  baseline 2025-01-02 CT {
    T1 target liver 42 mm
    NT1 non-target bone present
  }
  scan 2025-03-01 CT {
    T1 30 mm
    NT1 present
  }
  scan 2025-05-01 CT {
    T1 45 mm
  }
  baseline 2025-05-28 CT {
    T1 target liver 44 mm
    T2 target lung 20 mm
  }
  scan 2025-07-28 CT {
    T1 30 mm
    T2 12 mm
  }
}
`;

const SHARED_BASELINE = `patient SHARED {
  therapy pembrolizumab from 2025-01-06 immunotherapy
  therapy "SBRT" from 2025-04-01 radiotherapy
  baseline 2025-01-02 CT {
    T1 target liver 42 mm
  }
  scan 2025-03-01 CT {
    T1 30 mm
  }
  scan 2025-05-01 CT {
    T1 28 mm
  }
}
`;

/** Every class check of the three tables, on any cohort. */
function checkTables(t: CdiscTables, label: string): void {
  const [tu, tr, rs] = [records(t.tu), records(t.tr), records(t.rs)];
  const unique = (rows: Row[], key: (r: Row) => string, what: string) => {
    const seen = new Set<string>();
    for (const r of rows) {
      const k = key(r);
      assert.ok(!seen.has(k), `${label}: ${what} ${k} twice`);
      seen.add(k);
    }
  };
  unique(tu, (r) => `${r.USUBJID}|${r.TUGRPID}|${r.TULNKID}`, "TU lesion");
  unique(tr, (r) => `${r.USUBJID}|${r.TRLNKID}|${r.TRDTC}|${r.TRTESTCD}`, "TR USUBJID+TRLNKID+TRDTC+TRTESTCD");
  unique(rs, (r) => `${r.USUBJID}|${r.RSLNKGRP}|${r.RSCAT}|${r.RSTESTCD}|${r.RSDTC}`, "RS result");
  // One VISITNUM per scan date of a subject, counted 1, 2, 3, ... in date order.
  const visits = new Map<string, Map<string, string>>();
  for (const r of [...tr, ...rs.filter((x) => x.VISITNUM !== "")]) {
    const dates = visits.get(r.USUBJID) ?? new Map<string, string>();
    visits.set(r.USUBJID, dates);
    const date = r.TRDTC ?? r.RSDTC;
    assert.ok(!dates.has(r.VISITNUM) || dates.get(r.VISITNUM) === date, `${label}: VISITNUM ${r.VISITNUM} of ${r.USUBJID} holds two dates`);
    dates.set(r.VISITNUM, date);
  }
  for (const [subject, dates] of visits) {
    const values = [...dates.values()];
    assert.strictEqual(new Set(values).size, values.length, `${label}: a scan of ${subject} is exported at two visits`);
    const nums = [...dates.keys()].map(Number).sort((a, b) => a - b);
    assert.deepStrictEqual(nums, nums.map((_, i) => i + 1), `${label}: VISITNUM of ${subject}`);
    const byNum = nums.map((n) => dates.get(String(n))!);
    assert.deepStrictEqual(byNum, [...byNum].sort(), `${label}: VISITNUM of ${subject} follows the dates`);
  }
  // --SEQ: 1..n per subject and domain.
  for (const [rows, col] of [[tu, "TUSEQ"], [tr, "TRSEQ"], [rs, "RSSEQ"]] as Array<[Row[], string]>) {
    const per = new Map<string, number[]>();
    for (const r of rows) per.set(r.USUBJID, [...(per.get(r.USUBJID) ?? []), Number(r[col])]);
    for (const [subject, seqs] of per) assert.deepStrictEqual(seqs, seqs.map((_, i) => i + 1), `${label}: ${col} of ${subject}`);
  }
  const date = /^\d{4}-\d{2}-\d{2}$/;
  const locations = new Set(Object.values(CDISC_LOCATION).filter((l): l is string => l !== null));
  for (const r of tu) {
    assert.deepStrictEqual([r.DOMAIN, r.TUTESTCD, r.TUTEST], ["TU", "TUMIDENT", "Tumor Identification"]);
    assert.ok(["TARGET", "NON-TARGET", "NEW"].includes(r.TUORRES) && r.TUSTRESC === r.TUORRES, `${label}: TUORRES ${r.TUORRES}`);
    assert.ok(r.TULOC === "" || locations.has(r.TULOC), `${label}: TULOC ${r.TULOC} is not a CDISC location term`);
    assert.match(r.TUDTC, date);
    assert.match(r.TUGRPID, /^LINE \d+$/);
    assert.ok(r.TULNKID !== "");
  }
  const tests: Record<string, string> = { LDIAM: "Longest Diameter", LPERP: "Longest Perpendicular", TUMSTATE: "Tumor State", SUMDIAM: "Sum of Diameter" };
  const lesions = new Set(tu.map((r) => `${r.USUBJID}|${r.TUGRPID}|${r.TULNKID}`));
  for (const r of tr) {
    const at = `${label}: TR ${r.USUBJID} ${r.TRLNKID} ${r.TRDTC} ${r.TRTESTCD}`;
    assert.strictEqual(tests[r.TRTESTCD], r.TRTEST, at);
    assert.match(r.TRDTC, date, at);
    assert.ok(["SCREENING", "TREATMENT"].includes(r.EPOCH), at);
    if (r.TRTESTCD !== "SUMDIAM") assert.ok(lesions.has(`${r.USUBJID}|${r.TRLNKGRP}|${r.TRLNKID}`), `${at}: links to no TU lesion`);
    if (r.TRSTAT === "NOT DONE") {
      assert.deepStrictEqual([r.TRORRES, r.TRORRESU, r.TRSTRESC, r.TRSTRESN], ["", "", "", ""], at);
      assert.notStrictEqual(r.TRREASND, "", at);
    } else {
      assert.strictEqual(r.TRSTAT, "", at);
      assert.notStrictEqual(r.TRORRES, "", at);
      assert.notStrictEqual(r.TRSTRESC, "", at);
    }
    if (r.TRSTRESN !== "") {
      assert.ok(Number.isFinite(Number(r.TRSTRESN)) && r.TRSTRESU === "mm" && r.TRSTRESC === r.TRSTRESN, at);
      assert.notStrictEqual(r.TRTESTCD, "TUMSTATE", at);
    }
    if (r.TRORRESU !== "") {
      assert.ok(["mm", "cm"].includes(r.TRORRESU), at);
      assert.match(r.TRORRES, /^\d+(\.\d+)?( \+ \d+(\.\d+)?)*$/, `${at}: the unit goes with a number as written`);
    }
    if (r.TRTESTCD === "TUMSTATE") assert.ok(["PRESENT", "ABSENT", "INCREASED", "UNEQUIVOCAL PROGRESSION", "EQUIVOCAL", ""].includes(r.TRSTRESC), at);
  }
  for (const r of rs) {
    assert.ok(["RECIST 1.1", "iRECIST"].includes(r.RSCAT), `${label}: RSCAT ${r.RSCAT}`);
    assert.ok(r.RSTESTCD.length <= 8 && /^[A-Z][A-Z0-9_]*$/.test(r.RSTESTCD) && r.RSTEST.length <= 40);
    assert.strictEqual(r.RSORRES, r.RSSTRESC);
    if (r.RSTESTCD !== "BESTRSP") assert.match(r.RSDTC, date);
  }
  // iRECIST patients keep their RECIST 1.1 rows: every iRECIST overall response has a RECIST 1.1 one.
  for (const r of rs.filter((x) => x.RSCAT === "iRECIST")) {
    assert.ok(rs.some((x) => x.USUBJID === r.USUBJID && x.RSCAT === "RECIST 1.1" && x.RSTESTCD === r.RSTESTCD && x.RSDTC === r.RSDTC && x.RSLNKGRP === r.RSLNKGRP),
      `${label}: ${r.USUBJID} ${r.RSTESTCD} ${r.RSDTC} has no RECIST 1.1 row`);
  }
}

describe("export: CDISC SDTM TU, TR and RS tables", () => {
  it("has the SDTMIG columns, in the domains' order", () => {
    assert.deepStrictEqual(TU_COLUMNS, ["STUDYID", "DOMAIN", "USUBJID", "TUSEQ", "TUGRPID", "TULNKID", "TUTESTCD", "TUTEST", "TUORRES", "TUSTRESC", "TULOC", "TUMETHOD", "TUEVAL", "VISITNUM", "VISIT", "EPOCH", "TUDTC"]);
    assert.deepStrictEqual(TR_COLUMNS, ["STUDYID", "DOMAIN", "USUBJID", "TRSEQ", "TRGRPID", "TRLNKGRP", "TRLNKID", "TRTESTCD", "TRTEST", "TRORRES", "TRORRESU", "TRSTRESC", "TRSTRESN", "TRSTRESU", "TRSTAT", "TRREASND", "TRMETHOD", "TREVAL", "VISITNUM", "VISIT", "EPOCH", "TRDTC"]);
    assert.deepStrictEqual(RS_COLUMNS, ["STUDYID", "DOMAIN", "USUBJID", "RSSEQ", "RSLNKGRP", "RSTESTCD", "RSTEST", "RSCAT", "RSORRES", "RSSTRESC", "RSEVAL", "VISITNUM", "VISIT", "EPOCH", "RSDTC"]);
  });

  it("maps every known organ to a CDISC location term (other: none), as docs/export.md lists them", () => {
    for (const organ of KNOWN_ORGANS) assert.ok(organ in CDISC_LOCATION, organ);
    assert.strictEqual(CDISC_LOCATION.other, null);
    assert.strictEqual(CDISC_LOCATION.node, "LYMPH NODE");
    const doc = fs.readFileSync(path.join(REPO_ROOT, "docs", "export.md"), "utf8");
    const documented = new Map([...doc.matchAll(/\| `([a-z-]+)` \| ([A-Z][A-Z ]*[A-Z]|\(empty[^|]*\)) /g)].map((m) => [m[1], m[2].startsWith("(") ? null : m[2]]));
    assert.deepStrictEqual(Object.fromEntries([...documented].sort()), Object.fromEntries(Object.entries(CDISC_LOCATION).sort()));
  });

  it("exact rows for the hand-checked melanoma case (R2: too small 5 mm, absent 0 mm, cm as written; iRECIST keeps RECIST 1.1)", () => {
    const t = cdiscTables(mixedCohort(), { studyId: "S01" });
    const pt = (table: Table, cols: string[]) => csvOf(table, cols).filter((l) => l.includes("S01-PT-0042"));
    assert.deepStrictEqual(pt(t.tu, ["USUBJID", "TUSEQ", "TUGRPID", "TULNKID", "TUORRES", "TULOC", "TUMETHOD", "VISITNUM", "VISIT", "EPOCH", "TUDTC"]), [
      "S01-PT-0042,1,LINE 1,T1,TARGET,LIVER,CT SCAN,2,BASELINE,SCREENING,2025-01-02",
      "S01-PT-0042,2,LINE 1,T2,TARGET,LUNG,CT SCAN,2,BASELINE,SCREENING,2025-01-02",
      "S01-PT-0042,3,LINE 1,N1,TARGET,LYMPH NODE,CT SCAN,2,BASELINE,SCREENING,2025-01-02",
      "S01-PT-0042,4,LINE 1,NT1,NON-TARGET,BONE,CT SCAN,2,BASELINE,SCREENING,2025-01-02",
      "S01-PT-0042,5,LINE 1,NT2,NON-TARGET,LYMPH NODE,CT SCAN,2,BASELINE,SCREENING,2025-01-02",
      "S01-PT-0042,6,LINE 1,NL1,NEW,LIVER,CT SCAN,4,FOLLOW-UP 2,TREATMENT,2025-04-26",
      "S01-PT-0042,7,LINE 1,NL2,NEW,BONE,CT SCAN,4,FOLLOW-UP 2,TREATMENT,2025-04-26",
      "S01-PT-0042,8,LINE 1,NL3,NEW,LUNG,CT SCAN,4,FOLLOW-UP 2,TREATMENT,2025-04-26",
    ]);
    const trCols = ["TRSEQ", "TRGRPID", "TRLNKID", "TRTESTCD", "TRORRES", "TRORRESU", "TRSTRESC", "TRSTRESN", "TRSTRESU", "TRSTAT", "TRREASND", "TRMETHOD", "VISITNUM", "VISIT", "EPOCH", "TRDTC"];
    const tr = csvOf(t.tr, ["USUBJID", ...trCols]).filter((l) => l.startsWith("S01-PT-0042,")).map((l) => l.slice("S01-PT-0042,".length));
    assert.strictEqual(tr.length, 25);
    assert.deepStrictEqual(tr.slice(0, 3), [
      "1,TARGET,T1,LDIAM,35,mm,35,35,mm,,,CT SCAN,1,PRE-TREATMENT 1,SCREENING,2024-11-20",
      "2,TARGET,T2,LDIAM,15,mm,15,15,mm,,,CT SCAN,1,PRE-TREATMENT 1,SCREENING,2024-11-20",
      "3,TARGET,N1,LPERP,16,mm,16,16,mm,,,CT SCAN,1,PRE-TREATMENT 1,SCREENING,2024-11-20",
    ]);
    assert.deepStrictEqual(tr.filter((l) => l.endsWith("2025-03-01")), [
      "10,TARGET,T1,LDIAM,30,mm,30,30,mm,,,CT SCAN,3,FOLLOW-UP 1,TREATMENT,2025-03-01",
      "11,TARGET,T2,LDIAM,too small,,5,5,mm,,,CT SCAN,3,FOLLOW-UP 1,TREATMENT,2025-03-01",
      "12,TARGET,N1,LPERP,9,mm,9,9,mm,,,CT SCAN,3,FOLLOW-UP 1,TREATMENT,2025-03-01",
      "13,NON-TARGET,NT1,TUMSTATE,present,,PRESENT,,,,,CT SCAN,3,FOLLOW-UP 1,TREATMENT,2025-03-01",
      "14,NON-TARGET,NT2,TUMSTATE,absent,,ABSENT,,,,,CT SCAN,3,FOLLOW-UP 1,TREATMENT,2025-03-01",
      "15,TARGET,,SUMDIAM,44,mm,44,44,mm,,,,3,FOLLOW-UP 1,TREATMENT,2025-03-01",
    ]);
    assert.deepStrictEqual(tr.filter((l) => l.endsWith("2025-04-26")), [
      "16,TARGET,T1,LDIAM,3.8,cm,38,38,mm,,,CT SCAN,4,FOLLOW-UP 2,TREATMENT,2025-04-26",
      "17,TARGET,T2,LDIAM,absent,,0,0,mm,,,CT SCAN,4,FOLLOW-UP 2,TREATMENT,2025-04-26",
      "18,TARGET,N1,LPERP,12,mm,12,12,mm,,,CT SCAN,4,FOLLOW-UP 2,TREATMENT,2025-04-26",
      "19,NON-TARGET,NT1,TUMSTATE,increased,,INCREASED,,,,,CT SCAN,4,FOLLOW-UP 2,TREATMENT,2025-04-26",
      "20,NON-TARGET,NT2,TUMSTATE,absent,,ABSENT,,,,,CT SCAN,4,FOLLOW-UP 2,TREATMENT,2025-04-26",
      "21,NEW,NL1,LDIAM,12,mm,12,12,mm,,,CT SCAN,4,FOLLOW-UP 2,TREATMENT,2025-04-26",
      "22,NEW,NL2,TUMSTATE,present,,PRESENT,,,,,CT SCAN,4,FOLLOW-UP 2,TREATMENT,2025-04-26",
      "23,NEW,NL3,LDIAM,4,mm,4,4,mm,,,CT SCAN,4,FOLLOW-UP 2,TREATMENT,2025-04-26",
      "24,NEW,NL3,TUMSTATE,equivocal,,EQUIVOCAL,,,,,CT SCAN,4,FOLLOW-UP 2,TREATMENT,2025-04-26",
      "25,TARGET,,SUMDIAM,50,mm,50,50,mm,,,,4,FOLLOW-UP 2,TREATMENT,2025-04-26",
    ]);
    assert.deepStrictEqual(pt(t.rs, ["USUBJID", "RSSEQ", "RSLNKGRP", "RSTESTCD", "RSCAT", "RSORRES", "VISITNUM", "EPOCH", "RSDTC"]), [
      "S01-PT-0042,1,LINE 1,TRGRESP,RECIST 1.1,PR,3,TREATMENT,2025-03-01",
      "S01-PT-0042,2,LINE 1,NTRGRESP,RECIST 1.1,NON-CR/NON-PD,3,TREATMENT,2025-03-01",
      "S01-PT-0042,3,LINE 1,NEWLIND,RECIST 1.1,N,3,TREATMENT,2025-03-01",
      "S01-PT-0042,4,LINE 1,OVRLRESP,RECIST 1.1,PR,3,TREATMENT,2025-03-01",
      "S01-PT-0042,5,LINE 1,OVRLRESP,iRECIST,iPR,3,TREATMENT,2025-03-01",
      "S01-PT-0042,6,LINE 1,TRGRESP,RECIST 1.1,PR,4,TREATMENT,2025-04-26",
      "S01-PT-0042,7,LINE 1,NTRGRESP,RECIST 1.1,NON-CR/NON-PD,4,TREATMENT,2025-04-26",
      "S01-PT-0042,8,LINE 1,NEWLIND,RECIST 1.1,Y,4,TREATMENT,2025-04-26",
      "S01-PT-0042,9,LINE 1,OVRLRESP,RECIST 1.1,PD,4,TREATMENT,2025-04-26",
      "S01-PT-0042,10,LINE 1,OVRLRESP,iRECIST,iUPD,4,TREATMENT,2025-04-26",
      "S01-PT-0042,11,LINE 1,BESTRSP,RECIST 1.1,PR,,TREATMENT,",
      "S01-PT-0042,12,LINE 1,BESTRSP,iRECIST,iPR,,TREATMENT,",
    ]);
    const crc = records(t.tr).filter((r) => r.USUBJID === "S01-CRC 7" && r.TRDTC === "2024-09-11");
    assert.deepStrictEqual(crc.map((r) => `${r.TRLNKID}|${r.TRTESTCD}|${r.TRORRES}|${r.TRSTAT}|${r.TRREASND}`), [
      "T1|LDIAM||NOT DONE|NOT EVALUATED", "NT1|TUMSTATE|progressed||", "|SUMDIAM||NOT DONE|NOT ALL TARGETS EVALUATED",
    ]);
    checkTables(t, "hand-checked cohort");
  });

  it("every example, complete patients or all: unique rows, linked lesions, SDTM column types (R2, R15)", () => {
    const all = examples();
    for (const [label, files] of [["complete patients", completeOnly(all)], ["all patients", all]] as Array<[string, CohortFile[]]>) {
      const t = cdiscTables(files, { studyId: "EX" });
      assert.ok(t.tr.rows.length > 300, label);
      checkTables(t, label);
    }
  });

  it("a patient with two therapy lines: every scan once, at its place; line 1's follow-ups are not line 2's pre-treatment rows (R15)", () => {
    const t = cdiscTables([analysed("two.nadir", TWO_LINES)], { studyId: "S" });
    const tr = records(t.tr);
    assert.deepStrictEqual([...new Set(tr.map((r) => `${r.TRDTC} ${r.VISITNUM} ${r.VISIT} ${r.EPOCH}`))], [
      "2024-12-01 1 LINE 1 PRE-TREATMENT 1 SCREENING",
      "2025-01-02 2 LINE 1 BASELINE SCREENING",
      "2025-03-01 3 LINE 1 FOLLOW-UP 1 TREATMENT",
      "2025-05-01 4 LINE 1 FOLLOW-UP 2 TREATMENT",
      "2025-05-28 5 LINE 2 BASELINE SCREENING",
      "2025-07-28 6 LINE 2 FOLLOW-UP 1 TREATMENT",
    ]);
    assert.deepStrictEqual(tr.filter((r) => r.TRLNKID === "T1").map((r) => `${r.TRDTC} ${r.TRLNKGRP} ${r.TRSTRESN}`), [
      "2024-12-01 LINE 1 40", "2025-01-02 LINE 1 42", "2025-03-01 LINE 1 30", "2025-05-01 LINE 1 45", "2025-05-28 LINE 2 44", "2025-07-28 LINE 2 30",
    ]);
    assert.deepStrictEqual(tr.filter((r) => r.TRDTC === "2025-05-01").map((r) => `${r.TRLNKID} ${r.TRSTAT} ${r.TRREASND}`), [
      "T1  ", "NT1 NOT DONE NOT RECORDED AT THIS SCAN", "  ",
    ], "a declared lesion missing from a follow-up is not done there (R4)");
    assert.deepStrictEqual(records(t.tu).map((r) => `${r.TUGRPID} ${r.TULNKID} ${r.VISIT}`), [
      "LINE 1 T1 LINE 1 BASELINE", "LINE 1 NT1 LINE 1 BASELINE", "LINE 2 T1 LINE 2 BASELINE", "LINE 2 T2 LINE 2 BASELINE",
    ]);
    assert.deepStrictEqual([...new Set(records(t.rs).map((r) => `${r.RSLNKGRP} ${r.RSDTC}`))], ["LINE 1 2025-03-01", "LINE 1 2025-05-01", "LINE 1 ", "LINE 2 2025-07-28", "LINE 2 "]);
    checkTables(t, "two lines");
  });

  it("a baseline shared by two lines is exported once, and each line's lesions are identified", () => {
    const t = cdiscTables([analysed("shared.nadir", SHARED_BASELINE)], { studyId: "S" });
    const tr = records(t.tr);
    assert.deepStrictEqual(tr.map((r) => `${r.TRDTC} ${r.TRTESTCD} ${r.TRLNKGRP} ${r.VISIT}`), [
      "2025-01-02 LDIAM LINE 1 LINE 1 BASELINE", "2025-01-02 SUMDIAM LINE 1 LINE 1 BASELINE",
      "2025-03-01 LDIAM LINE 1 LINE 1 FOLLOW-UP 1", "2025-03-01 SUMDIAM LINE 1 LINE 1 FOLLOW-UP 1",
      "2025-05-01 LDIAM LINE 2 LINE 2 FOLLOW-UP 1", "2025-05-01 SUMDIAM LINE 2 LINE 2 FOLLOW-UP 1",
    ]);
    assert.deepStrictEqual(records(t.tu).map((r) => `${r.TUGRPID} ${r.TULNKID}`), ["LINE 1 T1", "LINE 2 T1"]);
    checkTables(t, "shared baseline");
  });

  it("leaves out a patient whose organ has no CDISC location term, saying where; never exports the word", () => {
    const text = "patient TYPO {\n  baseline 2025-01-02 CT {\n    T1 target lvier 42 mm\n  }\n  scan 2025-03-01 CT {\n    T1 30 mm\n  }\n}\n";
    const t = cdiscTables([analysed("typo.nadir", text), ...mixedCohort()], { studyId: "S" });
    assert.deepStrictEqual(t.leftOut, [{ what: "patient", file: "typo.nadir", patientId: "TYPO", organ: "lvier", offset: text.indexOf("lvier") }]);
    for (const table of [t.tu, t.tr, t.rs]) assert.ok(!tableToCsv(table).includes("TYPO") && !/LVIER/i.test(tableToCsv(table)));
  });

  it("has no RS rows for an episode whose data an error touches; its TU and TR rows stay", () => {
    const text = "patient BROKEN {\n  baseline 2025-01-02 CT {\n    T1 target liver 42 mm\n    T2 target lung 4,2 cm\n  }\n  scan 2025-03-01 CT {\n    T1 30 mm\n  }\n}\n";
    const file = analysed("broken.nadir", text);
    assert.strictEqual(file.analysis.assessment.patients[0].complete, false);
    const t = cdiscTables([file], { studyId: "S" });
    assert.deepStrictEqual(t.leftOut, [{ what: "responses", file: "broken.nadir", patientId: "BROKEN", line: 1 }]);
    assert.strictEqual(t.rs.rows.length, 0);
    assert.ok(records(t.tr).some((r) => r.TRLNKID === "T1" && r.TRDTC === "2025-03-01"));
  });

  it("a value that cannot be read is NOT DONE with its reason, never its text; the sums it breaks say why (issue 10, R4)", () => {
    const text = `patient UNREAD {
  baseline 2025-01-02 CT {
    T1 target liver 42 mm
    T2 target lung 4,2 cm Smith
    NT1 non-target bone present
  }
  scan 2025-03-01 CT {
    T1 30 mm
    T2 20 mm
    NT1 abesnt
    NL1 new liver 1,2 cm
  }
}
`;
    const t = cdiscTables([analysed("unread.nadir", text)], { studyId: "S" });
    const tr = records(t.tr);
    const at = (id: string, date: string) => tr.filter((r) => r.TRLNKID === id && r.TRDTC === date).map((r) => [r.TRTESTCD, r.TRORRES, r.TRSTRESC, r.TRSTAT, r.TRREASND]);
    assert.deepStrictEqual(at("T2", "2025-01-02"), [["LDIAM", "", "", "NOT DONE", "VALUE UNREADABLE"]]);
    assert.deepStrictEqual(at("NT1", "2025-03-01"), [["TUMSTATE", "", "", "NOT DONE", "VALUE UNREADABLE"]]);
    assert.deepStrictEqual(at("NL1", "2025-03-01"), [["LDIAM", "", "", "NOT DONE", "VALUE UNREADABLE"]]);
    const sums = tr.filter((r) => r.TRTESTCD === "SUMDIAM").map((r) => [r.TRDTC, r.TRSTRESC, r.TRREASND]);
    assert.deepStrictEqual(sums, [["2025-01-02", "", "TARGET VALUE UNREADABLE"], ["2025-03-01", "", "BASELINE VALUE UNREADABLE"]]);
    for (const table of [t.tu, t.tr, t.rs]) assert.ok(!/4,2|1,2|Smith|abesnt/i.test(tableToCsv(table)), tableToCsv(table));
    // Its responses rest on unknown values: no RS rows.
    assert.strictEqual(t.rs.rows.length, 0);
  });
});
