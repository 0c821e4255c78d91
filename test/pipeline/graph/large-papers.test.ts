/**
 * Papers above the co-author cut (coauthorMaxAuthors): their co-author links are kept apart as `coauthor-large`
 * edges, out of the communities, centrality and layout, and described by the graph attribute `largePapers`.
 * Constructed bylines: a 30-author consortium paper (above a cut of 25) beside two small papers.
 */
import { describe, expect, it } from "vitest";
import type { EdgeAttributes, GraphAttributes } from "../../../src/model/graph-file";
import { validateGraphFile } from "../../../src/model/validate";
import { sharedPapers, visibleSubgraph, DEFAULT_VIEW_FILTER, type GraphReader } from "../../../src/model/view-filter";
import { buildGraph } from "../../../src/pipeline/graph";
import { OPTIONS, authorKey, bylineInput } from "./fixtures";

const consortium = Array.from({ length: 30 }, (_, i) => `Member${String.fromCharCode(65 + (i % 26))}${i} Consort`);
const bylines = [
  ["Ada Alpha", "Ben Alpha"],
  ["Ada Alpha", "Ben Alpha", "Cy Alpha"],
  ["Ada Alpha", ...consortium], // 31 authors: above the cut
];

describe("co-author links of papers above the author cut", () => {
  const graph = buildGraph(bylineInput(bylines), { ...OPTIONS, coauthorMaxAuthors: 25 });
  const attrs = graph.getAttributes() as GraphAttributes;
  const edgesOf = (kind: string) => graph.filterEdges((_e, a) => a.kind === kind);

  it("keeps them apart as coauthor-large edges, one per pair linked only by large papers", () => {
    // Pairs among the 31 authors of the consortium paper: C(31, 2) = 465, none of them linked by a small paper.
    expect(edgesOf("coauthor-large").length).toBe(465);
    expect(edgesOf("coauthor").length).toBe(3); // Ada-Ben (2 papers), Ada-Cy, Ben-Cy
    const e = graph.getEdgeAttributes(graph.edges(authorKey("Ada Alpha"), authorKey(consortium[0]!))[0]!) as EdgeAttributes;
    expect(e).toMatchObject({ kind: "coauthor-large", weight: 1 });
    expect(graph.isUndirected(graph.edges(authorKey("Ada Alpha"), authorKey(consortium[0]!))[0]!)).toBe(true);
    expect(attrs.largePapers).toEqual({ maxAuthors: 25, papers: ["p:0002"], pairs: 465 });
  });

  it("leaves them out of communities: the consortium's members stay in the no-links bucket", () => {
    const none = graph.getNodeAttribute(authorKey(consortium[3]!), "community");
    expect(attrs.communities[String(none)]!.noLinks).toBe(true);
    expect(graph.getNodeAttribute(authorKey("Ada Alpha"), "community")).not.toBe(none);
    // Degree counts the edges the algorithms saw: the consortium member has its one authored edge only.
    expect(graph.getNodeAttribute(authorKey(consortium[3]!), "degree")).toBe(1);
  });

  it("counts a small pair's joint papers above the cut on its coauthor edge", () => {
    const g = buildGraph(bylineInput([["Ann Pair", "Bob Pair"], ["Ann Pair", "Bob Pair", ...consortium]]), { ...OPTIONS, coauthorMaxAuthors: 25 });
    const [a, b] = [authorKey("Ann Pair"), authorKey("Bob Pair")].sort();
    expect(g.getEdgeAttributes(`coauthor:${a}--${b}`)).toMatchObject({ weight: 1, largePapers: 1 });
    expect(g.hasEdge(`coauthor-large:${a}--${b}`)).toBe(false);
    // 32 authors on the large paper: C(32, 2) pairs, one of them (Ann-Bob) also linked by the small paper.
    expect(g.filterEdges((_e, x) => x.kind === "coauthor-large").length).toBe(496 - 1);
    expect(sharedPapers({ kind: "coauthor", weight: 1, largePapers: 1 }, false)).toBe(1);
    expect(sharedPapers({ kind: "coauthor", weight: 1, largePapers: 1 }, true)).toBe(2);
    expect(sharedPapers({ kind: "coauthor-large", weight: 3 }, false)).toBe(0);
  });

  it("shows them in the co-author lens only when asked, which links the isolated consortium", () => {
    const off = visibleSubgraph(graph as unknown as GraphReader, DEFAULT_VIEW_FILTER);
    const on = visibleSubgraph(graph as unknown as GraphReader, { ...DEFAULT_VIEW_FILTER, includeLargePapers: true });
    expect(off.edges.size).toBe(3);
    expect(on.edges.size).toBe(3 + 465);
    expect(on.nodes.size).toBe(off.nodes.size);
  });

  it("passes the validator, and a cut of 0 makes no coauthor-large edges", () => {
    expect(validateGraphFile(graph.export()).ok).toBe(true);
    const all = buildGraph(bylineInput(bylines), { ...OPTIONS, coauthorMaxAuthors: 0 });
    expect(all.filterEdges((_e, a) => a.kind === "coauthor-large").length).toBe(0);
    expect(all.getAttribute("largePapers")).toEqual({ maxAuthors: 0, papers: [], pairs: 0 });
  });
});
