// Publishing diagnostics. After an edit: the cached analysis follows the edit (documentState.ts)
// and its diagnostics go out from pre-encoded pieces (transport.ts), tagged with the version they
// describe, and only while that version is the document's.
//
// Opening a large file (or analysing it again after a settings change) takes seconds, so the
// diagnostics of the patients on screen (nadir/visibleRanges from the client; the top of the file
// otherwise) are published first, from an analysis of those patients alone: exactly what the full
// analysis gives them (service/diagnostics: diagnosticsAround). A work-done progress ("Nadir:
// checking FILE") shows in the editor until the full analysis is published, so a list that is not
// complete yet is never presented as complete. LSP allows this: every publish replaces the
// previous one, and both carry the same document version.
import * as path from "path";
import type { Connection, TextDocuments, WorkDoneProgressServerReporter } from "vscode-languageserver/node";
import type { TextDocument } from "vscode-languageserver-textdocument";
import { PublishDiagnosticsNotification, PublishDiagnosticsParams } from "vscode-languageserver/node";
import type { AnalysisCache } from "./documentState";
import { EncodedPublishParams } from "./transport";
import { diagnosticsAround, encodeDiagnostics, EncodedDiagnostics } from "../service/diagnostics";
import type { VisibleRangesParams } from "../protocol/visibleRanges";

/** Files at least this long (UTF-16 code units, about bytes) get the patients on screen first. */
export const FIRST_PUBLISH_MIN_LENGTH = 256 * 1024;
/** How much text the first analysis covers at least (about 60 patients): more than a screen. */
const FIRST_SLICE_LENGTH = 64 * 1024;
/** The client must answer window/workDoneProgress/create within this, or no progress is shown. */
const PROGRESS_CREATE_WAIT_MS = 2000;

export class DiagnosticsPublisher {
  private readonly visible = new Map<string, VisibleRangesParams["ranges"]>();
  /** Documents whose first diagnostics are out and whose full analysis is due. */
  private readonly opening = new Set<string>();
  /** How many first (partial) publishes were sent (tests, status). */
  firstPublishes = 0;

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly cache: AnalysisCache,
    private readonly log: (message: string) => void,
  ) {}

  /** Documents whose first diagnostics are out and whose full ones are not yet. */
  get pendingFull(): number {
    return this.opening.size;
  }

  setVisible(params: VisibleRangesParams): void {
    if (typeof params?.uri !== "string" || !Array.isArray(params.ranges)) return;
    const ranges = params.ranges.filter((r) => Number.isInteger(r?.startLine) && Number.isInteger(r?.endLine) && r.startLine >= 0 && r.endLine >= r.startLine);
    if (ranges.length > 0) this.visible.set(params.uri, ranges);
  }

  forget(uri: string): void {
    this.visible.delete(uri);
  }

  /** Publishes the diagnostics of the document's current version (first those on screen, for a large unanalysed file). */
  publish(uri: string): void {
    const document = this.documents.get(uri);
    if (!document || this.opening.has(uri)) return; // an opening publishes the then current version at its end
    if (!this.cache.has(uri) && document.getText().length >= FIRST_PUBLISH_MIN_LENGTH) void this.publishFirstThenAll(document);
    else this.publishAll(uri);
  }

  private publishAll(uri: string): void {
    try {
      const document = this.documents.get(uri);
      if (!document) return;
      this.send(document, this.cache.encodedDiagnostics(document));
    } catch (e) {
      this.log(`nadir: validating ${uri} failed: ${describe(e)}`);
    }
  }

  private send(document: TextDocument, encoded: EncodedDiagnostics): void {
    const { uri, version } = document;
    const isCurrent = () => this.documents.get(uri)?.version === version;
    if (!isCurrent()) return; // a newer edit will publish
    // The writer checks again when the message reaches the wire (transport.ts).
    const params = new EncodedPublishParams(uri, version, encoded, isCurrent) as unknown as PublishDiagnosticsParams;
    void this.connection.sendNotification(PublishDiagnosticsNotification.type, params).catch((e) => this.log(`nadir: publishing ${uri} failed: ${describe(e)}`));
  }

  private async publishFirstThenAll(document: TextDocument): Promise<void> {
    const uri = document.uri;
    this.opening.add(uri);
    let progress: WorkDoneProgressServerReporter | null = null;
    try {
      const [from, to] = this.visibleOffsets(document);
      const first = diagnosticsAround(document.getText(), from, to, FIRST_SLICE_LENGTH, (slice) => this.cache.analyseAlone(slice));
      // Nothing found there yet is nothing to show: the editor shows none before the first publish.
      if (first.diagnostics.length > 0) {
        this.send(document, encodeDiagnostics(document, first.diagnostics, first.blocks));
        this.firstPublishes++;
      }
      progress = await this.createProgress();
      progress?.begin("Nadir", undefined, `checking ${fileName(uri)}: the patients on screen first`);
      // Let the first publish and the progress reach the client before the full analysis holds the thread.
      await new Promise((resolve) => setTimeout(resolve, 0));
    } catch (e) {
      this.log(`nadir: first diagnostics of ${uri} failed: ${describe(e)}`);
    } finally {
      this.opening.delete(uri);
      this.publishAll(uri);
      progress?.done();
    }
  }

  private async createProgress(): Promise<WorkDoneProgressServerReporter | null> {
    const created = this.connection.window.createWorkDoneProgress();
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), PROGRESS_CREATE_WAIT_MS)));
    const progress = await Promise.race([created, late]).catch(() => null);
    clearTimeout(timer);
    // Created too late: ended at once, so that the client shows nothing.
    if (progress === null) void created.then((p) => p.done(), () => undefined);
    return progress;
  }

  /** Offsets of the visible lines the client last reported, or the top of the file. */
  private visibleOffsets(document: TextDocument): [number, number] {
    const ranges = this.visible.get(document.uri);
    if (!ranges) return [0, 0];
    const last = document.lineCount - 1;
    const startLine = Math.min(ranges[0].startLine, last);
    const endLine = Math.min(ranges[ranges.length - 1].endLine, last);
    return [document.offsetAt({ line: startLine, character: 0 }), document.offsetAt({ line: endLine + 1, character: 0 })];
  }
}

function fileName(uri: string): string {
  try {
    return decodeURIComponent(path.posix.basename(uri));
  } catch {
    return uri;
  }
}

export function describe(e: unknown): string {
  return e instanceof Error ? `${e.message}\n${e.stack ?? ""}` : String(e);
}
