// Hovers that show the arithmetic: a lesion's history, a scan's sum and thresholds and which row
// of the response tables applied, a ctDNA sample's trend and R11 profile, a therapy's best
// response, and one line of documentation for keywords and values. Rule ids and diagnostic codes
// link to the installed docs (docs/rules.md, docs/diagnostics.md) through `DocLinks`.
import type { Hover, Position } from "vscode-languageserver-types";
import { MarkupKind } from "vscode-languageserver-types";
import type { CaseDocument } from "./document";
import { rangeOf } from "./document";
import {
  Location, episodeAssessmentOf, headerSpan, episodeAssessments, lesionOf, lesionReferenceAt, locate, timepointOf,
} from "./caseIndex";
import type { AssessmentNode, CtdnaNode, PatientNode, Span, TherapyNode } from "../core/syntax/ast";
import type { Assessment, Episode, Lesion, Patient } from "../core/model/types";
import type { TimepointAssessment, EpisodeAssessment } from "../core/engine/types";
import type { CoreDiagnostic } from "../core/diagnostics";
import { incompleteReasonsText, LinePositions } from "../core/completeness";
import { describeUnreadable, unreadableBaseline } from "../core/engine/unreadable";
import { lesionsOf } from "../core/engine/timepoints";
import { KEYWORD_DOCS, PHRASES } from "./keywordDocs";
import { bestResponseLabel, change, describeValue, mm, pct, responseLabel, signedMm } from "./describe";
import { CodeTable } from "../core/codes";
import { DocLinks, linkRuleIds, NO_DOC_LINKS } from "./docLinks";
import { biopsyHover, cancerHover, resistanceSection, therapyFacts } from "./resistanceHover";
import { patientAssessmentOf } from "./caseIndex";
import { criterion, resolveCriteriaName } from "../core/criteria/registry";
import type { CriteriaId } from "../core/criteria/types";
import { burdenText, displayResponse } from "../core/criteria/shared";
import { showsReadings } from "../core/engine/json";

export function hover(doc: CaseDocument, position: Position, links: DocLinks = NO_DOC_LINKS): Hover | null {
  const text = doc.document.getText();
  const offset = doc.document.offsetAt(position);
  const loc = locate(doc.analysis, offset);
  const markdown = (value: string, span: Span): Hover => ({ contents: { kind: MarkupKind.Markdown, value }, range: rangeOf(doc.document, span) });

  const ref = lesionReferenceAt(loc, offset);
  if (ref && loc.episode && loc.patient) {
    const lesion = lesionOf(loc.episode, ref.word.value);
    return markdown(lesionHover(ref.word.value, lesion, loc.episode, links), ref.word);
  }
  const item = loc.patientItem;
  if (loc.patientNode && !item && offset < loc.patientNode.header.end && !isInsideString(text, offset)) {
    return markdown(patientHover(doc, loc.patientNode, links), loc.patientNode.header);
  }
  if (item?.type === "Assessment" && offset < item.header.end && isOnHeaderWord(item, offset)) {
    return markdown(scanHover(doc, loc, item, links), headerSpan(item));
  }
  if (item?.type === "Ctdna" && loc.patient) return markdown(ctdnaHover(doc, loc.patient, item, links), item);
  if ((item?.type === "Biopsy" || item?.type === "BiopsyBlock") && loc.patient) {
    // Version 1.1 (R31-R34): the biopsy's findings, wherever the cursor is in its line or block.
    const biopsy = loc.patient.biopsies.find((b) => b.node === item);
    if (biopsy) return markdown(biopsyHover(biopsy, loc.patient, patientAssessmentOf(doc.analysis, loc.patient)?.biomarkers, links), item.type === "Biopsy" ? item : item.header);
  }
  if (item?.type === "Cancer" && loc.patient && loc.patient.cancer?.node === item) return markdown(cancerHover(loc.patient, links), item);
  if (item?.type === "Therapy" && loc.patient && isWithinName(item, offset)) {
    const therapyHover = therapyHoverText(doc, loc.patient, item, links);
    if (therapyHover) return markdown(therapyHover, item.name);
  }
  const word = wordAt(text, offset);
  if (word) {
    const docLine = KEYWORD_DOCS[word.text] ?? resolveCriteriaName(word.text)?.summary ?? (/^RECIST/i.test(word.text) ? KEYWORD_DOCS.RECIST : undefined);
    if (docLine && !isInsideString(text, offset)) return markdown(`**${word.text}**: ${linkRuleIds(docLine, links)}`, word);
  }
  const diag = doc.analysis.diagnostics.find((d) => d.start <= offset && offset < d.end);
  if (diag) return markdown(diagnosticHover(diag.code, links), diag);
  return null;
}

