/**
 * The real seed corpus as the topic stage sees it in a build: the five listings in seeds/ (copied verbatim from the
 * project brief) read by the format readers and de-duplicated by the identity stage, exactly as runPipeline does.
 *
 * seedCorpus, seedTopics and seedClusters are memoised per worker (the unit project shares modules between files) and
 * read-only (test/fixtures/read-only.ts): several files look at the same topics and clusters of the seeds, each
 * analysis takes about a second of CPU.
 */
import { readFileSync, readdirSync } from "node:fs";
import { readDocument } from "../../../src/pipeline/formats";
import { resolveIdentity } from "../../../src/pipeline/identity";
import { DEFAULT_OPTIONS } from "../../../src/pipeline/options";
import { analyseTopics, clusterTopics, type TopicAnalysis } from "../../../src/pipeline/topics";
import type { TopicClusterResult, TopicInputPaper, TopicResult } from "../../../src/pipeline/topics/types";
import { deepFreeze } from "../../fixtures/read-only";

const SEEDS = new URL("../../../seeds/", import.meta.url);

/** A fresh read of the corpus (for tests that compare against a second, independent run). */
export function readSeedCorpus(): { papers: TopicInputPaper[]; records: number } {
  const documents = readdirSync(SEEDS)
    .filter((f) => f.endsWith(".txt"))
    .sort()
    .map((name) => readDocument({ file: `seeds/${name}`, text: readFileSync(new URL(name, SEEDS), "utf8") }));
  const identity = resolveIdentity(documents, {});
  return {
    papers: identity.papers.map((p) => ({ key: p.key, title: p.title, abstract: p.abstract })),
    records: documents.reduce((n, d) => n + d.records.length, 0),
  };
}

let corpus: { papers: TopicInputPaper[]; records: number } | null = null;
const topicsBySeed = new Map<number, { topics: TopicResult; analysis: TopicAnalysis }>();
const clustersByRun = new Map<string, TopicClusterResult>();

/** The corpus, read once per worker (read-only). */
export function seedCorpus(): { papers: TopicInputPaper[]; records: number } {
  corpus ??= deepFreeze(readSeedCorpus());
  return corpus;
}

/** analyseTopics of the corpus at the default maxTopics and topicsPerPaper with this seed (read-only). */
export function seedTopics(seed: number): { topics: TopicResult; analysis: TopicAnalysis } {
  let run = topicsBySeed.get(seed);
  if (!run) {
    run = deepFreeze(analyseTopics(seedCorpus().papers, { maxTopics: DEFAULT_OPTIONS.maxTopics, topicsPerPaper: DEFAULT_OPTIONS.topicsPerPaper, seed }));
    topicsBySeed.set(seed, run);
  }
  return run;
}

/** clusterTopics of seedTopics(seed) at this resolution, from its analysis as a build does (read-only). */
export function seedClusters(seed: number, resolution: number): TopicClusterResult {
  const key = `${seed}:${resolution}`;
  let clusters = clustersByRun.get(key);
  if (!clusters) {
    const { topics, analysis } = seedTopics(seed);
    clusters = deepFreeze(clusterTopics(seedCorpus().papers, topics, { seed, resolution, analysis }));
    clustersByRun.set(key, clusters);
  }
  return clusters;
}
