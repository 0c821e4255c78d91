/**
 * The explorer's compact files (src/exporters/explorer-files.ts -> src/model/compact-graph.ts): every node and edge
 * attribute survives the round trip, in the same order; the bytes are deterministic; the first frame's data is in
 * core.bin and heavy text only in chunks. Graphs: the exporters' adversarial fixture (quotes, control characters, CJK,
 * a paper without title), the app fixture (hand-made from seeds/), and constructed edge cases (a key that is not the
 * derived form, an attribute the schema does not know, a value a core column cannot hold).
 */
import Graph from "graphology";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { streamExplorerFiles, writeExplorerFiles } from "../../src/exporters/explorer-files";
import { CompactGraph } from "../../src/model/compact-graph";
import { compactOf, memoryFetcher } from "../helpers/compact";
import { CORE_FILE, type ExplorerFile } from "../../src/model/explorer-format";
import { decodeCore } from "../../src/model/explorer-read";
import { buildSpecialGraph } from "../fixtures/exporters/special-graph";

const appFixture = () => Graph.from(JSON.parse(readFileSync(new URL("../fixtures/app/graph.json", import.meta.url), "utf8")));

/** Every node and edge of `original` read back from the compact files, attributes and their order included. */
async function expectSameGraph(original: Graph, compact: CompactGraph) {
  await compact.loadEverything();
  expect(compact.order).toBe(original.order);
  expect(compact.size).toBe(original.size);
  expect({ type: compact.type, multi: compact.multi, allowSelfLoops: compact.allowSelfLoops }).toEqual({
    type: original.type,
    multi: original.multi,
    allowSelfLoops: original.allowSelfLoops,
  });
  expect(compact.getAttributes()).toEqual(original.getAttributes());
  expect(compact.nodes()).toEqual(original.nodes());
  original.forEachNode((key, a) => {
    const back = compact.getNodeAttributes(key) as unknown as Record<string, unknown>;
    expect(back, key).toStrictEqual(a);
    expect(Object.keys(back), key).toEqual(Object.keys(a));
  });
  const edges: unknown[] = [];
  original.forEachEdge((key, attributes, source, target, _sa, _ta, undirected) => edges.push({ key, attributes, source, target, undirected }));
  const back: unknown[] = [];
  compact.forEachEdge((key, attributes, source, target, _sa, _ta, undirected) => back.push({ key, attributes, source, target, undirected }));
  expect(back).toStrictEqual(edges);
}

describe("explorer files: round trip", () => {
  it("keeps every attribute of the adversarial exporter fixture", async () => {
    const g = buildSpecialGraph();
    const { compact } = compactOf(g);
    await expectSameGraph(g, compact);
  });

  it("keeps every attribute of the app fixture, across many small chunks", async () => {
    const g = appFixture();
    const { compact, files } = compactOf(g, 600);
    expect(files.filter((f) => f.name.startsWith("details-")).length).toBeGreaterThan(3);
    await expectSameGraph(g, compact);
  });

  it("keeps keys that are not the derived form, unknown attributes and values a column cannot hold", async () => {
    const g = buildSpecialGraph();
    const [first, second] = g.nodes();
    g.setNodeAttribute(first!, "custom", { nested: [1, "two", null] });
    // Topic keys that are not nodes (an exported view keeps such lists) and a relevance that is not a number: the
    // contract allows both, the core columns cannot hold them, so they are kept as is, in a chunk.
    const paper = g.filterNodes((_n, a) => a.kind === "paper")[0]!;
    g.setNodeAttribute(paper, "topics", ["t:not-a-node", ...g.getNodeAttribute(paper, "topics")]);
    const topic = g.filterNodes((_n, a) => a.kind === "topic")[0]!;
    g.setNodeAttribute(topic, "relevance", "high");
    g.setNodeAttribute(second!, "x", -0);
    g.setNodeAttribute(second!, "pagerank", 1 / 3);
    g.addDirectedEdgeWithKey("a custom key", first!, second!, { kind: "authored", weight: 0.1 + 0.2, size: 1, color: "#000", note: "extra" });
    const { compact, files } = compactOf(g);
    const header = decodeCore(files[0]!.bytes);
    expect(header.ok && header.value.header.edgeKeys).toBe("column");
    await expectSameGraph(g, compact);
    expect(Object.is(compact.getNodeAttributes(second!).x, -0)).toBe(true);
  });

  it("writes a graph without edges, and one without nodes", async () => {
    const g = new Graph({ type: "mixed" });
    g.replaceAttributes(buildSpecialGraph().getAttributes());
    await expectSameGraph(g, compactOf(g).compact);
    const one = buildSpecialGraph();
    one.clearEdges();
    await expectSameGraph(one, compactOf(one).compact);
  });
});

