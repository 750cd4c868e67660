// The de-identified text, rebuilt from the syntax tree: nothing of the original text is copied.
// Each statement is printed from its node with the language's own keywords; of the words a case
// file may hold, only an allow-list passes (known organs, listed therapies, markers and units,
// numbers, conventional lesion ids); dates are shifted, patient ids pseudonymised, and every other
// word or string becomes a placeholder (core/deidentify/placeholders.ts) unless its class is kept.
// Comments are not in the tree and never reach the output. A broken line has no tree to rebuild
// from: it becomes a placeholder line that is broken in the same place, so the patient it sits in
// stays incomplete exactly as before.
import type {
  AssessmentNode, BadBlockNode, BadLine, BiopsyBlockNode, BiopsyItem, DateLit, FileNode, LengthNode, LesionNode, NoteNode, PatientItem, PatientNode, ScanItem, StringLit, ValueNode, Word,
} from "../syntax/ast";
import { isKnownOrgan } from "../model/organs";
import { formatDay, parseDay } from "../util/dates";
import { isKnownCancerType, isKnownMarkerName, isKnownMarkerUnit, isKnownTherapyWord, knownTherapyWords } from "./vocabulary";
import { isChangeShape, isKnownAssay, isKnownGene } from "../model/biomarkerVocabulary";
import { lesionIdMap, letters, Numbered, REMOVED_LINE, REMOVED_STRING, REMOVED_VALUE } from "./placeholders";
import { dateShiftFor, pseudonymFor } from "./pseudonyms";
import { resolveCriteriaName } from "../criteria/registry";

/** What an unknown criteria name becomes: still unknown to the registry, so the line stays an `invalid-value`. */
const UNKNOWN_CRITERIA = "unknown-criteria";

/** The classes of words a user may keep (each `--keep-...` flag of `nadir deidentify`). */
export interface KeepClasses {
  /** Strings: lesion descriptions, notes, decisions, biopsy findings. */
  text: boolean;
  /** Therapy names outside the built-in list, and quoted therapy names. */
  therapyNames: boolean;
  /** Organ words outside the language's list. */
  organs: boolean;
  /**
   * Marker names and units outside the built-in lists, and in biopsy blocks (version 1.1) genes,
   * variant changes and PD-L1 assays outside theirs.
   */
  markers: boolean;
  /** Lesion ids that are not of the T1 / N1 / NT1 / NL1 shape. */
  lesionIds: boolean;
}

export interface RebuiltPatient {
  id: string;
  pseudonym: string;
  shiftDays: number;
}

export interface RebuiltLine {
  text: string;
  depth: number;
  /** Offset of what the line was rebuilt from, for blank lines and messages. */
  source: number;
}

export interface Rebuilt {
  lines: RebuiltLine[];
  patients: RebuiltPatient[];
  /** Broken lines (start offsets) written as placeholders. */
  broken: number[];
  /** Leaf nodes of the input whose text was replaced (a placeholder, a pseudonym, a shifted date). */
  replaced: Set<object>;
  /** Constructs this rebuild does not know: nothing may be written then. */
  unknown: Array<{ start: number; end: number; what: string }>;
}

const THERAPY_KINDS = new Set(["immunotherapy", "chemotherapy", "targeted", "radiotherapy", "local", "trial", "other"]);
const CLINICAL_STATUSES = new Set(["stable", "deterioration"]);
const STOP_REASONS = new Set(["completed", "toxicity", "progression", "choice", "other"]);
const MSI_STATUSES = new Set(["high", "low", "stable"]);
const MMR_STATUSES = new Set(["deficient", "proficient"]);
const PDL1_SCORES = new Set(["tps", "cps"]);
const TIERS = { amp: new Set(["I", "II", "III", "IV"]), escat: new Set(["I-A", "I-B", "I-C", "II-A", "II-B", "III-A", "III-B", "IV", "V", "X"]) };
const MODALITIES = new Set(["CT", "MRI", "PET-CT", "X-ray", "US", "clinical"]);

