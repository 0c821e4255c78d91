/**
 * networkx (python3-networkx, Debian's package; .ci/run installs it) reads every GEXF papergraph writes: the whole
 * graph (mixed: directed authored/about, undirected coauthor/related written as "mutual"), each lens's view, and the
 * co-author lens with the links of papers above the author cut. Written through the CLI's own code path (runExport)
 * on the real seeds graph, built once by the pipeline; one python process reads them all.
 */
import { networkxPython } from "../helpers/python";
import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runExport } from "../../src/cli/export";
import { buildSeedsGraph } from "../e2e/harness";

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "papergraph-gexf-nx-"));
  await writeFile(path.join(dir, "graph.json"), await buildSeedsGraph());
}, 180_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const CASES: [string, string[]][] = [
  ["whole", []],
  ["coauthor", ["--lens", "coauthor"]],
  ["coauthor-large", ["--lens", "coauthor", "--include-large"]],
  ["topics", ["--lens", "topics"]],
  ["full-2022", ["--lens", "full", "--years", "2022-2024"]],
];

describe("GEXF for networkx", () => {
  it("every file the CLI writes is read by networkx with every node and edge", async () => {
    const io = { stdout: () => undefined, stderr: () => undefined, cwd: dir };
    const expected: Record<string, { nodes: number; edges: number }> = {};
    for (const [name, flags] of CASES) {
      expect(await runExport(["--in", "graph.json", "--format", "gexf", "--out", name, "--exported-at", "2024-01-01T00:00:00Z", "--quiet", ...flags], io)).toBe(0);
      const text = await readFile(path.join(dir, name, "graph.gexf"), "utf8");
      const undirected = (text.match(/type="mutual"/g) ?? []).length;
      const edges = (text.match(/<edge /g) ?? []).length;
      // networkx adds a "mutual" edge in both directions.
      expected[name] = { nodes: (text.match(/<node /g) ?? []).length, edges: edges + undirected };
    }
    const script = [
      "import sys, json, networkx as nx",
      "out = {}",
      "for name in sys.argv[2:]:",
      "    G = nx.read_gexf(f'{sys.argv[1]}/{name}/graph.gexf')",
      "    out[name] = {'nodes': G.number_of_nodes(), 'edges': G.number_of_edges(), 'directed': G.is_directed()}",
      "print(json.dumps(out))",
    ].join("\n");
    const { stdout } = await promisify(execFile)(networkxPython(), ["-c", script, dir, ...CASES.map(([n]) => n)], { maxBuffer: 1 << 24 });
    const read = JSON.parse(stdout) as Record<string, { nodes: number; edges: number; directed: boolean }>;
    for (const [name] of CASES) expect(read[name], name).toMatchObject(expected[name]!);
    expect(read.whole!.directed).toBe(true);
    expect(read.coauthor!.directed).toBe(false);
    expect(read["coauthor-large"]!.edges).toBeGreaterThan(read.coauthor!.edges);
  }, 180_000);
});
