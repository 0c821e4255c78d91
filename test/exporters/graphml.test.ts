// @vitest-environment jsdom
/**
 * GraphML round trip over the adversarial fixture (test/fixtures/exporters/special-graph.ts): read back by
 * graphology-graphml and jsdom's strict XML parser; typed keys; networkx-safe direction handling.
 */
import Graph from "graphology";
import { parse } from "graphology-graphml";
import { describe, expect, it } from "vitest";
import { DEFAULT_VIEW_FILTER } from "../../src/model/view-filter";
import { ARABIC_AUTHOR, buildSpecialGraph, CLUSTER_COLORS, NASTY_AUTHOR, NASTY_TITLE } from "../fixtures/exporters/special-graph";
import { EXPORTED_AT, parseXmlStrict, text, xmlSafe } from "./helpers";

describe("GraphML export", () => {
  const graphml = text("graphml");
  const data = buildSpecialGraph();

  it("declares one typed key per attribute", () => {
    const doc = parseXmlStrict(graphml);
    const keys = Array.from(doc.getElementsByTagName("key")).map((k) => [k.getAttribute("for"), k.getAttribute("attr.name"), k.getAttribute("attr.type")]);
    const type = (f: string, n: string) => keys.find(([kf, kn]) => kf === f && kn === n)?.[2];
    expect(type("node", "year")).toBe("int");
    expect(type("node", "pagerank")).toBe("double");
    expect(type("node", "hasCode")).toBe("boolean");
    expect(type("node", "authors")).toBe("string");
    expect(type("node", "x")).toBe("double");
    expect(type("edge", "weight")).toBe("double");
    expect(type("edge", "directed")).toBe("boolean");
    expect(type("graph", "export.exportedAt")).toBe("string");
    const ids = Array.from(doc.getElementsByTagName("key")).map((k) => k.getAttribute("id"));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("round-trips through graphology-graphml with typed values and provenance", () => {
    const g = parse(Graph, graphml);
    expect(g.order).toBe(data.order);
    expect(g.size).toBe(data.size);
    const p = g.getNodeAttributes("p:future-ai");
    expect(p.title).toBe(xmlSafe(NASTY_TITLE));
    expect(p.year).toBe(2023);
    expect(p.hasCode).toBe(true);
    expect(p.x).toBe(-8);
    expect(p.color).toBe(CLUSTER_COLORS.t0);
    expect(p.abstract).toBe(data.getNodeAttribute("p:future-ai", "abstract"));
    expect(p.categories).toBe("CY");
    expect(g.getNodeAttribute("a:zoe-obrien", "label")).toBe(NASTY_AUTHOR);
    expect(g.getNodeAttribute("a:zoe-obrien", "aliases")).toBe(`${NASTY_AUTHOR}|Zoe O'Brien`);
    expect(g.getNodeAttribute("a:mohammed-ali", "name")).toBe(ARABIC_AUTHOR);
    expect(g.getNodeAttribute("a:andrew-p-king", "profile.aiScore")).toBeUndefined();
    expect(g.getAttribute("export.exportedAt")).toBe(EXPORTED_AT);
    expect(g.getAttribute("export.inputFiles")).toBe("seeds/000_0cb82e000d5bd246.txt|seeds/001_bb13e165dd174990.txt|seeds/003_b7b40e951325af8c.txt");
    expect(g.getAttribute("seed")).toBe(42);
  });

  it("writes a mixed graph as edgedefault=undirected with the direction in a data key (networkx rejects mixed flags)", () => {
    const doc = parseXmlStrict(graphml);
    expect(doc.getElementsByTagName("graph")[0]!.getAttribute("edgedefault")).toBe("undirected");
    expect(Array.from(doc.getElementsByTagName("edge")).some((e) => e.hasAttribute("directed"))).toBe(false);
    const g = parse(Graph, graphml);
    expect(g.getEdgeAttribute("authored:a:karim-lekadir->p:future-ai", "directed")).toBe(true);
    expect(g.getEdgeAttribute("coauthor:a:karim-lekadir--a:aasa-feragen", "directed")).toBe(false);
    expect(g.source("authored:a:karim-lekadir->p:future-ai")).toBe("a:karim-lekadir");
  });

  it("writes edgedefault=undirected without a direction key when the view has only undirected edges", () => {
    const xml = text("graphml", { filter: { ...DEFAULT_VIEW_FILTER, lens: "coauthor" } });
    const doc = parseXmlStrict(xml);
    expect(doc.getElementsByTagName("graph")[0]!.getAttribute("edgedefault")).toBe("undirected");
    expect(Array.from(doc.getElementsByTagName("key")).some((k) => k.getAttribute("attr.name") === "directed")).toBe(false);
    expect(doc.getElementsByTagName("edge").length).toBe(5);
  });
});
