/**
 * buildGraph on hand-built stage outputs (fixtures.ts: seed papers from 004_/002_ plus constructed cases): the graph
 * file contract on every node, edge and graph attribute, edge kinds and weights, cluster assignment, ordering.
 */
import { describe, expect, it } from "vitest";
import type { AuthorNodeAttributes, GraphFile, PaperNodeAttributes, TopicNodeAttributes } from "../../../src/model/graph-file";
import { FORMAT_VERSION } from "../../../src/model/graph-file";
import { validateGraphFile } from "../../../src/model/validate";
import { buildGraph } from "../../../src/pipeline/graph";
import { LOOKS, NONE_COLOR, PALETTE, SIZE_RANGE } from "../../../src/model/appearance";
import { OPTIONS, SEED_004, authorKey, seedLikeInput } from "./fixtures";

const BASE_KEYS = [
  "kind", "label", "x", "y", "size", "color", "community", "topicCluster", "degree", "weightedDegree", "pagerank", "betweenness",
];
const KIND_KEYS: Record<string, string[]> = {
  author: ["name", "aliases", "paperCount", "profile", "orcid", "externalIds", "affiliations"],
  paper: [
    "title", "authors", "authorsComplete", "profileOwners", "date", "year", "arxivId", "categories", "hasCode", "abstract", "comment",
    "affiliation", "sources", "topics", "doi", "pmid", "externalIds", "venue", "volume", "issue", "pages", "publicationType",
    "keywords", "indexKeywords", "meshTerms", "groupAuthors", "citationCount", "referenceCount",
  ],
  topic: ["term", "variants", "paperCount", "relevance"],
};
/** Appended after the kind's own (the resolution ladders; this input's research clusters come without a ladder). */
const LADDER_KEYS: Record<string, string[]> = { author: ["communityLevels", "communityStability"], paper: ["communityLevels"], topic: ["communityLevels"] };

function exported(): GraphFile {
  return buildGraph(seedLikeInput(), OPTIONS).export() as unknown as GraphFile;
}

