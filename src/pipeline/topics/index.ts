/**
 * Topic stage: terms from titles and abstracts, and research clusters of papers by subject.
 * vocabulary.ts says which terms count, relevance.ts how general words go, extract.ts which become topics and how
 * they link, cluster.ts how papers group.
 */
import { clusterWithVocabulary } from "./cluster";
import type { StepReporter } from "../progress";
import { selectTopics } from "./extract";
import type { TopicClusterResult, TopicInputPaper, TopicResult } from "./types";
import { buildVocabulary, type Vocabulary } from "./vocabulary";

export type { PaperTopic, Topic, TopicClusterInfo, TopicClusterResult, TopicInputPaper, TopicResult } from "./types";

/**
 * The vocabulary behind each result, so clusterTopics on the same papers does not tokenise the corpus again. Keyed
 * weakly by the result; used only when clusterTopics receives the very same papers array.
 */
const analysed = new WeakMap<TopicResult, { papers: TopicInputPaper[]; vocabulary: Vocabulary }>();

export function extractTopics(
  papers: TopicInputPaper[],
  options: { maxTopics: number; topicsPerPaper: number; progress?: StepReporter },
): TopicResult {
  const vocabulary = buildVocabulary(papers, options.progress);
  const result = selectTopics(vocabulary, options);
  if (vocabulary.corpus.skippedLongTokens > 0) result.skippedLongTokens = vocabulary.corpus.skippedLongTokens;
  analysed.set(result, { papers, vocabulary });
  return result;
}

export function clusterTopics(
  papers: TopicInputPaper[],
  topics: TopicResult,
  options: { seed: number; resolution: number; progress?: StepReporter },
): TopicClusterResult {
  const cached = analysed.get(topics);
  const vocabulary = cached && cached.papers === papers ? cached.vocabulary : buildVocabulary(papers, options.progress);
  return clusterWithVocabulary(vocabulary, topics, options);
}
