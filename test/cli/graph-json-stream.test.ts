/**
 * graph.json written in chunks: byte-identical to `JSON.stringify(graph.export()) + "\n"` (the bytes written before
 * streaming), and never one giant string (a 100,000-paper graph's JSON passed V8's string limit). The seeds graph is
 * the unit project's shared build (test/fixtures/seeds-build.ts: seeds/ with its thesaurus, default options).
 */
import Graph from "graphology";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runGraph } from "../../src/cli/graph-command";
import { graphJsonChunks } from "../../src/cli/graph-json-stream";
import { seedsBuild } from "../fixtures/seeds-build";

const root = path.resolve(__dirname, "../..");

const joined = (g: Graph, chunkChars?: number) => [...graphJsonChunks(g, chunkChars)].join("");
const expected = (g: Graph) => JSON.stringify(g.export()) + "\n";

describe("graphJsonChunks", () => {
  it("writes the seeds graph byte for byte as JSON.stringify(graph.export()) did, in small chunks", () => {
    const { graph } = seedsBuild();
    const chunks = [...graphJsonChunks(graph, 64 * 1024)];
    expect(chunks.length).toBeGreaterThan(5);
    expect(chunks.join("") === expected(graph)).toBe(true);
    // A chunk exceeds the target by at most one node or edge.
    for (const c of chunks) expect(c.length).toBeLessThan(64 * 1024 + 20_000);
  }, 60_000);

  it("matches graphology's export on edge cases: empty attributes, every graph type, multi edges, awkward keys", () => {
    // constructed: the branches of graphology's serializeNode / serializeEdge (attributes left out when empty,
    // `undirected: true` only in mixed graphs) and keys that need JSON escaping.
    const mixed = new Graph({ type: "mixed", multi: true, allowSelfLoops: true });
    mixed.setAttribute("name", 'quote " and \u2028 line separator');
    mixed.addNode("a", { label: "A", list: [1, null, "x"] });
    mixed.addNode("b\n\"c\"");
    // (Not "__proto__": graphology's multi-graph edge list then writes "previous" onto Object.prototype.)
    mixed.addNode("t:ünïcødé 🙂", { kind: "topic" });
    mixed.addDirectedEdgeWithKey("e1", "a", "b\n\"c\"", { kind: "authored", weight: 1 });
    mixed.addUndirectedEdgeWithKey("e2", "a", "t:ünïcødé 🙂", {});
    mixed.addUndirectedEdge("a", "a", { self: true });
    mixed.addDirectedEdge("a", "b\n\"c\"");
    for (const g of [mixed, new Graph(), new Graph({ type: "directed" }), new Graph({ type: "undirected" })]) {
      if (g !== mixed && g.order === 0) {
        g.addNode("x", { v: 1 });
        g.addNode("y");
        g.addEdge("x", "y", { w: 2 });
      }
      expect(joined(g, 1)).toBe(expected(g));
      expect(joined(g)).toBe(expected(g));
    }
    expect(joined(new Graph())).toBe(expected(new Graph()));
  });
});

describe("papergraph graph --out -", () => {
  it("sends the graph to stdout in chunks, the same bytes as one JSON.stringify", async () => {
    const out: string[] = [];
    const code = await runGraph(["seeds", "--out", "-", "--quiet"], { cwd: root, stdout: (s) => out.push(s), stderr: () => undefined });
    expect(code).toBe(0);
    const text = out.join("");
    // The old code wrote the 1.5 MB graph as one string; now no write is much larger than a 1 MiB chunk.
    expect(out.length).toBeGreaterThan(1);
    expect(Math.max(...out.map((s) => s.length))).toBeLessThanOrEqual((1 << 20) + 20_000);
    // The CLI reads seeds/ with its thesaurus, as seedsBuild does through runPipeline: two builds, the same bytes.
    expect(text === expected(seedsBuild().graph)).toBe(true);
  }, 120_000);
});
