// Semantic tokens (full document): lesion ids by kind, dates, numbers with their units, keywords
// and statuses. The legend is fixed and announced in the initialize result.
import type { SemanticTokens } from "vscode-languageserver-types";
import type { CaseDocument } from "./document";
import type { AssessmentNode, BiopsyBlockNode, LesionNode, Span, Word } from "../core/syntax/ast";
import type { Episode } from "../core/model/types";
import { episodeOf } from "./caseIndex";

export const TOKEN_TYPES = ["lesionTarget", "lesionNonTarget", "lesionNew", "lesionUnknown", "date", "number", "keyword", "status", "organ"] as const;
export const TOKEN_MODIFIERS = ["declaration", "equivocal"] as const;
export const SEMANTIC_TOKENS_LEGEND = { tokenTypes: [...TOKEN_TYPES], tokenModifiers: [...TOKEN_MODIFIERS] };

type TokenType = (typeof TOKEN_TYPES)[number];

interface Token {
  start: number;
  end: number;
  type: TokenType;
  modifiers: number;
}

const STATUS_WORDS = /^(too small|not evaluated|absent|present|increased|progressed|stable|deterioration|undetected)$/;

type Add = (span: Span | null | undefined, type: TokenType, modifiers?: number) => void;
type Keyed = (from: number, span: Span, type: TokenType) => void;

export function semanticTokens(doc: CaseDocument): SemanticTokens {
  const text = doc.document.getText();
  const tokens: Token[] = [];
  const add = (span: Span | null | undefined, type: TokenType, modifiers = 0) => {
    if (span && span.end > span.start) tokens.push({ start: span.start, end: span.end, type, modifiers });
  };
  const keywordAt = (start: number, end: number) => {
    // Keywords are the lower-case words of a statement that are not values, ids or free text.
    const re = /[A-Za-z][A-Za-z0-9-]*/g; // `pd-l1` is one keyword
    const segment = text.slice(start, end);
    for (let m = re.exec(segment); m; m = re.exec(segment)) add({ start: start + m.index, end: start + m.index + m[0].length }, "keyword");
  };
  /** The keywords from `from` up to `span`, then `span` itself as `type`. */
  const keyed: Keyed = (from, span, type) => {
    keywordAt(from, span.start);
    add(span, type);
  };
  for (const patient of doc.analysis.parse.file.items) {
    if (patient.type !== "Patient") continue;
    const model = doc.analysis.model.patients.find((p) => p.node === patient) ?? null;
    if (!patient.header.broken) keywordAt(patient.header.start, patient.header.id?.start ?? patient.header.start);
    for (const item of patient.items) {
      switch (item.type) {
        case "Assessment":
          {
            const assessment = model?.assessments.find((a) => a.node === item);
            assessmentTokens(item, model && assessment ? episodeOf(model, assessment) : null, add, keywordAt);
          }
          break;
        case "Therapy":
          keywordAt(item.start, item.name.start);
          keyed(item.name.end, item.date, "date");
          if (item.to) keyed(item.date.end, item.to, "date");
          for (const kind of item.kinds) add(kind, "keyword");
          if (item.stopped) keyed((item.kinds[item.kinds.length - 1] ?? item.to ?? item.date).end, item.stopped, "status");
          break;
        case "Cancer":
          keywordAt(item.start, item.name.start);
          break;
        case "BiopsyBlock":
          biopsyBlockTokens(item, add, keyed);
          break;
        case "Ctdna":
          keyed(item.start, item.date, "date");
          if (item.value.unit === "undetected" || !item.value.number) add(item.value, "status");
          else keyed(item.value.start, { start: item.value.number.start, end: item.value.end }, "number");
          break;
        case "Marker":
          keyed(item.start, item.date, "date");
          add({ start: item.value.start, end: item.unit.end }, "number");
          if (item.uln) keyed(item.unit.end, item.uln, "number");
          break;
        case "Biopsy":
          keyed(item.start, item.date, "date");
          add(item.organ, "organ");
          break;
        case "Decision":
        case "AsOf":
          keyed(item.start, item.date, "date");
          break;
        case "Schedule":
          keyed(item.start, { start: item.count.start, end: item.end }, "number");
          break;
        case "Criteria":
        case "ConfirmResponses":
          add(item, "keyword");
          break;
        case "Note":
          keywordAt(item.start, item.text.start);
          break;
        default:
          break;
      }
    }
  }
  return { data: encode(doc, tokens) };
}

