// Where the `#` comments of a case file are: a `#` outside a "string" runs to the end of the
// line (spec, lexical rules). Comments are not in the syntax tree, so de-identification finds
// them here.
import type { Span } from "../syntax/ast";

export function commentSpans(text: string): Span[] {
  const spans: Span[] = [];
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "\n" || c === "\r") {
      inString = false;
    } else if (inString) {
      if (c === "\\") i++;
      else if (c === '"') inString = false;
    } else if (c === '"') {
      inString = true;
    } else if (c === "#") {
      let end = i;
      while (end < text.length && text[end] !== "\n" && text[end] !== "\r") end++;
      spans.push({ start: i, end });
      i = end - 1;
    }
  }
  return spans;
}
