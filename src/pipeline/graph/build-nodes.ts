/**
 * The attributes of every author, paper and topic node, in node-table order (authors, then papers, then topics, each
 * by key): every attribute of the graph-file contract with its final computed values (position, size, colour,
 * communities, clusters, centralities), in one key order for every node so the written bytes are stable.
 */
import type {
  AuthorNodeAttributes,
  NodeAttributes,
  PaperNodeAttributes,
  ProfileFigures,
  SourceRef,
  TopicNodeAttributes,
} from "../../model/graph-file";
import type { ResolvedAuthor, ResolvedPaper } from "../identity/types";
import type { PaperTopic, Topic } from "../topics/types";
import type { NodeTable } from "./node-table";
import { compareStrings, round6, sortedStrings } from "./numbers";

/** The computed values of every node, by node index. */
export interface NodeValues {
  x: Float64Array;
  y: Float64Array;
  size: Float64Array;
  color: (i: number) => string;
  community: Int32Array;
  topicCluster: Int32Array;
  degree: Int32Array;
  weightedDegree: Float64Array;
  pagerank: Float64Array;
  betweenness: Float64Array;
  /** Papers per author and per topic (0 for papers). */
  paperCount: Int32Array;
  /** Resolution ladders, when built: the group per level and node index, and the stability scores. */
  ladders?: {
    communityLevels: Int32Array[];
    topicClusterLevels: Int32Array[] | null;
    /** Written on authors. */
    communityStability: Float64Array;
    /** Written on every node (null: no research-cluster ladder). */
    topicClusterStability: Float64Array | null;
  };
}

/** Ladder attributes of node i, appended after the others so older readers see the same leading fields. */
function ladderAttributes(values: NodeValues, i: number, isAuthor: boolean): Record<string, unknown> {
  const l = values.ladders;
  if (!l) return {};
  const out: Record<string, unknown> = { communityLevels: l.communityLevels.map((level) => level[i]!) };
  if (l.topicClusterLevels) out.topicClusterLevels = l.topicClusterLevels.map((level) => level[i]!);
  if (isAuthor) out.communityStability = l.communityStability[i]!;
  if (l.topicClusterStability) out.topicClusterStability = l.topicClusterStability[i]!;
  return out;
}

function common(values: NodeValues, i: number) {
  return {
    x: values.x[i]!,
    y: values.y[i]!,
    size: values.size[i]!,
    color: values.color(i),
    community: values.community[i]!,
    topicCluster: values.topicCluster[i]!,
    degree: values.degree[i]!,
    weightedDegree: values.weightedDegree[i]!,
    pagerank: values.pagerank[i]!,
    betweenness: values.betweenness[i]!,
  };
}

function copySource(s: SourceRef): SourceRef {
  return { file: s.file, line: s.line };
}

function copyProfile(p: ProfileFigures | null): ProfileFigures | null {
  if (!p) return null;
  return {
    category: p.category,
    hIndex: p.hIndex,
    papers: p.papers,
    citations: p.citations,
    novelty: p.novelty,
    aiScore: p.aiScore,
    source: copySource(p.source),
  };
}

function authorAttributes(a: ResolvedAuthor, paperCount: number, base: ReturnType<typeof common>): AuthorNodeAttributes {
  return {
    kind: "author",
    label: a.name,
    ...base,
    name: a.name,
    aliases: sortedStrings(new Set([...a.aliases, a.name])),
    paperCount,
    profile: copyProfile(a.profile),
    orcid: a.orcid,
    externalIds: [...a.externalIds],
    affiliations: [...a.affiliations],
  };
}

function paperAttributes(p: ResolvedPaper, topics: PaperTopic[], base: ReturnType<typeof common>): PaperNodeAttributes {
  return {
    kind: "paper",
    label: p.label,
    ...base,
    title: p.title,
    authors: [...p.authors],
    authorsComplete: p.authorsComplete,
    profileOwners: [...(p.profileOwners ?? [])],
    date: p.date,
    year: p.year,
    arxivId: p.arxivId,
    categories: sortedStrings(new Set(p.categories)),
    hasCode: p.hasCode,
    abstract: p.abstract,
    comment: p.comment,
    affiliation: p.affiliation,
    sources: [...p.sources].map(copySource).sort((x, y) => compareStrings(x.file, y.file) || x.line - y.line),
    topics: topics.map((t) => t.topic),
    doi: p.doi,
    pmid: p.pmid,
    externalIds: [...p.externalIds],
    venue: p.venue,
    volume: p.volume,
    issue: p.issue,
    pages: p.pages,
    publicationType: p.publicationType,
    keywords: [...p.keywords],
    indexKeywords: [...p.indexKeywords],
    meshTerms: [...p.meshTerms],
    groupAuthors: [...p.groupAuthors],
    citationCount: p.citationCount,
    referenceCount: p.referenceCount,
  };
}

function topicAttributes(t: Topic, paperCount: number, base: ReturnType<typeof common>): TopicNodeAttributes {
  return {
    kind: "topic",
    label: t.term,
    ...base,
    term: t.term,
    variants: sortedStrings(new Set(t.variants)),
    // Counted from the paper links actually drawn, so the number matches the node's "about" edges.
    paperCount,
    relevance: round6(t.relevance),
  };
}

/** Papers per author (byline entries) and per topic (paper links drawn), by node index; 0 for papers. */
export function paperCounts(nodes: NodeTable): Int32Array {
  const counts = new Int32Array(nodes.keys.length);
  for (const byline of nodes.paperAuthors) for (const a of byline) counts[a]!++;
  for (const links of nodes.paperTopics) for (const l of links) counts[nodes.index.get(l.topic)!]!++;
  return counts;
}

/**
 * Node i's attributes, made when asked (graph.json, the explorer files, a graphology copy each read them once): the
 * same object, key for key, for every reader.
 */
export function nodeAttributesAt(nodes: NodeTable, values: NodeValues, i: number): NodeAttributes {
  if (i < nodes.paperStart) {
    return { ...authorAttributes(nodes.authors[i]!, values.paperCount[i]!, common(values, i)), ...ladderAttributes(values, i, true) } as NodeAttributes;
  }
  if (i < nodes.topicStart) {
    const k = i - nodes.paperStart;
    return { ...paperAttributes(nodes.papers[k]!, nodes.paperTopics[k]!, common(values, i)), ...ladderAttributes(values, i, false) } as NodeAttributes;
  }
  return { ...topicAttributes(nodes.topics[i - nodes.topicStart]!, values.paperCount[i]!, common(values, i)), ...ladderAttributes(values, i, false) } as NodeAttributes;
}
