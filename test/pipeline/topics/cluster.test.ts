/**
 * Research clusters on the synthetic three-subject corpus (bench/synthetic/topics-corpus.ts) and on small
 * adversarial inputs: papers without terms, a paper unlike every other, a cluster too small to stand alone.
 */
import { describe, expect, it } from "vitest";
import { clusterTopics, extractTopics } from "../../../src/pipeline/topics";
import { minClusterSize } from "../../../src/pipeline/topics/cluster";
import { chooseLabel } from "../../../src/pipeline/topics/label";
import { analyseCorpus } from "../../../src/pipeline/topics/terms";
import type { TopicInputPaper } from "../../../src/pipeline/topics/types";
import { generateTopicsCorpus } from "../../../bench/synthetic";

const { papers, subjectOf } = generateTopicsCorpus();
const topics = extractTopics(papers, { maxTopics: 30, topicsPerPaper: 4 });
const result = clusterTopics(papers, topics, { seed: 42, resolution: 1 });

describe("clusterTopics", () => {
  it("puts the papers of one subject together and nothing else with them", () => {
    expect(result.clusters).toHaveLength(3);
    const bySubject = new Map<string, Set<number>>();
    for (const [key, c] of result.paperCluster) {
      const s = subjectOf.get(key)!;
      if (!bySubject.has(s)) bySubject.set(s, new Set());
      bySubject.get(s)!.add(c);
    }
    expect([...bySubject.values()].map((s) => s.size)).toEqual([1, 1, 1]);
    expect(new Set([...bySubject.values()].map((s) => [...s][0])).size).toBe(3);
  });

  it("labels clusters with distinctive terms, never with words every subject uses", () => {
    const labelOf = (subject: string) => {
      const key = [...subjectOf].find(([, s]) => s === subject)![0];
      return result.clusters[result.paperCluster.get(key)!]!;
    };
    expect(labelOf("fairness").label).toMatch(/bias|fairness|race|group/);
    expect(labelOf("federated").label).toMatch(/client|federated|hospital|patient/);
    expect(labelOf("synthesis").label).toMatch(/synthe|image|network|diffusion/);
    for (const c of result.clusters) {
      expect(c.terms.length).toBeGreaterThan(0);
      expect(c.terms.length).toBeLessThanOrEqual(8);
      expect(c.terms.join(" ")).not.toMatch(/pipeline|cohort|framework/);
    }
  });

  it("numbers clusters 0..k-1 by size, counts sizes, and gives topics the cluster holding most of them", () => {
    expect(result.clusters.map((c) => c.id)).toEqual([0, 1, 2]);
    for (let i = 1; i < result.clusters.length; i++) {
      const [a, b] = [result.clusters[i - 1]!, result.clusters[i]!];
      expect(a.size > b.size || (a.size === b.size && a.label <= b.label)).toBe(true);
    }
    for (const c of result.clusters) expect([...result.paperCluster.values()].filter((x) => x === c.id)).toHaveLength(c.size);
    const fairnessCluster = result.paperCluster.get("p:fairness-00")!;
    // "fairness" only ever modifies in this fixture ("fairness metrics"), so its phrase is the topic.
    expect(result.topicCluster.get("t:fairness metrics")).toBe(fairnessCluster);
    expect([...result.topicCluster.keys()].sort()).toEqual(topics.topics.map((t) => t.key));
  });

  it("is deterministic for a seed, and the same whichever order the papers come in", () => {
    expect(clusterTopics(papers, topics, { seed: 42, resolution: 1 })).toEqual(result);
    const reversed = [...papers].reverse();
    const again = clusterTopics(reversed, extractTopics(reversed, { maxTopics: 30, topicsPerPaper: 4 }), { seed: 42, resolution: 1 });
    expect(again.clusters).toEqual(result.clusters);
    expect(new Map([...again.paperCluster].sort())).toEqual(new Map([...result.paperCluster].sort()));
  });

  it("gives -1 to papers without terms and to a paper like no other", () => {
    // Case: an empty record (arXiv listing without abstract) and an off-subject paper that shares no candidate term.
    const extra: TopicInputPaper[] = [
      ...papers,
      { key: "p:empty", title: null, abstract: null },
      { key: "p:odd", title: "Volcanic ash dispersal", abstract: "Volcanic ash plumes drift over oceans." },
    ];
    const t = extractTopics(extra, { maxTopics: 30, topicsPerPaper: 4 });
    const c = clusterTopics(extra, t, { seed: 42, resolution: 1 });
    expect(c.paperCluster.get("p:empty")).toBe(-1);
    expect(c.paperCluster.get("p:odd")).toBe(-1);
    expect(c.clusters).toHaveLength(3);
  });

  it("folds a cluster below the minimum size into its nearest neighbour", () => {
    // Case: two papers on a fourth subject that also mention federated clients: too few to stand alone.
    const extra: TopicInputPaper[] = [
      ...papers,
      { key: "p:z1", title: "Quantum annealing schedules", abstract: "Quantum annealing schedules for client updates. Quantum annealing hardware." },
      { key: "p:z2", title: "Quantum annealing noise", abstract: "Quantum annealing noise in client updates. Quantum annealing hardware." },
    ];
    expect(minClusterSize(extra.length)).toBeGreaterThan(2);
    const c = clusterTopics(extra, extractTopics(extra, { maxTopics: 30, topicsPerPaper: 4 }), { seed: 42, resolution: 1 });
    expect(c.clusters).toHaveLength(3);
    expect(c.paperCluster.get("p:z1")).toBe(c.paperCluster.get("p:federated-00"));
    expect(c.paperCluster.get("p:z2")).toBe(c.paperCluster.get("p:federated-00"));
  });

  it("copes with no papers", () => {
    const empty = clusterTopics([], extractTopics([], { maxTopics: 5, topicsPerPaper: 2 }), { seed: 1, resolution: 1 });
    expect(empty).toMatchObject({ paperCluster: new Map(), topicCluster: new Map(), clusters: [] });
    // Every level of the ladder is empty too.
    expect(empty.ladder!.levels.every((l) => l.clusters.length === 0 && l.paperCluster.size === 0)).toBe(true);
  });
});

describe("chooseLabel", () => {
  // Constructed: a cluster that holds two unrelated subjects, three papers each.
  const papers: TopicInputPaper[] = [
    ...[0, 1, 2].map((i) => ({ key: `f${i}`, title: "Federated learning for privacy", abstract: "Federated learning keeps privacy." })),
    ...[0, 1, 2].map((i) => ({ key: `s${i}`, title: "Image synthesis with diffusion models", abstract: "Image synthesis of scans." })),
  ];
  const corpus = analyseCorpus(papers);
  const vocabulary = { corpus, minDf: 1, judged: [] };
  const scored = (display: string, score: number) => ({ term: display, gid: corpus.terms.find((t) => t.display === display)!.gid, score });

  it("joins only terms about the same papers as the first, so two subjects are not glued", () => {
    const label = chooseLabel([scored("federated learning", 1), scored("image synthesis", 0.9), scored("privacy", 0.5)], [0, 1, 2, 3, 4, 5], vocabulary);
    expect(label).toBe("federated learning, privacy");
  });

  it("skips a term that repeats the first one's words, and says unlabelled when there is nothing", () => {
    expect(chooseLabel([scored("image synthesis", 1), scored("synthesis", 0.9), scored("diffusion models", 0.8)], [3, 4, 5], vocabulary)).toBe(
      "image synthesis, diffusion models",
    );
    expect(chooseLabel([], [0], vocabulary)).toBe("unlabelled");
  });
});
