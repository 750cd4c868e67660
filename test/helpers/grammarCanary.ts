// Case files generated from the grammar itself, with a marker string (a fake name, birth date,
// record number and address: "ZZPHI…") in every place that accepts free text. The places are
// found by walking grammar/nadir.peggy with peggy's own parser: a rule that consumes a character
// class admitting letters, or any character, is free text; every positive reference to a rule
// that (through its own references) holds free text is a slot. For each slot one case file (per
// kind of marker string the slot accepts) is generated along a derivation from `File` that goes
// through it, filling every free-text place on the way. A slot added to the grammar later is
// found the same way; if no marker string fits it, `slot.filled` is false and the test must fail.
import * as fs from "fs";
import * as path from "path";
import * as peggy from "peggy";
import { REPO_ROOT } from "./paths";
import { letters } from "../../server/src/core/deidentify/placeholders";

export const GRAMMAR_FILE = path.join(REPO_ROOT, "grammar", "nadir.peggy");

/** What a de-identified file must never contain, whatever slot the marker was put in. */
export const CANARY = /zzphi|smith|1961|4711|elm way/i;

/** The peggy grammar AST, loosely typed: every node has a `type` and its own fields. */
interface Node {
  type: string;
  name?: string;
  expression?: Node;
  elements?: Node[];
  alternatives?: Node[];
  code?: string;
  value?: string;
  parts?: Array<string | string[] | object>;
  inverted?: boolean;
  ignoreCase?: boolean;
}

interface Rule {
  name: string;
  expression: Node;
}

export interface Slot {
  /** The rule holding the reference, and the rule referenced: "Biopsy -> Organ". */
  where: string;
  rule: string;
  referenced: string;
  node: Node;
}

export interface CanaryCase {
  slot: Slot;
  /** Which marker string went into the slot itself (several kinds may fit one slot). */
  variant: number;
  text: string;
  /** True when the marker string went into the slot (or into a free-text place under it). */
  filled: boolean;
  /** True when the derivation went through an alternative that makes a broken line or header. */
  broken: boolean;
}

/** Marker strings, numbered per use; the first that a free-text rule accepts as a whole is used. */
const CANDIDATES: Array<(n: number) => string> = [
  (n) => `"Dr ZZPHI${n} Smith, born 1961-02-03, MRN 4711${n}, 42 Elm Way"`,
  (n) => `ZZPHI${n}`,
  (n) => `ZZPHI${n}-Smith-1961-02-03`,
  (n) => `zzphi${letters(n)}`,
  (n) => `zzphi-smith-${letters(n)}`,
  (n) => `ZZPHI${n}/Smith`,
  (n) => `# ZZPHI${n} Smith, born 1961-02-03, 42 Elm Way`,
  (n) => `ZZPHI${n} Smith, born 1961-02-03, 42 Elm Way`,
  (n) => ` ZZPHI${n} Smith, 42 Elm Way {`,
];

/** Values for rules that hold no free text but must be valid (dates, numbers). */
const SAMPLES = ["2025-01-02", "12"];

const NOT_ACCEPTED = Symbol("not accepted");

/** Action code of an alternative that yields a broken line or header (the grammar's convention). */
const BROKEN_ACTION = /type:\s*"Bad"|broken:\s*true/;

export class GrammarCanary {
  readonly rules = new Map<string, Rule>();
  readonly freeText = new Set<string>();
  readonly textBearing = new Set<string>();
  readonly slots: Slot[] = [];
  private readonly parser: peggy.Parser;
  private readonly acceptCache = new Map<string, unknown>();

  constructor(grammarText = fs.readFileSync(GRAMMAR_FILE, "utf8")) {
    const ast = peggy.parser.parse(grammarText, { reservedWords: peggy.RESERVED_WORDS }) as unknown as { rules: Rule[] };
    for (const rule of ast.rules) this.rules.set(rule.name, rule);
    this.parser = peggy.generate(grammarText, { allowedStartRules: ["*"] });
    for (const rule of ast.rules) if (consumesFreeText(rule.expression)) this.freeText.add(rule.name);
    // Text-bearing: free text itself, or a positive reference to a text-bearing rule (fixed point).
    for (const name of this.freeText) this.textBearing.add(name);
    for (let changed = true; changed; ) {
      changed = false;
      for (const rule of ast.rules) {
        if (this.textBearing.has(rule.name)) continue;
        if (positiveRefs(rule.expression).some((r) => this.textBearing.has(r.name!))) {
          this.textBearing.add(rule.name);
          changed = true;
        }
      }
    }
    for (const name of this.reachableFrom("File")) {
      for (const ref of positiveRefs(this.rule(name).expression)) {
        if (this.textBearing.has(ref.name!)) this.slots.push({ where: `${name} -> ${ref.name}`, rule: name, referenced: ref.name!, node: ref });
      }
    }
  }

