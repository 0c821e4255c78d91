/**
 * Finding the explorer's build: ready, missing or older than its sources (a clone after a pull), and a build that
 * takes over the lock left by a builder that was killed (Ctrl+C during the first `serve`).
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, rm, utimes, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureExplorer, explorerState, PACKAGE_ROOT } from "../../src/cli/explorer";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "papergraph-explorer-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("explorerState", () => {
  it("is missing without index.html, ready when the build is newer than every source, stale after a source changes", async () => {
    // constructed: a package root with one explorer source, and a build folder beside it.
    const root = path.join(dir, "pkg");
    await mkdir(path.join(root, "src/app"), { recursive: true });
    await writeFile(path.join(root, "src/app/App.tsx"), "export {}");
    await writeFile(path.join(root, "index.html"), "<!doctype html>");
    const build = path.join(root, "dist");
    expect(await explorerState(build, root)).toBe("missing");
    await mkdir(build);
    await writeFile(path.join(build, "index.html"), "<!doctype html>");
    const t = Date.now() / 1000;
    await utimes(path.join(root, "src/app/App.tsx"), t - 100, t - 100);
    await utimes(path.join(root, "index.html"), t - 100, t - 100);
    await utimes(path.join(build, "index.html"), t - 50, t - 50);
    expect(await explorerState(build, root)).toBe("ready");
    await utimes(path.join(root, "src/app/App.tsx"), t, t);
    expect(await explorerState(build, root)).toBe("stale");
    // An installed package: every file carries the same date (npm's tarballs), so the build is not "older".
    await utimes(path.join(build, "index.html"), t, t);
    expect(await explorerState(build, root)).toBe("ready");
  });
});

describe("ensureExplorer", () => {
  it("builds the real explorer once, taking over a lock whose owner is gone", async () => {
    const build = path.join(dir, "explorer");
    const dead = spawnSync(process.execPath, ["-e", ""]).pid!;
    await writeFile(`${build}.lock`, String(dead));
    const said: string[] = [];
    const r = await ensureExplorer((s) => said.push(s), build, PACKAGE_ROOT);
    expect(r).toEqual({ dir: build });
    expect(existsSync(path.join(build, "index.html"))).toBe(true);
    expect(existsSync(`${build}.lock`)).toBe(false);
    expect(existsSync(`${build}.building`)).toBe(false);
    expect(said.join("\n")).toMatch(/building the explorer once/);
    // Ready now: no second build, nothing said.
    const again: string[] = [];
    expect(await ensureExplorer((s) => again.push(s), build, PACKAGE_ROOT)).toEqual({ dir: build });
    expect(again).toEqual([]);
  }, 180_000);

  it("waits while a running process holds the lock", async () => {
    const build = path.join(dir, "held");
    await writeFile(`${build}.lock`, String(process.pid)); // this very process: alive
    const said: string[] = [];
    const pending = ensureExplorer((s) => said.push(s), build, PACKAGE_ROOT);
    await new Promise((r) => setTimeout(r, 700));
    expect(said).toEqual(["papergraph: waiting for another papergraph that is building the explorer"]);
    // The "other builder" finishes: its result is used.
    await mkdir(build);
    await writeFile(path.join(build, "index.html"), "<!doctype html>");
    expect(await pending).toEqual({ dir: build });
  }, 30_000);
});
