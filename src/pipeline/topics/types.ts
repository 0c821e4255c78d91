/** What topic extraction hands to the graph stage. */

export interface TopicInputPaper {
  key: string;
  title: string | null;
  abstract: string | null;
}

export interface Topic {
  /** Stable node key, "t:" + normalised term (e.g. "t:federated learning"). */
  key: string;
  /** Display form (most frequent surface form; acronyms keep their capitals). */
  term: string;
  /** Surface forms unified into it, sorted. */
  variants: string[];
  paperCount: number;
  /** Relevance score used to keep it (higher is more specific). */
  relevance: number;
}

export interface PaperTopic {
  topic: string;
  weight: number;
}

export interface TopicResult {
  /** Kept topics, sorted by key. */
  topics: Topic[];
  /** Paper key -> its topics, strongest first. Papers without any kept term map to []. */
  paperTopics: Map<string, PaperTopic[]>;
  /** Topic-topic co-occurrence links, source < target, sorted. */
  related: { source: string; target: string; weight: number }[];
  /** Words longer than any real word (MAX_TOKEN_LENGTH in tokens.ts), skipped before stemming; reported by the CLI. */
  skippedLongTokens?: number;
}

export interface TopicClusterInfo {
  id: number;
  label: string;
  size: number;
  terms: string[];
}

export interface TopicClusterResult {
  /** Paper key -> cluster id (-1 for papers without any clustering term, or similar to no other paper). */
  paperCluster: Map<string, number>;
  /** Topic key -> cluster id. */
  topicCluster: Map<string, number>;
  clusters: TopicClusterInfo[];
}
