// @vitest-environment jsdom
/**
 * GEXF 1.3 round trip: our file read back by graphology-gexf (the parser Gephi Lite uses) and by jsdom's strict XML
 * parser, over the adversarial fixture (test/fixtures/exporters/special-graph.ts).
 */
import Graph from "graphology";
import { parse } from "graphology-gexf";
import { describe, expect, it } from "vitest";
import { buildSpecialGraph, CJK_AUTHOR, NASTY_AUTHOR, NASTY_TITLE } from "../fixtures/exporters/special-graph";
import { EXPORTED_AT, parseXmlStrict, text, xmlSafe } from "./helpers";

describe("GEXF export", () => {
  const gexf = text("gexf");
  const data = buildSpecialGraph();

  it("is well-formed GEXF 1.3 with the viz namespace and provenance in meta", () => {
    const doc = parseXmlStrict(gexf);
    const root = doc.documentElement;
    expect(root.localName).toBe("gexf");
    expect(root.namespaceURI).toBe("http://gexf.net/1.3");
    expect(root.getAttribute("version")).toBe("1.3");
    expect(root.getAttribute("xmlns:viz")).toBe("http://gexf.net/1.3/viz");
    const meta = doc.getElementsByTagName("meta")[0]!;
    expect(meta.getAttribute("lastmodifieddate")).toBe("2026-01-02");
    expect(meta.getElementsByTagName("creator")[0]!.textContent).toBe("papergraph test");
    const description = meta.getElementsByTagName("description")[0]!.textContent!;
    expect(description).toContain(EXPORTED_AT);
    expect(description).toContain("seeds/000_0cb82e000d5bd246.txt");
    expect(description).toContain('"seed":42');
    expect(description).toContain("whole graph");
  });

  it("declares every attribute once with a type (lists as strings)", () => {
    const doc = parseXmlStrict(gexf);
    const types = new Map<string, string>();
    for (const el of Array.from(doc.querySelectorAll('attributes[class="node"] > attribute'))) {
      expect(types.has(el.getAttribute("title")!)).toBe(false);
      types.set(el.getAttribute("title")!, el.getAttribute("type")!);
    }
    expect(types.get("year")).toBe("integer");
    expect(types.get("pagerank")).toBe("double");
    expect(types.get("hasCode")).toBe("boolean");
    expect(types.get("authors")).toBe("string");
    expect(types.get("profile.hIndex")).toBe("integer");
    expect(types.get("sources")).toBe("string");
    // Drawing attributes travel as viz elements and the label attribute, not as columns.
    for (const native of ["label", "x", "y", "size", "color"]) expect(types.has(native)).toBe(false);
  });

  it("round-trips through graphology-gexf: counts, labels, attributes, viz, edge types", () => {
    const g = parse(Graph, gexf);
    expect(g.order).toBe(data.order);
    expect(g.size).toBe(data.size);
    const paper = g.getNodeAttributes("p:future-ai");
    expect(paper.label).toBe(xmlSafe(NASTY_TITLE));
    expect(paper.title).toBe(xmlSafe(NASTY_TITLE));
    expect(paper.authors).toBe("a:karim-lekadir|a:aasa-feragen|a:zoe-obrien");
    expect(paper.abstract).toBe(data.getNodeAttribute("p:future-ai", "abstract"));
    expect(paper.year).toBe(2023);
    expect(paper.hasCode).toBe(true);
    expect(paper.sources).toBe("seeds/000_0cb82e000d5bd246.txt:14|seeds/001_bb13e165dd174990.txt:120");
    expect(paper.x).toBe(-8);
    expect(paper.y).toBe(6);
    expect(paper.size).toBe(5);
    expect(paper.color).toBe("rgb(0,114,178)"); // PALETTE[0], #0072B2: its research cluster's colour
    expect(g.getNodeAttribute("a:zoe-obrien", "label")).toBe(NASTY_AUTHOR);
    expect(g.getNodeAttribute("a:王小明", "name")).toBe(CJK_AUTHOR);
    expect(g.getNodeAttribute("a:karim-lekadir", "profile.hIndex")).toBe(72);
    // A null title stays absent rather than becoming the text "null".
    expect(g.getNodeAttribute("p:arxiv-2101", "title")).toBeUndefined();
    // Mixed graph: each edge keeps its own direction.
    expect(g.isDirected("authored:a:karim-lekadir->p:future-ai")).toBe(true);
    expect(g.isUndirected("coauthor:a:andrew-p-king--a:mohammed-ali")).toBe(true);
    expect(g.getEdgeAttribute("coauthor:a:andrew-p-king--a:mohammed-ali", "weight")).toBe(2);
    expect(g.getEdgeAttribute("coauthor:a:andrew-p-king--a:mohammed-ali", "kind")).toBe("coauthor");
  });

  it("strips characters XML forbids instead of writing a file Gephi rejects", () => {
    expect(gexf).not.toContain("\u0001");
    expect(gexf).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(gexf).not.toContain("<script>");
  });
});
