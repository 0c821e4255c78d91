/**
 * Adds one node per author, paper and topic, in key order (authors, then papers, then topics), each with every
 * attribute of the graph-file contract. Attributes computed later (position, size, colour, communities, clusters,
 * centralities) start as placeholders so every node object has the same key order and export() bytes are stable.
 */
import type {
  AuthorNodeAttributes,
  PaperNodeAttributes,
  ProfileFigures,
  SourceRef,
  TopicNodeAttributes,
} from "../../model/graph-file";
import type { ResolvedAuthor, ResolvedPaper } from "../identity/types";
import type { PaperTopic, Topic } from "../topics/types";
import { compareStrings, round6, sortedStrings } from "./numbers";
import type { GraphBuildInput, PaperGraph } from "./types";

function placeholders() {
  return {
    x: 0,
    y: 0,
    size: 0,
    color: "",
    community: -1,
    topicCluster: -1,
    degree: 0,
    weightedDegree: 0,
    pagerank: 0,
    betweenness: 0,
  };
}

const byKey = <T extends { key: string }>(items: readonly T[]): T[] => [...items].sort((a, b) => compareStrings(a.key, b.key));

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

/** Topic links of a paper, strongest first, ties by key (the topic stage promises the order; we do not rely on it). */
export function orderedPaperTopics(links: readonly PaperTopic[] | undefined): PaperTopic[] {
  return [...(links ?? [])].sort((a, b) => b.weight - a.weight || compareStrings(a.topic, b.topic));
}

function authorAttributes(a: ResolvedAuthor, paperCount: number): AuthorNodeAttributes {
  return {
    kind: "author",
    label: a.name,
    ...placeholders(),
    name: a.name,
    aliases: sortedStrings(new Set([...a.aliases, a.name])),
    paperCount,
    profile: copyProfile(a.profile),
    orcid: a.orcid,
    externalIds: [...a.externalIds],
    affiliations: [...a.affiliations],
  };
}

function paperAttributes(p: ResolvedPaper, topics: PaperTopic[]): PaperNodeAttributes {
  return {
    kind: "paper",
    label: p.label,
    ...placeholders(),
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

function topicAttributes(t: Topic, paperCount: number): TopicNodeAttributes {
  return {
    kind: "topic",
    label: t.term,
    ...placeholders(),
    term: t.term,
    variants: sortedStrings(new Set(t.variants)),
    // Counted from the paper links actually drawn, so the number matches the node's "about" edges.
    paperCount,
    relevance: round6(t.relevance),
  };
}

export function addNodes(graph: PaperGraph, input: GraphBuildInput): void {
  const authorPapers = new Map<string, number>();
  for (const p of input.identity.papers) for (const a of p.authors) authorPapers.set(a, (authorPapers.get(a) ?? 0) + 1);
  const topicPapers = new Map<string, number>();
  for (const links of input.topics.paperTopics.values()) {
    for (const l of links) topicPapers.set(l.topic, (topicPapers.get(l.topic) ?? 0) + 1);
  }

  for (const a of byKey(input.identity.authors)) graph.addNode(a.key, authorAttributes(a, authorPapers.get(a.key) ?? 0));
  for (const p of byKey(input.identity.papers)) {
    graph.addNode(p.key, paperAttributes(p, orderedPaperTopics(input.topics.paperTopics.get(p.key))));
  }
  for (const t of byKey(input.topics.topics)) graph.addNode(t.key, topicAttributes(t, topicPapers.get(t.key) ?? 0));
}