/** Per patient: its pseudonym, date shift and the placeholders of its unknown words. */
interface PatientScope {
  shift: number;
  pseudonym: string;
  lesionIds: Map<string, string>;
  organs: Numbered;
  therapies: Numbered;
  markers: Numbered;
  /** Genes, changes, assays and cancer types outside the lists, numbered without case (so equal stays equal). */
  genes: Numbered;
  changes: Numbered;
  assays: Numbered;
  cancers: Numbered;
}

export function rebuild(file: FileNode, seed: string, keep: KeepClasses): Rebuilt {
  const out: Rebuilt = { lines: [], patients: [], broken: [], replaced: new Set(), unknown: [] };
  const r = new Rebuilder(seed, keep, out);
  r.file(file);
  return out;
}

class Rebuilder {
  constructor(private readonly seed: string, private readonly keep: KeepClasses, private readonly out: Rebuilt) {}

  file(file: FileNode): void {
    let previous: PatientNode | BadLine | null = null;
    for (const item of file.items) {
      if (item.type === "Patient") this.patient(item);
      else if (item.type === "Bad") this.badLine(item, 0, previous?.type === "Patient" && previous.close === null ? "} " : "");
      else this.unknownNode(item satisfies never);
      previous = item;
    }
  }

  private patient(node: PatientNode): void {
    const id = node.header.id?.value ?? "";
    const scope: PatientScope = {
      shift: dateShiftFor(this.seed, id),
      pseudonym: pseudonymFor(this.seed, id),
      lesionIds: lesionIdMap(node),
      organs: new Numbered((n) => `other-${letters(n)}`),
      therapies: new Numbered((n) => `THERAPY-${n}`),
      markers: new Numbered((n) => `MARKER-${n}`),
      genes: new Numbered((n) => `GENE-${n}`),
      changes: new Numbered((n) => `CHANGE-${n}`),
      assays: new Numbered((n) => `ASSAY-${n}`),
      cancers: new Numbered((n) => `CANCER-${n}`),
    };
    this.out.patients.push({ id, pseudonym: scope.pseudonym, shiftDays: scope.shift });
    const brace = node.header.brace !== null ? " {" : "";
    if (node.header.broken || !node.header.id) {
      this.out.broken.push(node.header.start);
      this.line(`patient ${REMOVED_LINE}${brace}`, 0, node.header.start);
    } else {
      this.out.replaced.add(node.header.id);
      this.line(`patient ${scope.pseudonym}${brace}`, 0, node.header.start);
    }
    let previous: PatientItem | null = null;
    for (const item of node.items) {
      // An unclosed scan (or block) ends only at a line that can only be a patient-level statement.
      const afterUnclosedScan = (previous?.type === "Assessment" || previous?.type === "BadBlock" || previous?.type === "BiopsyBlock") && previous.close === null;
      if (item.type === "Assessment") this.assessment(item, scope, afterUnclosedScan);
      else if (item.type === "BiopsyBlock") this.biopsyBlock(item, scope, afterUnclosedScan);
      else if (item.type === "Bad") this.badLine(item, 1, afterUnclosedScan ? "as of " : "");
      else if (item.type === "BadBlock") this.badBlock(item, scope, afterUnclosedScan);
      else this.patientStatement(item, scope);
      previous = item;
    }
    if (node.close !== null) this.line("}", 0, node.close);
  }

