/**
 * The `papergraph` command's dispatcher (main in src/cli/cli.ts) run in-process with its stdout, stderr, working
 * directory and environment injected: help and version, a build into a folder with its progress lines (plain lines:
 * no terminal), `--quiet`, `--summary json`, `--summary-file`. papergraph-command.process.test.ts runs the executable
 * itself (bin/papergraph.js, from a folder outside the repository): exit codes, stdio, serve and open.
 */
import { existsSync } from "node:fs";
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main } from "../../src/cli/cli";

const root = path.resolve(__dirname, "../..");

/** `papergraph ARGS` in `cwd`, in this process: no terminal, no environment (so progress is plain lines). */
async function papergraph(args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const code = await main(args, { cwd, stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s), env: {} });
  return { code, stdout, stderr };
}

const PHASES = ["read", "identity", "topics", "clusters", "graph", "write"];
/** On builds: progress, output and summaries are checked here, not positions (the default layout is ~1 s of CPU). */
const QUICK_LAYOUT = ["--layout-iterations", "1"];

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "papergraph-main-"));
  // constructed: one real listing (seed 003_, an arXiv listing of 10 papers) in a folder outside the repository.
  await mkdir(path.join(dir, "listings"));
  await copyFile(path.join(root, "seeds/003_b7b40e951325af8c.txt"), path.join(dir, "listings/arxiv.txt"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("papergraph --help, help, --version (in-process)", () => {
  it("lists the commands, shows a command's options, names a wrong one, prints the version", async () => {
    const help = await papergraph(["--help"], dir);
    expect(help.code).toBe(0);
    for (const c of ["graph", "export", "serve", "open", "help"]) expect(help.stdout).toMatch(new RegExp(`^  ${c}\\b`, "m"));
    const graph = await papergraph(["help", "graph"], dir);
    expect(graph.code).toBe(0);
    expect(graph.stdout).toMatch(/^Usage: papergraph graph \[inputs\.\.\.\]/);
    expect(graph.stdout).toContain("--summary json");
    expect((await papergraph(["serve", "--help"], dir)).stdout).toMatch(/^Usage: papergraph serve \[DIR\]/);
    const wrong = await papergraph(["help", "grpah"], dir);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/no command "grpah"/);
    const version = await papergraph(["--version"], dir);
    expect(version.code).toBe(0);
    expect(version.stdout.trim()).toBe(JSON.parse(await readFile(path.join(root, "package.json"), "utf8")).version);
    expect((await papergraph([], dir)).code).toBe(2);
  });
});

describe("papergraph graph", () => {
  it("builds into a folder with a progress line at the start and end of every phase, stdout clean", async () => {
    const r = await papergraph(["graph", "listings", "--out", "built", ...QUICK_LAYOUT], dir);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe("");
    for (const phase of PHASES) {
      expect(r.stderr).toMatch(new RegExp(`^\\[${phase}\\] started`, "m"));
      expect(r.stderr).toMatch(new RegExp(`^\\[${phase}\\] done: .* in \\d+(?:\\.\\d)? s$`, "m"));
    }
    // Phases in build order, and no terminal control codes in a log.
    const order = [...r.stderr.matchAll(/^\[(\w+)\] started/gm)].map((m) => m[1]);
    expect(order).toEqual(PHASES);
    expect(r.stderr).not.toContain("\x1b");
    expect(r.stderr).not.toContain("\r");
    const graph = JSON.parse(await readFile(path.join(dir, "built/graph.json"), "utf8"));
    expect(graph.attributes.counts.papers).toBe(10);
  }, 120_000);

  it("prints no progress with --quiet", async () => {
    const r = await papergraph(["graph", "listings", "--out", "quiet", "--quiet", ...QUICK_LAYOUT], dir);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe("");
    expect(existsSync(path.join(dir, "quiet/graph.json"))).toBe(true);
  }, 120_000);

  it("--summary json prints one JSON object on stdout matching the graph's counts and sources", async () => {
    const r = await papergraph(["graph", "listings", "--out", "summary", "--summary", "json", "--merge-report", ...QUICK_LAYOUT], dir);
    expect(r.code, r.stderr).toBe(0);
    const summary = JSON.parse(r.stdout); // the whole of stdout: the merge report went to stderr
    const graph = JSON.parse(await readFile(path.join(dir, "summary/graph.json"), "utf8"));
    const counts = graph.attributes.counts;
    expect(summary.counts).toMatchObject({ papers: counts.papers, authors: counts.authors, topics: counts.topics, edges: counts.edges, records: 10, nodes: graph.nodes.length });
    expect(summary.counts.communities).toBe(Object.keys(graph.attributes.communities).length);
    expect(summary.counts.researchClusters).toBe(Object.keys(graph.attributes.topicClusters).length);
    expect(summary.files.map((f: { file: string; format: string; records: number }) => [f.file, f.format, f.records])).toEqual(
      graph.attributes.sources.map((s: { file: string; format: string; records: number }) => [s.file, s.format, s.records]),
    );
    expect(summary).toMatchObject({ exitCode: 0, problems: [], output: { graph: "summary/graph.json", mergeReport: "summary/merge-report.md" } });
    expect(Object.keys(summary.timings)).toEqual(PHASES);
    expect(r.stderr).toMatch(/# /); // the merge report
  }, 120_000);

  it("--summary-file writes the JSON for a failed build too; wrong --summary uses are usage errors", async () => {
    await mkdir(path.join(dir, "notes"));
    await writeFile(path.join(dir, "notes/todo.md"), "ask about the metrics paper\n");
    const failed = await papergraph(["graph", "notes", "--out", "none", "--summary-file", "failed.json"], dir);
    expect(failed.code).toBe(1);
    expect(failed.stdout).toBe("");
    const summary = JSON.parse(await readFile(path.join(dir, "failed.json"), "utf8"));
    expect(summary).toMatchObject({ exitCode: 1, output: null, counts: { records: 0 } });
    expect(summary.files[0]).toMatchObject({ file: "notes/todo.md", format: null, errors: 1 });
    expect(summary.files[0].diagnostics[0]).toMatchObject({ file: "notes/todo.md", line: 1, severity: "error" });
    const both = await papergraph(["graph", "listings", "--out", "-", "--summary", "json"], dir);
    expect(both.code).toBe(2);
    expect(both.stderr).toMatch(/--summary-file/);
    const bad = await papergraph(["graph", "listings", "--summary", "xml"], dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--summary must be json .* got "xml"/);
  }, 120_000);
});
