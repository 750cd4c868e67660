import * as assert from "assert";
import { parse } from "csv-parse/sync";
import { cdiscTables, RS_COLUMNS, TR_COLUMNS, TU_COLUMNS } from "../../../server/src/core/export/cdisc";
import { tableToCsv, Table } from "../../../server/src/core/export/table";
import { mixedCohort } from "./handAssessed";

function records(table: Table): Array<Record<string, string>> {
  return parse(tableToCsv(table), { columns: true });
}

describe("export: CDISC SDTM-style TU, TR and RS tables", () => {
  const tables = cdiscTables(mixedCohort(), { studyId: "S01" });

  it("has the SDTM columns the issue names", () => {
    for (const column of ["TULNKID"]) assert.ok(TU_COLUMNS.includes(column));
    for (const column of ["TRLNKID", "TRTESTCD", "TRSTRESN"]) assert.ok(TR_COLUMNS.includes(column));
    for (const column of ["RSTESTCD", "RSCAT", "RSORRES"]) assert.ok(RS_COLUMNS.includes(column));
    assert.deepStrictEqual(Object.keys(records(tables.tu)[0]), TU_COLUMNS);
    assert.deepStrictEqual(Object.keys(records(tables.tr)[0]), TR_COLUMNS);
    assert.deepStrictEqual(Object.keys(records(tables.rs)[0]), RS_COLUMNS);
  });

  it("TU: one row per lesion with its id as TULNKID and its role (R1, R6)", () => {
    const tu = records(tables.tu).filter((r) => r.USUBJID === "S01-PT-0042");
    assert.deepStrictEqual(tu.map((r) => `${r.TULNKID} ${r.TUORRES} ${r.TULOC} ${r.VISIT}`), [
      "T1 TARGET LIVER BASELINE", "T2 TARGET LUNG BASELINE", "N1 TARGET LYMPH NODE BASELINE",
      "NT1 NON-TARGET BONE BASELINE", "NT2 NON-TARGET LYMPH NODE BASELINE",
      "NL1 NEW LIVER FOLLOW-UP 2", "NL2 NEW BONE FOLLOW-UP 2", "NL3 NEW LUNG FOLLOW-UP 2",
    ]);
    assert.deepStrictEqual(tu.map((r) => Number(r.TUSEQ)), [1, 2, 3, 4, 5, 6, 7, 8]);
    assert.strictEqual(tu[0].TUMETHOD, "CT SCAN");
  });

  it("TR: LDIAM for organs, LPERP for nodes (short axis), TUMSTATE for statuses, SUMDIAM per assessment (R2)", () => {
    const tr = records(tables.tr).filter((r) => r.USUBJID === "S01-PT-0042" && r.TRDTC === "2025-04-26");
    const byLesion = (id: string) => tr.filter((r) => r.TRLNKID === id).map((r) => `${r.TRTESTCD}=${r.TRORRES}|${r.TRSTRESN}`);
    assert.deepStrictEqual(byLesion("T1"), ["LDIAM=3.8 cm|38"]);
    assert.deepStrictEqual(byLesion("T2"), ["LDIAM=absent|0"]);
    assert.deepStrictEqual(byLesion("N1"), ["LPERP=12 mm|12"]);
    assert.deepStrictEqual(byLesion("NT1"), ["TUMSTATE=INCREASED|"]);
    assert.deepStrictEqual(byLesion("NL3"), ["LDIAM=4 mm|4", "TUMSTATE=EQUIVOCAL|"]);
    assert.deepStrictEqual(tr.filter((r) => r.TRTESTCD === "SUMDIAM").map((r) => [r.TRSTRESN, r.TRSTRESU, r.TRGRPID]), [["50", "mm", "TARGET"]]);
    const pre = records(tables.tr).filter((r) => r.USUBJID === "S01-PT-0042" && r.TRDTC === "2024-11-20");
    assert.ok(pre.every((r) => r.VISIT === "PRE-TREATMENT 1"), "the pre-treatment scan (R12) is kept with its visit");
    const notEvaluated = records(tables.tr).find((r) => r.USUBJID === "S01-CRC 7" && r.TRDTC === "2024-09-11" && r.TRLNKID === "E1-T1")!;
    assert.deepStrictEqual([notEvaluated.TRSTAT, notEvaluated.TRORRES], ["NOT DONE", ""]);
    assert.ok(records(tables.tu).some((r) => r.TULNKID === "E2-T1"), "a patient with two episodes (R15) gets episode-prefixed link ids");
  });

  it("RS: TRGRESP, NTRGRESP, NEWLIND and OVRLRESP per time point, RSCAT by criteria (R7, iRECIST R10)", () => {
    const rs = records(tables.rs);
    const at = (subject: string, date: string) => rs.filter((r) => r.USUBJID === subject && r.RSDTC === date).map((r) => `${r.RSTESTCD}=${r.RSORRES} (${r.RSCAT})`);
    assert.deepStrictEqual(at("S01-PT-0042", "2025-04-26"), [
      "TRGRESP=PR (iRECIST)", "NTRGRESP=NON-CR/NON-PD (iRECIST)", "NEWLIND=Y (iRECIST)", "OVRLRESP=iUPD (iRECIST)",
    ]);
    assert.deepStrictEqual(at("S01-CRC 7", "2024-09-11"), [
      "TRGRESP=NE (RECIST 1.1)", "NTRGRESP=PD (RECIST 1.1)", "NEWLIND=N (RECIST 1.1)", "OVRLRESP=PD (RECIST 1.1)",
    ]);
    assert.deepStrictEqual(rs.filter((r) => r.RSTESTCD === "BESTRSP").map((r) => `${r.USUBJID} ${r.RSORRES} ${r.EPOCH}`), ["S01-PT-0042 iPR TREATMENT 1", "S01-CRC 7 PR TREATMENT 1"]);
  });
});
