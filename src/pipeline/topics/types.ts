/** What topic extraction hands to the graph stage. */
import type { StepReporter } from "../progress";

export interface TopicInputPaper {
  key: string;
  title: string | null;
  abstract: string | null;
  /** Author keywords as printed (WoS DE, Scopus author keywords, BibTeX/RIS/CSL keywords). */
  keywords?: readonly string[];
  /** Indexer terms: Keywords Plus, Scopus index keywords, OpenAlex topics/concepts, Semantic Scholar fields of study. */
  indexKeywords?: readonly string[];
  /** MeSH headings, kept as given (qualifiers after "/" and "*" markers are removed). */
  meshTerms?: readonly string[];
}

/** Thesaurus lines about topics (identity/thesaurus.ts parses them): `merge-topic` and `drop-topic`. */
export interface TopicThesaurusEntry {
  action: "merge-topic" | "drop-topic";
  /** merge-topic: the term to show first, then the terms it absorbs; drop-topic: the terms that are no topic. */
  terms: string[];
  source: { file: string; line: number };
}

export interface TopicOptions {
  maxTopics: number;
  topicsPerPaper: number;
  progress?: StepReporter;
  /** Seeds the term clustering behind relevance (one stream per algorithm); default 0. */
  seed?: number;
  thesaurus?: readonly TopicThesaurusEntry[];
}

/** A thesaurus line that found nothing to act on, or contradicts another (a warning for the user). */
export interface TopicNote {
  file: string;
  line: number;
  severity: "warning";
  message: string;
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
  /** Thesaurus lines that matched no term of the corpus, and the like (absent: none). */
  notes?: TopicNote[];
  /** Words longer than any real word (MAX_TOKEN_LENGTH in tokens.ts), skipped before stemming; reported by the CLI. */
  skippedLongTokens?: number;
}

export interface TopicClusterInfo {
  id: number;
  label: string;
  size: number;
  /** Most distinctive terms, strongest first (the display forms of termWeights). */
  terms: string[];
  /** The same terms with their distinctiveness in the cluster (p_c ln(p_c / p), cluster.ts), rounded; always set by cluster.ts. */
  termWeights?: { term: string; weight: number }[];
  /** Keys of the papers most typical of the cluster (nearest its centroid), most typical first; always set by cluster.ts. */
  typicalPapers?: string[];
}

/** The research clusters at every resolution of the ladder (src/pipeline/levels.ts), ids aligned across levels. */
export interface ClusterLadder {
  default: number;
  stabilitySeeds: number;
  levels: {
    resolution: number;
    modularity: number;
    /** The default level's are `clusters`; the others carry label, size and up to three terms. */
    clusters: TopicClusterInfo[];
    paperCluster: Map<string, number>;
    topicCluster: Map<string, number>;
  }[];
  /** Paper key -> stability (levels.ts stabilityScores over the similarity graph), 0..1. */
  paperStability: Map<string, number>;
}

export interface TopicClusterResult {
  /** Paper key -> cluster id (-1 for papers without any clustering term, or similar to no other paper). */
  paperCluster: Map<string, number>;
  /** Topic key -> cluster id. */
  topicCluster: Map<string, number>;
  clusters: TopicClusterInfo[];
  /** The same clustering at the resolutions of the ladder (absent from results made without it). */
  ladder?: ClusterLadder;
}