/**
 * The patient header: the patient's criteria and episodes, and whether its results rest on
 * complete data (issue 10: `complete` from core/completeness.ts, never recomputed here).
 */
function patientHover(doc: CaseDocument, node: PatientNode, links: DocLinks): string {
  const pa = doc.analysis.assessment.patients.find((p) => p.patient.node === node);
  const id = node.header.id ? node.header.id.value : "(no id)";
  if (!pa) return `**patient ${id}**: ${linkRuleIds(KEYWORD_DOCS.patient, links)}`;
  const lines = [`**patient ${id}** · ${pa.criteria} · ${pa.episodes.length} episode${pa.episodes.length === 1 ? "" : "s"} assessed`];
  lines.push(pa.complete ? "Complete: no error in this patient's block." : incompleteNote(pa.incompleteBecause, doc.document, "this patient's results"));
  pa.episodes.forEach((ea, i) => lines.push(`Episode ${i + 1}${ea.therapy ? ` (${ea.therapy})` : ""}: ${bestResponseLabel(ea)}${ea.resistance && ea.resistance.class !== "not-applicable" ? ` · resistance: ${ea.resistance.text}` : ""}${ea.complete ? "" : " · **incomplete**"}`));
  lines.push(linkRuleIds(KEYWORD_DOCS.patient, links));
  return lines.join("\n\n");
}

/** "⚠ **Incomplete: 2 errors** (syntax-error lines 4, 9): … rest on partial data." */
export function incompleteNote(reasons: CoreDiagnostic[], lines: LinePositions, what: string): string {
  const count = `${reasons.length} error${reasons.length === 1 ? "" : "s"}`;
  return `⚠ **Incomplete: ${count}** (${incompleteReasonsText(reasons, lines)}): ${what} rest on partial data; a response marked here may change once the errors are fixed.`;
}

/** A code's description, the rules it rests on and where it is documented. */
function diagnosticHover(code: keyof typeof CodeTable, links: DocLinks): string {
  const info = CodeTable[code];
  if (!info) return `**${code}**`;
  const rules = info.rules.length > 0 ? ` Rules: ${info.rules.map((r) => links.rule(r)).join(", ")}.` : "";
  return `**${code}**: ${info.description}${rules} (${links.code(code)})`;
}

function isOnHeaderWord(node: AssessmentNode, offset: number): boolean {
  const h = node.header;
  return offset >= h.keyword.start && (h.brace === null || offset <= h.brace + 1);
}


/** The therapy's name and dates (`from`, and `to` of version 1.1); its keywords keep their own hovers. */
function isWithinName(node: TherapyNode, offset: number): boolean {
  return (offset >= node.start && offset <= node.date.end) || (node.to !== null && offset >= node.to.start && offset <= node.to.end);
}

