/**
 * Word families of the clustering vocabulary (src/pipeline/topics/families.ts): an adjective in -able/-ible and its
 * quality noun, and "X AI" with X, are one subject; nothing else is merged.
 */
import { describe, expect, it } from "vitest";
import { wordFamilies } from "../../../src/pipeline/topics/families";
import { analyseCorpus } from "../../../src/pipeline/topics/terms";
import { seedTopics } from "./seed-corpus";
import { clusterVocabulary, clusterVocabularySize } from "../../../src/pipeline/topics/cluster";

describe("wordFamilies", () => {
  const papers = [
    "Explainable AI for segmentation. Explainability matters.",
    "Explainable models and explainable artificial intelligence (AI) in radiology.",
    "Interpretable networks. Interpretability of networks.",
    "Generative models. Generation of images. General models.",
    "Fair models. Fairness of models.",
  ].map((abstract, i) => ({ key: `p${i}`, title: null, abstract }));
  const corpus = analyseCorpus(papers);
  const families = wordFamilies(corpus.terms);
  const family = (key: string) => {
    const t = corpus.terms.find((x) => x.key === key)!;
    const head = families.get(t.gid);
    return head === undefined ? null : corpus.byGid.get(head)!.key;
  };

  it("joins an -able adjective, its -ability noun and the adjective's AI to the noun", () => {
    expect(family("t:explainable")).toBe("t:explainability");
    expect(family("t:explainability")).toBe("t:explainability");
    expect(family("t:explainable artificial intelligence")).toBe("t:explainability");
    expect(family("t:interpretable")).toBe("t:interpretability");
  });

  it("merges no Porter-stem relatives and no other suffix", () => {
    for (const key of ["t:generative", "t:generation", "t:general", "t:fairness", "t:fair"]) expect(family(key), key).toBeNull();
  });

  it("on the seeds, merges only the -able/-ability pairs and two AIs", () => {
    const { topics, analysis } = seedTopics(42);
    const { corpus: seeds } = analysis.vocabulary;
    const ids = clusterVocabulary(analysis.vocabulary, clusterVocabularySize(seeds.n, topics.topics.length));
    const merged = wordFamilies([...ids.keys()].map((gid) => seeds.byGid.get(gid)!));
    const groups = new Map<string, string[]>();
    for (const [gid, head] of merged) groups.set(head, [...(groups.get(head) ?? []), seeds.byGid.get(gid)!.key.slice(2)]);
    const listed = [...groups.values()].map((g) => g.sort().join(" + ")).sort();
    expect(listed).toEqual([
      "explainability + explainable + explainable artificial intelligence",
      "generalizability + generalizable",
      "interpretability + interpretable",
      "scalability + scalable",
      "trustworthy + trustworthy artificial intelligence",
    ]);
  });
});
