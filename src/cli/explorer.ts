/**
 * Where the explorer's static build is: dist/ of this package (`npm run build:explorer`, also made by `npm pack`).
 * In a clone where it is missing or older than its sources, it is built once with Vite (a dev dependency, present in
 * a clone); an installed package ships it, so users never need a build step.
 */
import { readdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** The package root (this file is src/cli/explorer.ts). */
export const PACKAGE_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

export const EXPLORER_DIR = path.join(PACKAGE_ROOT, "dist");

/** What the explorer bundle is made of; a change to any of them makes a clone's dist/ stale. */
const SOURCES = ["index.html", "vite.config.ts", "package-lock.json", "public", "src/app", "src/model", "src/pipeline", "src/exporters"];

async function newestMtime(p: string): Promise<number> {
  const info = await stat(p).catch(() => null);
  if (!info) return 0;
  if (!info.isDirectory()) return info.mtimeMs;
  let newest = 0;
  for (const entry of await readdir(p)) {
    if (entry.startsWith(".") || entry === "data") continue; // public/data is the graph, not the app
    newest = Math.max(newest, await newestMtime(path.join(p, entry)));
  }
  return newest;
}

export type ExplorerState = "ready" | "missing" | "stale";

export async function explorerState(dir = EXPLORER_DIR, root = PACKAGE_ROOT): Promise<ExplorerState> {
  const index = await stat(path.join(dir, "index.html")).catch(() => null);
  if (!index) return "missing";
  // An installed package has no src/app change after its build (npm gives every file one date): only clones go stale.
  let newest = 0;
  for (const s of SOURCES) newest = Math.max(newest, await newestMtime(path.join(root, s)));
  return newest > index.mtimeMs ? "stale" : "ready";
}

/**
 * The folder holding the explorer's index.html, building it first when needed. Returns a message instead when it
 * cannot be had (no build and no Vite to make one).
 */
export async function ensureExplorer(log: (s: string) => void, dir = EXPLORER_DIR, root = PACKAGE_ROOT): Promise<{ dir: string } | { error: string }> {
  const state = await explorerState(dir, root);
  if (state === "ready") return { dir };
  let vite: typeof import("vite");
  try {
    vite = await import("vite");
  } catch {
    if (state === "stale") return { dir };
    return { error: `the explorer's build (${dir}) is missing and Vite is not installed to make it; reinstall papergraph, or run "npm install && npm run build:explorer" in its folder` };
  }
  // One builder at a time (tests and two terminals may start together): the others wait for its result. The lock
  // file names its owner, so a build killed half-way (Ctrl+C) does not block the next one.
  const lock = `${dir}.lock`;
  let said = false;
  while (!(await takeLock(lock))) {
    if (!said) log("papergraph: waiting for another papergraph that is building the explorer");
    said = true;
    await new Promise((r) => setTimeout(r, 300));
    if ((await explorerState(dir, root)) === "ready") return { dir };
  }
  try {
    if ((await explorerState(dir, root)) === "ready") return { dir };
    log(`papergraph: ${state === "missing" ? "building the explorer once" : "the explorer is older than its sources; rebuilding it"} (vite build into ${dir}, a few seconds)`);
    const tmp = `${dir}.building`;
    await vite.build({ root, configFile: path.join(root, "vite.config.ts"), logLevel: "error", build: { outDir: tmp, emptyOutDir: true } });
    await rm(dir, { recursive: true, force: true });
    await rename(tmp, dir);
    return { dir };
  } catch (e) {
    return { error: `building the explorer failed: ${(e as Error).message}` };
  } finally {
    await rm(`${dir}.building`, { recursive: true, force: true });
    await rm(lock, { force: true });
  }
}

/** Creates the lock file with this process's id; takes over a lock whose owner is no longer running. */
async function takeLock(lock: string): Promise<boolean> {
  try {
    await writeFile(lock, String(process.pid), { flag: "wx" });
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
  }
  const text = await readFile(lock, "utf8").catch(() => null);
  if (text === null) return false; // just released: the next round takes it
  const owner = Number(text);
  if (text === "") {
    // Created but not yet written by its owner, unless that was long ago.
    const age = Date.now() - ((await stat(lock).catch(() => null))?.mtimeMs ?? 0);
    if (age < 10_000) return false;
  } else if (Number.isInteger(owner) && owner > 0 && isRunning(owner)) return false;
  await rm(lock, { force: true });
  return false; // the next round tries again (another waiter may take it first)
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}