describe("buildGraph contract", () => {
  const file = exported();
  const node = (key: string) => file.nodes.find((n) => n.key === key)!.attributes;

  it("passes the model's runtime validator", () => {
    const result = validateGraphFile(JSON.parse(JSON.stringify(file)));
    expect(result.ok ? [] : result.errors).toEqual([]);
  });

  it("is a mixed, simple graph", () => {
    expect(file.options).toEqual({ type: "mixed", multi: false, allowSelfLoops: false });
  });

  it("gives every node exactly the contract's attributes, in one key order, with finite numbers", () => {
    for (const n of file.nodes) {
      const a = n.attributes as unknown as Record<string, unknown>;
      expect(Object.keys(a), n.key).toEqual([...BASE_KEYS, ...KIND_KEYS[n.attributes.kind]!, ...LADDER_KEYS[n.attributes.kind]!]);
      for (const k of ["x", "y", "size", "degree", "weightedDegree", "pagerank", "betweenness"]) {
        expect(Number.isFinite(a[k]), `${n.key}.${k}`).toBe(true);
      }
      expect(Number.isInteger(a.community) && Number.isInteger(a.topicCluster)).toBe(true);
      expect(a.pagerank as number).toBeGreaterThanOrEqual(0);
      expect(a.pagerank as number).toBeLessThanOrEqual(1);
      expect(a.betweenness as number).toBeGreaterThanOrEqual(0);
      expect(a.betweenness as number).toBeLessThanOrEqual(1);
      expect(a.color).toMatch(/^#[0-9A-F]{6}$/);
    }
  });

  it("inserts nodes by kind (authors, papers, topics) and key, edges by kind and key", () => {
    const kinds = file.nodes.map((n) => n.attributes.kind);
    expect(kinds).toEqual([...kinds].sort((a, b) => ["author", "paper", "topic"].indexOf(a) - ["author", "paper", "topic"].indexOf(b)));
    for (const kind of ["author", "paper", "topic"]) {
      const keys = file.nodes.filter((n) => n.attributes.kind === kind).map((n) => n.key);
      expect(keys).toEqual([...keys].sort());
    }
    const edgeKinds = file.edges.map((e) => e.attributes.kind);
    const order = ["authored", "coauthor", "about", "related"];
    expect(edgeKinds).toEqual([...edgeKinds].sort((a, b) => order.indexOf(a) - order.indexOf(b)));
    for (const kind of order) {
      const keys = file.edges.filter((e) => e.attributes.kind === kind).map((e) => e.key!);
      expect(keys).toEqual([...keys].sort());
    }
  });

  it("copies paper fields and derives topics strongest first", () => {
    const p = node("p:mammofl") as PaperNodeAttributes;
    expect(p.title).toBe("MammoFL: Mammographic Breast Density Estimation using Federated Learning");
    expect(p.authors).toEqual(["Ramya Muthukrishnan", "Angelina Heyler", "Keshava Katti"].map(authorKey));
    expect(p.authorsComplete).toBe(false);
    expect(p.topics).toEqual(["t:breast density", "t:federated learning"]);
    expect(p.sources).toEqual([{ file: SEED_004, line: 28 }]);
    const w = node("p:arxiv:2303.17719") as PaperNodeAttributes;
    expect([w.arxivId, w.comment, w.date, w.year]).toEqual(["2303.17719", "accepted to CVPR 2023", "2023-03-30", 2023]);
  });

  it("counts an author's papers and a topic's papers from the bylines and links", () => {
    expect((node(authorKey("Annika Reinke")) as AuthorNodeAttributes).paperCount).toBe(4);
    expect((node(authorKey("Spyridon Bakas")) as AuthorNodeAttributes).paperCount).toBe(1);
    expect((node("t:validation metrics") as TopicNodeAttributes).paperCount).toBe(4);
  });

  it("draws one directed authored edge per byline entry, weight 1", () => {
    const authored = file.edges.filter((e) => e.attributes.kind === "authored");
    const bylineEntries = seedLikeInput().identity.papers.reduce((n, p) => n + p.authors.length, 0);
    expect(authored).toHaveLength(bylineEntries);
    for (const e of authored) {
      expect(e.undirected).toBeFalsy();
      expect(e.key).toBe(`authored:${e.source}->${e.target}`);
      expect(node(e.source).kind).toBe("author");
      expect(node(e.target).kind).toBe("paper");
      expect(e.attributes.weight).toBe(1);
    }
  });

  it("draws coauthor edges exactly between authors sharing a byline, weighted by joint papers", () => {
    const papers = seedLikeInput().identity.papers;
    const expected = new Map<string, number>();
    for (const p of papers) {
      const sorted = [...p.authors].sort();
      for (let i = 0; i < sorted.length; i++) {
        for (let j = i + 1; j < sorted.length; j++) {
          const k = `${sorted[i]}--${sorted[j]}`;
          expected.set(k, (expected.get(k) ?? 0) + 1);
        }
      }
    }
    const coauthor = file.edges.filter((e) => e.attributes.kind === "coauthor");
    expect(new Map(coauthor.map((e) => [`${e.source}--${e.target}`, e.attributes.weight]))).toEqual(expected);
    expect(coauthor.every((e) => e.undirected === true)).toBe(true);
    // Eisenmann, Reinke and Weru share two papers (004_ lines 8 and 17).
    const eisenmannReinke = [authorKey("Matthias Eisenmann"), authorKey("Annika Reinke")].sort().join("--");
    expect(expected.get(eisenmannReinke)).toBe(2);
  });

  it("draws about edges paper->topic with the topic stage's weights and related edges topic--topic", () => {
    const about = file.edges.filter((e) => e.attributes.kind === "about");
    expect(about).toHaveLength(11);
    const bio = about.find((e) => e.key === "about:p:biomedical-image-analysis-competitions->t:benchmarking competitions")!;
    expect([bio.source, bio.target, bio.attributes.weight, bio.undirected ?? false]).toEqual([
      "p:biomedical-image-analysis-competitions", "t:benchmarking competitions", 0.8, false,
    ]);
    const related = file.edges.filter((e) => e.attributes.kind === "related");
    expect(related.map((e) => [e.key, e.attributes.weight, e.undirected])).toEqual([
      ["related:t:benchmarking competitions--t:validation metrics", 0.5, true],
      ["related:t:breast density--t:federated learning", 0.4, true],
    ]);
  });

  it("gives edges a size from their weight and the light theme's opaque colour of their kind", () => {
    for (const e of file.edges) {
      expect(e.attributes.size).toBeGreaterThanOrEqual(1);
      expect(e.attributes.size).toBeLessThanOrEqual(4);
      expect(e.attributes.color).toBe(LOOKS.light.edges[e.attributes.kind]);
      expect(e.attributes.color).toMatch(/^#[0-9A-F]{6}$/);
    }
    const coauthor = file.edges.filter((e) => e.attributes.kind === "coauthor");
    const heaviest = coauthor.reduce((a, b) => (b.attributes.weight > a.attributes.weight ? b : a));
    expect(heaviest.attributes.size).toBe(4);
  });

  it("assigns research clusters: papers and topics as given, authors by the majority of their papers", () => {
    expect(node("p:mammofl").topicCluster).toBe(1);
    expect(node("p:volume-rendering-of-neural-implicit-surfaces").topicCluster).toBe(-1);
    expect(node("t:neural rendering").topicCluster).toBe(-1);
    expect(node("t:glioblastoma").topicCluster).toBe(1);
    expect(node(authorKey("Annika Reinke")).topicCluster).toBe(0);
    // Ujjwal Baid: both papers (FL, glioblastoma) are in cluster 1.
    expect(node(authorKey("Ujjwal Baid")).topicCluster).toBe(1);
    expect(node(authorKey("Annika Reinke")).color).toBe(PALETTE[0]);
    expect(node("p:volume-rendering-of-neural-implicit-surfaces").color).toBe(NONE_COLOR);
  });

  it("writes the graph attributes in contract order", () => {
    const g = file.attributes;
    expect(Object.keys(g)).toEqual([
      "formatVersion", "generator", "seed", "options", "sources", "communities", "topicClusters", "modularity",
      "betweenness", "categoryNames", "counts", "largePapers", "communityLadder", "identityReview",
    ]);
    expect(g.formatVersion).toBe(FORMAT_VERSION);
    expect(g.generator).toBe("papergraph");
    expect(g.seed).toBe(42);
    expect(g.options).toEqual({ ...OPTIONS });
    expect(g.betweenness).toBe("exact");
    expect(g.counts).toEqual({ authors: 16, papers: 9, topics: 6, edges: file.edges.length });
    expect(g.sources[1]!.diagnostics[0]!.message).toBe("constructed warning for the test");
    expect(g.topicClusters["1"]).toEqual({
      label: "federated learning", size: 3, terms: ["federated learning", "breast density", "glioblastoma"], color: PALETTE[1],
    });
  });

  it("names only the category codes present, unknown codes by themselves", () => {
    expect(file.attributes.categoryNames).toEqual({
      CV: "Computer Vision", IV: "Image and Video Processing", LG: "Machine Learning", ZZ: "ZZ",
    });
  });

  it("sizes nodes by PageRank within each kind's range (the explorer's default, from the same module)", () => {
    for (const n of file.nodes) {
      const [lo, hi] = SIZE_RANGE[n.attributes.kind];
      expect(n.attributes.size).toBeGreaterThanOrEqual(lo);
      expect(n.attributes.size).toBeLessThanOrEqual(hi);
    }
    const authors = file.nodes.filter((n) => n.attributes.kind === "author");
    const top = authors.reduce((a, b) => (b.attributes.pagerank > a.attributes.pagerank ? b : a));
    expect(top.attributes.size).toBe(SIZE_RANGE.author[1]);
  });
});
