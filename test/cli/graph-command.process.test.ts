/**
 * `papergraph graph` as a real process (node bin/papergraph.js, the entry users and the npm scripts run): what only a
 * process shows, i.e. exit codes, what goes to stdout and what to stderr, and no stack trace. The command's logic is
 * tested in-process in graph-command.test.ts. Input: seed 003_ (an arXiv listing) beside files that are no listings.
 */
import { execFile } from "node:child_process";
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const root = path.resolve(__dirname, "../..");
const bin = path.join(root, "bin/papergraph.js");

function papergraph(args: string[], cwd: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [bin, ...args], { cwd, maxBuffer: 64 << 20, env: { ...process.env, PAPERGRAPH_PROGRESS: undefined } }, (err, stdout, stderr) => {
      resolve({ code: err ? (typeof err.code === "number" ? err.code : null) : 0, stdout, stderr });
    });
  });
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "papergraph-cli-process-"));
  await mkdir(path.join(dir, "mixed"));
  await copyFile(path.join(root, "seeds/003_b7b40e951325af8c.txt"), path.join(dir, "mixed/listing.txt"));
  await writeFile(path.join(dir, "mixed/notes.md"), "# Reading list\n\nAsk Lena about the metrics paper.\n");
  await mkdir(path.join(dir, "bad"));
  await writeFile(path.join(dir, "bad/notes.md"), "just some notes\n");
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("papergraph graph (process)", () => {
  it("--out - puts the graph alone on stdout; with --quiet stderr keeps only the errors; exit 0", async () => {
    // One layout iteration: stdout and stderr are checked, not positions (the default layout is ~1 s of CPU).
    const r = await papergraph(["graph", "mixed", "--out", "-", "--quiet", "--layout-iterations", "1"], dir);
    expect(r.code, r.stderr).toBe(0);
    const graph = JSON.parse(r.stdout);
    expect(graph.attributes.counts.papers).toBe(10);
    expect(r.stderr).toMatch(/mixed\/notes\.md:1: error: /);
    expect(r.stderr).not.toMatch(/\[read\]|papergraph: reading/);
  }, 120_000);

  it("exits 1 and writes nothing when nothing could be read", async () => {
    const r = await papergraph(["graph", "bad", "--out", "out-bad"], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/nothing could be read/);
    await expect(readFile(path.join(dir, "out-bad/graph.json"))).rejects.toThrow();
  }, 60_000);

  it("exits 2 on a usage mistake, the message on stderr and no stack trace", async () => {
    const r = await papergraph(["graph", "mixed", "--seed", "abc"], dir);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/"seed" must be any whole number/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  }, 60_000);
});