  private patientStatement(item: Exclude<PatientItem, AssessmentNode | BadLine | BadBlockNode | BiopsyBlockNode>, s: PatientScope): void {
    const at = item.start;
    switch (item.type) {
      case "Criteria":
        return this.line(`criteria ${item.names.map((n) => this.criteriaName(n)).join(" ")}`, 1, at);
      case "ConfirmResponses":
        return this.line("confirm responses", 1, at);
      case "Schedule":
        return this.line(`schedule every ${item.count.text} ${item.unit === "day" ? "days" : "weeks"}`, 1, at);
      case "AsOf":
        return this.line(`as of ${this.date(item.date, s)}`, 1, at);
      case "Therapy": {
        const to = item.to ? ` to ${this.date(item.to, s)}` : "";
        const kinds = item.kinds.length > 0 ? ` ${item.kinds.map((k) => this.keyword(k, THERAPY_KINDS)).join("+")}` : "";
        const stopped = item.stopped ? ` stopped ${this.keyword(item.stopped, STOP_REASONS)}` : "";
        return this.line(`therapy ${this.therapyName(item.name, s)} from ${this.date(item.date, s)}${to}${kinds}${stopped}`, 1, at);
      }
      case "Cancer":
        return this.line(`cancer ${this.cancerName(item.name, s)}`, 1, at);
      case "Ctdna": {
        const v = item.value;
        const value = v.unit === "undetected" ? "undetected" : v.unit === "vaf" ? `vaf ${v.number?.text} %` : `${v.number?.text} ${v.unit}`;
        return this.line(`ctdna ${this.date(item.date, s)} ${value}`, 1, at);
      }
      case "Marker": {
        const name = this.word(item.name, this.keep.markers || isKnownMarkerName(item.name.value), () => s.markers.for(item.name.value));
        const unit = this.word(item.unit, this.keep.markers || isKnownMarkerUnit(item.unit.value), () => "UNIT");
        const uln = item.uln ? ` uln ${item.uln.text}` : "";
        return this.line(`marker ${this.date(item.date, s)} ${name} ${item.value.text} ${unit}${uln}`, 1, at);
      }
      case "Biopsy":
        return this.line(`biopsy ${this.date(item.date, s)} ${this.organ(item.organ, s)} ${this.text(item.finding)}`, 1, at);
      case "Decision":
        return this.line(`decision ${this.date(item.date, s)} ${this.text(item.text)}`, 1, at);
      case "Note":
        if (this.keep.text) this.line(`note ${this.text(item.text)}`, 1, at);
        return;
      default:
        return this.unknownNode(item satisfies never);
    }
  }

  private assessment(node: AssessmentNode, s: PatientScope, afterUnclosedScan: boolean): void {
    const h = node.header;
    const brace = h.brace !== null ? " {" : "";
    if (h.broken || !h.date) {
      // A header is broken in the same way. A date that can be read is kept (the scan is still
      // assessed, issue 10), shifted like every date; nothing else of the line is copied. (After
      // an unclosed scan the original header has a date: only a keyword and a date end that scan.)
      this.out.broken.push(h.start);
      const date = h.date ? ` ${this.date(h.date, s)}` : afterUnclosedScan ? " 0000-00-00" : "";
      this.line(`${h.kind}${date} ${REMOVED_LINE}${brace}`, 1, h.start);
    } else {
      const modality = h.modality ? ` ${this.keyword(h.modality, MODALITIES)}` : "";
      this.line(`${h.kind} ${this.date(h.date, s)}${modality}${brace}`, 1, h.start);
    }
    for (const item of node.items) this.scanItem(item, s);
    if (node.close !== null) this.line("}", 1, node.close);
  }

  /**
   * A block whose header is no scan header (issue 10): the header becomes a placeholder that still
   * opens a block (and still ends an unclosed scan above it), its lines are rebuilt as a scan's.
   */
  private badBlock(block: BadBlockNode, s: PatientScope, afterUnclosedScan: boolean): void {
    this.out.broken.push(block.header.start);
    this.line(`${afterUnclosedScan ? "as of " : ""}${REMOVED_LINE} {`, 1, block.start);
    for (const item of block.items) this.scanItem(item, s);
    if (block.close !== null) this.line("}", 1, block.close);
  }

  /**
   * A structured biopsy (version 1.1): every field is rebuilt from its node; genes, changes and
   * assays pass only by the lists and shapes of vocabulary.ts; the label and notes are strings.
   * A header that did not parse becomes a placeholder that still opens a biopsy block.
   */
  private biopsyBlock(block: BiopsyBlockNode, s: PatientScope, afterUnclosedScan: boolean): void {
    const h = block.header;
    if (h.broken || !h.date || !h.organ) {
      // After an unclosed scan only `biopsy DATE` ends it (the original header had a date shape then).
      this.out.broken.push(h.start);
      this.line(`biopsy${afterUnclosedScan ? " 0000-00-00" : ""} ${REMOVED_LINE} {`, 1, h.start);
    } else {
      const finding = h.finding ? ` ${this.text(h.finding)}` : "";
      this.line(`biopsy ${this.date(h.date, s)} ${this.organ(h.organ, s)}${finding} {`, 1, h.start);
    }
    for (const item of block.items) this.biopsyItem(item, s);
    if (block.close !== null) this.line("}", 1, block.close);
  }

