// Completion by context, decided from the text before the cursor on its line and the block the
// cursor is in: statement keywords, lesion ids not yet given in the scan, organs, value words and
// units for the lesion's kind, criteria, modalities, therapy kinds, a new scan pre-filled with
// every followed lesion, and the next due date after `scan `.
import type { CompletionItem, Position } from "vscode-languageserver-types";
import { CompletionItemKind, InsertTextFormat } from "vscode-languageserver-types";
import type { CaseDocument } from "./document";
import { lineStartOf } from "./document";
import { activeLesions, locate, Location } from "./caseIndex";
import { KNOWN_ORGANS } from "../core/model/organs";
import { KEYWORD_DOCS } from "./keywordDocs";
import type { Lesion } from "../core/model/types";
import { currentEpisode, nextDue } from "./schedule";
import { parseDay } from "../core/util/dates";
import { CRITERIA, resolveCriteriaName } from "../core/criteria/registry";

const PATIENT_STATEMENTS: Array<[string, string, string]> = [
  // label, snippet, documentation key
  ["scan", "scan ${1:YYYY-MM-DD} ${2|CT,MRI,PET-CT,X-ray,US,clinical|} {\n\t$0\n}", "scan"],
  ["baseline", "baseline ${1:YYYY-MM-DD} ${2|CT,MRI,PET-CT,X-ray,US,clinical|} {\n\t$0\n}", "baseline"],
  ["therapy", "therapy ${1:name} from ${2:YYYY-MM-DD} ${3|immunotherapy,chemotherapy,targeted,radiotherapy,local,trial,other|}", "therapy"],
  ["cancer", "cancer ${1|melanoma,nsclc|}", "cancer"],
  ["criteria", `criteria \${1|${CRITERIA.map((c) => c.label).join(",")}|}`, "criteria"],
  ["confirm responses", "confirm responses", "confirm"],
  ["schedule", "schedule every ${1:8} ${2|weeks,days|}", "schedule"],
  ["as of", "as of ${1:YYYY-MM-DD}", "as"],
  ["ctdna", "ctdna ${1:YYYY-MM-DD} ${2|vaf,undetected|}", "ctdna"],
  ["marker", "marker ${1:YYYY-MM-DD} ${2:CEA} ${3:0} ${4:ng/mL} uln ${5:5}", "marker"],
  ["biopsy", "biopsy ${1:YYYY-MM-DD} ${2:organ} \"${3:finding}\"", "biopsy"],
  ["biopsy block", "biopsy ${1:YYYY-MM-DD} ${2:organ} {\n\tpd-l1 tps ${3:0} % assay ${4|22C3,SP263,SP142,28-8|}\n\t$0\n}", "biopsy"],
  ["decision", "decision ${1:YYYY-MM-DD} \"${2:text}\"", "decision"],
  ["note", "note \"${1:text}\"", "note"],
];

const MODALITIES = ["CT", "MRI", "PET-CT", "X-ray", "US", "clinical"];
const THERAPY_KINDS = ["immunotherapy", "chemotherapy", "targeted", "radiotherapy", "local", "trial", "other"];
const STOP_REASONS = ["completed", "toxicity", "progression", "choice", "other"];
/** Inside a structured biopsy block (version 1.1, R31). */
const BIOPSY_FIELDS: Array<[string, string, string]> = [
  ["pd-l1 tps", "pd-l1 tps ${1:0} % assay ${2|22C3,SP263,SP142,28-8|}", "pd-l1"],
  ["pd-l1 cps", "pd-l1 cps ${1:0} assay ${2|22C3,SP263,SP142,28-8|}", "pd-l1"],
  ["tmb", "tmb ${1:0} mut/Mb", "tmb"],
  ["msi", "msi ${1|stable,high,low|}", "msi"],
  ["mmr", "mmr ${1|proficient,deficient|}", "mmr"],
  ["variant", "variant ${1:GENE} ${2:CHANGE} tier ${3|I,II,III,IV|}", "variant"],
  ["note", "note \"${1:text}\"", "note"],
];
const AMP_TIERS = ["I", "II", "III", "IV"];
const ESCAT_TIERS = ["I-A", "I-B", "I-C", "II-A", "II-B", "III-A", "III-B", "IV", "V", "X"];
const ASSAYS = ["22C3", "SP263", "SP142", "28-8"];
const TARGET_VALUES = ["too small", "absent", "not evaluated", "split", "merged into"];
const NON_TARGET_VALUES = ["present", "absent", "increased", "progressed", "not evaluated"];
const NEW_VALUES = ["present", "absent", "increased", "progressed", "too small", "not evaluated", "split", "merged into"];

