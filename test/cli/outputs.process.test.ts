/**
 * What `papergraph graph` leaves on disk when things go wrong: a build killed at any moment (SIGKILL at seeded random
 * points, many of them inside the write), a second build into the same folder, an output that cannot be replaced, an
 * unusable output folder. The previous graph.json and merge-report.md must stay intact and valid, and never a new
 * graph beside an old report or beside an old (or half-written) explorer folder (data/explorer/).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, watch } from "node:fs";
import { copyFile, cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { validateGraphFile } from "../../src/model/validate";

const root = path.resolve(__dirname, "../..");
const entry = path.join(root, "src/cli/main.ts");

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
}

/**
 * The CLI as a direct node process (no tsx wrapper process, so a SIGKILL reaches the build itself). Every build of this
 * file runs one layout iteration: what is left on disk is checked, not positions, and the default layout is a fixed
 * ~1 s of CPU per build (the kill points below follow the build's own duration, not a fixed time).
 */
function start(args: string[]): { child: ChildProcess; done: Promise<Run> } {
  const child = spawn(process.execPath, ["--import", "tsx", entry, "graph", ...args, "--layout-iterations", "1"], { cwd: root, stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr!.on("data", (b: Buffer) => (stderr += b.toString()));
  // A hung build (the old code on /proc) must not outlive the test.
  const guard = setTimeout(() => child.kill("SIGKILL"), 85_000);
  const done = new Promise<Run>((resolve) =>
    child.on("close", (code, signal) => {
      clearTimeout(guard);
      resolve({ code, signal, stderr });
    }),
  );
  return { child, done };
}

const cli = (args: string[]) => start(args).done;

/** mulberry32: a tiny seeded generator, so the kill points are the same on every run. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

let dir: string;
let oldGraph: string;
let oldReport: string;
let newGraph: string;
let newReport: string;
let oldCore: Buffer;
let newCore: Buffer;
/** How long the "new" build took in beforeAll (ms), started to exited: the span the random kill points fall in. */
let newBuildMs: number;
const small = path.join(root, "seeds/003_b7b40e951325af8c.txt");
// The kill test's "new" build: two listings, so each of its builds takes seconds, not tens of seconds.
const pair = [small, path.join(root, "seeds/004_ffc89207e1d731a7.txt")];

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "papergraph-outputs-"));
  // "Old" outputs: one seed listing; "new": all seeds. The two graphs and the two reports differ.
  const timedNew = async () => {
    const t0 = Date.now();
    const run = await cli([...pair, "--out", path.join(dir, "new"), "--quiet"]);
    newBuildMs = Date.now() - t0;
    return run;
  };
  const [a, b] = await Promise.all([cli([small, "--out", path.join(dir, "old"), "--quiet"]), timedNew()]);
  expect(a.code, a.stderr).toBe(0);
  expect(b.code, b.stderr).toBe(0);
  oldGraph = await readFile(path.join(dir, "old/graph.json"), "utf8");
  oldReport = await readFile(path.join(dir, "old/merge-report.md"), "utf8");
  newGraph = await readFile(path.join(dir, "new/graph.json"), "utf8");
  newReport = await readFile(path.join(dir, "new/merge-report.md"), "utf8");
  oldCore = await readFile(path.join(dir, "old/explorer/core.bin"));
  newCore = await readFile(path.join(dir, "new/explorer/core.bin"));
  expect(oldCore.equals(newCore)).toBe(false);
  expect(oldGraph).not.toBe(newGraph);
  expect(oldReport).not.toBe(newReport);
}, 180_000);
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function withOldOutputs(name: string): Promise<string> {
  const out = path.join(dir, name);
  await mkdir(out, { recursive: true });
  await copyFile(path.join(dir, "old/graph.json"), path.join(out, "graph.json"));
  await copyFile(path.join(dir, "old/merge-report.md"), path.join(out, "merge-report.md"));
  await cp(path.join(dir, "old/explorer"), path.join(out, "explorer"), { recursive: true });
  return out;
}

/** The state a reader (the explorer, a person) may find: a whole old or new pair, or a new report beside the old graph. */
async function expectConsistent(out: string): Promise<"old" | "new"> {
  const graph = await readFile(path.join(out, "graph.json"), "utf8");
  const report = await readFile(path.join(out, "merge-report.md"), "utf8");
  expect(graph === oldGraph || graph === newGraph, `graph.json is neither the old nor the new one (${graph.length} bytes)`).toBe(true);
  expect(validateGraphFile(JSON.parse(graph)).ok).toBe(true);
  expect(report === oldReport || report === newReport, "merge-report.md is damaged").toBe(true);
  if (graph === newGraph) expect(report === newReport, "a new graph beside the old merge report").toBe(true);
  // The explorer folder is whole (the old or the new build's core.bin), and new whenever graph.json is; while a
  // build swaps it in it may be missing for an instant (the explorer then reads graph.json).
  const core = await readFile(path.join(out, "explorer/core.bin")).catch(() => null);
  if (core) expect(core.equals(oldCore) || core.equals(newCore), "explorer/core.bin is neither the old nor the new one").toBe(true);
  if (graph === newGraph) expect(core !== null && core.equals(newCore), "a new graph beside an old or missing explorer folder").toBe(true);
  return graph === newGraph ? "new" : "old";
}

