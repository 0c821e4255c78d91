/**
 * The output folder, made ready before the build starts, so an unusable one (`/proc/papergraph`, a path through a
 * file, a read-only disk) is reported in a second, not after a build of minutes.
 *
 * Folders are created one level at a time instead of with `mkdir(..., { recursive: true })`: Node's recursive mkdir
 * never returns on some paths under /proc (ENOENT from a folder that exists makes it retry the parent forever). Then
 * the folder's lock is taken, which writes a file there: that write is the real test that outputs can be written.
 */
import { mkdir, rmdir, stat } from "node:fs/promises";
import path from "node:path";
import { removeLeftoverTemps, writeOutputsTogether, type Output } from "./atomic-write";
import { acquireLock, type FolderLock } from "./lock";

export class OutputFolderError extends Error {
  constructor(public readonly code: string) {
    super(code);
    this.name = "OutputFolderError";
  }
}

/** Creates the folder and its missing parents; returns the folders it created (deepest last). Throws OutputFolderError. */
export async function makeFolder(dir: string): Promise<string[]> {
  const missing: string[] = [];
  let at = path.resolve(dir);
  for (;;) {
    const info = await stat(at).catch((e: NodeJS.ErrnoException) => e);
    if (!(info instanceof Error)) {
      if (!info.isDirectory()) throw new OutputFolderError("ENOTDIR");
      break;
    }
    if (info.code !== "ENOENT") throw new OutputFolderError(info.code ?? "error");
    missing.unshift(at);
    const parent = path.dirname(at);
    if (parent === at) throw new OutputFolderError("ENOENT");
    at = parent;
  }
  const created: string[] = [];
  for (const folder of missing) {
    try {
      await mkdir(folder);
      created.push(folder);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code ?? "error";
      if (code !== "EEXIST") throw new OutputFolderError(code);
    }
  }
  return created;
}

/** Removes folders that makeFolder created and that stayed empty (a build that wrote nothing leaves no trace). */
export async function removeCreatedFolders(created: readonly string[]): Promise<void> {
  for (const folder of [...created].reverse()) {
    await rmdir(folder).catch(() => undefined);
  }
}

/** An output folder ready for one build: created, locked, cleared of temporary files left by killed builds. */
export interface OpenFolder {
  dir: string;
  /** Replaces the outputs together (atomic-write.ts); the last output is the commit point. */
  write(outputs: readonly Output[]): Promise<void>;
  /** Releases the lock; removes the folders this build created when it wrote nothing. */
  close(): Promise<void>;
}

export type OpenResult = { ok: true; folder: OpenFolder } | { ok: false; reason: "unusable"; code: string } | { ok: false; reason: "locked"; pid: number; lockFile: string };

export async function openOutputFolder(dir: string): Promise<OpenResult> {
  let created: string[];
  try {
    created = await makeFolder(dir);
  } catch (e) {
    return { ok: false, reason: "unusable", code: e instanceof OutputFolderError ? e.code : String(e) };
  }
  let lock: FolderLock;
  try {
    const taken = await acquireLock(dir);
    if (!taken.ok) return { ok: false, reason: "locked", pid: taken.heldBy, lockFile: taken.file };
    lock = taken.lock;
  } catch (e) {
    await removeCreatedFolders(created);
    return { ok: false, reason: "unusable", code: (e as NodeJS.ErrnoException).code ?? String(e) };
  }
  await removeLeftoverTemps(dir);
  let wrote = false;
  return {
    ok: true,
    folder: {
      dir,
      write: async (outputs) => {
        await writeOutputsTogether(dir, outputs);
        wrote = true;
      },
      close: async () => {
        await lock.release();
        if (!wrote) await removeCreatedFolders(created);
      },
    },
  };
}

/** The message for a folder that cannot be used, in the words of the README's exit-code rules. */
export function outputFolderProblem(result: Exclude<OpenResult, { ok: true }>, shownDir: string, shownLock: string): string {
  if (result.reason === "locked") {
    return `another build (pid ${result.pid}) is writing to ${shownDir}; wait for it to finish or choose another --out folder (if no build is running, delete ${shownLock})`;
  }
  return `cannot write to ${shownDir} (${result.code}); choose another --out folder`;
}
