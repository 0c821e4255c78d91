/**
 * The graph-file contract: public/data/graph.json is graphology's serialized form (`graph.export()`),
 * so `Graph.from(json)` loads it anywhere. These types describe the attributes papergraph writes and the
 * app, the exporters and other tools may rely on. Imports nothing of ours.
 *
 * Bump FORMAT_VERSION on any change that breaks a reader; document every field in README.md.
 */

export const FORMAT_VERSION = 1;

export type NodeKind = "author" | "paper" | "topic";
/**
 * "coauthor-large": two authors whose only joint papers have more than `coauthorMaxAuthors` authors (graph attribute
 * `largePapers`). Kept apart from "coauthor" so communities, centrality and the layout ignore such weak ties, while the
 * explorer can still draw them on demand (ViewFilter.includeLargePapers).
 */
export type EdgeKind = "authored" | "coauthor" | "coauthor-large" | "about" | "related";

export interface SourceRef {
  /** Input file as given on the command line, relative to the working directory, with "/" separators. */
  file: string;
  /** 1-based line where the record starts. */
  line: number;
}

/** Attributes every node carries. `type` is left to sigma's renderers: we never write it. */
export interface BaseNodeAttributes {
  kind: NodeKind;
  label: string;
  x: number;
  y: number;
  size: number;
  color: string;
  /** Louvain community on the co-authorship structure; -1 for topics and papers without authors. Authors without co-author edges share one "No co-author links" community. */
  community: number;
  /** Research cluster by subject (-1 when unknown). */
  topicCluster: number;
  /** Incident edges of every kind. */
  degree: number;
  weightedDegree: number;
  /** Weighted PageRank on the whole graph read as undirected, divided by the maximum (0..1). */
  pagerank: number;
  /** Hop-count betweenness on the whole graph read as undirected (exact or sampled, see graph attribute), divided by the maximum (0..1). */
  betweenness: number;
  // Resolution ladders (graph attributes `communityLadder`, `topicClusterLadder`; absent in files of older builds).
  /** Co-author community at every level of `communityLadder` (index = level; the default level equals `community`). */
  communityLevels?: number[];
  /** Research cluster at every level of `topicClusterLadder` (the default level equals `topicCluster`). */
  topicClusterLevels?: number[];
  /** Authors: how much they keep the same co-authors as community-mates across levels and seeds, 0..1 (README). */
  communityStability?: number;
  /** Papers: the same over their most similar papers and research clusters; authors and topics: mean of their papers'. */
  topicClusterStability?: number;
}

export interface ProfileFigures {
  /** Category shown under the name on the profile page, e.g. "IV". */
  category: string | null;
  hIndex: number | null;
  papers: number | null;
  citations: number | null;
  /** Percent, 0..100. */
  novelty: number | null;
  aiScore: number | null;
  source: SourceRef;
}

export interface AuthorNodeAttributes extends BaseNodeAttributes {
  kind: "author";
  /** Display form: the fullest, most frequent spelling, with diacritics. */
  name: string;
  /** Every spelling read, the display form included, sorted. */
  aliases: string[];
  paperCount: number;
  /** Figures from a profile page whose header names this person, else null. */
  profile: ProfileFigures | null;
  // Written since the export readers (absent in files of older builds, so readers treat a missing field as empty).
  /** ORCID iD ("0000-0002-1825-0097") when a source gave one, else null. */
  orcid?: string | null;
  /** Source author ids with their namespace ("openalex:A5023888391", "s2:1741101", "scopus:57203512345"), sorted. */
  externalIds?: string[];
  /** Affiliations printed for this person, most frequent first. */
  affiliations?: string[];
}

