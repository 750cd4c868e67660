import { strict as assert } from "assert";
import * as fs from "fs";
import * as path from "path";
import { foldingRanges, selectionRanges } from "../../../server/src/service/structure";
import { SEMANTIC_TOKENS_LEGEND, semanticTokens } from "../../../server/src/service/semanticTokens";
import { codeLenses, inlayHints } from "../../../server/src/service/presentation";
import { toLspDiagnostics } from "../../../server/src/service/diagnostics";
import { serverSettingsFrom } from "../../../server/src/service/settings";
import { EXAMPLES_DIR, SPEC_EXAMPLE } from "../../helpers/paths";
import { caseDocument, on } from "./fixture";
import { IUPD_PENDING, TOO_MANY_TARGETS } from "./cases";

// The reference example with its own spacing (the positions below are counted in it).
const PT0042 = fs.readFileSync(SPEC_EXAMPLE, "utf8");

/** Decodes semantic tokens into "line:char text type[+modifiers]". */
function decode(text: string, data: number[]): string[] {
  const lines = text.split("\n");
  const out: string[] = [];
  let line = 0;
  let char = 0;
  for (let i = 0; i < data.length; i += 5) {
    line += data[i];
    char = data[i] === 0 ? char + data[i + 1] : data[i + 1];
    const mods = SEMANTIC_TOKENS_LEGEND.tokenModifiers.filter((_, bit) => data[i + 4] & (1 << bit));
    out.push(`${line}:${char} ${lines[line].slice(char, char + data[i + 2])} ${SEMANTIC_TOKENS_LEGEND.tokenTypes[data[i + 3]]}${mods.length ? "+" + mods.join("+") : ""}`);
  }
  return out;
}

