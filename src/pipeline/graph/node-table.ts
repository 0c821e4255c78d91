/**
 * The graph stage's working model: every node as an index (authors, then papers, then topics, each in key order: the
 * order the graphology graph receives them), so that edges, communities, centralities and the layout are computed on
 * flat typed arrays and the graphology graph is built once, at the end, with final attributes. No graphology graph is
 * built or read while computing (a second graph per step cost more than the steps themselves at 100,000 papers).
 */
import type { ResolvedAuthor, ResolvedPaper } from "../identity/types";
import type { PaperTopic, Topic } from "../topics/types";
import { compareStrings } from "./numbers";
import type { GraphBuildInput } from "./types";

export const AUTHOR = 0;
export const PAPER = 1;
export const TOPIC = 2;

export interface NodeTable {
  /** Node keys in insertion order. */
  keys: string[];
  /** AUTHOR, PAPER or TOPIC per node. */
  kind: Uint8Array;
  index: Map<string, number>;
  authors: ResolvedAuthor[];
  papers: ResolvedPaper[];
  topics: Topic[];
  /** Index of the first paper and of the first topic (authors start at 0). */
  paperStart: number;
  topicStart: number;
  /** Per paper (paper i is node paperStart + i): its topic links, strongest first, ties by topic key. */
  paperTopics: PaperTopic[][];
  /** Per paper: its author node indices in byline order. */
  paperAuthors: Int32Array[];
  /** Per paper, parallel to paperAuthors: the spelling each author was read as ("" when the identity stage gave none). */
  paperSpellings: string[][];
  /** paperTopics as node indices, flat: paper i's topics are paperTopicNodes[paperTopicStart[i]..paperTopicStart[i + 1]). */
  paperTopicStart: Int32Array;
  paperTopicNodes: Int32Array;
}

const byKey = <T extends { key: string }>(items: readonly T[]): T[] => [...items].sort((a, b) => compareStrings(a.key, b.key));

/** Topic links of a paper, strongest first, ties by key (the topic stage promises the order; we do not rely on it). */
export function orderedPaperTopics(links: readonly PaperTopic[] | undefined): PaperTopic[] {
  return [...(links ?? [])].sort((a, b) => b.weight - a.weight || compareStrings(a.topic, b.topic));
}

/** From the identity and topic stages' results (what of them the table needs: the explorer's corrections make those). */
export function nodeTable(input: { identity: Pick<GraphBuildInput["identity"], "authors" | "papers">; topics: Pick<GraphBuildInput["topics"], "topics" | "paperTopics"> }): NodeTable {
  const authors = byKey(input.identity.authors);
  const papers = byKey(input.identity.papers);
  const topics = byKey(input.topics.topics);
  const n = authors.length + papers.length + topics.length;
  const keys: string[] = new Array<string>(n);
  const kind = new Uint8Array(n);
  const index = new Map<string, number>();
  let i = 0;
  for (const a of authors) {
    keys[i] = a.key;
    kind[i] = AUTHOR;
    index.set(a.key, i++);
  }
  const paperStart = i;
  for (const p of papers) {
    keys[i] = p.key;
    kind[i] = PAPER;
    index.set(p.key, i++);
  }
  const topicStart = i;
  for (const t of topics) {
    keys[i] = t.key;
    kind[i] = TOPIC;
    index.set(t.key, i++);
  }
  const paperTopics = papers.map((p) => orderedPaperTopics(input.topics.paperTopics.get(p.key)));
  const paperTopicStart = new Int32Array(papers.length + 1);
  paperTopics.forEach((links, k) => (paperTopicStart[k + 1] = paperTopicStart[k]! + links.length));
  const paperTopicNodes = new Int32Array(paperTopicStart[papers.length]!);
  paperTopics.forEach((links, k) => links.forEach((l, j) => (paperTopicNodes[paperTopicStart[k]! + j] = index.get(l.topic)!)));
  return {
    keys,
    kind,
    index,
    authors,
    papers,
    topics,
    paperStart,
    topicStart,
    paperTopics,
    paperAuthors: papers.map((p) => Int32Array.from(p.authors, (a) => index.get(a)!)),
    paperSpellings: papers.map((p) => p.authors.map((_, j) => p.authorSpellings?.[j] ?? "")),
    paperTopicStart,
    paperTopicNodes,
  };
}