export function completion(doc: CaseDocument, position: Position): CompletionItem[] {
  const text = doc.document.getText();
  const offset = doc.document.offsetAt(position);
  const before = text.slice(lineStartOf(text, offset), offset);
  if (before.includes("#") || (before.split('"').length - 1) % 2 === 1) return []; // comments and strings are prose
  const loc = locate(doc.analysis, offset);
  if (!loc.patientNode || (loc.patientNode.header.brace !== null && offset <= loc.patientNode.header.brace)) {
    return /^\s*\w*$/.test(before) ? [snippet("patient", "patient ${1:PT-0001} {\n\t$0\n}", KEYWORD_DOCS.patient)] : [];
  }
  if (loc.assessmentNode && loc.inScanBody) {
    return scanCompletion(doc, loc, before);
  }
  const block = loc.patientItem?.type === "BiopsyBlock" ? loc.patientItem : null;
  if (block && offset >= block.header.end && (block.close === null || offset <= block.close)) return biopsyCompletion(before);
  return patientCompletion(doc, loc, before);
}

function patientCompletion(doc: CaseDocument, loc: Location, before: string): CompletionItem[] {
  const tokens = before.trimStart().split(/[ \t]+/);
  const words = tokens.slice(0, -1); // complete words before the one being typed
  const first = words[0];
  if (words.length === 0) return PATIENT_STATEMENTS.map(([label, body, key]) => snippet(label, body, KEYWORD_DOCS[key])).concat(newScanSnippet(doc, loc));
  if (first === "criteria") {
    // P3: several names, each once; the registry lists them (the first written is the primary).
    const written = new Set(words.slice(1).map((w) => resolveCriteriaName(w)?.id).filter(Boolean));
    if (words.length > 1 && words[words.length - 1].toUpperCase() === "RECIST") return [];
    return CRITERIA.filter((c) => !written.has(c.id)).map((c) => keyword(c.label, c.summary));
  }
  if ((first === "scan" || first === "baseline") && words.length === 1) return dueDates(doc, loc);
  if ((first === "scan" || first === "baseline") && words.length === 2 && isDate(words[1])) return MODALITIES.map((m) => keyword(m, KEYWORD_DOCS[m]));
  if (first === "therapy" && words.length >= 4 && words[words.length - 2] === "from" && isDate(words[words.length - 1])) {
    return [keyword("to", KEYWORD_DOCS.to), ...THERAPY_KINDS.map((k) => keyword(k, KEYWORD_DOCS[k]))];
  }
  if (first === "therapy" && words.includes("from") && words[words.length - 2] === "to" && isDate(words[words.length - 1])) return THERAPY_KINDS.map((k) => keyword(k, KEYWORD_DOCS[k]));
  if (first === "therapy" && words.includes("from") && words[words.length - 1] === "stopped") return STOP_REASONS.map((r) => keyword(r, KEYWORD_DOCS[r]));
  if (first === "therapy" && words.includes("from") && !words.includes("stopped") && words[words.length - 1].split("+").every((k) => THERAPY_KINDS.includes(k))) return [keyword("stopped", KEYWORD_DOCS.stopped)];
  if (first === "cancer" && words.length === 1) return ["melanoma", "nsclc"].map((c) => keyword(c, KEYWORD_DOCS.cancer));
  if (first === "therapy" && words.length >= 2 && words[words.length - 1] !== "from" && !words.includes("from")) return [keyword("from", KEYWORD_DOCS.from)];
  if (first === "ctdna" && words.length === 2 && isDate(words[1])) {
    return [snippet("vaf", "vaf ${1:1.0} %", KEYWORD_DOCS.vaf), keyword("undetected", KEYWORD_DOCS.undetected), snippet("copies/mL", "${1:100} copies/mL", "Copies per mL of plasma (R11)."), snippet("MTM/mL", "${1:1.0} MTM/mL", "Mean tumour molecules per mL (R11).")];
  }
  if (first === "biopsy" && words.length === 2 && isDate(words[1])) return organs();
  if (first === "schedule" && words.length === 1) return [keyword("every", KEYWORD_DOCS.every)];
  if (first === "schedule" && words.length === 3) return ["weeks", "days"].map((u) => keyword(u, KEYWORD_DOCS.schedule));
  if (first === "as" && words.length === 1) return [keyword("of", KEYWORD_DOCS.of)];
  if (first === "confirm" && words.length === 1) return [keyword("responses", KEYWORD_DOCS.responses)];
  return [];
}

