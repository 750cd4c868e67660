// Issue 10 item 5: one source for the iUPD confirmation window and the scan it belongs to. This
// collects every place that shows it (engine, diagnostics, assess table, hover, code lens, quick
// fix) and checks they agree with each other and with the iRECIST responses: the window belongs to
// the first iUPD of the last open run and runs 28-56 days from it (R10 clarifications, R13).
import { strict as assert } from "assert";
import { TextDocument } from "vscode-languageserver-textdocument";
import type { Analysis } from "../../server/src/core/analyze";
import { assessTable } from "../../server/src/cli/output/assess-table";
import { hover } from "../../server/src/service/hover";
import { codeLenses } from "../../server/src/service/presentation";
import { codeActions, CONFIRMATION_TITLE } from "../../server/src/service/codeActions";
import { toLspDiagnostics } from "../../server/src/service/diagnostics";
import { DEFAULT_SETTINGS } from "../../server/src/core/settings";
import { formatDay, parseDay } from "../../server/src/core/util/dates";

const plus = (date: string, days: number) => formatDay((parseDay(date) as number) + days);

/** Index of the first iUPD of the run still open after the last TP (responses only), or -1. */
export function openRunStart(iResponses: string[]): number {
  let start = -1;
  let previous: string | null = null;
  iResponses.forEach((r, k) => {
    if (r === "iUPD" && previous !== "iUPD") start = k;
    else if (r !== "iUPD" && r !== "NE") start = -1;
    if (r !== "NE") previous = r;
  });
  return start;
}

export function checkWindows(analysis: Analysis, label: string): void {
  const text = analysis.text;
  const document = TextDocument.create("file:///w.nadir", "nadir", 1, text);
  const doc = { document, analysis };
  const table = assessTable([{ path: label, analysis }], false);
  const lenses = codeLenses(doc).map((l) => l.command?.title ?? "");
  const lsp = toLspDiagnostics(document, analysis.diagnostics);
  for (const pa of analysis.assessment.patients) {
    pa.episodes.forEach((ea, e) => {
      const where = `${label} ${pa.id} episode ${e + 1}`;
      const w = ea.pendingConfirmation;
      const iResponses = ea.timepoints.map((tp) => tp.iResponse ?? "-");
      if (pa.criteria !== "iRECIST") {
        assert.equal(w, null, `${where}: a window under RECIST 1.1`);
        return;
      }
      const start = openRunStart(iResponses);
      if (w === null) {
        // No window: no open run, or it already had a counted (evaluable, not early) scan.
        if (start >= 0) {
          const startDay = ea.timepoints[start].day;
          const counted = ea.timepoints.slice(start + 1).some((tp) => tp.iResponse === "iUPD" && tp.day - startDay >= 26);
          assert.ok(counted, `${where}: open run from ${ea.timepoints[start].date} without a counted scan, but no pending window`);
        }
        return;
      }
      assert.ok(start >= 0, `${where}: a window without an open run (${iResponses.join(", ")})`);
      const iupd = ea.timepoints[start];
      assert.deepEqual(w, { iupdDate: iupd.date, from: plus(iupd.date, 28), to: plus(iupd.date, 56) }, `${where}: the window belongs to the first iUPD of the run`);
      for (const tp of ea.timepoints.slice(start + 1)) assert.ok(tp.iResponse === "NE" || tp.day - iupd.day < 26, `${where}: a counted scan ${tp.date} yet a pending window`);
      const line = `iUPD of ${w.iupdDate} awaits confirmation, window ${w.from} to ${w.to}`;
      assert.ok(table.includes(line), `${where}: the table does not say "${line}"`);
      const scanNode = iupd.scan.node;
      const dateToken = scanNode.header.date ?? scanNode.header;
      const hovered = hover(doc, document.positionAt(dateToken.start + 1));
      const hoverText = typeof hovered?.contents === "object" && "value" in hovered.contents ? hovered.contents.value : "";
      assert.ok(hoverText.includes(`awaiting confirmation of the iUPD of ${w.iupdDate}: confirmation scan due ${w.from} to ${w.to}`), `${where}: hover disagrees: ${hoverText}`);
      assert.ok(lenses.includes(`iUPD: confirmation scan due ${w.from} to ${w.to} (R10)`), `${where}: code lens disagrees: ${lenses.join(" | ")}`);
      const isLast = e === pa.episodes.length - 1;
      const due = analysis.assessment.diagnostics.filter((d) => (d.code === "confirmation-due" || d.code === "unconfirmed-pseudoprogression") && d.start === dateToken.start);
      if (isLast) {
        assert.equal(due.length, 1, `${where}: one confirmation-due or unconfirmed-pseudoprogression`);
        assert.deepEqual(due[0].data, { iupdDate: w.iupdDate, windowFrom: w.from, windowTo: w.to }, `${where}: diagnostic data`);
        assert.ok(due[0].message.includes(`${w.from} to ${w.to}`) && due[0].message.includes(w.iupdDate), `${where}: diagnostic message`);
        const fix = lsp.find((d) => d.code === due[0].code && document.offsetAt(d.range.start) === due[0].start);
        const actions = fix ? codeActions(doc, fix.range, [fix], DEFAULT_SETTINGS) : [];
        const action = actions.find((a) => a.title.startsWith(CONFIRMATION_TITLE));
        if (action) {
          const m = /on (\d{4}-\d{2}-\d{2}) \(window (\S+) to (\S+), R10\)/.exec(action.title);
          assert.ok(m, `${where}: quick fix title ${action.title}`);
          assert.deepEqual([m[2], m[3]], [w.from, w.to], `${where}: quick fix window`);
          const last = ea.timepoints[ea.timepoints.length - 1];
          assert.ok(m[1] >= plus(w.iupdDate, 26) && m[1] > last.date, `${where}: quick fix date ${m[1]}`);
        }
      }
    });
  }
}
