// Edits through the real server (`nadir lsp --stdio`) are re-analysed per patient (issue 7): after
// every edit the published diagnostics equal those of a fresh open of the same final text, for
// edits inside one patient (the incremental path) and for edits that touch patient headers or
// braces, whole-text replacements and several changes in one notification (the full fallback).
import { strict as assert } from "assert";
import { TextDocument } from "vscode-languageserver-textdocument";
import type { PublishDiagnosticsParams } from "vscode-languageserver-protocol/node";
import { CLEAN_FIRST, COHORT, IN_CLEAN_PATIENT, INSIDE_PATIENT, middle, SETTINGS, Step, STRUCTURAL } from "./editSteps";
import { TestClient } from "./lspClient";

describe("lsp: per-patient re-analysis after edits (issue 7)", function () {
  let client: TestClient;
  let opened = 0;

  before(async () => {
    client = await TestClient.start({ capabilities: {}, initializationOptions: { settings: SETTINGS } });
  });

  after(() => client?.kill());

  async function openFresh(text: string): Promise<PublishDiagnosticsParams> {
    const uri = `untitled:fresh-${++opened}.nadir`;
    const since = client.published.length;
    await client.open(uri, text);
    const published = await client.waitForDiagnostics(uri, (p) => p.version === 1, since);
    await client.close(uri);
    return published;
  }

  /** Applies each step to an open document and compares its diagnostics with a fresh open's. */
  async function replay(base: string, steps: Step[]): Promise<void> {
    const uri = `untitled:edited-${++opened}.nadir`;
    let document = TextDocument.create(uri, "nadir", 1, base);
    let since = client.published.length;
    await client.open(uri, base);
    await client.waitForDiagnostics(uri, (p) => p.version === 1, since);
    for (const step of steps) {
      const version = document.version + 1;
      const changes = step.changes(document.getText());
      document = TextDocument.update(document, changes, version);
      since = client.published.length;
      await client.change(uri, version, changes);
      const edited = await client.waitForDiagnostics(uri, (p) => p.version === version, since);
      const fresh = await openFresh(document.getText());
      assert.ok(fresh.diagnostics.length > 0, `${step.name}: the cohort has findings to compare`);
      assert.deepEqual(edited.diagnostics, fresh.diagnostics, `after "${step.name}" the diagnostics differ from a fresh open`);
    }
    await client.close(uri);
  }

  // Which path each edit takes is asserted in-process (test/lsp/documentState.test.ts, same steps).
  it("edits inside one patient publish what a fresh open publishes", async () => {
    await replay(COHORT, INSIDE_PATIENT);
  });

  it("edits in a patient without findings move every later finding", async () => {
    await replay(CLEAN_FIRST, IN_CLEAN_PATIENT);
  });

  it("edits touching patient headers and braces, several changes at once and whole-text replacements too", async () => {
    await replay(COHORT, STRUCTURAL);
  });

  it("a burst of edits validated once (debounce) still ends where a fresh open ends", async () => {
    const uri = "untitled:burst.nadir";
    let document = TextDocument.create(uri, "nadir", 1, COHORT);
    let since = client.published.length;
    await client.open(uri, COHORT);
    await client.waitForDiagnostics(uri, (p) => p.version === 1, since);
    since = client.published.length;
    // Three keystrokes sent back to back: the server may validate any subset of these versions (the
    // cached one is then more than one change behind); the last must match a fresh open.
    const at = document.positionAt(COHORT.indexOf(" mm\n", middle(COHORT)));
    for (const [i, digit] of ["1", "2", "3"].entries()) {
      const position = { line: at.line, character: at.character + i };
      const changes = [{ range: { start: position, end: position }, text: digit }];
      document = TextDocument.update(document, changes, document.version + 1);
      void client.change(uri, document.version, changes);
    }
    const edited = await client.waitForDiagnostics(uri, (p) => p.version === document.version, since);
    const fresh = await openFresh(document.getText());
    assert.deepEqual(edited.diagnostics, fresh.diagnostics);
    await client.close(uri);
  });
});