/** Fields of a structured biopsy, and the words each field takes (R31, R34). */
function biopsyCompletion(before: string): CompletionItem[] {
  const words = before.trimStart().split(/[ \t]+/).slice(0, -1);
  if (words.length === 0) return BIOPSY_FIELDS.map(([label, body, key]) => snippet(label, body, KEYWORD_DOCS[key]));
  const [first] = words;
  const last = words[words.length - 1];
  if (first === "pd-l1" && words.length === 1) return ["tps", "cps"].map((w) => keyword(w, KEYWORD_DOCS[w]));
  if (first === "msi" && words.length === 1) return ["stable", "low", "high"].map((w) => keyword(w, KEYWORD_DOCS.msi));
  if (first === "mmr" && words.length === 1) return ["proficient", "deficient"].map((w) => keyword(w, KEYWORD_DOCS.mmr));
  if (last === "assay") return ASSAYS.map((a) => keyword(a, KEYWORD_DOCS.assay));
  if (last === "tier") return [...AMP_TIERS.map((t) => keyword(t, KEYWORD_DOCS.tier)), keyword("escat", KEYWORD_DOCS.escat)];
  if (last === "escat") return ESCAT_TIERS.map((t) => keyword(t, KEYWORD_DOCS.escat));
  if (first === "variant" && words.length >= 3 && !words.includes("tier")) return [snippet("vaf", "vaf ${1:0} %", KEYWORD_DOCS.variant), keyword("tier", KEYWORD_DOCS.tier)];
  if (first === "pd-l1" && words.length >= 3 && !words.includes("assay")) return [keyword("assay", KEYWORD_DOCS.assay)];
  return [];
}

function scanCompletion(doc: CaseDocument, loc: Location, before: string): CompletionItem[] {
  const tokens = before.trimStart().split(/[ \t]+/);
  const words = tokens.slice(0, -1);
  const isBaseline = loc.assessmentNode?.header.kind === "baseline";
  const episode = loc.episode;
  if (words.length === 0) {
    const items: CompletionItem[] = [];
    if (episode && loc.assessment && !isBaseline) {
      const given = new Set(loc.assessment.measurements.map((m) => m.lesionId));
      for (const lesion of activeLesions(episode, loc.assessment.day)) {
        if (!given.has(lesion.id) && lesion.declaredAt !== loc.assessment) items.push(lesionItem(lesion));
      }
    }
    if (isBaseline) {
      items.push(snippet("target lesion", "${1:T1} target ${2:organ} ${3:12} mm", KEYWORD_DOCS.target));
      items.push(snippet("non-target lesion", "${1:NT1} non-target ${2:organ} ${3|present,absent|}", KEYWORD_DOCS["non-target"]));
    } else {
      items.push(snippet("new lesion", "${1:NL1} new ${2:organ} ${3:12} mm", KEYWORD_DOCS.new));
    }
    items.push(snippet("ecog", "ecog ${1|0,1,2,3,4,5|}", KEYWORD_DOCS.ecog));
    items.push(snippet("clinical", "clinical ${1|stable,deterioration|}", KEYWORD_DOCS.clinical));
    items.push(snippet("note", "note \"${1:text}\"", KEYWORD_DOCS.note));
    return items;
  }
  const first = words[0];
  if (first === "clinical" && words.length === 1) return ["stable", "deterioration"].map((s) => keyword(s, KEYWORD_DOCS[s]));
  if (first === "ecog") return [];
  const last = words[words.length - 1];
  if (last === "merged") return [keyword("into", KEYWORD_DOCS.into)];
  if (words.length >= 2 && words[words.length - 2] === "merged" && last === "into") return episode ? [...episode.lesions.values()].filter((l) => l.id !== first).map(lesionItem) : [];
  if (/^\d+(\.\d+)?$/.test(last)) return ["mm", "cm"].map((u) => keyword(u, KEYWORD_DOCS[u]));
  if (words.length === 1) {
    const lesion = episode?.lesions.get(first);
    const items: CompletionItem[] = [];
    if (isBaseline) items.push(keyword("target", KEYWORD_DOCS.target), keyword("non-target", KEYWORD_DOCS["non-target"]));
    else if (!lesion || lesion.kind === "new") items.push(keyword("new", KEYWORD_DOCS.new));
    if (lesion) items.push(...values(lesion.kind));
    return items;
  }
  if (last === "new" && !isBaseline) return [keyword("equivocal", KEYWORD_DOCS.equivocal), ...organs(), ...(episode?.lesions.get(first) ? values("new") : [])];
  if (last === "equivocal") return episode?.lesions.get(first) ? [...organs(), ...values("new")] : organs();
  if (last === "target" || last === "non-target") return organs();
  // After the organ (and an optional description): the value.
  if (words.length >= 3 && ["target", "non-target", "new", "equivocal"].includes(words[1])) {
    const kind = words[1] === "target" ? "target" : words[1] === "non-target" ? "non-target" : "new";
    return values(kind);
  }
  return [];
}

