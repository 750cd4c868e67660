// Inline case text with marked ranges: `⟦` and `⟧` surround each expected range and are removed
// from the text. Ranges come back in order of their opening mark.
import type { CoreDiagnostic } from "../../server/src/core/diagnostics";

export interface MarkedSpan {
  start: number;
  end: number;
}

export interface Marked {
  text: string;
  spans: MarkedSpan[];
}

export function marked(source: string): Marked {
  let text = "";
  const spans: MarkedSpan[] = [];
  const open: number[] = [];
  for (const ch of source) {
    if (ch === "⟦") open.push(spans.push({ start: text.length, end: -1 }) - 1);
    else if (ch === "⟧") {
      const i = open.pop();
      if (i === undefined) throw new Error("unbalanced ⟧ in marked text");
      spans[i].end = text.length;
    } else text += ch;
  }
  if (open.length) throw new Error("unbalanced ⟦ in marked text");
  return { text, spans };
}

/** Text, code and range of a diagnostic, for readable deep-equal assertions. */
export function describe(text: string, d: CoreDiagnostic): string {
  return `${d.code} [${text.slice(d.start, d.end)}] @${d.start}-${d.end}`;
}

export function describeSpan(text: string, code: string, span: MarkedSpan): string {
  return `${code} [${text.slice(span.start, span.end)}] @${span.start}-${span.end}`;
}
