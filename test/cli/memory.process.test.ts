/**
 * Inputs too large for the heap are refused before they are read (issue 12, item 6): the old CLI ran for minutes and
 * then died with V8's native "FATAL ERROR: Reached heap limit" stack, no summary.
 */
import { execFile } from "node:child_process";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { estimatedHeap, memoryRefusal } from "../../src/cli/memory";
import { generateCorpus } from "../../bench/synthetic";

const root = path.resolve(__dirname, "../..");
const entry = path.join(root, "src/cli/main.ts");
const tsxLoader = pathToFileURL(path.join(root, "node_modules/tsx/dist/loader.mjs")).href;
const MB = 2 ** 20;

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "papergraph-memory-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("memoryRefusal", () => {
  it("names the total size, the need, the limit and how to raise it", () => {
    const message = memoryRefusal(500 * MB, 4144 * MB, 24 * 1024 * MB);
    expect(message).toBe(
      "the inputs total 500 MB; reading them needs about 5,064 MB of memory, but Node may use 4,144 MB here. " +
        "Raise the limit, e.g. NODE_OPTIONS=--max-old-space-size=5632 npm run graph -- ... (in MB; this machine has 24,576 MB), or build fewer files at once",
    );
  });

  it("says when the machine itself is too small, and lets the seeds and a 234 MB export through", () => {
    expect(memoryRefusal(500 * MB, 4144 * MB, 4 * 1024 * MB)).toMatch(/This machine has 4,096 MB, too little for these inputs at once: build fewer files at a time/);
    expect(memoryRefusal(410 * 1024, 4144 * MB, 24 * 1024 * MB)).toBeNull(); // seeds/ is 410 KB
    // The 100,000-paper field corpus (Web of Science, 234 MB) builds in 3.0 GB of heap: not refused before it is read.
    expect(memoryRefusal(234 * MB, 4144 * MB, 24 * 1024 * MB)).toBeNull();
    expect(estimatedHeap(0)).toBe(64 * MB);
  });
});

async function graphUnder(heapMb: number, corpus: string): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [`--max-old-space-size=${heapMb}`, "--import", tsxLoader, entry, "graph", corpus, "--out", "out"], { cwd: dir, timeout: 300_000 }, (err, _o, stderr) =>
      resolve({ code: err ? (typeof err.code === "number" ? err.code : null) : 0, stderr }),
    );
  });
}

describe("papergraph graph under a small heap", () => {
  it("refuses inputs whose reading cannot fit, up front, with exit 1 instead of a native abort", async () => {
    // 6.5 MB of profile pages need about 130 MB to read; 48 MB of old space gives a heap limit near 96 MB here, enough
    // for the program to start (a smaller heap can fail before the check, inside module loading).
    const corpus = path.join(dir, "corpus");
    for (const d of generateCorpus({ papers: 5000, seed: 1 })) {
      await mkdir(path.dirname(path.join(corpus, d.file)), { recursive: true });
      await writeFile(path.join(corpus, d.file), d.text);
    }
    const r = await graphUnder(48, "corpus");
    expect(r.stderr).not.toMatch(/FATAL ERROR|heap limit|JavaScript heap out of memory/);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^papergraph graph: the inputs total 6\.\d MB; reading them needs about 1\d\d MB of memory, but Node may use \d+ MB here\. Raise the limit, e\.g\. NODE_OPTIONS=--max-old-space-size=\d+ npm run graph/m);
  }, 300_000);

  it("refuses, once read, a small input whose bylines need more than the heap, naming the counts", async () => {
    // Constructed: one consortium paper of 2,500 names (3.1 million co-author pairs, about 1.1 GB of heap) in 60 KB of
    // BibTeX, which the read-time check lets through; the check after reading (build-size.ts) refuses it.
    const names = Array.from({ length: 2500 }, (_, i) => `Member${String.fromCharCode(65 + (i % 26))}${i}, Ann`).join(" and ");
    await mkdir(path.join(dir, "consortium"), { recursive: true });
    await writeFile(path.join(dir, "consortium/refs.bib"), `@article{c1,\n  title = {A consortium study},\n  author = {${names}},\n  year = {2020}\n}\n`);
    const r = await graphUnder(48, "consortium");
    expect(r.stderr).not.toMatch(/FATAL ERROR|JavaScript heap out of memory/);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^papergraph graph: this build needs about 1\.\d GB of JavaScript heap \(1 record, 2,500 author names, 3\.1 million co-author pairs on bylines\), more than the 0\.1 GB heap limit it runs under\. Raise the limit with NODE_OPTIONS=--max-old-space-size=\d+/m);
  }, 300_000);
});
