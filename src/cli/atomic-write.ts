/**
 * Writing a build's outputs so that a killed or failed build never leaves a damaged or mismatched file behind.
 *
 * Every file is written to a temporary file in the same folder (same file system, so rename is atomic), flushed to
 * disk, then renamed over the old one. The outputs of one build are renamed in the order given, the last one being the
 * commit point: graph-command passes the merge report first and graph.json last, so whenever graph.json is the new
 * one its merge report is too, and a build that fails or dies before that last rename leaves the old graph in place.
 * An output may also be a folder of files (the explorer's compact files, data/explorer/): it is written whole into a
 * temporary folder, then swapped in (old folder renamed aside, new one renamed into place, old one removed), so a
 * reader never sees a core.bin of one build with chunks of another. graph-command puts it before graph.json, so
 * whenever graph.json is the new one, its explorer folder is too. Temporary files and folders are named
 * `.<name>.<pid>.papergraph-tmp` (`.<name>.<pid>.old.papergraph-tmp` for a folder being replaced); one left behind by a
 * killed build is removed by the next build that takes the folder's lock (see lock.ts).
 */
import { closeSync, fsyncSync, openSync, writeSync } from "node:fs";
import { mkdir, open, readdir, rename, rm } from "node:fs/promises";
import path from "node:path";

export const TEMP_SUFFIX = ".papergraph-tmp";

export interface FileOutput {
  /** File name inside the output folder. */
  name: string;
  /** The content, in chunks (a large graph is never one string). */
  chunks: Iterable<string | Uint8Array>;
}

/**
 * A folder replaced as a whole: every file of the old one goes, the files `fill` puts take their place. `fill` hands
 * each file over as soon as it is made and each is written at once (synchronously, since a maker may be inside a
 * synchronous pass over the graph), so the files are never all in memory together.
 */
export interface FolderOutput {
  name: string;
  fill(put: (name: string, bytes: Uint8Array) => void): void;
}

export type Output = FileOutput | FolderOutput;

export interface PendingFile {
  target: string;
  temp: string;
  folder: boolean;
}

export function tempName(dir: string, name: string): string {
  return path.join(dir, `.${name}.${process.pid}${TEMP_SUFFIX}`);
}

/** Writes chunks to `file` (created or truncated) and flushes it; on failure the file is removed. */
async function writeFlushed(file: string, chunks: Iterable<string | Uint8Array>): Promise<void> {
  // "w", not "wx": a file of this exact name can only be left over from a dead build that had our pid.
  const handle = await open(file, "w", 0o644);
  try {
    for (const chunk of chunks) await (typeof chunk === "string" ? handle.write(chunk) : handle.write(chunk));
    await handle.sync();
  } catch (e) {
    await handle.close().catch(() => undefined);
    await rm(file, { force: true });
    throw e;
  }
  await handle.close();
}

/** writeFlushed for one buffer, synchronously. */
function writeFlushedSync(file: string, bytes: Uint8Array): void {
  const fd = openSync(file, "w", 0o644);
  try {
    writeSync(fd, bytes);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Writes an output to a fresh temporary file (or folder) beside `name` and flushes it; the caller renames or discards it. */
export async function writeTemp(dir: string, output: Output): Promise<PendingFile> {
  const folder = "fill" in output;
  const pending = { target: path.join(dir, output.name), temp: tempName(dir, output.name), folder };
  if (!folder) {
    await writeFlushed(pending.temp, output.chunks);
    return pending;
  }
  try {
    await rm(pending.temp, { recursive: true, force: true });
    await mkdir(pending.temp);
    const temp = pending.temp;
    output.fill((name, bytes) => writeFlushedSync(path.join(temp, name), bytes));
    await syncFolder(pending.temp);
  } catch (e) {
    await rm(pending.temp, { recursive: true, force: true });
    throw e;
  }
  return pending;
}

/** Renames a temporary folder into place: the old folder aside first (restored if the swap fails), then removed. */
async function swapFolder(p: PendingFile): Promise<void> {
  const old = path.join(path.dirname(p.target), `.${path.basename(p.target)}.${process.pid}.old${TEMP_SUFFIX}`);
  await rm(old, { recursive: true, force: true });
  const hadOld = await rename(p.target, old).then(
    () => true,
    (e: NodeJS.ErrnoException) => {
      if (e.code === "ENOENT") return false;
      throw e;
    },
  );
  try {
    await rename(p.temp, p.target);
  } catch (e) {
    if (hadOld) await rename(old, p.target).catch(() => undefined);
    throw e;
  }
  if (hadOld) await rm(old, { recursive: true, force: true });
}

/**
 * Writes every output to its temporary file first, then renames them in order (the last is the commit point). On any
 * failure before the renames nothing is replaced and the temporary files are removed.
 */
export async function writeOutputsTogether(dir: string, outputs: readonly Output[]): Promise<void> {
  const pending: PendingFile[] = [];
  try {
    for (const o of outputs) pending.push(await writeTemp(dir, o));
    for (const p of pending) await (p.folder ? swapFolder(p) : rename(p.temp, p.target));
  } catch (e) {
    await Promise.all(pending.map((p) => rm(p.temp, { recursive: p.folder, force: true })));
    throw e;
  }
  await syncFolder(dir);
}

/** Flushes the folder entry itself, so the renames survive a power cut (not supported everywhere: best effort). */
async function syncFolder(dir: string): Promise<void> {
  try {
    const handle = await open(dir, "r");
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Some file systems refuse fsync on a directory; the renames themselves are still atomic.
  }
}

/** Removes temporary files left by killed builds. Call only while holding the folder's lock (no live build writes). */
export async function removeLeftoverTemps(dir: string): Promise<void> {
  const names = await readdir(dir).catch(() => [] as string[]);
  // recursive: a temporary explorer folder is a folder.
  await Promise.all(names.filter((n) => n.startsWith(".") && n.endsWith(TEMP_SUFFIX)).map((n) => rm(path.join(dir, n), { recursive: true, force: true })));
}
