// Opening a large file (issue 16, item 3): the server first publishes the diagnostics of the
// patients on screen (nadir/visibleRanges; the top of the file otherwise), exactly as the full
// analysis gives them, shows a work-done progress, then publishes all diagnostics of the same
// version. A small file gets one publish; an edit during the opening ends on the edited version.
import { strict as assert } from "assert";
import { TextDocument } from "vscode-languageserver-textdocument";
import type { Diagnostic, PublishDiagnosticsParams } from "vscode-languageserver-protocol/node";
import { analyze } from "../../server/src/core/analyze";
import { serverSettingsFrom } from "../../server/src/service/settings";
import { toLspDiagnostics } from "../../server/src/service/diagnostics";
import { FIRST_PUBLISH_MIN_LENGTH } from "../../server/src/lsp/publisher";
import { VISIBLE_RANGES_NOTIFICATION } from "../../server/src/protocol/visibleRanges";
import { CROSS_PATIENT_CODES } from "../../server/src/core/check";
import { generateCohort } from "../../bench/generate";
import { replaceAt, SETTINGS } from "./editSteps";
import { TestClient } from "./lspClient";

const LARGE = generateCohort(19, 160).text;
const settings = serverSettingsFrom(SETTINGS);

function full(text: string): Diagnostic[] {
  const document = TextDocument.create("file:///f.nadir", "nadir", 1, text);
  return JSON.parse(JSON.stringify(toLspDiagnostics(document, analyze(text, { settings: settings.core }).diagnostics)));
}

/** The line of the header of the `n`th patient (1-based). */
function patientLine(text: string, n: number): number {
  const at = text.indexOf(`patient PT-${String(n).padStart(5, "0")} {`);
  assert.ok(at >= 0);
  return text.slice(0, at).split("\n").length - 1;
}

