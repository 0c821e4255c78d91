/**
 * The GraphView the build returns (graph-view.ts) is what graph.json and the explorer's files are written from, and
 * its graphology copy is what every other reader (tests, exporters) sees: both must be the same graph, byte for byte.
 */
import { describe, expect, it } from "vitest";
import { graphJsonChunks } from "../../../src/cli/graph-json-stream";
import { writeExplorerFiles } from "../../../src/exporters/explorer-files";
import { buildGraph, buildGraphView } from "../../../src/pipeline/graph";
import { seedsBuild } from "../../fixtures/seeds-build";
import { bylineInput, OPTIONS } from "./fixtures";

describe("GraphView", () => {
  it("writes the seeds' graph.json exactly as graphology's export() of its copy", () => {
    const { view, graph } = seedsBuild();
    expect([...graphJsonChunks(view, 64 * 1024)].join("") === JSON.stringify(graph.export()) + "\n").toBe(true);
  });

  it("gives the explorer writer the same files as the graphology copy, in one pass over its edges", () => {
    const { view, graph } = seedsBuild();
    const fromView = writeExplorerFiles(view);
    const fromGraph = writeExplorerFiles(graph);
    expect(fromView.map((f) => f.name)).toEqual(fromGraph.map((f) => f.name));
    fromView.forEach((f, i) => expect(Buffer.from(f.bytes).equals(Buffer.from(fromGraph[i]!.bytes))).toBe(true));
  });

  it("lists nodes and edges in the copy's order, with its counts and graph attributes", () => {
    const { view, graph } = seedsBuild();
    expect(view.order).toBe(graph.order);
    expect(view.size).toBe(graph.size);
    const keys: string[] = [];
    view.forEachNode((key) => keys.push(key));
    expect(keys).toEqual(graph.nodes());
    const edges: string[] = [];
    view.forEachEdge((key, attributes, source, target, _s, _t, undirected) => {
      edges.push(key);
      expect([source, target, undirected, attributes.kind]).toEqual([graph.source(key), graph.target(key), graph.isUndirected(key), graph.getEdgeAttribute(key, "kind")]);
    });
    expect(edges).toEqual(graph.edges());
    expect(view.getAttributes()).toEqual(graph.getAttributes());
  });

  it("makes every attribute object afresh, so a reader that changes one changes nothing else", () => {
    // constructed: two co-authors on two papers.
    const view = buildGraphView(bylineInput([["Ann Lee", "Bob Ray"], ["Ann Lee", "Bob Ray"]]), OPTIONS);
    const first = view.nodeEntries()[Symbol.iterator]().next().value!;
    first.attributes.label = "changed";
    expect([...view.nodeEntries()][0]!.attributes.label).not.toBe("changed");
    expect(JSON.stringify(view.toGraphology().export())).toBe(JSON.stringify(buildGraph(bylineInput([["Ann Lee", "Bob Ray"], ["Ann Lee", "Bob Ray"]]), OPTIONS).export()));
  });
});