  /** Every case file: one per slot and per kind of marker string the slot accepts. */
  cases(): CanaryCase[] {
    const out: CanaryCase[] = [];
    for (const slot of this.slots) {
      const variants = Math.max(1, this.acceptedCandidates(slot.referenced, 0).length);
      for (let variant = 0; variant < variants; variant++) out.push(this.generate(slot, variant));
    }
    return out;
  }

  accepts(rule: string, text: string): boolean {
    return this.parsed(rule, text) !== NOT_ACCEPTED;
  }

  /** Whether `rule` reads `text` as a broken line or header (the grammar's `Bad` / `broken` nodes). */
  readsAsBroken(rule: string, text: string): boolean {
    return containsBroken(this.parsed(rule, text));
  }

  private parsed(rule: string, text: string): unknown {
    const key = `${rule}\u0000${text}`;
    if (!this.acceptCache.has(key)) {
      let result: unknown;
      try {
        result = this.parser.parse(text, { startRule: rule });
      } catch {
        result = NOT_ACCEPTED;
      }
      this.acceptCache.set(key, result);
    }
    return this.acceptCache.get(key);
  }

  /** Whether an expression consumes free text, itself or through its references. */
  private holdsText(node: Node): boolean {
    return consumesFreeText(node) || positiveRefs(node).some((r) => this.textBearing.has(r.name!));
  }

  private rule(name: string): Rule {
    const rule = this.rules.get(name);
    if (!rule) throw new Error(`the grammar references an unknown rule ${name}`);
    return rule;
  }

  private reachableFrom(start: string): string[] {
    const seen = new Set<string>([start]);
    const queue = [start];
    while (queue.length > 0) {
      for (const ref of positiveRefs(this.rule(queue.shift()!).expression)) {
        if (!seen.has(ref.name!)) {
          seen.add(ref.name!);
          queue.push(ref.name!);
        }
      }
    }
    return [...seen];
  }

  /** Marker strings (with the line break when the rule takes it) that `rule` accepts as a whole. */
  private acceptedCandidates(rule: string, n: number): string[] {
    const out: string[] = [];
    for (const candidate of CANDIDATES) {
      const c = candidate(n);
      if (this.accepts(rule, `${c}\n`)) out.push(`${c}\n`);
      else if (this.accepts(rule, c)) out.push(c);
    }
    return out;
  }

  private generate(slot: Slot, variant: number): CanaryCase {
    const reaches = new Map<string, boolean>();
    const ruleReaches = (name: string, visiting = new Set<string>()): boolean => {
      const known = reaches.get(name);
      if (known !== undefined) return known;
      if (visiting.has(name)) return false;
      visiting.add(name);
      const result = exprReaches(this.rule(name).expression, visiting);
      visiting.delete(name);
      reaches.set(name, result);
      return result;
    };
    const exprReaches = (node: Node, visiting: Set<string>): boolean => {
      if (node === slot.node) return true;
      if (node.type === "simple_not" || node.type === "simple_and") return false;
      if (node.type === "rule_ref") return ruleReaches(node.name!, visiting);
      return children(node).some((c) => exprReaches(c, visiting));
    };
    const reach = (node: Node) => exprReaches(node, new Set());

    let counter = 0;
    let filledInSlot = false;
    let broken = false;
    let insideSlot = 0;
    /** The slot takes the `pick`-th marker string its rule accepts; other places prefer one that reads cleanly. */
    const fill = (rule: string, pick: number | null): string | null => {
      const accepted = this.acceptedCandidates(rule, ++counter);
      if (accepted.length === 0) return null;
      if (insideSlot > 0) filledInSlot = true;
      const text = pick !== null ? accepted[Math.min(pick, accepted.length - 1)] : accepted.find((c) => !this.readsAsBroken(rule, c)) ?? accepted[0];
      if (this.readsAsBroken(rule, text)) broken = true;
      return text;
    };
    /** A free-text rule repeated character by character (`StringChar*`): the whole marker string. */
    const fillByCharacters = (rule: string): string | null => {
      const n = ++counter;
      for (const candidate of CANDIDATES) {
        const c = candidate(n);
        if ([...c].every((ch) => this.accepts(rule, ch))) {
          if (insideSlot > 0) filledInSlot = true;
          return c;
        }
      }
      return null;
    };

    const gen = (node: Node, minimal: boolean, inRepetition: boolean): string => {
      switch (node.type) {
        case "rule_ref": {
          const name = node.name!;
          const rule = this.rule(name);
          if (BROKEN_ACTION.test(actionCode(rule.expression))) broken = true;
          if (node === slot.node) {
            insideSlot++;
            const text = fill(name, variant) ?? (inRepetition ? fillByCharacters(name) : null) ?? gen(rule.expression, false, false);
            insideSlot--;
            return text;
          }
          if (!minimal && ruleReaches(name)) return gen(rule.expression, false, false);
          if (!minimal && this.textBearing.has(name)) {
            const text = fill(name, null) ?? (inRepetition && this.freeText.has(name) ? fillByCharacters(name) : null);
            if (text !== null) return text;
          }
          const sample = SAMPLES.find((s) => this.accepts(name, s));
          if (sample !== undefined) return sample;
          return gen(rule.expression, minimal, false);
        }
        case "sequence": {
          let out = "";
          let pending: string | null = null;
          for (const element of node.elements!) {
            if (element.type === "simple_and") {
              pending = gen(element.expression!, true, false);
              continue;
            }
            let text = gen(element, minimal, false);
            if (pending !== null && text !== "" && !text.startsWith(pending)) text = pending + text;
            if (text !== "") pending = null;
            out += text;
          }
          return out;
        }
        case "choice": {
          const alternatives = node.alternatives!;
          // Towards the slot; else a well-formed alternative, one with free text when there is one.
          const wellFormed = alternatives.filter((a) => !BROKEN_ACTION.test(actionCode(a)));
          const chosen = (minimal ? undefined : alternatives.find((a) => reach(a))) ??
            (minimal ? undefined : wellFormed.find((a) => this.holdsText(a))) ?? wellFormed[0] ?? alternatives[0];
          if (BROKEN_ACTION.test(actionCode(chosen))) broken = true;
          return gen(chosen, minimal, inRepetition);
        }
        case "optional":
          return minimal && !reach(node) ? "" : gen(node.expression!, minimal, false);
        case "zero_or_more":
          return !minimal && reach(node) ? gen(node.expression!, false, true) : "";
        case "one_or_more":
          return gen(node.expression!, minimal, true);
        case "action":
        case "named":
        case "labeled":
        case "text":
        case "group":
          return gen(node.expression!, minimal, inRepetition);
        case "simple_not":
        case "simple_and":
        case "semantic_and":
        case "semantic_not":
          return "";
        case "literal":
          return node.value!;
        case "class":
          return firstCharacter(node);
        case "any":
          return "x";
        default:
          throw new Error(`the canary generator does not know peggy's '${node.type}' yet: extend test/helpers/grammarCanary.ts`);
      }
    };
    const text = gen(this.rule("File").expression, false, false);
    return { slot, variant, text, filled: filledInSlot, broken };
  }
}

