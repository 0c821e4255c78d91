/** The guard on fixtures shared between test files (test/fixtures/read-only.ts): a test that changes one fails. */
import Graph from "graphology";
import { describe, expect, it } from "vitest";
import { deepFreeze, readOnlyGraph } from "../fixtures/read-only";

describe("shared fixtures are read-only", () => {
  it("refuses every graphology change to a read-only graph, and attribute objects changed in place", () => {
    // constructed: two nodes, one edge, nested attribute values.
    const g = new Graph({ type: "mixed" });
    g.addNode("a", { label: "A", aliases: ["A."] });
    g.addNode("b");
    g.addDirectedEdgeWithKey("e", "a", "b", { weight: 1 });
    g.setAttribute("sources", [{ file: "x.txt" }]);
    readOnlyGraph(g);
    expect(() => g.addNode("c")).toThrow(/read-only/);
    expect(() => g.dropNode("a")).toThrow(/read-only/);
    expect(() => g.setNodeAttribute("a", "label", "B")).toThrow(/read-only/);
    expect(() => g.updateEachNodeAttributes((_k, a) => a)).toThrow(/read-only/);
    expect(() => g.mergeEdgeAttributes("e", { weight: 2 })).toThrow(/read-only/);
    expect(() => g.replaceAttributes({})).toThrow(/read-only/);
    expect(() => g.clear()).toThrow(/read-only/);
    expect(() => {
      g.getNodeAttributes("a").label = "B";
    }).toThrow(TypeError);
    expect(() => (g.getNodeAttribute("a", "aliases") as string[]).push("Ay")).toThrow(TypeError);
    expect(() => {
      (g.getAttribute("sources") as { file: string }[])[0]!.file = "y.txt";
    }).toThrow(TypeError);
    // Reading is untouched, and a copy is a graph of its own.
    expect(g.getNodeAttribute("a", "label")).toBe("A");
    expect(g.order).toBe(2);
    const copy = g.copy();
    copy.addNode("c");
    expect([copy.order, g.order]).toEqual([3, 2]);
  });

  it("freezes objects and arrays all the way down and makes Maps and Sets refuse changes", () => {
    const value = deepFreeze({ list: [{ n: 1 }], byKey: new Map([["k", { n: 2 }]]), keys: new Set(["k"]), scores: new Float64Array(2) });
    expect(() => value.list.push({ n: 3 })).toThrow(TypeError);
    expect(() => {
      value.list[0]!.n = 3;
    }).toThrow(TypeError);
    expect(() => value.byKey.set("j", { n: 3 })).toThrow(/read-only/);
    expect(() => value.byKey.delete("k")).toThrow(/read-only/);
    expect(() => {
      value.byKey.get("k")!.n = 3;
    }).toThrow(TypeError);
    expect(() => value.keys.add("j")).toThrow(/read-only/);
    expect(value.byKey.get("k")).toEqual({ n: 2 });
    expect([...value.keys]).toEqual(["k"]);
  });
});
