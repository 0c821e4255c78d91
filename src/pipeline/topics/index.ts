/**
 * Topic stage: terms from titles, abstracts and keywords, and research clusters of papers by subject.
 * vocabulary.ts says which terms count, relevance.ts how general words go, extract.ts which become topics and how
 * they link, cluster.ts how papers group.
 */
import type { StepReporter } from "../progress";
import { clusterWithVocabulary } from "./cluster";
import { selectTopics } from "./extract";
import type { TopicClusterResult, TopicInputPaper, TopicOptions, TopicResult } from "./types";
import { buildVocabulary, type Vocabulary, type VocabularyOptions } from "./vocabulary";

export type {
  PaperTopic,
  Topic,
  TopicClusterInfo,
  TopicClusterResult,
  TopicInputPaper,
  TopicNote,
  TopicOptions,
  TopicResult,
  TopicThesaurusEntry,
} from "./types";

/**
 * The vocabulary behind each result, so clusterTopics on the same papers does not tokenise the corpus again. Keyed
 * weakly by the result; used only when clusterTopics receives the very same papers array (otherwise the vocabulary is
 * built again with the options the result was made with).
 */
const analysed = new WeakMap<TopicResult, { papers: TopicInputPaper[]; vocabulary: Vocabulary; options: VocabularyOptions }>();

export function extractTopics(papers: TopicInputPaper[], options: TopicOptions): TopicResult {
  const vocabularyOptions: VocabularyOptions = { seed: options.seed ?? 0, thesaurus: options.thesaurus ?? [] };
  const vocabulary = buildVocabulary(papers, { ...vocabularyOptions, progress: options.progress });
  const result = selectTopics(vocabulary, options);
  if (vocabulary.corpus.skippedLongTokens > 0) result.skippedLongTokens = vocabulary.corpus.skippedLongTokens;
  analysed.set(result, { papers, vocabulary, options: vocabularyOptions });
  return result;
}

export function clusterTopics(
  papers: TopicInputPaper[],
  topics: TopicResult,
  options: { seed: number; resolution: number; progress?: StepReporter },
): TopicClusterResult {
  const cached = analysed.get(topics);
  const vocabulary =
    cached && cached.papers === papers
      ? cached.vocabulary
      : buildVocabulary(papers, { ...(cached?.options ?? { seed: options.seed }), progress: options.progress });
  return clusterWithVocabulary(vocabulary, topics, options);
}
