// @vitest-environment jsdom
/**
 * SVG over the adversarial fixture (test/fixtures/exporters/special-graph.ts): well-formed (jsdom's strict XML
 * parser), one circle per visible node, escaped text, a viewBox containing every node, the on-screen display used.
 */
import { describe, expect, it } from "vitest";
import { DEFAULT_VIEW_FILTER } from "../../src/model/view-filter";
import type { NodeDisplay } from "../../src/exporters";
import { buildSpecialGraph, NASTY_AUTHOR } from "../fixtures/exporters/special-graph";
import { parseXmlStrict, text } from "./helpers";

function circles(doc: Document) {
  return Array.from(doc.querySelectorAll("g.nodes > circle")).map((c) => ({
    cx: Number(c.getAttribute("cx")), cy: Number(c.getAttribute("cy")), r: Number(c.getAttribute("r")), fill: c.getAttribute("fill"),
    title: c.getElementsByTagName("title")[0]!.textContent,
  }));
}

describe("SVG export", () => {
  const data = buildSpecialGraph();

  it("(guard) the strict parser used below does reject ill-formed XML and forbidden characters", () => {
    expect(() => parseXmlStrict("<svg><g></svg>")).toThrow(/not well-formed/);
    expect(() => parseXmlStrict("<svg>\u0001</svg>")).toThrow(/not well-formed/);
  });

  it("is well-formed with one circle per node, a line per edge and escaped labels", () => {
    const svg = text("svg");
    const doc = parseXmlStrict(svg);
    expect(doc.documentElement.namespaceURI).toBe("http://www.w3.org/2000/svg");
    expect(circles(doc).length).toBe(data.order);
    expect(doc.querySelectorAll("g.edges > line").length).toBe(data.size);
    const labels = Array.from(doc.querySelectorAll("g.labels > text")).map((t) => t.textContent);
    expect(labels).toContain(NASTY_AUTHOR);
    expect(svg).not.toContain("<script>");
    expect(doc.querySelector("g.labels")!.getAttribute("paint-order")).toBe("stroke");
    expect(doc.documentElement.getAttribute("font-family")).toContain("Inter");
  });

  it("fits every node inside the viewBox and keeps y pointing up", () => {
    const doc = parseXmlStrict(text("svg"));
    const [x, y, w, h] = doc.documentElement.getAttribute("viewBox")!.split(" ").map(Number) as [number, number, number, number];
    const cs = circles(doc);
    for (const c of cs) {
      expect(c.cx - c.r).toBeGreaterThanOrEqual(x);
      expect(c.cy - c.r).toBeGreaterThanOrEqual(y);
      expect(c.cx + c.r).toBeLessThanOrEqual(x + w);
      expect(c.cy + c.r).toBeLessThanOrEqual(y + h);
    }
    // Graph y=16 (topic "trustworthy AI") is the top of the drawing, y=-12 ("bias") the bottom.
    const top = cs.find((c) => c.title === "trustworthy AI")!, bottom = cs.find((c) => c.title === "bias")!;
    expect(top.cy).toBeLessThan(bottom.cy);
    expect(Math.min(...cs.map((c) => c.cy))).toBe(top.cy);
  });

  it("draws a view as shown: only visible nodes, on-screen colours and sizes, hidden nodes left out", () => {
    const display = (key: string): NodeDisplay => {
      const a = data.getNodeAttributes(key);
      return { x: a.x * 2, y: a.y, size: key === "a:karim-lekadir" ? 20 : 4, color: "#123456", label: key === "a:aasa-feragen" ? null : a.label, hidden: key === "a:mohammed-ali", forceLabel: key === "a:王小明" };
    };
    const doc = parseXmlStrict(text("svg", { filter: { ...DEFAULT_VIEW_FILTER, lens: "coauthor" }, nodeDisplay: display }));
    const cs = circles(doc);
    expect(cs.length).toBe(5);
    expect(cs.every((c) => c.fill === "#123456")).toBe(true);
    expect(cs.find((c) => c.title === "Karim Lekadir")!.r).toBe(20);
    // The coauthor edge to the hidden node goes with it.
    expect(doc.querySelectorAll("g.edges > line").length).toBe(4);
    const labels = Array.from(doc.querySelectorAll("g.labels > text")).map((t) => t.textContent);
    expect(labels).toContain("王小明");
    expect(labels).not.toContain("Aasa Feragen");
    // Small nodes (size 4 < sigma's label threshold) only show forced labels.
    expect(labels).not.toContain(NASTY_AUTHOR);
  });

  it("draws the legend of the colour mode it is told, every group drawn with its count, and none when asked", () => {
    const legend = (mode?: "topicCluster" | "community") =>
      Array.from(parseXmlStrict(text("svg", null, undefined, {}, mode)).querySelectorAll("g.legend > text")).map((t) => t.textContent);
    expect(legend()).toEqual(["Colour: research cluster", "trustworthy AI · 医疗 (8)", "bias · fairness (5)"]);
    // Told "community": the legend names communities, whatever colours the nodes carry in the file.
    expect(legend("community")[0]).toBe("Colour: co-author community");
    expect(legend("community")).toEqual(["Colour: co-author community", "Lekadir · Feragen (6)", `King & "friends" <b> (4)`, "No community (3)"]);
    expect(parseXmlStrict(text("svg", null, undefined, { legend: false })).querySelector("g.legend")).toBeNull();
  });
});