  private biopsyItem(item: BiopsyItem, s: PatientScope): void {
    switch (item.type) {
      case "Pdl1": {
        const unit = item.score.value === "tps" ? " %" : "";
        const assay = item.assay ? ` assay ${this.listed(item.assay, isKnownAssay, s.assays)}` : "";
        return this.line(`pd-l1 ${this.keyword(item.score, PDL1_SCORES)} ${item.value.text}${unit}${assay}`, 2, item.start);
      }
      case "Tmb":
        return this.line(`tmb ${item.value.text} mut/Mb`, 2, item.start);
      case "Msi":
        return this.line(`msi ${this.keyword(item.status, MSI_STATUSES)}`, 2, item.start);
      case "Mmr":
        return this.line(`mmr ${this.keyword(item.status, MMR_STATUSES)}`, 2, item.start);
      case "Variant": {
        const gene = this.listed(item.gene, isKnownGene, s.genes);
        const change = this.listed(item.change, isChangeShape, s.changes);
        const vaf = item.vaf ? ` vaf ${item.vaf.text} %` : "";
        const tier = item.tier ? ` tier ${item.tier.system === "escat" ? "escat " : ""}${this.keyword(item.tier.level, TIERS[item.tier.system])}` : "";
        return this.line(`variant ${gene} ${change}${vaf}${tier}`, 2, item.start);
      }
      case "Note":
      case "Bad":
        return this.blockNoteOrBad(item);
      default:
        return this.unknownNode(item satisfies never);
    }
  }

  /** A note inside a block (kept only with the text class) or a broken line of a block. */
  private blockNoteOrBad(item: NoteNode | BadLine): void {
    if (item.type === "Bad") return this.badLine(item, 2, "");
    if (this.keep.text) this.line(`note ${this.text(item.text)}`, 2, item.start);
  }

  /**
   * A gene, change or assay: as written when it passes `allowed` (or markers are kept), else a
   * numbered placeholder (equal words without case stay equal placeholders: duplicates and
   * assay comparisons mean the same, R31, R32). A string that passes stays a string.
   */
  private listed(token: Word | StringLit, allowed: (text: string) => boolean, numbered: Numbered): string {
    if (this.keep.markers || allowed(token.value)) return token.type === "String" ? quote(token.value) : token.value;
    this.out.replaced.add(token);
    return numbered.for(token.value.toLowerCase());
  }

  /** `cancer`: a listed type passes as written; a string also with kept text; else a placeholder. */
  private cancerName(name: Word | StringLit, s: PatientScope): string {
    if (isKnownCancerType(name.value)) return name.type === "String" ? quote(name.value) : name.value;
    if (name.type === "String" && this.keep.text) return quote(name.value);
    this.out.replaced.add(name);
    return s.cancers.for(name.value.toLowerCase());
  }

  private scanItem(item: ScanItem, s: PatientScope): void {
    switch (item.type) {
      case "Lesion":
        if (item.value.type === "Broken") this.out.broken.push(item.start);
        return this.line(this.lesion(item, s), 2, item.start);
      case "Ecog":
        return this.line(`ecog ${item.value.text}`, 2, item.start);
      case "Clinical":
        return this.line(`clinical ${this.keyword(item.status, CLINICAL_STATUSES)}`, 2, item.start);
      case "Note":
      case "Bad":
        return this.blockNoteOrBad(item);
      default:
        return this.unknownNode(item satisfies never);
    }
  }

  private lesion(line: LesionNode, s: PatientScope): string {
    const id = this.lesionId(line.id, s);
    const organ = line.organ ? ` ${this.organ(line.organ, s)}` : "";
    const description = line.description && this.keep.text ? ` ${this.text(line.description)}` : "";
    const equivocal = line.equivocal ? " equivocal" : "";
    const value = this.value(line.value, s);
    switch (line.declare) {
      case "target":
      case "non-target":
        return `${id} ${line.declare}${organ}${description} ${value}`;
      case "new":
      case "new-mention":
        return `${id} new${equivocal}${organ}${description} ${value}`;
      case null:
        return `${id} ${value}`;
      default:
        this.unknownNode({ ...line, type: `Lesion (${line.declare satisfies never})` });
        return id;
    }
  }