describe("explorer files: deterministic bytes", () => {
  it("same graph, same bytes; the same graph read back from graph.json, same bytes", () => {
    const g = appFixture();
    const a = writeExplorerFiles(g);
    const b = writeExplorerFiles(g);
    const c = writeExplorerFiles(Graph.from(JSON.parse(JSON.stringify(g.export()))));
    expect(b.map((f) => f.name)).toEqual(a.map((f) => f.name));
    for (const [i, f] of a.entries()) {
      expect(Buffer.from(b[i]!.bytes).equals(Buffer.from(f.bytes)), f.name).toBe(true);
      expect(Buffer.from(c[i]!.bytes).equals(Buffer.from(f.bytes)), f.name).toBe(true);
    }
  });

  it("a changed attribute changes the bytes of the file that holds it, and the fingerprint core.bin records", () => {
    const g = appFixture();
    const before = writeExplorerFiles(g);
    const paper = g.filterNodes((_n, a) => a.kind === "paper")[0]!;
    g.setNodeAttribute(paper, "abstract", "A different abstract.");
    const after = writeExplorerFiles(g);
    const core = (fs: ExplorerFile[]) => fs.find((f) => f.name === CORE_FILE)!.bytes;
    expect(Buffer.from(core(after)).equals(Buffer.from(core(before)))).toBe(false);
    const changed = after.filter((f, i) => !Buffer.from(f.bytes).equals(Buffer.from(before[i]!.bytes))).map((f) => f.name);
    expect(changed).toEqual([CORE_FILE, "details-0000.json"]);
  });
});

describe("explorer files: streamed", () => {
  it("hands each file over as it is made, core.bin last; the same files as in memory, listed in the header's order", () => {
    const g = appFixture();
    const streamed: ExplorerFile[] = [];
    const core = streamExplorerFiles(g, (f) => streamed.push(f), { chunkBytes: 2048 });
    expect(streamed.at(-1)).toBe(core);
    expect(core.name).toBe(CORE_FILE);
    const inMemory = writeExplorerFiles(g, { chunkBytes: 2048 });
    expect(new Set(streamed.map((f) => f.name))).toEqual(new Set(inMemory.map((f) => f.name)));
    // Made interleaved (a node's search and details records go to two groups in one pass), listed group by group.
    const firstDetails = streamed.findIndex((f) => f.name.startsWith("details-"));
    const lastSearch = streamed.findLastIndex((f) => f.name.startsWith("search-"));
    expect(firstDetails).toBeLessThan(lastSearch);
    const decoded = decodeCore(core.bytes);
    if (!decoded.ok) throw new Error(decoded.errors.join("\n"));
    const listed = [...decoded.value.header.groups.flatMap((gr) => gr.chunks.map((c) => c.file)), ...(decoded.value.header.graphFiles ?? []).map((f) => f.file)];
    expect(inMemory.slice(1).map((f) => f.name)).toEqual(listed);
  });
});