/** A structured biopsy (version 1.1): header, field keywords, numbers and statuses. */
function biopsyBlockTokens(node: BiopsyBlockNode, add: Add, keyed: Keyed): void {
  const h = node.header;
  if (h.date && h.organ) {
    keyed(h.start, h.date, "date");
    add(h.organ, "organ");
  }
  for (const item of node.items) {
    switch (item.type) {
      case "Pdl1":
        keyed(item.start, item.value, "number");
        if (item.assay) keyed(item.value.end, { start: item.assay.start, end: item.assay.start }, "keyword");
        break;
      case "Tmb":
        keyed(item.start, { start: item.value.start, end: item.end }, "number");
        break;
      case "Msi":
      case "Mmr":
        keyed(item.start, item.status, "status");
        break;
      case "Variant":
        keyed(item.start, { start: item.gene.start, end: item.gene.start }, "keyword");
        if (item.vaf) keyed(item.change.end, item.vaf, "number");
        if (item.tier) keyed(item.tier.start, item.tier.level, "status");
        break;
      case "Note":
        keyed(item.start, { start: item.text.start, end: item.text.start }, "keyword");
        break;
      default:
        break;
    }
  }
}

function assessmentTokens(
  node: AssessmentNode,
  episode: Episode | null,
  add: (span: Span | null | undefined, type: TokenType, modifiers?: number) => void,
  keywordAt: (start: number, end: number) => void,
): void {
  add(node.header.keyword, "keyword");
  add(node.header.date, "date");
  add(node.header.modality, "keyword");
  for (const item of node.items) {
    if (item.type === "Lesion") lesionTokens(item, episode, add, keywordAt);
    else if (item.type === "Ecog") {
      keywordAt(item.start, item.value.start);
      add(item.value, "number");
    } else if (item.type === "Clinical") {
      keywordAt(item.start, item.status.start);
      add(item.status, "status");
    } else if (item.type === "Note") keywordAt(item.start, item.text.start);
  }
}

function lesionTokens(
  line: LesionNode,
  episode: Episode | null,
  add: (span: Span | null | undefined, type: TokenType, modifiers?: number) => void,
  keywordAt: (start: number, end: number) => void,
): void {
  const idType = (word: Word): TokenType => {
    const kind = episode?.lesions.get(word.value)?.kind;
    return kind === "target" ? "lesionTarget" : kind === "non-target" ? "lesionNonTarget" : kind === "new" ? "lesionNew" : "lesionUnknown";
  };
  const declares = line.declare === "target" || line.declare === "non-target" || line.declare === "new";
  add(line.id, idType(line.id), (declares ? 1 : 0) | (line.equivocal ? 2 : 0));
  const afterId = line.organ?.start ?? line.value.start;
  if (line.declare) keywordAt(line.id.end, afterId);
  add(line.organ, "organ");
  const value = line.value;
  switch (value.type) {
    case "Length":
      add(value, "number");
      break;
    case "Split":
      keywordAt(value.start, value.fragments[0].start);
      for (const f of value.fragments) add(f, "number");
      break;
    case "Merged":
      keywordAt(value.start, value.into.start);
      add(value.into, idType(value.into));
      break;
    case "Status":
      if (STATUS_WORDS.test(value.status)) add(value, "status");
      break;
  }
}

function encode(doc: CaseDocument, tokens: Token[]): number[] {
  tokens.sort((a, b) => a.start - b.start);
  const data: number[] = [];
  let prevLine = 0;
  let prevChar = 0;
  let lastEnd = -1;
  for (const t of tokens) {
    if (t.start < lastEnd) continue; // never overlap
    const start = doc.document.positionAt(t.start);
    const end = doc.document.positionAt(t.end);
    if (end.line !== start.line) continue; // tokens never span lines
    const deltaLine = start.line - prevLine;
    const deltaChar = deltaLine === 0 ? start.character - prevChar : start.character;
    data.push(deltaLine, deltaChar, end.character - start.character, TOKEN_TYPES.indexOf(t.type), t.modifiers);
    prevLine = start.line;
    prevChar = start.character;
    lastEnd = t.end;
  }
  return data;
}
