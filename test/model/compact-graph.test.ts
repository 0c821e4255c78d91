/**
 * CompactGraph (src/model/compact-graph.ts): heavy attributes arrive only when asked for, one chunk per run of nodes,
 * each fetched once; a failed fetch is reported and can be retried; the graphology-compatible and index-based reading
 * agree with graphology on the same graph. Graph: the app fixture (hand-made from seeds/, test/fixtures/app).
 */
import Graph from "graphology";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { writeExplorerFiles } from "../../src/exporters/explorer-files";
import { ChunkLoadError, CompactGraph } from "../../src/model/compact-graph";
import type { ExplorerFile } from "../../src/model/explorer-format";

const appFixture = () => Graph.from(JSON.parse(readFileSync(new URL("../fixtures/app/graph.json", import.meta.url), "utf8")));

function open(files: ExplorerFile[], fail: Set<string> = new Set()) {
  const fetched: string[] = [];
  const byName = new Map(files.map((f) => [f.name, f.bytes]));
  const r = CompactGraph.fromBytes(files[0]!.bytes, async (name) => {
    fetched.push(name);
    await new Promise((resolve) => setTimeout(resolve, 1));
    if (fail.has(name)) throw new Error("connection reset");
    return byName.get(name)!;
  });
  if (!r.ok) throw new Error(r.errors.join("\n"));
  return { graph: r.value, fetched };
}

describe("CompactGraph: heavy text on demand", () => {
  it("opens without fetching a chunk, and loads one paper's abstract with one chunk per group", async () => {
    const g = appFixture();
    const files = writeExplorerFiles(g, { chunkBytes: 400 });
    const { graph, fetched } = open(files);
    expect(fetched).toEqual([]);
    const paper = g.filterNodes((_n, a) => a.kind === "paper" && typeof a.abstract === "string")[5]!;
    const light = graph.getNodeAttributes(paper) as unknown as Record<string, unknown>;
    expect(light.abstract).toBeUndefined();
    expect(light.label).toBe(g.getNodeAttribute(paper, "label"));
    expect(light.authors).toEqual(g.getNodeAttribute(paper, "authors"));
    expect(graph.detailsLoaded(paper)).toBe(false);

    await graph.loadDetails([paper]);
    expect(graph.detailsLoaded(paper)).toBe(true);
    expect(graph.getNodeAttributes(paper)).toStrictEqual(g.getNodeAttributes(paper));
    expect(fetched.length).toBe(fetched.filter((f) => f.startsWith("details-")).length + fetched.filter((f) => f.startsWith("search-")).length);
    expect(fetched.filter((f) => f.startsWith("details-"))).toHaveLength(1);
    expect(fetched.filter((f) => f.startsWith("search-")).length).toBeLessThanOrEqual(1);
    expect(files.filter((f) => f.name.startsWith("details-")).length).toBeGreaterThan(3);

    const before = fetched.length;
    await graph.loadDetails([paper]);
    expect(fetched.length).toBe(before);
  });

  it("fetches a chunk once when several panels ask at the same time, and tells listeners", async () => {
    const g = appFixture();
    const { graph, fetched } = open(writeExplorerFiles(g, { chunkBytes: 400 }));
    let calls = 0;
    const off = graph.onLoad(() => calls++);
    const author = g.filterNodes((_n, a) => a.kind === "author")[0]!;
    await Promise.all([graph.loadDetails([author]), graph.loadDetails([author]), graph.loadDetails([author])]);
    expect(new Set(fetched).size).toBe(fetched.length);
    expect(calls).toBe(fetched.length);
    expect(graph.getNodeAttributes(author)).toStrictEqual(g.getNodeAttributes(author));
    off();
  });

  it("reports a failed fetch with the file's name, and a retry succeeds", async () => {
    const g = appFixture();
    const files = writeExplorerFiles(g);
    const fail = new Set(files.filter((f) => f.name.startsWith("details-")).map((f) => f.name));
    const { graph } = open(files, fail);
    const paper = g.filterNodes((_n, a) => a.kind === "paper")[0]!;
    const error = await graph.loadDetails([paper]).then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(ChunkLoadError);
    expect((error as Error).message).toMatch(/^details-0000\.json: could not be read \(connection reset\)$/);
    fail.clear();
    await graph.loadDetails([paper]);
    expect(graph.getNodeAttributes(paper)).toStrictEqual(g.getNodeAttributes(paper));
  });

  it("loads the search group alone (what the search index needs) and everything before an export", async () => {
    const g = appFixture();
    const { graph, fetched } = open(writeExplorerFiles(g, { chunkBytes: 400 }));
    await graph.loadGroup("search");
    expect(fetched.every((f) => f.startsWith("search-"))).toBe(true);
    expect(graph.groupLoaded("search")).toBe(true);
    expect(graph.groupLoaded("details")).toBe(false);
    const author = g.filterNodes((_n, a) => a.kind === "author" && (a.aliases as string[]).length > 1)[0]!;
    expect(graph.getNodeAttribute(author, "aliases" as never)).toEqual(g.getNodeAttribute(author, "aliases"));
    await graph.loadEverything();
    expect(graph.groupLoaded("details")).toBe(true);
  });
});

describe("CompactGraph: reading like graphology", () => {
  it("neighbours, incident edges and edges between two nodes agree with graphology", () => {
    const g = appFixture();
    const { graph } = open(writeExplorerFiles(g));
    for (const key of g.nodes()) {
      const theirs: string[] = [];
      g.forEachNeighbor(key, (n) => theirs.push(n));
      const ours: string[] = [];
      graph.forEachNeighbor(key, (n) => ours.push(n));
      expect(ours.sort(), key).toEqual(theirs.sort());
      const theirEdges: string[] = [];
      g.forEachEdge(key, (e) => theirEdges.push(e));
      const ourEdges: string[] = [];
      graph.forEachEdge(key, (e) => ourEdges.push(e));
      expect(ourEdges.sort(), key).toEqual(theirEdges.sort());
    }
    g.forEachEdge((key, a, s, t) => {
      const e = graph.edgeBetween(graph.nodeIndex(s), graph.nodeIndex(t), a.kind);
      expect(graph.edgeKey(e)).toBe(key);
      expect(graph.edgeBetween(graph.nodeIndex(t), graph.nodeIndex(s), a.kind)).toBe(e);
    });
    expect(graph.hasNode("a:nobody")).toBe(false);
    expect(graph.nodeIndex("a:nobody")).toBe(-1);
  });

  it("typed arrays hold what the attributes say", () => {
    const g = appFixture();
    const { graph } = open(writeExplorerFiles(g));
    g.forEachNode((key, a) => {
      const i = graph.nodeIndex(key);
      expect(graph.kindOf(i)).toBe(a.kind);
      expect([graph.x[i], graph.y[i], graph.nodeSize[i], graph.pagerank[i], graph.community[i], graph.topicCluster[i]]).toEqual([a.x, a.y, a.size, a.pagerank, a.community, a.topicCluster]);
      expect(graph.labels[i]).toBe(a.label);
      expect(graph.nodeColor(i)).toBe(a.color);
      if (a.kind === "paper") expect(Number.isNaN(graph.year[i]!) ? null : graph.year[i]).toBe(a.year);
    });
  });
});
