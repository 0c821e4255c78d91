/**
 * Topic stage: terms from titles, abstracts and keywords, and research clusters of papers by subject.
 * vocabulary.ts says which terms count, relevance.ts how general words go, extract.ts which become topics and how
 * they link, cluster.ts how papers group.
 *
 * One explicit hand-off, no module state: analyseTopics returns the topics and the analysed vocabulary; clusterTopics
 * takes that vocabulary as `analysis` so it does not tokenise the corpus again. Without it, clusterTopics analyses the
 * papers itself with the seed and thesaurus of its own options (same result, twice the tokenising).
 */
import type { StepReporter } from "../progress";
import { clusterWithVocabulary } from "./cluster";
import { selectTopics } from "./extract";
import type { TopicClusterResult, TopicInputPaper, TopicOptions, TopicResult, TopicThesaurusEntry } from "./types";
import { buildVocabulary, type Vocabulary } from "./vocabulary";

export type {
  PaperTopic,
  Topic,
  ClusterLadder,
  TopicClusterInfo,
  TopicClusterResult,
  TopicInputPaper,
  TopicNote,
  TopicOptions,
  TopicResult,
  TopicThesaurusEntry,
} from "./types";

/** What clustering needs from topic extraction: the analysed corpus (opaque to callers; pass it on as is). */
export interface TopicAnalysis {
  readonly vocabulary: Vocabulary;
}

/** Topics of the papers and the analysis clusterTopics reuses. */
export function analyseTopics(papers: TopicInputPaper[], options: TopicOptions): { topics: TopicResult; analysis: TopicAnalysis } {
  const vocabulary = buildVocabulary(papers, { seed: options.seed ?? 0, thesaurus: options.thesaurus ?? [], progress: options.progress });
  const topics = selectTopics(vocabulary, options);
  if (vocabulary.corpus.skippedLongTokens > 0) topics.skippedLongTokens = vocabulary.corpus.skippedLongTokens;
  return { topics, analysis: { vocabulary } };
}

/** Topics of the papers (analyseTopics without the analysis). */
export function extractTopics(papers: TopicInputPaper[], options: TopicOptions): TopicResult {
  return analyseTopics(papers, options).topics;
}

export interface ClusterTopicsOptions {
  seed: number;
  resolution: number;
  progress?: StepReporter;
  /** analyseTopics' analysis of these same papers; absent: the papers are analysed again. */
  analysis?: TopicAnalysis;
  /** Used only when analysing again: the thesaurus extractTopics was given. */
  thesaurus?: readonly TopicThesaurusEntry[];
}

export function clusterTopics(papers: TopicInputPaper[], topics: TopicResult, options: ClusterTopicsOptions): TopicClusterResult {
  // An analysis of other papers (a caller's slip) is not used: the papers are analysed again.
  const given = options.analysis?.vocabulary;
  const matches = given !== undefined && given.corpus.n === papers.length && papers.every((p, i) => p.key === given.corpus.keys[i]);
  const vocabulary =
    (matches ? given : undefined) ?? buildVocabulary(papers, { seed: options.seed, thesaurus: options.thesaurus ?? [], progress: options.progress });
  return clusterWithVocabulary(vocabulary, topics, options, papers.map((p) => p.title));
}
