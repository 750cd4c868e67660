// Per-document state of the server: the cached analysis (keyed by document version, settings and
// "today") and the debounced re-validation that pushes diagnostics. A result is published only for
// the document's latest version, and nothing is kept once a document is closed.
//
// After an edit the previous analysis is updated per patient (core/incremental, issue 7) instead
// of analysing the whole text again. The edit comes straight from the client's incremental content
// change when exactly one arrived since the cached version (recorded by `trackedTextDocuments`),
// otherwise from comparing the texts (changeBetween). reanalyze() consumes the previous analysis
// (it moves its nodes), so the cache entry is dropped before it runs and no CaseDocument of the
// previous version is handed out afterwards; handlers use a CaseDocument synchronously only.
import { TextDocuments } from "vscode-languageserver/node";
import { TextDocument, TextDocumentContentChangeEvent } from "vscode-languageserver-textdocument";
import { analyze, Analysis } from "../core/analyze";
import { reanalyze, TextChange } from "../core/incremental/reanalyze";
import { changeBetween } from "../core/incremental/changeBetween";
import type { Settings } from "../core/settings";
import { todayDay } from "../core/util/dates";
import type { CaseDocument } from "../service/document";
import { EditExtent, encodeDiagnostics, EncodedDiagnostics } from "../service/diagnostics";
import type { Diagnostic } from "vscode-languageserver-types";
import type { ServerSettings } from "../service/settings";

interface CachedAnalysis {
  version: number;
  generation: number;
  /** The exact settings object and day the analysis was made with; reanalyze() needs the same. */
  settings: Settings;
  today: number;
  analysis: Analysis;
  caseDocument: CaseDocument;
  /** Its diagnostics, encoded for publishing, made on first publish. */
  encoded: EncodedDiagnostics | null;
  /** What the encoding may take over from the previous version's (see encodeDiagnostics). */
  reuse: { previous: EncodedDiagnostics; edit: EditExtent } | null;
}

/** The edits made since the cached version: the one client change, or null when not exactly one. */
interface PendingEdit {
  toVersion: number;
  change: TextChange | null;
}

export interface CacheStatistics {
  full: number;
  incremental: number;
}

export class AnalysisCache {
  private readonly entries = new Map<string, CachedAnalysis>();
  private readonly pending = new Map<string, PendingEdit>();
  private generation = 0;
  /** How analyses were made since the server started (tests, status request). */
  readonly statistics: CacheStatistics = { full: 0, incremental: 0 };

  constructor(private settings: () => ServerSettings) {}

  /** Forget every analysis (settings changed). */
  invalidateAll(): void {
    this.generation++;
    this.entries.clear();
    this.pending.clear();
  }

  delete(uri: string): void {
    this.entries.delete(uri);
    this.pending.delete(uri);
  }

  get size(): number {
    return this.entries.size;
  }

  /** Whether an analysis of the document is cached (of any version: an edit then updates it per patient). */
  has(uri: string): boolean {
    return this.entries.has(uri);
  }

  /** An analysis of `text` alone with the settings and day of the cached ones (nothing is cached). */
  analyseAlone(text: string): Analysis {
    return analyze(text, { settings: this.settings().core, today: todayDay() });
  }

  /**
   * Notes the client's changes that turned version `fromVersion` of a document into `toVersion`:
   * offsets into the text they applied to (null for a whole-text replacement).
   */
  recordEdit(uri: string, fromVersion: number, toVersion: number, changes: TextChange[] | null): void {
    const cached = this.entries.get(uri);
    if (!cached) return;
    const pending = this.pending.get(uri);
    const follows = pending ? pending.toVersion === fromVersion : cached.version === fromVersion;
    const single = !pending && follows && changes !== null && changes.length === 1 ? changes[0] : null;
    this.pending.set(uri, { toVersion, change: single });
  }

  caseDocument(document: TextDocument): CaseDocument {
    return this.entry(document).caseDocument;
  }

  /** The document's diagnostics encoded for publishing, reusing the previous version's pieces where the edit left them alone. */
  encodedDiagnostics(document: TextDocument): EncodedDiagnostics {
    const entry = this.entry(document);
    if (!entry.encoded) {
      entry.encoded = encodeDiagnostics(document, entry.analysis.diagnostics, entry.analysis.parse.file.items, entry.reuse?.previous ?? null, entry.reuse?.edit ?? null);
      entry.reuse = null;
    }
    return entry.encoded;
  }

  /** The document's diagnostics as LSP objects (what a publish carries; tests compare them). */
  lspDiagnostics(document: TextDocument): Diagnostic[] {
    return this.encodedDiagnostics(document).toDiagnostics();
  }

