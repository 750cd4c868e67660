// Per-document state of the server: the cached analysis (keyed by document version and settings
// generation) and the debounced re-validation that pushes diagnostics. A result is published only
// for the document's latest version, and nothing is kept once a document is closed.
import type { TextDocument } from "vscode-languageserver-textdocument";
import { analyze, Analysis } from "../core/analyze";
import type { CaseDocument } from "../service/document";
import type { ServerSettings } from "../service/settings";

interface CachedAnalysis {
  version: number;
  generation: number;
  analysis: Analysis;
}

export class AnalysisCache {
  private readonly entries = new Map<string, CachedAnalysis>();
  private generation = 0;

  constructor(private settings: () => ServerSettings) {}

  /** Forget every analysis (settings changed). */
  invalidateAll(): void {
    this.generation++;
    this.entries.clear();
  }

  delete(uri: string): void {
    this.entries.delete(uri);
  }

  get size(): number {
    return this.entries.size;
  }

  caseDocument(document: TextDocument): CaseDocument {
    const cached = this.entries.get(document.uri);
    if (cached && cached.version === document.version && cached.generation === this.generation) {
      return { document, analysis: cached.analysis };
    }
    const analysis = analyze(document.getText(), { settings: this.settings().core });
    this.entries.set(document.uri, { version: document.version, generation: this.generation, analysis });
    return { document, analysis };
  }
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