describe("lsp: a large file shows the diagnostics on screen first (issue 16)", function () {
  this.timeout(60_000);
  let client: TestClient;

  before(async () => {
    assert.ok(LARGE.length >= FIRST_PUBLISH_MIN_LENGTH, `the test file (${LARGE.length}) is large enough`);
    client = await TestClient.start({ capabilities: { window: { workDoneProgress: true } }, initializationOptions: { settings: SETTINGS } });
  });
  after(() => client?.kill());

  async function open(uri: string, text: string): Promise<{ first: PublishDiagnosticsParams; all: PublishDiagnosticsParams; publishes: PublishDiagnosticsParams[] }> {
    const since = client.published.length;
    await client.open(uri, text);
    const first = await client.waitForDiagnostics(uri, (p) => p.version === 1, since);
    const all = await client.waitForDiagnostics(uri, (p) => p.version === 1 && p !== first, since);
    return { first, all, publishes: client.published.slice(since).filter((p) => p.uri === uri) };
  }

  it("publishes the patients at the visible lines first, exactly as the full analysis has them, then all, with a progress between", async () => {
    const uri = "file:///large-visible.nadir";
    const progressBefore = client.progress.length;
    const visible = { startLine: patientLine(LARGE, 80), endLine: patientLine(LARGE, 81) + 10 };
    await client.connection.sendNotification(VISIBLE_RANGES_NOTIFICATION, { uri, ranges: [visible] });
    const { first, all } = await open(uri, LARGE);
    const expected = full(LARGE);
    assert.deepEqual(all.diagnostics, expected, "the second publish has every diagnostic");
    assert.ok(first.diagnostics.length > 0 && first.diagnostics.length < expected.length, `first ${first.diagnostics.length} of ${expected.length}`);
    // Every first diagnostic is one of the full set, and the visible patients' are all there.
    const key = (d: Diagnostic) => JSON.stringify(d);
    const inFull = new Set(expected.map(key));
    for (const d of first.diagnostics) assert.ok(inFull.has(key(d)), `not in the full analysis: ${key(d)}`);
    const visibleFull = expected.filter((d) => d.range.start.line >= visible.startLine && d.range.start.line <= visible.endLine && !CROSS_PATIENT_CODES.has(String(d.code)));
    assert.ok(visibleFull.length > 0, "the visible patients have findings");
    const firstKeys = new Set(first.diagnostics.map(key));
    for (const d of visibleFull) assert.ok(firstKeys.has(key(d)), `missing on screen: ${key(d)}`);
    assert.ok(first.diagnostics.every((d) => d.range.start.line >= patientLine(LARGE, 79)), "the first publish starts at the visible patients, not at the top");
    await client.waitUntil(() => client.progress.slice(progressBefore).some((p) => p.value.kind === "end"), "the progress ends");
    const progress = client.progress.slice(progressBefore).map((p) => p.value.kind);
    assert.deepEqual(progress, ["begin", "end"]);
    assert.match(client.progress[progressBefore].value.message ?? "", /checking large-visible\.nadir/);
    await client.close(uri);
  });

  it("without visible ranges starts at the top of the file", async () => {
    const uri = "file:///large-top.nadir";
    const { first, all } = await open(uri, LARGE);
    assert.ok(first.diagnostics.length < all.diagnostics.length);
    assert.ok(first.diagnostics.every((d) => d.range.start.line < patientLine(LARGE, 60)), "the first patients");
    assert.deepEqual(all.diagnostics, full(LARGE));
    await client.close(uri);
  });

  it("an edit during the opening ends on the edited version, and nothing older follows it", async () => {
    const uri = "file:///large-edit.nadir";
    const since = client.published.length;
    await client.open(uri, LARGE);
    const change = replaceAt(LARGE, "  }\n", "  }\n\n", LARGE.length >> 1);
    const edited = TextDocument.update(TextDocument.create(uri, "nadir", 1, LARGE), [change], 2).getText();
    await client.change(uri, 2, [change]);
    await client.waitForDiagnostics(uri, (p) => p.version === 2, since);
    // The server may have opened version 1 or (both arriving together) version 2 first: once no
    // full analysis is pending (its answer follows every publish sent before it), the last publish is complete.
    for (;;) {
      const status = (await client.connection.sendRequest("nadir/status")) as { pendingFullDiagnostics: number };
      if (status.pendingFullDiagnostics === 0) break;
    }
    const publishes = client.published.slice(since).filter((p) => p.uri === uri);
    assert.equal(publishes[publishes.length - 1].version, 2);
    assert.deepEqual(publishes[publishes.length - 1].diagnostics, full(edited));
    const versions = publishes.map((p) => p.version!);
    assert.ok(versions.every((v, i) => i === 0 || v >= versions[i - 1]), `versions ${versions.join(", ")}`);
    await client.close(uri);
  });

  it("a small file gets one publish", async () => {
    const uri = "file:///small.nadir";
    const text = generateCohort(19, 10).text;
    const since = client.published.length;
    await client.open(uri, text);
    const published = await client.waitForDiagnostics(uri, (p) => p.version === 1, since);
    assert.deepEqual(published.diagnostics, full(text));
    await client.close(uri);
    assert.equal(client.published.slice(since).filter((p) => p.uri === uri && p.version === 1).length, 1);
  });
});

describe("lsp: a large file with a client without progress support (issue 16)", function () {
  this.timeout(60_000);

  it("still publishes the first patients, then all", async () => {
    const client = await TestClient.start({ capabilities: {}, initializationOptions: { settings: SETTINGS } });
    try {
      const uri = "file:///large-plain.nadir";
      await client.open(uri, LARGE);
      const first = await client.waitForDiagnostics(uri, (p) => p.version === 1);
      const all = await client.waitForDiagnostics(uri, (p) => p.version === 1 && p !== first);
      assert.ok(first.diagnostics.length < all.diagnostics.length);
      assert.deepEqual(all.diagnostics, full(LARGE));
      assert.deepEqual(client.progress, []);
    } finally {
      client.kill();
    }
  });
});