function lesionHover(id: string, lesion: Lesion | null, episode: Episode, links: DocLinks): string {
  const lines: string[] = [];
  if (!lesion) {
    lines.push(`**${id}**: not declared in this episode. Declare it at the baseline (\`${id} target ORGAN 12 mm\`) or as new at a follow-up (\`${id} new ORGAN 12 mm\`).`);
    return lines.join("\n");
  }
  const where = lesion.declaredAt.kind === "baseline" ? `baseline ${lesion.declaredAt.date}` : `scan ${lesion.declaredAt.date}`;
  const desc = lesion.description ? ` "${lesion.description}"` : "";
  const kind = lesion.kind === "new" ? (lesion.declaration.equivocal ? `new lesion (equivocal when first seen, ${links.rule("R6")})` : `new lesion (${links.rule("R6")})`) : `${lesion.kind} lesion`;
  lines.push(`**${id}**: ${kind} · ${lesion.organ}${lesion.nodal ? " (nodal: short axis)" : ""}${desc}`);
  lines.push(`Declared at ${where}.`, "");
  lines.push("| scan | value | from baseline | from its nadir |", "|---|---|---|---|");
  let baselineTenths: number | null = null;
  let nadir: number | null = null;
  for (const a of episodeAssessments(episode)) {
    const m = a.measurements.find((x) => x.lesionId === id);
    const label = a.kind === "baseline" ? `${a.date} baseline` : episode.preTreatment.includes(a) ? `${a.date} pre-treatment` : a.date;
    if (!m) {
      if (episode.followUps.includes(a) && (lesion.kind !== "new" || lesion.declaredAt.day <= a.day)) lines.push(`| ${label} | not mentioned (not evaluated, ${links.rule("R4")}) | | |`);
      continue;
    }
    const written = m.node.value.type === "Length" && m.node.value.unit === "cm" ? ` (${m.node.value.number.text} cm)` : "";
    let fromBaseline = "";
    let fromNadir = "";
    if (m.value.kind === "size" && !episode.preTreatment.includes(a)) {
      const t = m.value.tenths;
      if (baselineTenths === null && (a === episode.baseline || a === lesion.declaredAt)) baselineTenths = t;
      else {
        if (baselineTenths !== null) fromBaseline = change(t, baselineTenths);
        if (nadir !== null) fromNadir = change(t, nadir);
      }
      nadir = nadir === null ? t : Math.min(nadir, t);
    }
    lines.push(`| ${label} | ${describeValue(m.value)}${written} | ${fromBaseline} | ${fromNadir} |`);
  }
  return lines.join("\n");
}

function scanHover(doc: CaseDocument, loc: Location, node: AssessmentNode, links: DocLinks): string {
  const assessment = loc.assessment;
  const date = node.header.date?.text ?? "(no date)";
  if (!assessment || !loc.patient) {
    const why = node.header.date ? "this date is not a calendar date" : "its date cannot be read (see the syntax error)";
    return `**${node.header.kind} ${date}**: ${why}, so the scan is not assessed.`;
  }
  const episode = loc.episode;
  if (!episode) return `**${node.header.kind} ${date}**: not part of any episode (no baseline before it).`;
  if (episode.preTreatment.includes(assessment)) {
    return `**pre-treatment scan ${date}**: before the baseline ${episode.baseline?.date ?? ""}; used for growth kinetics (hyperprogression, ${links.rule("R12")}), not for response.${preTreatmentKinetics(doc, loc.patient, episode)}`;
  }
  const ea = episodeAssessmentOf(doc.analysis, loc.patient, episode);
  const incomplete = ea && !ea.complete ? `\n\n${incompleteNote(ea.incompleteBecause, doc.document, "this episode's results")}` : "";
  if (assessment === episode.baseline) return baselineHover(assessment, episode, ea, links) + incomplete;
  const found = timepointOf(doc.analysis, node);
  if (!found) return `**scan ${date}**: no assessment available for this scan.`;
  const patient = doc.analysis.assessment.patients.find((p) => p.episodes.includes(found.episode));
  const criteria = patient ? criteriaTable(patient.criteriaRead, patient.criteria, found.episode, found.episode.timepoints.indexOf(found.timepoint), links) : "";
  return timepointHover(found.timepoint, found.episode, links) + criteria + (found.episode.complete ? "" : `\n\n${incompleteNote(found.episode.incompleteBecause, doc.document, "this episode's results")}`);
}

function baselineHover(baseline: Assessment, episode: Episode, ea: EpisodeAssessment | null, links: DocLinks): string {
  // Issue 10: a target's value (or a declaration) that cannot be read leaves no baseline sum.
  const unreadable = unreadableBaseline(episode, lesionsOf(episode));
  const terms: string[] = [];
  let sum = 0;
  for (const m of baseline.measurements) {
    const lesion = episode.lesions.get(m.lesionId);
    if (!lesion || lesion.kind !== "target" || lesion.declaredAt !== baseline || m.value.kind !== "size") continue;
    terms.push(mm(m.value.tenths).replace(" mm", ""));
    sum += m.value.tenths;
  }
  const lines = [`**baseline ${baseline.date}**${episode.therapy ? ` · ${episode.therapy.name} from ${episode.therapy.date}` : ""}`];
  if (unreadable.length > 0) {
    lines.push(`Baseline sum: **cannot be computed**: ${describeUnreadable(unreadable, episode)} could not be read, so every response of this episode is NE (${links.rule("R4")}).`);
  } else if (terms.length > 0) {
    lines.push(`Baseline sum = ${terms.join(" + ")} = **${mm(sum)}** (${links.rule("R2")})`);
    lines.push(`PR at ≤ ${mm(Math.floor((sum * 7) / 10))} (−30 %, ${links.rule("R3")})`);
  } else {
    lines.push(`No target lesions: the response comes from non-target disease only (${links.rule("R7", "R7 table 2")}).`);
  }
  if (ea) lines.push(bestResponseLabel(ea));
  return lines.join("\n\n");
}