function values(kind: Lesion["kind"]): CompletionItem[] {
  const words = kind === "target" ? TARGET_VALUES : kind === "non-target" ? NON_TARGET_VALUES : NEW_VALUES;
  const items = words.map((w) => keyword(w, KEYWORD_DOCS[w.split(" ")[0] === "merged" ? "merged" : w]));
  items.unshift(snippet("N mm", "${1:12} mm", KEYWORD_DOCS.mm));
  return items;
}

function organs(): CompletionItem[] {
  return KNOWN_ORGANS.map((o) => ({ label: o, kind: CompletionItemKind.EnumMember, detail: "organ", documentation: o === "node" ? KEYWORD_DOCS.node : undefined }));
}

function lesionItem(lesion: Lesion): CompletionItem {
  return {
    label: lesion.id,
    kind: CompletionItemKind.Variable,
    detail: `${lesion.kind} · ${lesion.organ}${lesion.description ? ` "${lesion.description}"` : ""}`,
    documentation: `Declared at ${lesion.declaredAt.kind} ${lesion.declaredAt.date}.`,
    sortText: `0${lesion.id}`,
  };
}

function dueDates(doc: CaseDocument, loc: Location): CompletionItem[] {
  if (!loc.patient) return [];
  const episode = currentEpisode(loc.patient);
  const due = episode ? nextDue(doc.analysis, loc.patient, episode) : null;
  if (!due) return [];
  return [{ label: due.date, kind: CompletionItemKind.Value, detail: "next scheduled scan (R13)", sortText: "0", preselect: true }];
}

/** `scan <next due date> { every followed lesion }`, when the patient has a baseline. */
function newScanSnippet(doc: CaseDocument, loc: Location): CompletionItem[] {
  if (!loc.patient) return [];
  const episode = currentEpisode(loc.patient);
  if (!episode) return [];
  const due = nextDue(doc.analysis, loc.patient, episode);
  const day = due?.day ?? Infinity;
  const lesions = activeLesions(episode, day === Infinity ? Number.MAX_SAFE_INTEGER : day + 1);
  if (lesions.length === 0) return [];
  const width = Math.max(...lesions.map((l) => l.id.length));
  let tab = 2;
  const lines = lesions.map((l) => `\t${l.id.padEnd(width)} \${${tab++}:not evaluated}`);
  const body = `scan \${1:${due?.date ?? "YYYY-MM-DD"}} {\n${lines.join("\n")}\n}$0`;
  return [{
    label: "scan with every lesion",
    kind: CompletionItemKind.Snippet,
    insertText: body,
    insertTextFormat: InsertTextFormat.Snippet,
    detail: due ? `next scheduled scan ${due.date} (R13)` : "a follow-up scan",
    documentation: `A follow-up scan listing ${lesions.map((l) => l.id).join(", ")}.`,
    sortText: "0",
  }];
}

function keyword(label: string, documentation?: string): CompletionItem {
  return { label, kind: CompletionItemKind.Keyword, documentation };
}

function snippet(label: string, body: string, documentation?: string): CompletionItem {
  return { label, kind: CompletionItemKind.Snippet, insertText: body, insertTextFormat: InsertTextFormat.Snippet, documentation };
}

function isDate(word: string | undefined): boolean {
  return !!word && parseDay(word) !== null;
}

/** For clients without snippet support: the same items as plain text, placeholders filled in. */
export function withoutSnippets(items: CompletionItem[]): CompletionItem[] {
  return items.map((item) => {
    if (item.insertTextFormat !== InsertTextFormat.Snippet || !item.insertText) return item;
    const plain = item.insertText
      .replace(/\$\{\d+\|([^,|}]*)[^}]*\}/g, "$1")
      .replace(/\$\{\d+:([^}]*)\}/g, "$1")
      .replace(/\$\d+/g, "")
      .replace(/\t/g, "  ");
    return { ...item, insertText: plain, insertTextFormat: InsertTextFormat.PlainText };
  });
}