describe("a build killed at random points", () => {
  it("leaves the previous outputs intact and valid, and the next build works (seed 12)", async () => {
    const random = rng(12);
    const outcomes: string[] = [];
    for (let k = 0; k < 8; k++) {
      const out = await withOldOutputs(`kill-${k}`);
      const { child, done } = start([...pair, "--out", out, "--quiet"]);
      // Most kills land just after the build starts writing (the first file event for an output), at 0-120 ms; the
      // rest at a random moment of the whole run (as long as the same build took in beforeAll).
      const duringWrite = k % 4 !== 3;
      const delay = Math.floor(random() * (duringWrite ? 120 : newBuildMs));
      let killed = false;
      const kill = () => {
        if (!killed) child.kill("SIGKILL");
        killed = true;
      };
      const watcher = watch(out, (_event, name) => {
        if (duringWrite && name && /graph\.json|merge-report|explorer/.test(name)) {
          if (delay === 0) kill();
          else setTimeout(kill, delay);
        }
      });
      if (!duringWrite) setTimeout(kill, delay);
      const result = await done;
      watcher.close();
      outcomes.push(`${result.signal ?? result.code}@${delay}ms:${await expectConsistent(out)}`);
      // A lock left by the killed build is stale: the next build takes it over, cleans up and writes the new pair.
      if (k % 2 === 1) {
        const again = await cli([...pair, "--out", out, "--quiet"]);
        expect(again.code, again.stderr).toBe(0);
        expect(await expectConsistent(out)).toBe("new");
        expect((await readdir(out)).sort()).toEqual(["explorer", "graph.json", "merge-report.md"]);
      }
    }
    console.log(`kills: ${outcomes.join(", ")}`);
    expect(outcomes.filter((o) => o.startsWith("SIGKILL")).length).toBeGreaterThanOrEqual(4);
  }, 600_000);
});

describe("one build per folder", () => {
  it("fails a second build into a folder another build holds, naming it, without touching the outputs", async () => {
    const out = await withOldOutputs("locked");
    const first = start([...pair, "--out", out, "--quiet"]);
    const lock = path.join(out, ".papergraph.lock");
    for (let i = 0; i < 400 && !existsSync(lock); i++) await new Promise((r) => setTimeout(r, 25));
    // The first build is paused while it holds the lock, so the second meets it however fast either one runs.
    expect(existsSync(lock)).toBe(true);
    first.child.kill("SIGSTOP");
    let second: Run;
    try {
      second = await cli([small, "--out", out, "--quiet"]);
    } finally {
      first.child.kill("SIGCONT");
    }
    expect(second.code).toBe(1);
    expect(second.stderr).toMatch(new RegExp(`another build \\(pid ${first.child.pid}\\) is writing to .*locked; wait for it to finish or choose another --out folder`));
    const firstResult = await first.done;
    expect(firstResult.code, firstResult.stderr).toBe(0);
    expect(await expectConsistent(out)).toBe("new");
    expect(existsSync(lock)).toBe(false);
  }, 180_000);

  it("takes over a stale lock whose build is gone", async () => {
    const out = await withOldOutputs("stale");
    const gone = start(["--help"]); // any short-lived process: its pid is free afterwards
    await gone.done;
    await writeFile(path.join(out, ".papergraph.lock"), `${gone.child.pid}\n`);
    await writeFile(path.join(out, `.graph.json.${gone.child.pid}.papergraph-tmp`), "{\"truncated");
    const r = await cli([small, "--out", out, "--quiet"]);
    expect(r.code, r.stderr).toBe(0);
    expect((await readdir(out)).sort()).toEqual(["explorer", "graph.json", "merge-report.md"]);
    expect(await readFile(path.join(out, "graph.json"), "utf8")).toBe(oldGraph);
  }, 120_000);
});

describe("outputs replaced together or not at all", () => {
  it("keeps the old graph when the merge report cannot be replaced", async () => {
    // constructed: merge-report.md is a folder, so replacing it fails. The old code had already overwritten graph.json.
    const out = path.join(dir, "blocked");
    await mkdir(path.join(out, "merge-report.md"), { recursive: true });
    await copyFile(path.join(dir, "old/graph.json"), path.join(out, "graph.json"));
    const r = await cli([...pair, "--out", out, "--quiet"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/cannot write to .*blocked \(EISDIR\); choose another --out folder; the previous outputs are unchanged/);
    expect(await readFile(path.join(out, "graph.json"), "utf8")).toBe(oldGraph);
    // Nothing replaced: no explorer folder either (this folder had none), and no temporary one.
    expect((await readdir(out)).sort()).toEqual(["graph.json", "merge-report.md"]);
  }, 120_000);

  it("refuses an unusable output folder before building, without hanging", async () => {
    // Node's recursive mkdir never returns on /proc/papergraph; the old code built the whole graph, then hung there.
    const t0 = Date.now();
    const r = await cli([...pair, "--out", "/proc/papergraph"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/cannot write to .*proc\/papergraph \(E[A-Z]+\); choose another --out folder/);
    expect(r.stderr).not.toMatch(/records ->/); // refused before the build
    expect(Date.now() - t0).toBeLessThan(60_000);
  }, 90_000);
});
