// Document symbols (patient > episode > scans > lesions) and workspace symbols (patients).
import type { DocumentSymbol, SymbolInformation } from "vscode-languageserver-types";
import { SymbolKind } from "vscode-languageserver-types";
import type { TextDocument } from "vscode-languageserver-textdocument";
import type { CaseDocument } from "./document";
import { rangeOf } from "./document";
import type { Assessment, Episode, Patient } from "../core/model/types";
import type { Span } from "../core/syntax/ast";
import { parseText } from "../core/syntax/parse";
import { episodeAssessments } from "./caseIndex";

export function documentSymbols(doc: CaseDocument): DocumentSymbol[] {
  return doc.analysis.model.patients.map((patient) => patientSymbol(doc.document, patient));
}

function patientSymbol(document: TextDocument, patient: Patient): DocumentSymbol {
  const children: DocumentSymbol[] = [];
  const placed = new Set<Assessment>();
  for (const episode of patient.episodes) {
    const scans = episodeAssessments(episode);
    scans.forEach((a) => placed.add(a));
    if (scans.length === 0 && !episode.therapy) continue;
    children.push(episodeSymbol(document, episode, scans));
  }
  for (const a of patient.assessments) if (!placed.has(a)) children.push(scanSymbol(document, a, null));
  return {
    name: patient.id || "(patient without id)",
    detail: "patient",
    kind: SymbolKind.Module,
    range: rangeOf(document, patient.node),
    selectionRange: rangeOf(document, patient.idSpan),
    children,
  };
}

function episodeSymbol(document: TextDocument, episode: Episode, scans: Assessment[]): DocumentSymbol {
  const spans: Span[] = [...scans.map((s) => s.node), ...(episode.therapy ? [episode.therapy.node] : [])];
  const span = { start: Math.min(...spans.map((s) => s.start)), end: Math.max(...spans.map((s) => s.end)) };
  const selection = episode.therapy ? episode.therapy.node.name : (episode.baseline?.node.header ?? spans[0]);
  return {
    name: episode.therapy ? episode.therapy.name : `episode ${episode.index + 1}`,
    detail: episode.therapy ? `from ${episode.therapy.date}` : episode.baseline ? `baseline ${episode.baseline.date}` : "",
    kind: SymbolKind.Namespace,
    range: rangeOf(document, span),
    selectionRange: rangeOf(document, { start: selection.start, end: Math.min(selection.end, span.end) }),
    children: scans.map((s) => scanSymbol(document, s, episode)),
  };
}

function scanSymbol(document: TextDocument, scan: Assessment, episode: Episode | null): DocumentSymbol {
  const header = scan.node.header;
  const role = scan.kind === "baseline" ? "baseline" : episode?.preTreatment.includes(scan) ? "pre-treatment scan" : "scan";
  return {
    name: `${scan.kind} ${scan.date}`,
    detail: [role, scan.modality].filter(Boolean).join(" · "),
    kind: SymbolKind.Event,
    range: rangeOf(document, scan.node),
    selectionRange: rangeOf(document, header.date ?? header.keyword),
    children: scan.measurements.map((m) => ({
      name: m.lesionId,
      detail: m.node.declare && m.node.declare !== "new-mention" ? `${m.node.declare} ${m.node.organ?.value ?? ""}`.trim() : "",
      kind: SymbolKind.Variable,
      range: rangeOf(document, m.node),
      selectionRange: rangeOf(document, m.node.id),
    })),
  };
}

export interface WorkspaceFile {
  uri: string;
  text: string;
}

/** Patients of every case file whose id contains the query (case-insensitive). Parse only: fast. */
export function workspaceSymbols(files: Iterable<WorkspaceFile>, query: string, toDocument: (f: WorkspaceFile) => TextDocument, limit = 500): SymbolInformation[] {
  const q = query.toLowerCase();
  const out: SymbolInformation[] = [];
  for (const file of files) {
    const parsed = parseText(file.text).file;
    let document: TextDocument | null = null;
    for (const item of parsed.items) {
      if (item.type !== "Patient" || !item.header.id) continue;
      const id = item.header.id.value;
      if (q && !id.toLowerCase().includes(q)) continue;
      document ??= toDocument(file);
      out.push({ name: id, kind: SymbolKind.Module, location: { uri: file.uri, range: rangeOf(document, item.header.id) }, containerName: file.uri.slice(file.uri.lastIndexOf("/") + 1) });
      if (out.length >= limit) return out;
    }
  }
  return out;
}
