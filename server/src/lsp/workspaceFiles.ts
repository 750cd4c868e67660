// Case files of the workspace folders for workspace symbols: read from disk with fs, capped so a
// huge folder cannot stall the server; open documents win over their saved text.
import * as fs from "fs";
import * as path from "path";
import { fileURLToPath, pathToFileURL } from "url";
import type { WorkspaceFile } from "../service/symbols";

const SKIPPED = new Set(["node_modules", ".git", "out", "dist", ".vscode-test"]);
export const MAX_WORKSPACE_FILES = 2000;
const MAX_FILE_BYTES = 20 * 1024 * 1024;

export async function workspaceCaseFiles(folderUris: string[], open: Map<string, string>, limit = MAX_WORKSPACE_FILES): Promise<WorkspaceFile[]> {
  const out: WorkspaceFile[] = [];
  const seen = new Set<string>();
  for (const [uri, text] of open) {
    if (uri.endsWith(".nadir")) {
      out.push({ uri, text });
      seen.add(uri);
    }
  }
  const paths: string[] = [];
  for (const folder of folderUris) {
    if (!folder.startsWith("file:")) continue;
    await collect(fileURLToPath(folder), paths, limit, 0);
  }
  for (const p of paths) {
    if (out.length >= limit) break;
    const uri = pathToFileURL(p).toString();
    if (seen.has(uri)) continue;
    try {
      const stat = await fs.promises.stat(p);
      if (stat.size > MAX_FILE_BYTES) continue;
      out.push({ uri, text: await fs.promises.readFile(p, "utf8") });
    } catch {
      // Unreadable or vanished files are simply not listed.
    }
  }
  return out;
}

async function collect(dir: string, out: string[], limit: number, depth: number): Promise<void> {
  if (out.length >= limit || depth > 12) return;
  let entries: fs.Dirent[];
  try {
    entries = await fs.promises.readdir(dir, { withFileTypes: true });
  } catch {
    return;
  }
  entries.sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of entries) {
    if (out.length >= limit) return;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory() && !SKIPPED.has(entry.name) && !entry.name.startsWith(".")) await collect(full, out, limit, depth + 1);
    else if (entry.isFile() && entry.name.endsWith(".nadir")) out.push(full);
  }
}
