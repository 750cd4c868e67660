// Finds what lies at an offset of a case file: the patient, the assessment and its episode, the
// statement and the token. Every feature (hover, completion, rename, ...) starts here.
import type { Analysis } from "../core/analyze";
import type {
  AssessmentNode, LesionNode, PatientItem, PatientNode, ScanItem, Span, Word,
} from "../core/syntax/ast";
import type { Assessment, Episode, Lesion, Patient } from "../core/model/types";
import type { EpisodeAssessment, PatientAssessment, TimepointAssessment } from "../core/engine/types";

export interface Location {
  patientNode: PatientNode | null;
  patient: Patient | null;
  /** The patient-level statement (a scan block counts as one) holding the offset. */
  patientItem: PatientItem | null;
  assessmentNode: AssessmentNode | null;
  assessment: Assessment | null;
  episode: Episode | null;
  /** The statement inside a scan block holding the offset. */
  scanItem: ScanItem | null;
  /** Whether the offset is inside the block body of `assessmentNode` (after its `{`). */
  inScanBody: boolean;
}

function within(span: Span, offset: number): boolean {
  return span.start <= offset && offset <= span.end;
}

export function locate(analysis: Analysis, offset: number): Location {
  const loc: Location = {
    patientNode: null, patient: null, patientItem: null, assessmentNode: null, assessment: null,
    episode: null, scanItem: null, inScanBody: false,
  };
  for (const item of analysis.parse.file.items) {
    if (item.type !== "Patient" || !within(item, offset)) continue;
    // Spans of adjacent blocks touch at line starts; prefer the one that really starts at or before.
    loc.patientNode = item;
  }
  if (!loc.patientNode) return loc;
  loc.patient = analysis.model.patients.find((p) => p.node === loc.patientNode) ?? null;
  for (const item of loc.patientNode.items) {
    if (within(item, offset)) loc.patientItem = item;
  }
  if (loc.patientItem?.type === "Assessment") {
    const node = loc.patientItem;
    loc.assessmentNode = node;
    loc.assessment = loc.patient?.assessments.find((a) => a.node === node) ?? null;
    loc.episode = loc.assessment && loc.patient ? episodeOf(loc.patient, loc.assessment) : null;
    const bodyStart = node.header.end;
    loc.inScanBody = offset >= bodyStart && (node.close === null || offset <= node.close);
    for (const item of node.items) if (within(item, offset)) loc.scanItem = item;
  }
  return loc;
}

export function episodeOf(patient: Patient, assessment: Assessment): Episode | null {
  return patient.episodes.find((e) => e.baseline === assessment || e.followUps.includes(assessment) || e.preTreatment.includes(assessment)) ?? null;
}

/** Every assessment of an episode in date order: pre-treatment, baseline, follow-ups. */
export function episodeAssessments(episode: Episode): Assessment[] {
  return [...episode.preTreatment, ...(episode.baseline ? [episode.baseline] : []), ...episode.followUps];
}

/** A lesion id token at an offset: a lesion line's id or the target of `merged into ID`. */
export interface LesionReference {
  word: Word;
  line: LesionNode;
  isDeclaration: boolean;
}

export function lesionReferenceAt(loc: Location, offset: number): LesionReference | null {
  const line = loc.scanItem;
  if (!line || line.type !== "Lesion") return null;
  if (within(line.id, offset)) return { word: line.id, line, isDeclaration: isDeclaration(line) };
  if (line.value.type === "Merged" && within(line.value.into, offset)) return { word: line.value.into, line, isDeclaration: false };
  return null;
}

export function isDeclaration(line: LesionNode): boolean {
  return line.declare === "target" || line.declare === "non-target" || line.declare === "new";
}

/** Every token naming lesion `id` in an episode: declarations, values and `merged into` targets. */
export function lesionOccurrences(episode: Episode, id: string): LesionReference[] {
  const out: LesionReference[] = [];
  for (const assessment of episodeAssessments(episode)) {
    for (const m of assessment.measurements) {
      if (m.lesionId === id) out.push({ word: m.node.id, line: m.node, isDeclaration: isDeclaration(m.node) });
      if (m.node.value.type === "Merged" && m.node.value.into.value === id) out.push({ word: m.node.value.into, line: m.node, isDeclaration: false });
    }
  }
  return out.sort((a, b) => a.word.start - b.word.start);
}

export function lesionOf(episode: Episode | null, id: string): Lesion | null {
  return episode?.lesions.get(id) ?? null;
}

export function patientAssessmentOf(analysis: Analysis, patient: Patient): PatientAssessment | null {
  return analysis.assessment.patients.find((p) => p.patient === patient) ?? analysis.assessment.patients.find((p) => p.id === patient.id && p.patient.node === patient.node) ?? null;
}

export function episodeAssessmentOf(analysis: Analysis, patient: Patient, episode: Episode): EpisodeAssessment | null {
  const pa = patientAssessmentOf(analysis, patient);
  return pa?.episodes.find((e) => e.episode === episode) ?? pa?.episodes[episode.index] ?? null;
}

export function timepointOf(analysis: Analysis, node: AssessmentNode): { timepoint: TimepointAssessment; episode: EpisodeAssessment } | null {
  for (const pa of analysis.assessment.patients) {
    for (const ea of pa.episodes) {
      for (const tp of ea.timepoints) if (tp.scan.node === node) return { timepoint: tp, episode: ea };
    }
  }
  return null;
}

/** Lesions of an episode that are followed at a date: baseline lesions and new lesions declared before it. */
export function activeLesions(episode: Episode, beforeDay: number): Lesion[] {
  return [...episode.lesions.values()].filter((l) => l.kind !== "new" || l.declaredAt.day < beforeDay);
}

/** The written part of a scan header, `scan 2025-03-01 CT {`, without indentation or line break. */
export function headerSpan(node: AssessmentNode): Span {
  const h = node.header;
  return { start: h.keyword.start, end: h.brace !== null ? h.brace + 1 : (h.modality ?? h.date ?? h.keyword).end };
}
