import { strict as assert } from "assert";
import * as fs from "fs";
import * as path from "path";
import type { CodeAction, Diagnostic } from "vscode-languageserver-types";
import { codeActions, CONFIRMATION_TITLE } from "../../../server/src/service/codeActions";
import { toLspDiagnostics } from "../../../server/src/service/diagnostics";
import { DEFAULT_SETTINGS } from "../../../server/src/core/settings";
import { EXAMPLES_DIR } from "../../helpers/paths";
import { applyWorkspaceEdit, caseDocument, on, syntaxErrors } from "./fixture";
import { ALL_CASES, FIXABLE, IUPD_PENDING, TOO_MANY_TARGETS } from "./cases";

function diagnosticsOf(text: string): Diagnostic[] {
  const doc = caseDocument(text);
  return toLspDiagnostics(doc.document, doc.analysis.diagnostics);
}

/** The quick fixes offered for the first diagnostic with `code`. */
function fixesFor(text: string, code: string): CodeAction[] {
  const doc = caseDocument(text);
  const diagnostic = diagnosticsOf(text).find((d) => d.code === code);
  assert.ok(diagnostic, `expected a ${code} diagnostic`);
  return codeActions(doc, diagnostic.range, [diagnostic], DEFAULT_SETTINGS).filter((a) => a.diagnostics?.includes(diagnostic));
}

function only(actions: CodeAction[], title: RegExp): CodeAction {
  const found = actions.filter((a) => title.test(a.title));
  assert.equal(found.length, 1, `expected one action matching ${title}, got: ${actions.map((a) => a.title).join(" | ")}`);
  return found[0];
}

