/** Turning command-line paths into input documents. The only place (with graph-command.ts) that reads files. */
import { readdir, readFile, realpath, stat } from "node:fs/promises";
import { decodeInput } from "../pipeline/formats/decode";
import path from "node:path";
import type { InputDocument } from "../pipeline/records";

export interface CollectedInputs {
  documents: InputDocument[];
  /** A thesaurus among the inputs (named thesaurus.csv, or starting with the header action,name,other); --thesaurus overrides it. */
  thesaurus: InputDocument | null;
  /** Paths that could not be read at all (missing, permission): reported, not fatal while other inputs remain. */
  problems: string[];
}

/** Display path: relative to the working directory, "/" separators, so graph files are the same on every machine. */
export function displayPath(p: string, cwd: string): string {
  const rel = path.relative(cwd, path.resolve(cwd, p));
  return (rel === "" ? "." : rel).split(path.sep).join("/");
}

/** Files below a folder, sorted; symbolic links are followed (a link that leads nowhere is reported, not dropped). */
async function listFiles(dir: string, problems: string[], cwd: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const out: string[] = [];
  for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    if (e.name.startsWith(".")) continue; // editor swap files, .DS_Store
    const full = path.join(dir, e.name);
    let isDir = e.isDirectory();
    let isFile = e.isFile();
    if (e.isSymbolicLink()) {
      const target = await stat(full).catch(() => null);
      if (!target) {
        problems.push(`${displayPath(full, cwd)}: broken symbolic link, skipped`);
        continue;
      }
      isDir = target.isDirectory();
      isFile = target.isFile();
    }
    if (isDir) out.push(...(await listFiles(full, problems, cwd)));
    else if (isFile) out.push(full);
    else problems.push(`${displayPath(full, cwd)}: not a regular file, skipped`);
  }
  return out;
}

/** A thesaurus is recognised by its name or by its header line (see README, "Thesaurus file"). */
function isThesaurus(file: string, text: string): boolean {
  if (path.basename(file).toLowerCase() === "thesaurus.csv") return true;
  const first = text.replace(/^\uFEFF/, "").split(/\r\n|\r|\n/).find((l) => l.trim() !== "" && !l.trimStart().startsWith("#"));
  return first !== undefined && /^\s*action\s*,\s*name\s*,\s*other\s*,*\s*$/i.test(first);
}

/** Bytes are decoded as the explorer decodes them (UTF-8, UTF-16 by BOM or by its NUL pattern); the readers diagnose the rest. */
async function load(file: string, cwd: string): Promise<InputDocument> {
  const bytes = await readFile(file);
  return { file: displayPath(file, cwd), text: decodeInput(bytes) };
}

export async function collectInputs(paths: string[], cwd: string): Promise<CollectedInputs> {
  const documents: InputDocument[] = [];
  const problems: string[] = [];
  const thesauri: InputDocument[] = [];
  // The same file named twice (seeds and seeds/000_....txt, or a.txt ./a.txt) is read once.
  const seen = new Set<string>();
  for (const p of paths) {
    const abs = path.resolve(cwd, p);
    let info;
    try {
      info = await stat(abs);
    } catch {
      problems.push(`${p}: no such file or folder`);
      continue;
    }
    const files = info.isDirectory() ? await listFiles(abs, problems, cwd) : [abs];
    if (info.isDirectory() && files.length === 0) problems.push(`${p}: folder is empty`);
    for (const f of files) {
      const real = await realpath(f).catch(() => f);
      if (seen.has(real)) continue;
      seen.add(real);
      try {
        const doc = await load(f, cwd);
        if (isThesaurus(f, doc.text)) thesauri.push(doc);
        else documents.push(doc);
      } catch (e) {
        problems.push(`${displayPath(f, cwd)}: cannot be read (${(e as NodeJS.ErrnoException).code ?? "error"})`);
      }
    }
  }
  if (thesauri.length > 1) {
    problems.push(`several thesaurus files (${thesauri.map((t) => t.file).join(", ")}); using ${thesauri[0]!.file}: merge them into one`);
  }
  return { documents, thesaurus: thesauri[0] ?? null, problems };
}