describe("explorer files: what goes where", () => {
  it("puts the first frame's data in core.bin and the heavy text in chunks", () => {
    const g = appFixture();
    const files = writeExplorerFiles(g);
    const decoded = decodeCore(files[0]!.bytes);
    if (!decoded.ok) throw new Error(decoded.errors.join("\n"));
    const columns = decoded.value.header.nodeColumns.map((c) => c.name);
    for (const f of ["key", "kind", "label", "x", "y", "size", "color", "community", "topicCluster", "pagerank", "year", "authors", "topics"]) expect(columns).toContain(f);
    const coreText = new TextDecoder().decode(files[0]!.bytes);
    const paper = g.filterNodes((_n, a) => a.kind === "paper" && typeof a.abstract === "string" && a.abstract.length > 40)[0]!;
    const abstract = g.getNodeAttribute(paper, "abstract") as string;
    expect(coreText).not.toContain(abstract.slice(0, 40));
    const details = files.filter((f) => f.name.startsWith("details-")).map((f) => new TextDecoder().decode(f.bytes)).join("");
    expect(details).toContain(JSON.stringify(abstract).slice(1, 41));
    const author = g.filterNodes((_n, a) => a.kind === "author" && (a.aliases as string[]).length > 1)[0]!;
    const search = files.filter((f) => f.name.startsWith("search-")).map((f) => new TextDecoder().decode(f.bytes)).join("");
    for (const alias of g.getNodeAttribute(author, "aliases") as string[]) expect(search).toContain(JSON.stringify(alias));
  });

  it("is several times smaller than graph.json on the app fixture, core.bin alone more so", () => {
    const g = appFixture();
    const files = writeExplorerFiles(g);
    const json = JSON.stringify(g.export()).length;
    const total = files.reduce((n, f) => n + f.bytes.length, 0);
    expect(files[0]!.bytes.length).toBeLessThan(json / 2);
    expect(total).toBeLessThan(json);
  });
});

describe("explorer files: issue 15 data (ladders, stability, link years, identity review)", () => {
  it("carries the seeds build's ladders, levels, stability and link years in core.bin, the identity review in its own file", async () => {
    const { seedsBuild } = await import("../fixtures/seeds-build");
    const g = seedsBuild().graph;
    expect(g.getAttribute("communityLadder")).toBeTruthy();
    const { compact, files, fetched } = compactOf(g);
    // The slider, the stability toggle and Play read only core.bin.
    expect(fetched).toEqual([]);
    const attrs = compact.getAttributes();
    expect(attrs.communityLadder).toEqual(g.getAttribute("communityLadder"));
    expect(attrs.topicClusterLadder).toEqual(g.getAttribute("topicClusterLadder"));
    expect("identityReview" in attrs).toBe(false);
    expect(compact.graphAttributeLoaded("identityReview")).toBe(false);
    const level = 2;
    const groups = compact.groupsAtLevel("community", level);
    const stability = compact.stability("topicCluster");
    g.forEachNode((key, a) => {
      const i = compact.nodeIndex(key);
      expect(groups[i], key).toBe((a.communityLevels as number[])[level]);
      expect(stability[i], key).toBe(a.topicClusterStability);
      expect(compact.getNodeAttributes(key).communityLevels, key).toEqual(a.communityLevels);
    });
    let dated = 0;
    g.forEachEdge((key, a, s, t) => {
      if (a.kind !== "coauthor") return;
      const e = compact.edgeBetween(compact.nodeIndex(s), compact.nodeIndex(t), "coauthor");
      expect(compact.edgeKey(e)).toBe(key);
      expect(Number.isNaN(compact.edgeFirstYear[e]!) ? null : compact.edgeFirstYear[e], key).toBe(a.firstYear ?? null);
      expect(compact.edgeAttributes(e).yearWeights, key).toBe(a.yearWeights);
      if (typeof a.firstYear === "number") dated++;
    });
    expect(dated).toBeGreaterThan(100);
    expect(files.map((f) => f.name)).toContain("graph-identityReview.json");
    await compact.loadGraphAttribute("identityReview");
    expect(fetched).toEqual(["graph-identityReview.json"]);
    expect(compact.getAttributes().identityReview).toEqual(g.getAttribute("identityReview"));
    await expectSameGraph(g, compact);
  });

  it("refuses an identity review file of another build, naming the file", async () => {
    const { seedsBuild } = await import("../fixtures/seeds-build");
    const files = writeExplorerFiles(seedsBuild().graph);
    const swapped = files.map((f) => (f.name === "graph-identityReview.json" ? { ...f, bytes: new TextEncoder().encode('{"format":"papergraph-explorer-chunk","version":2,"attribute":"identityReview","value":{}}') } : f));
    const r = CompactGraph.fromBytes(swapped[0]!.bytes, memoryFetcher(swapped));
    if (!r.ok) throw new Error(r.errors.join("\n"));
    await expect(r.value.loadGraphAttribute("identityReview")).rejects.toThrow(/graph-identityReview\.json: .*damaged or from another build/);
  });
});
