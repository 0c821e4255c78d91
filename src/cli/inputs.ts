/** Turning command-line paths into input documents. The only place (with graph-command.ts) that reads files. */
import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import type { InputDocument } from "../pipeline/records";

export interface CollectedInputs {
  documents: InputDocument[];
  /** A thesaurus.csv found in an input folder (used unless --thesaurus names another). */
  thesaurus: InputDocument | null;
  /** Paths that could not be read at all (missing, permission): reported, not fatal while other inputs remain. */
  problems: string[];
}

/** Display path: relative to the working directory, "/" separators, so graph files are the same on every machine. */
export function displayPath(p: string, cwd: string): string {
  const rel = path.relative(cwd, path.resolve(cwd, p));
  return (rel === "" ? "." : rel).split(path.sep).join("/");
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const out: string[] = [];
  for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    if (e.name.startsWith(".")) continue; // editor swap files, .DS_Store
    const full = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...(await listFiles(full)));
    else if (e.isFile()) out.push(full);
  }
  return out;
}

/** BOM is left to the readers (they strip it and keep line numbers); bytes are decoded as UTF-8. */
async function load(file: string, cwd: string): Promise<InputDocument> {
  const bytes = await readFile(file);
  return { file: displayPath(file, cwd), text: bytes.toString("utf8") };
}

export async function collectInputs(paths: string[], cwd: string): Promise<CollectedInputs> {
  const documents: InputDocument[] = [];
  const problems: string[] = [];
  let thesaurus: InputDocument | null = null;
  for (const p of paths) {
    const abs = path.resolve(cwd, p);
    let info;
    try {
      info = await stat(abs);
    } catch {
      problems.push(`${p}: no such file or folder`);
      continue;
    }
    const files = info.isDirectory() ? await listFiles(abs) : [abs];
    if (info.isDirectory() && files.length === 0) problems.push(`${p}: folder is empty`);
    for (const f of files) {
      try {
        const doc = await load(f, cwd);
        if (info.isDirectory() && path.basename(f).toLowerCase() === "thesaurus.csv") thesaurus = doc;
        else documents.push(doc);
      } catch (e) {
        problems.push(`${displayPath(f, cwd)}: cannot be read (${(e as NodeJS.ErrnoException).code ?? "error"})`);
      }
    }
  }
  return { documents, thesaurus, problems };
}