  private value(v: ValueNode, s: PatientScope): string {
    switch (v.type) {
      case "Length":
        return length(v);
      case "Split":
        return `split ${v.fragments.map(length).join(" + ")}`;
      case "Merged":
        return `merged into ${this.lesionId(v.into, s)}`;
      case "Status":
        return v.status;
      case "Broken":
        // Issue 10: what can be read of the line (id, kind, organ) is rebuilt; the value that did
        // not parse is never copied (it may hold anything): a placeholder breaks in the same place.
        return REMOVED_VALUE;
      default:
        this.unknownNode(v satisfies never);
        return REMOVED_STRING;
    }
  }

  /** A broken line is never copied: a placeholder broken in the same context takes its place. */
  private badLine(bad: BadLine, depth: number, prefix: string): void {
    this.out.broken.push(bad.start);
    this.line(`${prefix}${REMOVED_LINE}`, depth, bad.start);
  }

  private date(date: DateLit, s: PatientScope): string {
    const day = parseDay(date.text);
    this.out.replaced.add(date);
    // Invalid dates are refused before the rebuild (core/deidentify/index.ts); never copied.
    return day === null ? "0000-00-00" : formatDay(day + s.shift);
  }

  private lesionId(id: Word, s: PatientScope): string {
    if (this.keep.lesionIds) return id.value;
    const mapped = s.lesionIds.get(id.value) ?? "L0";
    if (mapped !== id.value) this.out.replaced.add(id);
    return mapped;
  }

  /** A criteria name the registry knows is printed as the registry writes it; any other word is replaced (it stays unknown: invalid-value). */
  private criteriaName(name: Word): string {
    const known = resolveCriteriaName(name.value);
    if (known) return known.label;
    this.out.replaced.add(name);
    return UNKNOWN_CRITERIA;
  }

  private organ(organ: Word, s: PatientScope): string {
    return this.word(organ, this.keep.organs || isKnownOrgan(organ.value), () => s.organs.for(organ.value));
  }

  private therapyName(name: Word | StringLit, s: PatientScope): string {
    if (this.keep.therapyNames) return name.type === "String" ? quote(name.value) : name.value;
    if (name.type === "Word" && isKnownTherapyWord(name.value)) return name.value;
    const words = name.type === "String" ? knownTherapyWords(name.value) : null;
    this.out.replaced.add(name);
    if (words) return quote(words.join(" + "));
    return s.therapies.for(name.value);
  }

  private text(s: StringLit): string {
    if (this.keep.text) return quote(s.value);
    this.out.replaced.add(s);
    return quote(REMOVED_STRING);
  }

  /** A word that passes when `allowed`, else its placeholder. */
  private word(word: Word, allowed: boolean, placeholder: () => string): string {
    if (allowed) return word.value;
    this.out.replaced.add(word);
    return placeholder();
  }

  /** A keyword the grammar produced: printed only when it is one of the language's own. */
  private keyword(word: Word, allowed: Set<string>): string {
    if (allowed.has(word.value)) return word.value;
    this.out.unknown.push({ start: word.start, end: word.end, what: `the word in this place` });
    return REMOVED_STRING;
  }

  private unknownNode(node: unknown): void {
    const n = node as { type?: string; start?: number; end?: number };
    this.out.unknown.push({ start: n.start ?? 0, end: n.end ?? 0, what: `a statement of kind '${n.type ?? "?"}'` });
  }

  private line(text: string, depth: number, source: number): void {
    this.out.lines.push({ text, depth, source });
  }
}

/** `42 mm`, or with two diameters (P1) `42 x 30 mm`, numbers as written. */
function length(v: LengthNode): string {
  return v.perpendicular ? `${v.number.text} x ${v.perpendicular.text} ${v.unit}` : `${v.number.text} ${v.unit}`;
}

function quote(s: string): string {
  return `"${s.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
}