describe("service: presentation and structure", () => {
  it("semantic tokens tell lesion kinds, dates, numbers with units, keywords and statuses apart", () => {
    const tokens = decode(PT0042, semanticTokens(caseDocument(PT0042)).data);
    for (const expected of [
      "14:4 T1 lesionTarget+declaration", "17:4 NT1 lesionNonTarget+declaration", "38:4 NL3 lesionNew+declaration+equivocal",
      "23:4 T1 lesionTarget", "14:7 target keyword", "14:14 liver organ", "13:11 2025-01-02 date", "23:7 30 mm number",
      "24:7 too small status", "31:7 3.8 cm number", "1:0 patient keyword", "44:32 uln keyword", "42:19 vaf keyword",
      "42:23 2.4 % number", "34:8 increased status", "3:17 8 weeks number",
    ]) assert.ok(tokens.includes(expected), `${expected} not in\n${tokens.join("\n")}`);
  });

  it("inlay hints after scan headers give the sum, % change and response (R3, R7)", () => {
    const doc = caseDocument(PT0042);
    const hints = inlayHints(doc, { start: { line: 0, character: 0 }, end: { line: 48, character: 0 } });
    assert.deepEqual(hints.map((h) => [h.position.line, h.label]), [
      [22, "Σ 44 mm · −42.9 % vs baseline · PR · iPR"],
      [30, "Σ 50 mm · −35.1 % vs baseline · +13.6 % vs nadir · PD · iUPD"],
    ]);
    assert.equal(hints[0].position.character, 22); // just after `scan 2025-03-01 CT {`
    assert.equal(inlayHints(doc, { start: { line: 25, character: 0 }, end: { line: 48, character: 0 } }).length, 1);
  });

  it("code lenses show each patient's best response and next due date, and each pending iUPD's window (R9, R10, R13)", () => {
    const lenses = codeLenses(caseDocument(IUPD_PENDING)).map((l) => [l.range.start.line, l.command?.title]);
    assert.deepEqual(lenses, [
      [0, "best response PR · iBOR iPR · next scan due 2025-06-21"],
      [18, "iUPD: confirmation scan due 2025-05-24 to 2025-06-21 (R10)"],
    ]);
  });

  it("folds patients, scan blocks and comment runs", () => {
    const folds = foldingRanges(caseDocument(TOO_MANY_TARGETS)).map((f) => `${f.startLine}-${f.endLine}${f.kind ? ` ${f.kind}` : ""}`);
    assert.deepEqual(folds, ["0-1 comment", "2-19", "3-10", "11-18", "21-25", "22-24"]);
  });

  it("selection ranges grow from a token to its line, scan block, patient and file", () => {
    const c = on(PT0042, "T1 30 mm", 0, 4);
    const [range] = selectionRanges(c.doc, [c.position]);
    const chain: string[] = [];
    for (let r: typeof range | undefined = range; r; r = r.parent) chain.push(c.doc.document.getText(r.range).split("\n")[0]);
    assert.deepEqual(chain.slice(0, 3), ["30 mm", "T1 30 mm", "  scan 2025-03-01 CT {"]);
    assert.equal(chain[chain.length - 1], PT0042.split("\n")[0]);
  });

  it("diagnostics carry the spec code, source nadir and the data quick fixes need", () => {
    const doc = caseDocument(IUPD_PENDING);
    const diagnostics = toLspDiagnostics(doc.document, doc.analysis.diagnostics);
    const due = diagnostics.find((d) => d.code === "confirmation-due");
    assert.ok(due);
    assert.equal(due.source, "nadir");
    assert.deepEqual(due.range, { start: { line: 18, character: 7 }, end: { line: 18, character: 17 } });
    assert.equal((due.data as { windowFrom: string }).windowFrom, "2025-05-24");
  });

  it("maps editor settings (nested or dotted) onto the core settings, with defaults for anything missing", () => {
    const nested = serverSettingsFrom({ criteria: "iRECIST", hyperprogression: { definition: "ferrara" }, followUp: { graceDays: 7 }, diagnostics: { debounceMs: 0 }, ctdna: { foldThreshold: 5 }, oligoprogression: { maxLesions: 2 } });
    assert.equal(nested.core.criteria, "iRECIST");
    assert.equal(nested.core.hyperprogression, "ferrara");
    assert.equal(nested.core.followUpGraceDays, 7);
    assert.equal(nested.core.ctdnaFoldThreshold, 5);
    assert.equal(nested.core.oligoprogressionMaxLesions, 2);
    assert.equal(nested.debounceMs, 0);
    const dotted = serverSettingsFrom({ "criteria": "RECIST 1.1", "nearProgressionMargin": 10, "asOfDate": "2025-01-01", "trace.server": "verbose" });
    assert.equal(dotted.core.criteria, "RECIST1.1");
    assert.equal(dotted.core.nearProgressionMargin, 10);
    assert.equal(dotted.core.asOfDate, "2025-01-01");
    assert.equal(dotted.trace, "verbose");
    // The resistance and PD-L1 settings (R17-R24, R32), nested as VS Code sends them; a bad pair keeps the default.
    const resistance = serverSettingsFrom({ resistance: { reading: "iRECIST", confirmWindowDays: [21, 70], lateConfirmation: "accept", shortResponse: "unclassifiable", controlMonths: 4, controlFrom: "response" }, pdl1: { cpsCutoffs: [1, 20] } });
    assert.deepEqual([resistance.core.resistanceReading, resistance.core.resistanceConfirmWindowDays, resistance.core.resistanceLateConfirmation, resistance.core.resistanceShortResponse, resistance.core.resistanceControlMonths, resistance.core.resistanceControlFrom, resistance.core.pdl1CpsCutoffs],
      ["iRECIST", [21, 70], "accept", "unclassifiable", 4, "response", [1, 20]]);
    assert.equal(serverSettingsFrom({ resistance: { reading: "irRC" } }).core.resistanceReading, "irRC", "every registry criterion is a reading (Decision 9)");
    const bad = serverSettingsFrom({ resistance: { confirmWindowDays: [84, 28], reading: "irrc" }, pdl1: { cpsCutoffs: [0, 10] } });
    assert.deepEqual([bad.core.resistanceConfirmWindowDays, bad.core.resistanceReading, bad.core.pdl1CpsCutoffs], [[28, 84], "RECIST1.1", [1, 10]]);
    const defaults = serverSettingsFrom(undefined);
    assert.equal(defaults.debounceMs, 150);
    assert.equal(defaults.core.criteria, "RECIST1.1");
    assert.equal(serverSettingsFrom({ diagnostics: { debounceMs: -5 }, criteria: 3 }).debounceMs, 150);
  });
});