function timepointHover(tp: TimepointAssessment, ea: EpisodeAssessment, links: DocLinks): string {
  const lines: string[] = [];
  lines.push(`**scan ${tp.date}: ${responseLabel(tp)}**`);
  if (tp.terms.length > 0) {
    const terms = tp.terms.map((t) => (t.tenths === null ? `${t.lesionId} ${t.source === "unreadable" ? "unreadable" : "not evaluated"}` : mm(t.tenths).replace(" mm", "")));
    lines.push(`Sum = ${terms.join(" + ")}${tp.sum !== null ? ` = **${mm(tp.sum)}**` : ` (cannot be computed, ${links.rule("R4")})`}`);
  }
  const facts: string[] = [];
  if (ea.baseline) facts.push(`baseline ${mm(ea.baseline.sum)} (${ea.baseline.date})`);
  if (tp.nadir !== null) facts.push(`nadir ${mm(tp.nadir)}${tp.nadirDate ? ` (${tp.nadirDate})` : ""}`);
  if (facts.length) lines.push(facts.join(" · "));
  const changes: string[] = [];
  if (tp.changeFromBaselinePct !== null) changes.push(`${pct(tp.changeFromBaselinePct)} from baseline`);
  if (tp.changeFromNadirPct !== null) changes.push(`${pct(tp.changeFromNadirPct)}${tp.changeFromNadirTenths !== null ? ` (${signedMm(tp.changeFromNadirTenths)})` : ""} from nadir`);
  if (changes.length) lines.push(`Change: ${changes.join(", ")}`);
  if (tp.sum !== null) {
    const thresholds: string[] = [];
    if (tp.prThreshold !== null) {
      thresholds.push(tp.sum <= tp.prThreshold ? `PR threshold ≤ ${mm(tp.prThreshold)}: met` : `PR threshold ≤ ${mm(tp.prThreshold)}: ${mm(tp.sum - tp.prThreshold)} to go (${links.rule("R3")})`);
    }
    if (tp.pdThreshold !== null) {
      thresholds.push(tp.sum >= tp.pdThreshold ? `PD threshold ≥ ${mm(tp.pdThreshold)}: met` : `PD threshold ≥ ${mm(tp.pdThreshold)}: ${mm(tp.pdThreshold - tp.sum)} away (${links.rule("R3")})`);
    }
    if (thresholds.length) lines.push(thresholds.join(" · "));
  }
  const categories = [
    tp.target !== null ? `target ${tp.target}` : null,
    tp.nonTarget !== null ? `non-target ${tp.nonTarget}` : null,
    `new lesions ${tp.newLesions}${tp.newLesionTargetSum !== null ? ` (NLT SOM ${mm(tp.newLesionTargetSum)}, ${links.rule("R10")})` : ""}`,
  ].filter(Boolean);
  lines.push(`${categories.join(" · ")} → **${tp.response}**`);
  const steps = tp.explanation.filter((e) => e && e.text);
  if (steps.length > 0) lines.push(steps.map((e) => `- ${ruleLabel(e.rule, links)}: ${e.text}`).join("\n"));
  if (ea.timepoints[0] === tp && ea.hyperprogression.length > 0) {
    // R12: every definition that can be computed is shown with its numbers.
    lines.push(`Hyperprogression (${links.rule("R12")}):\n` + ea.hyperprogression.map((h) => `- ${h.definition}: ${h.computable ? (h.met ? "**met**" : "not met") : "not computable"}${h.detail ? ` · ${h.detail}` : ""}`).join("\n"));
  }
  if (tp.iResponse) {
    let state = `iRECIST: **${tp.iResponse}**`;
    const pending = ea.pendingConfirmation;
    // Only the TPs of the pending run (its first iUPD and later): the window is counted from its first iUPD.
    if (pending && tp.date >= pending.iupdDate) state += ` · awaiting confirmation of the iUPD of ${pending.iupdDate}: confirmation scan due ${pending.from} to ${pending.to} (${links.rule("R10")}, ${links.rule("R13")})`;
    lines.push(state);
  }
  return lines.join("\n\n");
}

