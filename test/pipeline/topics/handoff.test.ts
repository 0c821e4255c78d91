/**
 * The topic stage's hand-off (issue 11): no module state between extraction and clustering, the build's seed reaches
 * term relevance, and every algorithm draws its own stream. Corpus: the seed listings (seeds/), read as a build does.
 */
import { describe, expect, it } from "vitest";
import { DEFAULT_OPTIONS } from "../../../src/pipeline/options";
import { analyseTopics, clusterTopics, extractTopics } from "../../../src/pipeline/topics";
import { buildVocabulary } from "../../../src/pipeline/topics/vocabulary";
import { readSeedCorpus } from "./seed-corpus";

const { papers } = readSeedCorpus();
const options = { maxTopics: DEFAULT_OPTIONS.maxTopics, topicsPerPaper: DEFAULT_OPTIONS.topicsPerPaper, seed: 42 };

describe("topic stage hand-off", () => {
  const { topics, analysis } = analyseTopics(papers, options);

  it("clusters the same with the explicit analysis as without it, and with a copy of the papers array", () => {
    const cluster = { seed: 42, resolution: 1 };
    const withAnalysis = clusterTopics(papers, topics, { ...cluster, analysis });
    expect(clusterTopics(papers, topics, cluster)).toEqual(withAnalysis);
    expect(clusterTopics([...papers], topics, { ...cluster, analysis })).toEqual(withAnalysis);
    expect(extractTopics(papers, options)).toEqual(topics);
  });

  it("ignores an analysis of other papers instead of clustering with the wrong corpus", () => {
    const fewer = papers.slice(0, 120);
    const own = clusterTopics(fewer, extractTopics(fewer, options), { seed: 42, resolution: 1 });
    expect(clusterTopics(fewer, extractTopics(fewer, options), { seed: 42, resolution: 1, analysis })).toEqual(own);
  });

  it("lets the build's seed reach term relevance", () => {
    const relevance = (seed: number) => buildVocabulary(papers, { seed }).judged.map((j) => j.relevance);
    expect(relevance(7)).toEqual(relevance(7));
    expect(relevance(7)).not.toEqual(relevance(42));
  });
});