  private entry(document: TextDocument): CachedAnalysis {
    const cached = this.entries.get(document.uri);
    const settings = this.settings().core;
    const today = todayDay();
    const reusable = cached && cached.generation === this.generation && cached.settings === settings && cached.today === today;
    if (reusable && cached.version === document.version) return cached;
    const text = document.getText();
    let analysis: Analysis;
    let reuse: CachedAnalysis["reuse"] = null;
    if (reusable) {
      const lengthDelta = text.length - cached.analysis.text.length;
      const updated = this.updated(document.uri, document.version, cached, text);
      analysis = updated.analysis;
      if (cached.encoded) reuse = { previous: cached.encoded, edit: updated.edit };
      // A version analysed but never published (a hover or semantic-tokens request came first):
      // the pieces of the last published one still serve, for both edits together.
      else if (cached.reuse) reuse = { previous: cached.reuse.previous, edit: composeEdits(cached.reuse.edit, updated.edit, lengthDelta) };
    } else {
      analysis = this.full(text, settings, today);
    }
    const entry: CachedAnalysis = {
      version: document.version, generation: this.generation, settings, today, analysis, caseDocument: { document, analysis }, encoded: null, reuse,
    };
    this.entries.set(document.uri, entry);
    this.pending.delete(document.uri);
    return entry;
  }

  private full(text: string, settings: Settings, today: number): Analysis {
    this.statistics.full++;
    return analyze(text, { settings, today });
  }

  /** The cached analysis moved to `text`: per patient when the edit allows it, else in full. */
  private updated(uri: string, version: number, cached: CachedAnalysis, text: string): { analysis: Analysis; edit: EditExtent } {
    // The recorded change is the one TextDocument applied (same offsets, same edit), so it yields
    // exactly the document's text from the previous one; its length is checked as a guard against
    // a bookkeeping slip (a full comparison would copy and compare the whole text on every edit).
    const recorded = this.pending.get(uri);
    const fits = (c: TextChange) => cached.analysis.text.length - (c.end - c.start) + c.text.length === text.length;
    const change = recorded && recorded.toVersion === version && recorded.change && fits(recorded.change) ? recorded.change : changeBetween(cached.analysis.text, text);
    // From here on the previous analysis is being consumed: nothing may reach it any more.
    this.entries.delete(uri);
    this.pending.delete(uri);
    const afresh = () => ({ analysis: this.full(text, cached.settings, cached.today), edit: { unchangedPrefix: 0, changedEnd: text.length } });
    let result;
    try {
      result = reanalyze(cached.analysis, change, { settings: cached.settings, today: cached.today });
    } catch {
      return afresh();
    }
    if (result.analysis.text.length !== text.length) return afresh();
    if (result.incremental) this.statistics.incremental++;
    else this.statistics.full++;
    // One copy of the text: the document's (the rebuilt one is a concatenation of slices).
    result.analysis.text = text;
    return { analysis: result.analysis, edit: { unchangedPrefix: change.start, changedEnd: change.start + change.text.length } };
  }
}

/**
 * The extent of edit `first` followed by `second` (which changed the text's length by `secondDelta`):
 * the text before both, and the text after both that neither touched (in the final offsets).
 */
export function composeEdits(first: EditExtent, second: EditExtent, secondDelta: number): EditExtent {
  return { unchangedPrefix: Math.min(first.unchangedPrefix, second.unchangedPrefix), changedEnd: Math.max(second.changedEnd, first.changedEnd + secondDelta) };
}

/**
 * The server's document store, recording each client change as offsets into the text it applies
 * to, so that the analysis can follow the edit without comparing whole texts.
 */
export function trackedTextDocuments(cache: AnalysisCache): TextDocuments<TextDocument> {
  return new TextDocuments<TextDocument>({ create: TextDocument.create, update: recordingUpdate(cache) });
}

/** TextDocument.update that also tells the cache what changed. */
export function recordingUpdate(cache: AnalysisCache) {
  return (document: TextDocument, changes: TextDocumentContentChangeEvent[], version: number): TextDocument => {
    const fromVersion = document.version;
    // Applied one at a time, as TextDocument.update does, so each range is read against the text
    // it applies to; a whole-text replacement leaves no offsets to record.
    let offsets: TextChange[] | null = [];
    for (const change of changes) {
      if (offsets && "range" in change && change.range) {
        offsets.push({ start: document.offsetAt(change.range.start), end: document.offsetAt(change.range.end), text: change.text });
      } else {
        offsets = null;
      }
      document = TextDocument.update(document, [change], version);
    }
    document = TextDocument.update(document, [], version);
    cache.recordEdit(document.uri, fromVersion, version, offsets);
    return document;
  };
}

/** One timer per document: the last edit wins, earlier pending validations are dropped. */
export class ValidationScheduler {
  private readonly timers = new Map<string, NodeJS.Timeout>();

  constructor(private readonly delay: () => number, private readonly validate: (uri: string) => void) {}

  schedule(uri: string): void {
    this.cancel(uri);
    const timer = setTimeout(() => {
      this.timers.delete(uri);
      this.validate(uri);
    }, this.delay());
    this.timers.set(uri, timer);
  }

  cancel(uri: string): void {
    const timer = this.timers.get(uri);
    if (timer) clearTimeout(timer);
    this.timers.delete(uri);
  }

  cancelAll(): void {
    for (const uri of [...this.timers.keys()]) this.cancel(uri);
  }

  get pending(): number {
    return this.timers.size;
  }
}