/**
 * P3: "this scan under each criterion" for a patient read under several criteria: each one's
 * burden (its unit), change from its nadir and baseline, response with the state of its
 * confirmation, and why an NE is NE (R25-R30).
 */
function criteriaTable(read: readonly CriteriaId[], primary: CriteriaId, ea: EpisodeAssessment, index: number, links: DocLinks): string {
  if (!showsReadings(read) || index < 0) return "";
  const rows = ["| criteria | burden | vs nadir | vs baseline | response |", "|---|---|---|---|---|"];
  for (const id of read) {
    const tp = ea.readings?.[id]?.timepoints[index];
    if (!tp) continue;
    const c = criterion(id);
    const burden = (v: number | null) => (v === null ? "NE" : burdenText(v, c.unit));
    const vsNadir = tp.burden !== null && tp.nadir !== null ? `${tp.changeFromNadirPct === null ? "from 0" : pct(tp.changeFromNadirPct)} (nadir ${burden(tp.nadir)})` : "";
    const response = `**${displayResponse(tp)}**${tp.neReason ? `: ${tp.neReason}` : ""}`;
    rows.push(`| ${c.label}${id === primary ? " (primary)" : ""} | ${burden(tp.burden)} | ${vsNadir} | ${tp.changeFromBaselinePct === null ? "" : pct(tp.changeFromBaselinePct)} | ${response} |`);
  }
  return `\n\nThis scan under each criterion (${links.rule("R25")}, ${links.rule("P3")}):\n\n${rows.join("\n")}`;
}

function preTreatmentKinetics(doc: CaseDocument, patient: Patient, episode: Episode): string {
  const ea = episodeAssessmentOf(doc.analysis, patient, episode);
  if (!ea || ea.hyperprogression.length === 0) return "";
  return "\n\n" + ea.hyperprogression.map((h) => `- ${h.definition}: ${h.computable ? (h.met ? "met" : "not met") : "not computable"}${h.detail ? `: ${h.detail}` : ""}`).join("\n");
}

function ctdnaHover(doc: CaseDocument, patient: Patient, node: CtdnaNode, links: DocLinks): string {
  const sample = patient.ctdna.find((s) => s.node === node);
  if (!sample) return "**ctDNA**: this date is not a calendar date, so the sample is not used.";
  const lines = [`**ctDNA ${sample.date}**: ${sample.unit === "undetected" ? "undetected" : `${sample.value} ${sample.unit === "vaf" ? "% VAF" : sample.unit}`}`];
  const index = patient.ctdna.indexOf(sample);
  const previous = index > 0 ? patient.ctdna[index - 1] : null;
  if (previous) {
    const trend = sample.value > previous.value ? "rising" : sample.value < previous.value ? "falling" : "stable";
    const fold = sample.value > 0 && previous.value > 0 ? (sample.value > previous.value ? `${(sample.value / previous.value).toFixed(1)}-fold up` : `${(previous.value / sample.value).toFixed(1)}-fold down`) : "";
    lines.push(`Trend: **${trend}** against ${previous.date} (${previous.unit === "undetected" ? "undetected" : previous.value})${fold ? `, ${fold}` : ""} (${links.rule("R11")})`);
  } else {
    lines.push("First sample of this patient.");
  }
  const episode = [...patient.episodes].reverse().find((e) => e.start !== null && e.start - 14 <= sample.day) ?? patient.episodes[0];
  const ea = episode ? episodeAssessmentOf(doc.analysis, patient, episode) : null;
  const reading = ea?.ctdna?.reading === "progression" ? "supports true progression" : ea?.ctdna?.reading === "pseudoprogression" ? "supports pseudo-progression" : ea?.ctdna?.reading === "inconclusive" ? "inconclusive" : null;
  if (ea?.ctdna) lines.push(`${links.rule("R11")} profile: **${ea.ctdna.profile}** · trend ${ea.ctdna.trend}${reading ? ` · reading: **${reading}**` : ""}${ea.ctdna.detail ? `: ${ea.ctdna.detail}` : ""}`);
  lines.push(`Favourable profile (${links.rule("R11")}, Lee 2018): undetectable at baseline, or a > 10-fold fall within 12 weeks of treatment start.`);
  return lines.join("\n\n");
}