function containsBroken(value: unknown): boolean {
  if (!value || typeof value !== "object") return false;
  const v = value as Record<string, unknown>;
  if (v.type === "Bad" || v.broken === true) return true;
  return Object.values(v).some(containsBroken);
}

function children(node: Node): Node[] {
  if (node.elements) return node.elements;
  if (node.alternatives) return node.alternatives;
  return node.expression ? [node.expression] : [];
}

/** References outside lookaheads: the rules a match actually consumes text with. */
function positiveRefs(node: Node): Node[] {
  if (node.type === "simple_not" || node.type === "simple_and") return [];
  if (node.type === "rule_ref") return [node];
  return children(node).flatMap(positiveRefs);
}

/** Whether the expression itself (not its references) consumes a letter-admitting class or any character. */
function consumesFreeText(node: Node): boolean {
  if (node.type === "simple_not" || node.type === "simple_and") return false;
  if (node.type === "any") return true;
  if (node.type === "class") return classAdmitsLetter(node);
  if (node.type === "rule_ref") return false;
  return children(node).some(consumesFreeText);
}

const ASCII_LETTERS = [..."abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"];

/** Whether a class admits a letter: an ASCII one, any non-ASCII range, or a letter written out. */
function classAdmitsLetter(node: Node): boolean {
  const parts = node.parts ?? [];
  // A part that is neither a character nor a range (a Unicode property, say) may admit letters.
  if (parts.some((p) => typeof p === "object" && !Array.isArray(p))) return true;
  if (!node.inverted && parts.some((p) => (Array.isArray(p) ? p[1] > "\u007f" : /\p{L}/u.test(p as string)))) return true;
  const inClass = (ch: string) => parts.some((p) => {
    const test = (c: string) => (Array.isArray(p) ? c >= p[0] && c <= p[1] : c === p);
    return test(ch) || (node.ignoreCase === true && (test(ch.toLowerCase()) || test(ch.toUpperCase())));
  });
  return ASCII_LETTERS.some((ch) => inClass(ch) !== (node.inverted === true));
}

function firstCharacter(node: Node): string {
  const parts = node.parts ?? [];
  if (!node.inverted) {
    const first = parts[0];
    if (typeof first === "string") return first;
    if (Array.isArray(first)) return first[0];
  }
  return "x";
}

/** The action code of an expression, looking through names and groups. */
function actionCode(node: Node): string {
  if (node.type === "action") return node.code ?? "";
  if (node.type === "named" || node.type === "group") return actionCode(node.expression!);
  return "";
}
