/**
 * Writing a build's outputs so that a killed or failed build never leaves a damaged or mismatched file behind.
 *
 * Every file is written to a temporary file in the same folder (same file system, so rename is atomic), flushed to
 * disk, then renamed over the old one. The outputs of one build are renamed in the order given, the last one being the
 * commit point: graph-command passes the merge report first and graph.json last, so whenever graph.json is the new
 * one its merge report is too, and a build that fails or dies before that last rename leaves the old graph in place.
 * (The explorer reads only graph.json.) Temporary files are named `.<name>.<pid>.papergraph-tmp`; one left behind by
 * a killed build is removed by the next build that takes the folder's lock (see lock.ts).
 */
import { open, readdir, rename, rm } from "node:fs/promises";
import path from "node:path";

export const TEMP_SUFFIX = ".papergraph-tmp";

export interface Output {
  /** File name inside the output folder. */
  name: string;
  /** The content, in chunks (a large graph is never one string). */
  chunks: Iterable<string>;
}

export interface PendingFile {
  target: string;
  temp: string;
}

export function tempName(dir: string, name: string): string {
  return path.join(dir, `.${name}.${process.pid}${TEMP_SUFFIX}`);
}

/** Writes the chunks to a fresh temporary file beside `name` and flushes it; the caller renames or discards it. */
export async function writeTemp(dir: string, output: Output): Promise<PendingFile> {
  const pending = { target: path.join(dir, output.name), temp: tempName(dir, output.name) };
  // "w", not "wx": a file of this exact name can only be left over from a dead build that had our pid.
  const handle = await open(pending.temp, "w", 0o644);
  try {
    for (const chunk of output.chunks) await handle.write(chunk);
    await handle.sync();
  } catch (e) {
    await handle.close().catch(() => undefined);
    await rm(pending.temp, { force: true });
    throw e;
  }
  await handle.close();
  return pending;
}

/**
 * Writes every output to its temporary file first, then renames them in order (the last is the commit point). On any
 * failure before the renames nothing is replaced and the temporary files are removed.
 */
export async function writeOutputsTogether(dir: string, outputs: readonly Output[]): Promise<void> {
  const pending: PendingFile[] = [];
  try {
    for (const o of outputs) pending.push(await writeTemp(dir, o));
    for (const p of pending) await rename(p.temp, p.target);
  } catch (e) {
    await Promise.all(pending.map((p) => rm(p.temp, { force: true })));
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
  await Promise.all(names.filter((n) => n.startsWith(".") && n.endsWith(TEMP_SUFFIX)).map((n) => rm(path.join(dir, n), { force: true })));
}