function therapyHoverText(doc: CaseDocument, patient: Patient, node: TherapyNode, links: DocLinks): string | null {
  const episode = patient.episodes.find((e) => e.therapy?.node === node);
  if (!episode || !episode.therapy) return null;
  const ea = episodeAssessmentOf(doc.analysis, patient, episode);
  const lines = [`**${episode.therapy.name}** from ${episode.therapy.date}${episode.therapy.kinds.length > 0 ? ` (${episode.therapy.kinds.join("+")})` : ""}: episode ${episode.index + 1} (${links.rule("R15")})`];
  const facts = therapyFacts(episode.therapy);
  if (facts) lines.push(facts);
  lines.push(episode.baseline ? `Baseline ${episode.baseline.date}, ${episode.followUps.length} follow-up scan(s).` : "No baseline for this episode.");
  if (ea) {
    lines.push(`${bestResponseLabel(ea)} (${links.rule("R8")}, ${links.rule("R9")})`);
    if (ea.progressionDate) lines.push(`Progression dated ${ea.progressionDate}.`);
    if (ea.iBestResponse !== undefined && ea.recistProgressionDate) lines.push(`RECIST 1.1 progression dated ${ea.recistProgressionDate} (${links.rule("R7")}).`);
    if (ea.pendingConfirmation) lines.push(`iUPD of ${ea.pendingConfirmation.iupdDate} awaits confirmation between ${ea.pendingConfirmation.from} and ${ea.pendingConfirmation.to} (${links.rule("R10")}).`);
    if (ea.nextDue) lines.push(`Next scan due ${ea.nextDue} (${links.rule("R13")}).`);
    if (ea.resistance) lines.push(resistanceSection(ea.resistance, episode.therapy, links));
    if (!ea.complete) lines.push(incompleteNote(ea.incompleteBecause, doc.document, "this line's results"));
  }
  return lines.join("\n\n");
}

/** A trace step's rule ("R8 table 3"): its id links to the rule, the rest stays as written. */
function ruleLabel(rule: string, links: DocLinks): string {
  const id = /^R\d+/.exec(rule)?.[0];
  return id ? links.rule(id, rule) : rule;
}

interface WordSpan extends Span {
  text: string;
}

function wordAt(text: string, offset: number): WordSpan | null {
  const isWordChar = (c: string | undefined) => c !== undefined && /[A-Za-z0-9._\-/%]/.test(c);
  let start = offset;
  let end = offset;
  while (start > 0 && isWordChar(text[start - 1])) start--;
  while (end < text.length && isWordChar(text[end])) end++;
  if (start === end) return null;
  for (const phrase of PHRASES) {
    const [first, second] = phrase.split(" ");
    const word = text.slice(start, end);
    const m = word === first ? /^[ \t]+(\S+)/.exec(text.slice(end, end + 20)) : word === second ? /(\S+)[ \t]+$/.exec(text.slice(Math.max(0, start - 20), start)) : null;
    if (m && (word === first ? m[1] === second : m[1] === first)) {
      return word === first ? { start, end: end + m[0].length, text: phrase } : { start: start - m[0].length, end, text: phrase };
    }
  }
  return { start, end, text: text.slice(start, end) };
}

function isInsideString(text: string, offset: number): boolean {
  let start = offset;
  while (start > 0 && text[start - 1] !== "\n" && text[start - 1] !== "\r") start--;
  let quotes = 0;
  for (let i = start; i < offset; i++) {
    if (text[i] === "\\") i++;
    else if (text[i] === '"') quotes++;
    else if (text[i] === "#" && quotes % 2 === 0) return true; // comments count as prose too
  }
  return quotes % 2 === 1;
}
