/**
 * One build at a time per output folder. A second build into the same folder fails at once with a message naming the
 * build that holds it (it does not wait: a build takes minutes and the user may have started the wrong one).
 *
 * The lock is the file `.papergraph.lock` holding the owner's pid. It is created complete or not at all: the pid is
 * written to a temporary file which is then hard-linked to the lock name (link fails when the name exists, atomically).
 * A lock whose pid no longer runs is stale (a build that was killed) and is replaced.
 */
import { link, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { TEMP_SUFFIX } from "./atomic-write";

export const LOCK_NAME = ".papergraph.lock";

export interface FolderLock {
  file: string;
  release(): Promise<void>;
}

export type LockResult = { ok: true; lock: FolderLock } | { ok: false; heldBy: number; file: string };

/** True when a process with this pid exists (EPERM: it exists but belongs to someone else). */
export function pidAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

function ownerPid(text: string): number | null {
  const m = /^\s*(\d+)\s*$/m.exec(text);
  return m ? Number(m[1]) : null;
}

/** Takes the folder's lock, replacing a stale one. Errors other than "already locked" (EACCES, EROFS...) are thrown. */
export async function acquireLock(dir: string): Promise<LockResult> {
  const file = path.join(dir, LOCK_NAME);
  const temp = path.join(dir, `${LOCK_NAME}.${process.pid}${TEMP_SUFFIX}`);
  await writeFile(temp, `${process.pid}\n`);
  try {
    for (let attempt = 0; attempt < 5; attempt++) {
      try {
        await link(temp, file);
        return { ok: true, lock: { file, release: () => releaseLock(file) } };
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
      }
      const text = await readFile(file, "utf8").catch(() => null);
      if (text === null) continue; // released between our link and our read: try again
      const pid = ownerPid(text);
      if (pid !== null && pid !== process.pid && pidAlive(pid)) return { ok: false, heldBy: pid, file };
      // Stale: move it aside under a name of our own (atomic, so two builds cannot both remove one fresh lock), then drop it.
      const aside = `${file}.stale.${process.pid}${TEMP_SUFFIX}`;
      await rename(file, aside).catch(() => undefined);
      await rm(aside, { force: true });
    }
    throw new Error(`could not take the lock ${file}`);
  } finally {
    await rm(temp, { force: true });
  }
}

/** Removes the lock if it is still ours (a stale-lock takeover by another build must not be undone). */
async function releaseLock(file: string): Promise<void> {
  const text = await readFile(file, "utf8").catch(() => null);
  if (text !== null && ownerPid(text) === process.pid) await rm(file, { force: true });
}
