/**
 * The explorer's compact files carry what main's map work draws on (issue 14 and 13): `coauthor-large` edges, coauthor
 * edges' `largePapers`, the graph attributes `largePapers` and research clusters' `termWeights` / `typicalPapers`, and
 * the index-based view filter, paths and appearance agree with the graphology ones on the same graph. Graph: the
 * pipeline's graph of constructed bylines (test/pipeline/graph/large-papers.test.ts): a 30-name consortium paper above
 * a cut of 25, a pair that also shares a small paper, two small papers.
 */
import Graph from "graphology";
import { describe, expect, it } from "vitest";
import { writeExplorerFiles } from "../../src/exporters/explorer-files";
import {
  computeSizes,
  computeSizesAt,
  legendFor,
  legendForAt,
  nodeColors,
  nodeColorsAt,
  type AppearanceGraph,
  type ResolvedColorMode,
} from "../../src/model/appearance";
import { CompactGraph } from "../../src/model/compact-graph";
import type { GraphAttributes, NodeAttributes } from "../../src/model/graph-file";
import { DEFAULT_VIEW_FILTER, visibleMask, visibleSubgraph, type GraphReader } from "../../src/model/view-filter";
import { buildGraph } from "../../src/pipeline/graph";
import { collaborationPath, isolatedAuthors } from "../../src/app/state/selectors";
import { OPTIONS, authorKey, bylineInput } from "../pipeline/graph/fixtures";

const consortium = Array.from({ length: 30 }, (_, i) => `Member${String.fromCharCode(65 + (i % 26))}${i} Consort`);
const source: Graph = buildGraph(
  bylineInput([["Ada Alpha", "Ben Alpha"], ["Ada Alpha", "Ben Alpha", "Cy Alpha"], ["Ann Pair", "Bob Pair"], ["Ann Pair", "Bob Pair", "Ada Alpha", ...consortium]]),
  { ...OPTIONS, coauthorMaxAuthors: 25 },
);

function compact(): CompactGraph {
  const files = writeExplorerFiles(source);
  const byName = new Map(files.map((f) => [f.name, f.bytes]));
  const r = CompactGraph.fromBytes(files[0]!.bytes, (name) => byName.get(name)!);
  if (!r.ok) throw new Error(r.errors.join("\n"));
  void r.value.loadEverything();
  return r.value;
}

describe("compact files and papers above the author cut", () => {
  const g = compact();

  it("carry every edge kind and largePapers, and the graph attributes as written", () => {
    const kinds = (graph: { forEachEdge: (cb: (k: string, a: { kind: string }) => void) => void }) => {
      const n: Record<string, number> = {};
      graph.forEachEdge((_k, a) => (n[a.kind] = (n[a.kind] ?? 0) + 1));
      return n;
    };
    expect(kinds(g as never)).toEqual(kinds(source as never));
    expect(kinds(g as never)["coauthor-large"]).toBeGreaterThan(400);
    const [a, b] = [authorKey("Ann Pair"), authorKey("Bob Pair")];
    const e = g.edgeBetween(g.nodeIndex(a), g.nodeIndex(b), "coauthor");
    expect(g.edgeAttributes(e)).toMatchObject({ kind: "coauthor", weight: 1, largePapers: 1 });
    expect(g.edgeLargePapers[e]).toBe(1);
    const attrs = g.getAttributes() as GraphAttributes;
    expect(attrs.largePapers).toEqual((source.getAttributes() as GraphAttributes).largePapers);
    expect(attrs.topicClusters).toEqual((source.getAttributes() as GraphAttributes).topicClusters);
    // Every edge reads back as graphology holds it.
    const back: Record<string, unknown> = {};
    g.forEachEdge((k, x) => (back[k] = x));
    source.forEachEdge((k, x) => expect(back[k], k).toEqual(x));
  });

  it("show the same view as graphology with and without large papers, and paths through them only when asked", () => {
    for (const includeLargePapers of [false, true]) {
      for (const minSharedPapers of [1, 2]) {
        const filter = { ...DEFAULT_VIEW_FILTER, includeLargePapers, minSharedPapers };
        const want = visibleSubgraph(source as unknown as GraphReader, filter);
        const mask = visibleMask(g, filter);
        const edges = new Set<string>();
        for (let e = 0; e < g.size; e++) if (mask.edges[e]) edges.add(g.edgeKey(e));
        expect(edges).toEqual(want.edges);
        expect(mask.nodeCount).toBe(want.nodes.size);
      }
    }
    const member = authorKey(consortium[4]!);
    expect(collaborationPath(g, authorKey("Ben Alpha"), member)).toBeNull();
    expect(collaborationPath(g, authorKey("Ben Alpha"), member, 1, true)).toEqual([authorKey("Ben Alpha"), authorKey("Ada Alpha"), member]);
    const off = visibleMask(g, DEFAULT_VIEW_FILTER);
    const on = visibleMask(g, { ...DEFAULT_VIEW_FILTER, includeLargePapers: true });
    expect(isolatedAuthors(g, off)).toBe(30);
    expect(isolatedAuthors(g, on)).toBe(0);
  });

  it("are sized and coloured by the one appearance module exactly as graphology's graph is", () => {
    const tables = { communities: g.getAttribute("communities"), topicClusters: g.getAttribute("topicClusters") };
    const graphology = source as unknown as AppearanceGraph & { getNodeAttributes(k: string): NodeAttributes };
    for (const metric of ["pagerank", "degree", "betweenness", "paperCount"] as const) {
      const want = computeSizes(graphology, metric);
      const got = computeSizesAt(g, metric);
      for (let i = 0; i < g.order; i++) expect(got[i], `${metric} ${g.keys[i]}`).toBe(want.get(g.keys[i]!));
    }
    const visible = visibleMask(g, { ...DEFAULT_VIEW_FILTER, lens: "full" });
    const drawn = g.keys.filter((_k, i) => visible.nodes[i]);
    for (const mode of ["topicCluster", "community", "yearFirst", "yearMean"] as ResolvedColorMode[]) {
      const want = nodeColors(graphology, mode, tables);
      const got = nodeColorsAt(g, mode, tables);
      for (let i = 0; i < g.order; i++) expect(got[i], `${mode} ${g.keys[i]}`).toBe(want.get(g.keys[i]!));
      const indices = drawn.map((k) => g.nodeIndex(k));
      expect(legendForAt(g, mode, tables, indices, null, 6)).toEqual(legendFor(graphology, mode, tables, drawn, 6));
    }
  });
});
