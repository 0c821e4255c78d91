// @vitest-environment jsdom
/**
 * VOSviewer JSON map over the adversarial fixture (test/fixtures/exporters/special-graph.ts), checked against the
 * documented format (app.vosviewer.com/docs/file-types/json-file-type): integer ids, 1-based clusters, links between
 * existing items, HTML-safe labels and descriptions, provenance in info.
 */
import { describe, expect, it } from "vitest";
import { DEFAULT_VIEW_FILTER } from "../../src/model/view-filter";
import { buildSpecialGraph, CLUSTER_COLORS, NASTY_AUTHOR, NASTY_TITLE } from "../fixtures/exporters/special-graph";
import { EXPORTED_AT, text, xmlSafe } from "./helpers";

interface Item { id: number; label: string; description: string; url?: string; x: number; y: number; cluster: number; weights: Record<string, number>; scores: Record<string, number | null> }
interface Doc {
  network: { items: Item[]; links: { source_id: number; target_id: number; strength: number }[]; clusters: { cluster: number; label: string }[] };
  config: { color_schemes: { cluster_colors: { cluster: number; color: string }[] }; terminology: Record<string, string> };
  info: { title: string; description: string };
}

/** What a browser shows for an HTML fragment (VOSviewer Online renders labels and descriptions as HTML). */
const shown = (html: string) => {
  const el = document.createElement("div");
  el.innerHTML = html;
  return { text: el.textContent, scripts: el.querySelectorAll("script").length };
};

describe("VOSviewer JSON export", () => {
  const doc = JSON.parse(text("vosviewer")) as Doc;
  const data = buildSpecialGraph();
  const items = doc.network.items;

  it("has one item per node with integer ids 1..N and 1-based integer clusters", () => {
    expect(items.length).toBe(data.order);
    expect(items.map((i) => i.id)).toEqual(items.map((_, i) => i + 1));
    for (const it of items) {
      expect(Number.isInteger(it.cluster) && it.cluster >= 1 && it.cluster <= 1000).toBe(true);
      expect(Number.isFinite(it.x) && Number.isFinite(it.y)).toBe(true);
      for (const w of Object.values(it.weights)) expect(w).toBeGreaterThanOrEqual(0);
      expect(Object.keys(it.scores)).toEqual(["Avg. pub. year", "PageRank", "Betweenness"]);
    }
    // Whole graph told "topicCluster": clusters follow the research clusters (two, 6+6 plus none), numbered largest
    // first, with the appearance module's colours.
    expect(new Set(items.map((i) => i.cluster))).toEqual(new Set([1, 2]));
    expect(doc.network.clusters.map((c) => c.label)).toEqual(["trustworthy AI · 医疗", "bias · fairness"]);
    expect(doc.config.color_schemes.cluster_colors).toEqual([{ cluster: 1, color: CLUSTER_COLORS.t0.toLowerCase() }, { cluster: 2, color: CLUSTER_COLORS.t1.toLowerCase() }]);
  });

  it("links existing items once per pair with non-negative strength", () => {
    const ids = new Set(items.map((i) => i.id));
    const pairs = new Set<string>();
    for (const l of doc.network.links) {
      expect(ids.has(l.source_id) && ids.has(l.target_id)).toBe(true);
      expect(l.source_id).toBeLessThan(l.target_id);
      expect(l.strength).toBeGreaterThan(0);
      pairs.add(`${l.source_id}-${l.target_id}`);
    }
    expect(pairs.size).toBe(doc.network.links.length);
    expect(doc.network.links.length).toBe(data.size);
  });

  it("escapes labels and descriptions so the browser shows the text and runs nothing", () => {
    const paper = items.find((i) => i.url === "https://arxiv.org/abs/2101.00001")!;
    expect(paper).toBeDefined();
    const future = items.find((i) => shown(i.label).text === xmlSafe(NASTY_TITLE))!;
    expect(future).toBeDefined();
    expect(shown(future.label).scripts).toBe(0);
    const d = shown(future.description);
    expect(d.scripts).toBe(0);
    expect(d.text).toContain(xmlSafe(NASTY_TITLE));
    expect(d.text).toContain(`Karim Lekadir, Aasa Feragen, ${NASTY_AUTHOR} et al.`);
    // "{curly}" would be a template placeholder in VOSviewer Online: no text node may hold both braces.
    expect(future.description).not.toMatch(/\{[^<]*\}/);
    expect(future.scores["Avg. pub. year"]).toBe(2023);
    expect(paper.scores["Avg. pub. year"]).toBeNull();
    const author = items.find((i) => shown(i.label).text === "Andrew P. King")!;
    expect(author.scores["Avg. pub. year"]).toBe(2020);
    expect(author.weights.Papers).toBe(2);
  });

  it("carries the provenance in info and names items after the lens", () => {
    expect(shown(doc.info.description).text).toContain(EXPORTED_AT);
    // The caller says the colours show communities (the explorer's co-author lens does); clusters follow.
    const co = JSON.parse(text("vosviewer", { filter: { ...DEFAULT_VIEW_FILTER, lens: "coauthor" } }, undefined, {}, "community")) as Doc;
    expect(co.config.terminology.item).toBe("author");
    expect(co.network.items.length).toBe(6);
    // Cluster labels are shown as plain text by VOSviewer Online (React text), unlike item labels: kept raw.
    expect(co.network.clusters.map((c) => c.label)).toEqual(["Lekadir · Feragen", `King & "friends" <b>`]);
    expect(co.info.title).toContain("lens coauthor");
  });
});
