// Ranges the tree does not keep as nodes: a keyword between two tokens.
import type { LesionNode, Span } from "../syntax/ast";

/** The declaring words of a lesion line (`target`, `non-target`, `new [equivocal]`). */
export function declareKeywordSpan(text: string, line: LesionNode): Span {
  const after = line.organ ?? line.description ?? line.value;
  const between = text.slice(line.id.end, after.start);
  const lead = between.length - between.trimStart().length;
  const start = line.id.end + lead;
  const end = line.id.end + between.trimEnd().length;
  return end > start ? { start, end } : { start: line.id.start, end: line.id.end };
}

