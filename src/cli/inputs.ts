/** Turning command-line paths into input documents. The only place (with graph-command.ts) that reads files. */
import { closeSync, constants, fstatSync, openSync, readFileSync, realpathSync, statSync } from "node:fs";
import { decodeInput } from "../pipeline/formats/decode";
import path from "node:path";
import type { InputDocument } from "../pipeline/records";
import { specialKind, walkFolder, type FoundFile } from "./walk";

export interface CollectedInputs {
  documents: InputDocument[];
  /** A thesaurus among the inputs (named thesaurus.csv, or starting with the header action,name,other); --thesaurus overrides it. */
  thesaurus: InputDocument | null;
  /** Paths that could not be read at all (missing, permission): reported, not fatal while other inputs remain. */
  problems: string[];
}

/** The files the inputs name, before any is read: their sizes decide whether the build fits in memory (memory.ts). */
export interface ListedInputs {
  files: FoundFile[];
  totalBytes: number;
  problems: string[];
}

/** Display path: relative to the working directory, "/" separators, so graph files are the same on every machine. */
export function displayPath(p: string, cwd: string): string {
  const rel = path.relative(cwd, path.resolve(cwd, p));
  return (rel === "" ? "." : rel).split(path.sep).join("/");
}

/** A thesaurus is recognised by its name or by its header line (see README, "Thesaurus file"). */
function isThesaurus(file: string, text: string): boolean {
  if (path.basename(file).toLowerCase() === "thesaurus.csv") return true;
  const first = text.replace(/^\uFEFF/, "").split(/\r\n|\r|\n/).find((l) => l.trim() !== "" && !l.trimStart().startsWith("#"));
  return first !== undefined && /^\s*action\s*,\s*name\s*,\s*other\s*,*\s*$/i.test(first);
}

export class NotAFileError extends Error {
  constructor(public readonly kind: string) {
    super(kind);
    this.name = "NotAFileError";
  }
}

/**
 * A file's bytes, refusing anything that is not a regular file without blocking: opened non-blocking (a FIFO with no
 * writer would otherwise block the open forever), then checked with fstat on the open descriptor (no race with a
 * swap between a stat and the open), then read. Throws NotAFileError for FIFOs, sockets and devices. Synchronous, like
 * the walk (walk.ts): thousands of small files read several times faster than through the promise API.
 */
export function readRegularFile(file: string): Buffer {
  const fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const info = fstatSync(fd);
    const kind = specialKind(info);
    if (kind !== null || info.isDirectory()) throw new NotAFileError(kind ?? "a folder");
    return readFileSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Bytes are decoded as the explorer decodes them (UTF-8, UTF-16 by BOM or by its NUL pattern); the readers diagnose the rest. */
function load(file: string, cwd: string): InputDocument {
  const bytes = readRegularFile(file);
  return { file: displayPath(file, cwd), text: decodeInput(bytes) };
}

function realOrSelf(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    return p;
  }
}

/** Every file the paths name (folders walked), with sizes; nothing is read yet. */
export async function listInputs(paths: string[], cwd: string): Promise<ListedInputs> {
  const files: FoundFile[] = [];
  const problems: string[] = [];
  const show = (p: string) => displayPath(p, cwd);
  for (const p of paths) {
    const abs = path.resolve(cwd, p);
    let info;
    try {
      info = statSync(abs);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      problems.push(code === "ELOOP" ? `${p}: symbolic link loop (the link leads back to itself)` : `${p}: no such file or folder`);
      continue;
    }
    if (info.isDirectory()) {
      const found = walkFolder(abs, problems, show);
      if (found.length === 0) problems.push(`${p}: folder is empty`);
      for (const f of found) files.push(f);
    } else if (info.isFile()) {
      files.push({ path: abs, real: realOrSelf(abs), size: info.size });
    } else {
      // Named directly, a FIFO would block the read forever and a device never end: refused by kind, not by a timeout.
      problems.push(`${p}: ${specialKind(info)}, not a file; skipped`);
    }
  }
  return { files, totalBytes: files.reduce((n, f) => n + f.size, 0), problems };
}

/** Reads the listed files (each real file once), sorting out the thesaurus. */
export async function readInputs(listed: ListedInputs, cwd: string): Promise<CollectedInputs> {
  const documents: InputDocument[] = [];
  const problems = [...listed.problems];
  const thesauri: InputDocument[] = [];
  // The same file named twice (seeds and seeds/000_....txt, or a.txt ./a.txt) is read once.
  const seen = new Set<string>();
  for (const f of listed.files) {
    if (seen.has(f.real)) continue;
    seen.add(f.real);
    try {
      const doc = load(f.path, cwd);
      if (isThesaurus(f.path, doc.text)) thesauri.push(doc);
      else documents.push(doc);
    } catch (e) {
      if (e instanceof NotAFileError) problems.push(`${displayPath(f.path, cwd)}: ${e.kind}, not a file; skipped`);
      else if ((e as NodeJS.ErrnoException).code === "ERR_STRING_TOO_LONG") {
        // V8 holds at most 2^29 - 24 characters in one string; a file past that cannot be read in one piece.
        problems.push(`${displayPath(f.path, cwd)}: larger than the 512 MiB of text one file may hold here; skipped (split it into smaller exports, e.g. one per year or per query)`);
      } else problems.push(`${displayPath(f.path, cwd)}: cannot be read (${(e as NodeJS.ErrnoException).code ?? "error"})`);
    }
  }
  if (thesauri.length > 1) {
    problems.push(`several thesaurus files (${thesauri.map((t) => t.file).join(", ")}); using ${thesauri[0]!.file}: merge them into one`);
  }
  return { documents, thesaurus: thesauri[0] ?? null, problems };
}

export async function collectInputs(paths: string[], cwd: string): Promise<CollectedInputs> {
  return readInputs(await listInputs(paths, cwd), cwd);
}