export interface PaperNodeAttributes extends BaseNodeAttributes {
  kind: "paper";
  title: string | null;
  /** Author node keys in byline order. */
  authors: string[];
  /** False when every source cut the byline with "et al.". */
  authorsComplete: boolean;
  /** "YYYY-MM-DD", "YYYY-MM" or null. */
  date: string | null;
  year: number | null;
  arxivId: string | null;
  /** Category codes as read ("CV", "MED-PH"), sorted; names in the graph attribute `categoryNames`. */
  categories: string[];
  hasCode: boolean;
  abstract: string | null;
  /** Free-text comment of an arXiv record ("20 pages", "accepted to CVPR 2023"), else null. */
  comment: string | null;
  /** Affiliation shown after the byline ("eth-zurich"), else null. */
  affiliation: string | null;
  /** Every place the paper was read. */
  sources: SourceRef[];
  /** Topic node keys, strongest first. */
  topics: string[];
  // Written since the export readers (absent in files of older builds, so readers treat a missing field as empty).
  /** Lower case, no URL prefix ("10.1038/s41586-020-2649-2"), else null. */
  doi?: string | null;
  pmid?: string | null;
  /** Ids of other catalogues ("openalex:W2741809807", "s2:<40 hex>", "wos:WOS:000268997100006", "scopus:2-s2.0-…"), sorted. */
  externalIds?: string[];
  /** Journal, proceedings or container title. */
  venue?: string | null;
  volume?: string | null;
  issue?: string | null;
  pages?: string | null;
  /** Publication type as the source names it ("article", "Journal Article"). */
  publicationType?: string | null;
  /** Author keywords as printed, de-duplicated case-insensitively. */
  keywords?: string[];
  /** Indexer keywords (Keywords Plus, Scopus index keywords, OpenAlex topics/concepts). */
  indexKeywords?: string[];
  /** MeSH headings. */
  meshTerms?: string[];
  /** Organisations given as authors (consortia, study groups); never author nodes. */
  groupAuthors?: string[];
  /**
   * Authors appended after the byline because the paper is listed on their profile page while the byline read lacks
   * them (cut by "et al." or incomplete); they are also in `authors`, last. Absent in older files.
   */
  profileOwners?: string[];
  /** The largest citation count any source stated, else null. */
  citationCount?: number | null;
  /** Number of cited references the sources listed (the references themselves are not in the graph yet). */
  referenceCount?: number;
}

export interface TopicNodeAttributes extends BaseNodeAttributes {
  kind: "topic";
  term: string;
  /** Surface forms unified into this term (plural, hyphenation, acronym, case). */
  variants: string[];
  /** Papers linked to it by an `about` edge. */
  paperCount: number;
  /** Relevance score used to keep the term (higher is more specific). */
  relevance: number;
}

export type NodeAttributes = AuthorNodeAttributes | PaperNodeAttributes | TopicNodeAttributes;

export interface EdgeAttributes {
  kind: EdgeKind;
  /**
   * authored: 1; coauthor: joint papers with at most `coauthorMaxAuthors` authors; coauthor-large: joint papers above
   * that cut; about: term weight in the paper; related: co-occurrence strength.
   */
  weight: number;
  /** coauthor edges only: joint papers above the cut as well (absent when none), counted when large papers are shown. */
  largePapers?: number;
  /**
   * coauthor and coauthor-large edges: year of the first dated joint paper counted in `weight` (null: none dated), and
   * those papers per year, "2019:1,2021:2" (years ascending; undated papers are `weight` minus the sum), left out when
   * all `weight` papers are of `firstYear` (read both with model/collaboration.ts yearWeightsOf). Absent in older files.
   */
  firstYear?: number | null;
  yearWeights?: string;
  /**
   * authored edges: the spelling the paper's byline used for the person, when it is not their display name (`name`);
   * absent means the name (so people with one spelling never carry it). Absent in older files. Splitting a person in
   * the explorer moves papers by it.
   */
  as?: string;
  size: number;
  color: string;
}

export interface ClusterInfo {
  label: string;
  size: number;
  /** Most distinctive terms, strongest first. */
  terms: string[];
  color: string;
  /** Research clusters: the same terms with their distinctiveness in the cluster (p_c ln(p_c / p)), strongest first. */
  termWeights?: { term: string; weight: number }[];
  /** Research clusters: keys of the papers most typical of the cluster (nearest its centroid), most typical first. */
  typicalPapers?: string[];
  /** The shared bucket of authors without co-author links (communities only; absent in older files). */
  noLinks?: boolean;
  /**
   * Palette slot of the group's colour (levels of a ladder only: colours follow a group across levels, so they are not
   * the size rank); >= the palette's length: the shared "smaller groups" colour.
   */
  paletteRank?: number;
}

/** One partition of a resolution ladder. */
export interface PartitionLevel {
  resolution: number;
  /** Modularity of the level's partition at its own resolution. */
  modularity: number;
  /** Groups at this level (the "No co-author links" bucket included). */
  count: number;
  /** id -> group, as `communities` / `topicClusters` (with `paletteRank`); absent on the default level, whose table is those. */
  groups?: Record<string, ClusterInfo>;
}

