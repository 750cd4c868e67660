// Go to definition, find references and rename for lesion ids. The scope of an id is its episode
// (R15): the same id in another episode is another lesion.
import type { Location as LspLocation, Position, Range, WorkspaceEdit } from "vscode-languageserver-types";
import type { CaseDocument } from "./document";
import { rangeOf } from "./document";
import { LesionReference, lesionOccurrences, lesionReferenceAt, locate } from "./caseIndex";
import type { Episode } from "../core/model/types";

const LESION_ID = /^[A-Za-z][A-Za-z0-9_-]*$/;
const RESERVED = new Set(["ecog", "clinical", "note"]);

interface Target {
  reference: LesionReference;
  episode: Episode;
}

function targetAt(doc: CaseDocument, position: Position): Target | null {
  const offset = doc.document.offsetAt(position);
  const loc = locate(doc.analysis, offset);
  const reference = lesionReferenceAt(loc, offset);
  if (!reference || !loc.episode) return null;
  return { reference, episode: loc.episode };
}

export function definition(doc: CaseDocument, position: Position): LspLocation | null {
  const target = targetAt(doc, position);
  if (!target) return null;
  const lesion = target.episode.lesions.get(target.reference.word.value);
  if (!lesion) return null;
  return { uri: doc.document.uri, range: rangeOf(doc.document, lesion.declaration.id) };
}

export function references(doc: CaseDocument, position: Position, includeDeclaration: boolean): LspLocation[] {
  const target = targetAt(doc, position);
  if (!target) return [];
  return lesionOccurrences(target.episode, target.reference.word.value)
    .filter((r) => includeDeclaration || !r.isDeclaration)
    .map((r) => ({ uri: doc.document.uri, range: rangeOf(doc.document, r.word) }));
}

export class RenameError extends Error {}

export function prepareRename(doc: CaseDocument, position: Position): { range: Range; placeholder: string } | null {
  const target = targetAt(doc, position);
  if (!target) return null;
  if (!target.episode.lesions.has(target.reference.word.value)) throw new RenameError(`${target.reference.word.value} is not declared in this episode, so it cannot be renamed.`);
  return { range: rangeOf(doc.document, target.reference.word), placeholder: target.reference.word.value };
}

/** Renames a lesion id everywhere in its episode; refuses invalid ids and ids already in use. */
export function rename(doc: CaseDocument, position: Position, newName: string): WorkspaceEdit {
  const target = targetAt(doc, position);
  if (!target) throw new RenameError("Only lesion ids can be renamed.");
  const oldName = target.reference.word.value;
  if (!LESION_ID.test(newName) || RESERVED.has(newName)) {
    throw new RenameError(`'${newName}' is not a valid lesion id: a letter, then letters, digits, '_' or '-', and not ecog, clinical or note.`);
  }
  if (newName !== oldName && (target.episode.lesions.has(newName) || lesionOccurrences(target.episode, newName).length > 0)) {
    throw new RenameError(`'${newName}' is already a lesion of this episode.`);
  }
  const edits = lesionOccurrences(target.episode, oldName).map((r) => ({ range: rangeOf(doc.document, r.word), newText: newName }));
  return { changes: { [doc.document.uri]: edits } };
}
