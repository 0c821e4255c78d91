/**
 * The topic stage's hand-off (issue 11): no module state between extraction and clustering, the build's seed reaches
 * term relevance, and every algorithm draws its own stream. Corpus: the seed listings (seeds/), read as a build does.
 */
import { describe, expect, it } from "vitest";
import { DEFAULT_OPTIONS } from "../../../src/pipeline/options";
import { clusterTopics, extractTopics } from "../../../src/pipeline/topics";
import { buildVocabulary } from "../../../src/pipeline/topics/vocabulary";
import { seedCorpus, seedTopics } from "./seed-corpus";

const { papers } = seedCorpus();
const options = { maxTopics: DEFAULT_OPTIONS.maxTopics, topicsPerPaper: DEFAULT_OPTIONS.topicsPerPaper, seed: 42 };

describe("topic stage hand-off", () => {
  // analyseTopics(papers, options), shared with the other seed-corpus tests of the worker (seed-corpus.ts).
  const { topics, analysis } = seedTopics(options.seed);

  it("clusters the same with the explicit analysis as without it, and with a copy of the papers array", () => {
    const cluster = { seed: 42, resolution: 1 };
    const withAnalysis = clusterTopics(papers, topics, { ...cluster, analysis });
    expect(clusterTopics(papers, topics, cluster)).toEqual(withAnalysis);
    expect(clusterTopics([...papers], topics, { ...cluster, analysis })).toEqual(withAnalysis);
    expect(extractTopics(papers, options)).toEqual(topics);
  });

  it("ignores an analysis of other papers instead of clustering with the wrong corpus", () => {
    const fewer = papers.slice(0, 120);
    const fewerTopics = extractTopics(fewer, options);
    const own = clusterTopics(fewer, fewerTopics, { seed: 42, resolution: 1 });
    expect(clusterTopics(fewer, fewerTopics, { seed: 42, resolution: 1, analysis })).toEqual(own);
  });

  it("lets the build's seed reach term relevance", () => {
    const relevance = (seed: number) => buildVocabulary(papers, { seed }).judged.map((j) => j.relevance);
    const seven = relevance(7);
    expect(relevance(7)).toEqual(seven);
    expect(seven).not.toEqual(relevance(42));
  });
});