/** The same partition at several resolutions (README "Resolution ladders"). */
export interface PartitionLadder {
  /** Index of the build's own partition (the nodes' `community` / `topicCluster`). */
  default: number;
  levels: PartitionLevel[];
  /** Runs at the default resolution with other seeds that the stability scores compare too. */
  stabilitySeeds: number;
}

/** One automatic decision of identity resolution about people, as data for a review (README "Identity review"). */
export interface IdentityDecision {
  /** Author node key(s): the person (a merge), or the two people kept apart. */
  keys: string[];
  /** Spellings on each side: what was joined (merge) or kept apart. */
  sides: string[][];
  /**
   * What decided: "variant" (same name up to case, diacritics, hyphens, dots), "profile" (a profile page's person),
   * "author-id" (same ORCID or source author id), "name" (names alone), "context" (context weighed against the name
   * difference), "thesaurus" (a thesaurus line); kept apart: "context" (too little context) or "conflict" (a rule forbade it).
   */
  basis: "variant" | "profile" | "author-id" | "name" | "context" | "thesaurus" | "conflict";
  /** Evidence in words, each with the weight it added to the context (0 for name differences and verdicts). */
  evidence: { text: string; weight: number }[];
  /** Context needed (the name difference's penalty) and context found, when weighed. */
  penalty: number | null;
  context: number | null;
  /** 0..1, 1 most doubtful: 1 - |context - penalty| / (context + penalty) when weighed, else 0. */
  doubt: number;
  /** The thesaurus can undo it (a split can separate the sides; a merge can join them). */
  correctable: boolean;
}

export interface IdentityReview {
  merges: IdentityDecision[];
  keptApart: IdentityDecision[];
  /** The person lines of the thesaurus the build used, in file order (so an exported thesaurus keeps them). */
  thesaurus: { action: "merge" | "split" | "rename"; names: string[] }[];
  /** Its topic lines (merge-topic, drop-topic), kept verbatim for the same reason. */
  topicThesaurus: { action: "merge-topic" | "drop-topic"; terms: string[] }[];
}

/** Papers whose co-author links are kept apart (`coauthor-large` edges and `largePapers` on `coauthor` edges). */
export interface LargePapers {
  /** The cut: papers with more than this many authors (the build option coauthorMaxAuthors; 0 = no cut). */
  maxAuthors: number;
  /** Keys of those papers, sorted. */
  papers: string[];
  /** Author pairs linked only through them (the `coauthor-large` edges). */
  pairs: number;
}

export interface SourceSummary {
  file: string;
  /** Detected format id, or null when the file could not be read as any format. */
  format: string | null;
  records: number;
  diagnostics: Diagnostic[];
}

export interface Diagnostic {
  file: string;
  line: number;
  severity: "error" | "warning";
  message: string;
}

export interface GraphAttributes {
  formatVersion: number;
  generator: string;
  seed: number;
  /** Options the build ran with (resolved, so a build can be repeated). */
  options: Record<string, unknown>;
  sources: SourceSummary[];
  communities: Record<string, ClusterInfo>;
  topicClusters: Record<string, ClusterInfo>;
  modularity: number;
  /** "exact" or "sampled:K" (K source nodes). */
  betweenness: string;
  /** Category code -> readable name, for the codes present. */
  categoryNames: Record<string, string>;
  counts: { authors: number; papers: number; topics: number; edges: number };
  /** Papers kept out of the co-author network for their size (absent in older files: treat as none). */
  largePapers?: LargePapers;
  /** Resolution ladders of the co-author communities and of the research clusters (absent in older files). */
  communityLadder?: PartitionLadder;
  topicClusterLadder?: PartitionLadder;
  /** Identity decisions about people, for review and correction (absent in older files). */
  identityReview?: IdentityReview;
}

export interface SerializedNode<A> {
  key: string;
  attributes: A;
}

export interface SerializedEdge {
  key?: string;
  source: string;
  target: string;
  attributes: EdgeAttributes;
  undirected?: boolean;
}

/** graphology's SerializedGraph narrowed to our attributes. */
export interface GraphFile {
  options: { type: "mixed" | "directed" | "undirected"; multi: boolean; allowSelfLoops: boolean };
  attributes: GraphAttributes;
  nodes: SerializedNode<NodeAttributes>[];
  edges: SerializedEdge[];
}
