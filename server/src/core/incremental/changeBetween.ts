// The single replacement that turns one text into another (common prefix and suffix kept), for
// callers that hold the previous and the new text but not the edits, e.g. a server whose document
// store applies the client's changes itself.
import type { TextChange } from "./reanalyze";

export function changeBetween(before: string, after: string): TextChange {
  const limit = Math.min(before.length, after.length);
  let prefix = 0;
  while (prefix < limit && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (suffix < limit - prefix && before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)) suffix++;
  return { start: prefix, end: before.length - suffix, text: after.slice(prefix, after.length - suffix) };
}