describe("service: code actions", () => {
  it("inserts the confirmation scan of an iUPD inside the window, every lesion listed (R10)", () => {
    const action = only(fixesFor(IUPD_PENDING, "confirmation-due"), /^Insert confirmation scan/);
    assert.ok(action.title.startsWith(CONFIRMATION_TITLE));
    const after = applyWorkspaceEdit(IUPD_PENDING, action.edit);
    assert.deepEqual(syntaxErrors(after), []);
    assert.match(after, /\n  scan 2025-06-07 CT \{\n    T1  not evaluated\n    T2  not evaluated\n    NT1 not evaluated\n    NL1 not evaluated\n  \}\n/);
    // Inserted after the iUPD scan, before the ctDNA lines.
    assert.ok(after.indexOf("scan 2025-06-07") > after.indexOf("scan 2025-04-26") && after.indexOf("scan 2025-06-07") < after.indexOf("ctdna"));
    const tps = caseDocument(after).analysis.assessment.patients[0].episodes[0].timepoints.map((t) => t.date);
    assert.deepEqual(tps, ["2025-03-01", "2025-04-26", "2025-06-07"]);
  });

  it("offers the confirmation scan for a passed window too (unconfirmed-pseudoprogression, R13)", () => {
    const text = fs.readFileSync(path.join(EXAMPLES_DIR, "PT-0042.nadir"), "utf8");
    const action = only(fixesFor(text, "unconfirmed-pseudoprogression"), /^Insert confirmation scan/);
    const after = applyWorkspaceEdit(text, action.edit);
    assert.deepEqual(syntaxErrors(after), []);
    for (const id of ["T1", "T2", "N1", "NT1", "NT2", "NL1", "NL2", "NL3"]) assert.match(after, new RegExp(`scan 2025-06-07 CT \\{[^}]*\\n    ${id} +not evaluated`));
  });

  it("inserts the next scheduled scan when follow-up is overdue (R13)", () => {
    const text = IUPD_PENDING.replace("as of 2025-05-10", "as of 2025-09-01");
    const action = only(fixesFor(text, "follow-up-overdue"), /^Insert next scheduled scan/);
    const after = applyWorkspaceEdit(text, action.edit);
    assert.deepEqual(syntaxErrors(after), []);
    assert.match(after, /scan 2025-06-21 CT \{\n    T1  not evaluated\n/);
  });

  it("adds the lesions missing from a scan (R4)", () => {
    const action = only(fixesFor(FIXABLE, "missing-measurement"), /^Add the lesions missing from this scan: T2/);
    const after = applyWorkspaceEdit(FIXABLE, action.edit);
    assert.match(after, /scan 2025-02-10 CT \{\n    T1 39 mm\n    T3 19 mm\n    NT1 present\n    T2 not evaluated\n  \}/);
    assert.ok(!caseDocument(after).analysis.diagnostics.some((d) => d.code === "missing-measurement"));
  });

  it("replaces an unknown organ or lesion id with the suggestion", () => {
    const organ = applyWorkspaceEdit(FIXABLE, only(fixesFor(FIXABLE, "unknown-organ"), /Replace 'lvier' with 'liver'/).edit);
    assert.match(organ, /NT1 non-target liver present/);
    const lesion = applyWorkspaceEdit(FIXABLE, only(fixesFor(FIXABLE, "unknown-lesion"), /Replace 'T3' with 'T1'/).edit);
    assert.match(lesion, /T1 19 mm/);
  });

  it("makes a surplus target lesion non-target (R1)", () => {
    const after = applyWorkspaceEdit(TOO_MANY_TARGETS, only(fixesFor(TOO_MANY_TARGETS, "too-many-targets"), /Make N1 a non-target lesion/).edit);
    assert.match(after, /N1 non-target node 18 mm/);
    assert.ok(!caseDocument(after).analysis.diagnostics.some((d) => d.code === "too-many-targets"));
    const organ = applyWorkspaceEdit(TOO_MANY_TARGETS, only(fixesFor(TOO_MANY_TARGETS, "too-many-targets-in-organ"), /Make T3 a non-target lesion/).edit);
    assert.match(organ, /T3 non-target liver 20 mm/);
  });

  it("sorts scans by date, keeping everything else in place (R13)", () => {
    const after = applyWorkspaceEdit(FIXABLE, only(fixesFor(FIXABLE, "scan-order"), /^Sort scans by date$/).edit);
    assert.deepEqual(syntaxErrors(after), []);
    assert.ok(after.indexOf("scan 2025-02-10") < after.indexOf("scan 2025-02-20"));
    assert.equal(after.length, FIXABLE.length);
    assert.ok(!caseDocument(after).analysis.diagnostics.some((d) => d.code === "scan-order"));
  });

  it("converts cm to mm exactly (R2)", () => {
    const c = on(IUPD_PENDING, "3.8 cm", 0, 1);
    const action = only(codeActions(c.doc, { start: c.position, end: c.position }, [], DEFAULT_SETTINGS), /^Convert 3\.8 cm to mm$/);
    assert.match(applyWorkspaceEdit(IUPD_PENDING, action.edit), /T1 38 mm\n/);
  });

  it("switches a patient on immunotherapy from RECIST 1.1 to iRECIST (R10)", () => {
    const c = on(FIXABLE, "schedule", 0, 1);
    const action = only(codeActions(c.doc, { start: c.position, end: c.position }, [], DEFAULT_SETTINGS), /^Switch PT-8 from RECIST 1\.1 to iRECIST/);
    const after = applyWorkspaceEdit(FIXABLE, action.edit);
    assert.match(after, /^patient PT-8 \{\n  criteria iRECIST\n  schedule every 6 weeks/);
    assert.equal(caseDocument(after).analysis.assessment.patients[0].criteria, "iRECIST");
    const explicit = FIXABLE.replace("  schedule", "  criteria RECIST 1.1\n  schedule");
    const c2 = on(explicit, "schedule", 0, 1);
    const again = only(codeActions(c2.doc, { start: c2.position, end: c2.position }, [], DEFAULT_SETTINGS), /^Switch PT-8/);
    assert.match(applyWorkspaceEdit(explicit, again.edit), /\n  criteria iRECIST\n  schedule/);
    const c3 = on(after, "schedule", 0, 1);
    assert.ok(!codeActions(c3.doc, { start: c3.position, end: c3.position }, [], DEFAULT_SETTINGS).some((a) => /^Switch/.test(a.title)));
  });

  it("every action offered anywhere in the examples and test cases leaves a file that parses", () => {
    const texts: Record<string, string> = { ...ALL_CASES };
    for (const name of fs.readdirSync(EXAMPLES_DIR).filter((n) => n.endsWith(".nadir"))) texts[name] = fs.readFileSync(path.join(EXAMPLES_DIR, name), "utf8");
    let checked = 0;
    for (const [name, text] of Object.entries(texts)) {
      const doc = caseDocument(text);
      const before = syntaxErrors(text).length;
      const diagnostics = toLspDiagnostics(doc.document, doc.analysis.diagnostics);
      const lines = text.split("\n").length;
      const tried = new Set<string>();
      for (let line = 0; line < lines; line++) {
        const position = { line, character: 4 };
        const here = diagnostics.filter((d) => d.range.start.line === line);
        for (const action of codeActions(doc, { start: position, end: position }, here, DEFAULT_SETTINGS)) {
          const key = JSON.stringify(action.edit);
          if (tried.has(key)) continue;
          tried.add(key);
          const after = applyWorkspaceEdit(text, action.edit);
          assert.ok(syntaxErrors(after).length <= before, `${name}: '${action.title}' broke the file:\n${syntaxErrors(after).join("\n")}`);
          checked++;
        }
      }
    }
    assert.ok(checked > 50, `only ${checked} actions checked`);
  });
});
