/** Topic to people: the fractional ranking against an independent computation on the seeds, and constructed cases. */
import Graph from "graphology";
import { describe, expect, it } from "vitest";
import { peopleOnTopic, topicsMatching } from "../../src/model/topic-people";
import { topicPeopleCsv } from "../../src/exporters/topic-people";
import { seedsBuild } from "../fixtures/seeds-build";

/** Independent: walk the papers; each author gets (weight of the paper's about edge to the topic) / (byline length). */
function expectedScores(g: Graph, topic: string): Map<string, number> {
  const out = new Map<string, number>();
  g.forEachNode((key, p) => {
    if (p.kind !== "paper") return;
    const edge = `about:${key}->${topic}`;
    if (!g.hasEdge(edge)) return;
    const w = g.getEdgeAttribute(edge, "weight") as number;
    const authors = p.authors as string[];
    for (const a of authors) out.set(a, (out.get(a) ?? 0) + w / authors.length);
  });
  return out;
}

describe("peopleOnTopic on the seeds", () => {
  it("ranks by the fractional count computed independently, first entry the largest", () => {
    const g = seedsBuild().graph;
    const topic = "t:federated learning";
    expect(g.hasNode(topic)).toBe(true);
    const ranking = peopleOnTopic(g, { topic });
    const expected = expectedScores(g, topic);
    expect(ranking.people.length).toBe(expected.size);
    for (const p of ranking.people) expect(p.score).toBeCloseTo(expected.get(p.key)!, 10);
    const best = Math.max(...expected.values());
    expect(ranking.people[0]!.score).toBeCloseTo(best, 10);
    const scores = ranking.people.map((p) => p.score);
    expect(scores).toEqual([...scores].sort((x, y) => y - x));
    expect(ranking.people[0]!.communityLabel).toBe(g.getAttribute("communities")[String(ranking.people[0]!.community)].label);
  });

  it("a free-text query matches topics at a word start, ignoring case and diacritics", () => {
    const g = seedsBuild().graph;
    const matched = topicsMatching(g, "FEDERATED");
    expect(matched).toContain("t:federated learning");
    expect(matched.every((k) => /federated/i.test(k))).toBe(true);
    expect(topicsMatching(g, "ederated")).toEqual([]);
  });

  it("a research cluster counts each of its papers once, shared among the authors", () => {
    const g = seedsBuild().graph;
    const ranking = peopleOnTopic(g, { cluster: 0 });
    let total = 0;
    g.forEachNode((_k, p) => {
      if (p.kind === "paper" && p.topicCluster === 0 && (p.authors as string[]).length) total += 1;
    });
    expect(ranking.people.reduce((s, p) => s + p.score, 0)).toBeCloseTo(total, 8);
  });
});

describe("peopleOnTopic, constructed", () => {
  // Constructed: a single-author paper (weight 0.5) beats a share of a 4-author paper (weight 1); years and ties.
  const g = new Graph({ type: "mixed" });
  g.addNode("a:solo", { kind: "author", name: "=Solo", community: 0 });
  for (const k of ["a:b", "a:c", "a:d", "a:e"]) g.addNode(k, { kind: "author", name: k.slice(2).toUpperCase(), community: 1 });
  g.addNode("t:x", { kind: "topic", term: "X-ray imaging", variants: [] });
  g.addNode("p:1", { kind: "paper", year: 2020, authors: ["a:solo"] });
  g.addNode("p:2", { kind: "paper", year: 2018, authors: ["a:b", "a:c", "a:d", "a:e"] });
  g.addNode("p:3", { kind: "paper", year: 2022, authors: ["a:b"] });
  g.addDirectedEdgeWithKey("about:p:1->t:x", "p:1", "t:x", { kind: "about", weight: 0.5 });
  g.addDirectedEdgeWithKey("about:p:2->t:x", "p:2", "t:x", { kind: "about", weight: 1 });
  g.addDirectedEdgeWithKey("about:p:3->t:x", "p:3", "t:x", { kind: "about", weight: 0.1 });
  g.setAttribute("communities", { "0": { label: "Solo", size: 1, terms: [], color: "#000" } });

  it("shares each paper's weight equally and reports papers and years on the topic", () => {
    const r = peopleOnTopic(g, { text: "x ray" });
    expect(r.topics).toEqual(["t:x"]);
    expect(r.people.map((p) => [p.key, p.score])).toEqual([["a:solo", 0.5], ["a:b", 0.35], ["a:c", 0.25], ["a:d", 0.25], ["a:e", 0.25]]);
    expect(r.people[1]).toMatchObject({ papers: 2, firstYear: 2018, lastYear: 2022, community: 1, communityLabel: null });
  });

  it("writes the ranking as CSV with the formula guard", () => {
    const csv = topicPeopleCsv(peopleOnTopic(g, { topic: "t:x" })).content as string;
    const lines = csv.replace(/^\uFEFF/, "").split("\r\n");
    expect(lines[0]).toBe("rank,name,key,score,papers,firstYear,lastYear,community,communityLabel");
    expect(lines[1]).toBe("1,'=Solo,a:solo,0.5,1,2020,2020,0,Solo");
  });
});
