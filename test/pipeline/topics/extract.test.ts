/**
 * Topic selection, paper topics and topic links on the synthetic three-subject corpus
 * (bench/synthetic/topics-corpus.ts), whose generic words are known in advance.
 */
import { describe, expect, it } from "vitest";
import { extractTopics } from "../../../src/pipeline/topics";
import { buildVocabulary } from "../../../src/pipeline/topics/vocabulary";
import { generateTopicsCorpus } from "../../../bench/synthetic";

const { papers } = generateTopicsCorpus();

describe("relevance", () => {
  it("marks words spread evenly over all subjects as general, and subject words as specific", () => {
    const judged = new Map(buildVocabulary(papers).judged.map((j) => [j.term.key, j]));
    // "pipeline", "cohort", "framework" occur in more papers than any subject term, at the same rate in each subject.
    for (const key of ["t:pipeline", "t:cohort", "t:framework", "t:open software"]) {
      expect(judged.get(key)?.general, key).toBe(true);
    }
    for (const key of ["t:fairness", "t:bias", "t:client", "t:synthesis", "t:synthetic image"]) {
      expect(judged.get(key)?.general, key).toBe(false);
    }
    const relevance = (k: string) => judged.get(k)!.relevance;
    expect(relevance("t:fairness")).toBeGreaterThan(10 * relevance("t:pipeline"));
  });
});

describe("extractTopics", () => {
  const result = extractTopics(papers, { maxTopics: 12, topicsPerPaper: 3 });

  it("keeps at most maxTopics topics, sorted by key, none of them general", () => {
    expect(result.topics).toHaveLength(12);
    expect(result.topics.map((t) => t.key)).toEqual([...result.topics.map((t) => t.key)].sort());
    const keys = result.topics.map((t) => t.key);
    for (const general of ["t:pipeline", "t:cohort", "t:framework"]) expect(keys).not.toContain(general);
    // The fixture writes every subject word straight before another word ("fairness metrics", "bias persists",
    // "client updates"): a word that never stands alone joins its phrase, so the subjects are on the map as phrases.
    for (const subject of [/fairness/, /bias/, /client/]) expect(keys.some((k) => subject.test(k)), String(subject)).toBe(true);
    expect(keys).not.toContain("t:fairness");
    // Every subject is on the map.
    expect(keys.filter((k) => /synthe|image|network|diffusion/.test(k)).length).toBeGreaterThanOrEqual(2);
    for (const t of result.topics) {
      expect(t.key.startsWith("t:")).toBe(true);
      expect(t.paperCount).toBeGreaterThan(1);
      expect(t.relevance).toBeGreaterThan(0);
    }
  });

  it("links every paper to at most topicsPerPaper topics, strongest first, weights in (0, 1]", () => {
    expect([...result.paperTopics.keys()]).toEqual(papers.map((p) => p.key));
    const known = new Set(result.topics.map((t) => t.key));
    // One paper is left without a topic: its only subject sentence, "Bias mitigation rebalances the protected
    // attributes", gives no phrase the other fairness papers share (before subject words joined their phrases, "bias"
    // was its topic).
    expect([...result.paperTopics].filter(([, links]) => links.length === 0).map(([k]) => k)).toEqual(["p:fairness-07"]);
    for (const [key, links] of result.paperTopics) {
      expect(links.length, key).toBeLessThanOrEqual(3);
      if (links.length === 0) continue;
      expect(links[0]!.weight).toBe(1);
      for (let i = 1; i < links.length; i++) expect(links[i - 1]!.weight).toBeGreaterThanOrEqual(links[i]!.weight);
      for (const l of links) {
        expect(known.has(l.topic)).toBe(true);
        expect(l.weight).toBeGreaterThan(0);
      }
    }
    // A fairness paper's topics come from its own subject.
    const fairnessTopics = result.paperTopics.get("p:fairness-00")!.map((l) => l.topic);
    expect(fairnessTopics.every((t) => /fairness|bias|race|group|error rate/.test(t)), fairnessTopics.join()).toBe(true);
  });

  it("links topics of one subject, not across subjects, and bounds links per topic", () => {
    const subjectOf = (key: string) =>
      /fair|bias|race|group|error/.test(key) ? "fairness" : /client|hospital|federated|patient|aggregation/.test(key) ? "federated" : "synthesis";
    expect(result.related.length).toBeGreaterThan(0);
    for (const r of result.related) {
      expect(r.source < r.target).toBe(true);
      expect(r.weight).toBeGreaterThan(1);
      expect(subjectOf(r.source), `${r.source} - ${r.target}`).toBe(subjectOf(r.target));
    }
    const sorted = [...result.related].sort((a, b) => (a.source + "\0" + a.target < b.source + "\0" + b.target ? -1 : 1));
    expect(result.related).toEqual(sorted);
  });

  it("is deterministic", () => {
    expect(extractTopics(papers, { maxTopics: 12, topicsPerPaper: 3 })).toEqual(result);
  });

  it("copes with empty input, papers without text, and a single paper", () => {
    expect(extractTopics([], { maxTopics: 10, topicsPerPaper: 3 })).toEqual({ topics: [], paperTopics: new Map(), related: [], notes: [] });
    const blank = extractTopics([{ key: "p:a", title: null, abstract: null }], { maxTopics: 10, topicsPerPaper: 3 });
    expect(blank.topics).toEqual([]);
    expect(blank.paperTopics.get("p:a")).toEqual([]);
    // One paper cannot be judged by co-occurrence, but its own terms still become its topics.
    const one = extractTopics([{ key: "p:a", title: "Federated learning for privacy", abstract: null }], { maxTopics: 5, topicsPerPaper: 2 });
    expect(one.topics.map((t) => t.key)).toContain("t:federated learning");
    expect(one.paperTopics.get("p:a")).toHaveLength(2);
  });
});
