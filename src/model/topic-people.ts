/**
 * Topic to people: who works on a topic, a research cluster, or the topics a free-text query names, by fractional
 * counting. For a paper p with authors A(p) (its `authors` attribute, n_p = |A(p)|) and a topic weight w_p:
 *
 *   score(a) = sum over the papers p of a with w_p > 0 of w_p / n_p
 *
 * - a topic t: w_p = the weight of p's `about` edge to t (the term's weight in the paper, its strongest term 1);
 * - a free-text query: the topics whose term or a variant contains the query at a word start (case, diacritics and
 *   hyphens ignored); w_p = the largest weight of p's `about` edges to them (a paper is not counted twice for two
 *   spellings of one subject);
 * - a research cluster c (at a level of the ladder): w_p = 1 for the papers in c.
 * Each paper's weight is shared equally among its authors, so a 20-author paper gives each 1/20 and a single-author
 * paper gives its author all of it. Also per person: the papers counted, the years they span, their community.
 * Ranked by score, then papers, then name and key (code-unit order). Linear in the graph's edges per query.
 */
import type { ClusterInfo, GraphAttributes } from "./graph-file";
import { groupAtLevel, levelTable } from "./levels";
import { compareStrings } from "./compare";

export type PeopleQuery = { topic: string } | { cluster: number; level?: number } | { text: string };

/** What the ranking reads of a graph (graphology satisfies it). */
export interface PeopleGraph {
  getAttributes(): unknown;
  hasNode(key: string): boolean;
  getNodeAttributes(key: string): unknown;
  forEachNode(cb: (key: string, attributes: Record<string, unknown>) => void): void;
  forEachEdge(cb: (key: string, attributes: Record<string, unknown>, source: string, target: string) => void): void;
}

export interface PersonOnTopic {
  key: string;
  name: string;
  /** Fractional count (see the file comment). */
  score: number;
  /** Papers of theirs counted (w_p > 0). */
  papers: number;
  /** Years of those papers (null when none is dated). */
  firstYear: number | null;
  lastYear: number | null;
  community: number;
  communityLabel: string | null;
}

export interface PeopleRanking {
  /** Topic keys the query matched (a topic query: itself, when it is a topic; a cluster: none). */
  topics: string[];
  /** Papers with a weight. */
  papers: number;
  people: PersonOnTopic[];
}

/** Case, diacritics, hyphens and spacing folded away. */
export function foldText(s: string): string {
  return s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/[-\s]+/g, " ").trim();
}

/** Topic keys whose term or a variant contains the query at a word start. */
export function topicsMatching(graph: PeopleGraph, text: string): string[] {
  const q = foldText(text);
  if (!q) return [];
  const out: string[] = [];
  graph.forEachNode((key, a) => {
    if (a.kind !== "topic") return;
    const forms = [a.term, a.label, ...(Array.isArray(a.variants) ? a.variants : [])].filter((x): x is string => typeof x === "string");
    if (forms.some((f) => (" " + foldText(f)).includes(" " + q))) out.push(key);
  });
  return out.sort(compareStrings);
}

/** Paper key -> weight w_p for the query. */
function paperWeights(graph: PeopleGraph, query: PeopleQuery): { weights: Map<string, number>; topics: string[] } {
  const weights = new Map<string, number>();
  if ("cluster" in query) {
    const level = query.level;
    graph.forEachNode((key, a) => {
      if (a.kind !== "paper") return;
      const c = level === undefined ? a.topicCluster : groupAtLevel(a, "topicCluster", level);
      if (c === query.cluster) weights.set(key, 1);
    });
    return { weights, topics: [] };
  }
  const topics = "topic" in query ? (graph.hasNode(query.topic) ? [query.topic] : []) : topicsMatching(graph, query.text);
  const wanted = new Set(topics);
  graph.forEachEdge((_key, a, source, target) => {
    if (a.kind !== "about" || !wanted.has(target) || typeof a.weight !== "number" || !(a.weight > 0)) return;
    weights.set(source, Math.max(weights.get(source) ?? 0, a.weight));
  });
  return { weights, topics };
}

export function peopleOnTopic(graph: PeopleGraph, query: PeopleQuery, options: { communityLevel?: number } = {}): PeopleRanking {
  const { weights, topics } = paperWeights(graph, query);
  const people = new Map<string, { score: number; papers: number; first: number | null; last: number | null }>();
  for (const [paper, w] of weights) {
    const p = graph.getNodeAttributes(paper) as Record<string, unknown>;
    const authors = (Array.isArray(p.authors) ? p.authors : []).filter((k): k is string => typeof k === "string" && graph.hasNode(k));
    if (!authors.length) continue;
    const share = w / authors.length;
    const year = typeof p.year === "number" ? p.year : null;
    for (const a of authors) {
      const entry = people.get(a) ?? { score: 0, papers: 0, first: null, last: null };
      entry.score += share;
      entry.papers += 1;
      if (year !== null) {
        entry.first = entry.first === null ? year : Math.min(entry.first, year);
        entry.last = entry.last === null ? year : Math.max(entry.last, year);
      }
      people.set(a, entry);
    }
  }
  const attrs = graph.getAttributes() as Partial<GraphAttributes>;
  const level = options.communityLevel;
  const table: Record<string, ClusterInfo> = level === undefined ? (attrs.communities ?? {}) : levelTable(attrs, "community", level);
  const ranked: PersonOnTopic[] = [...people].map(([key, e]) => {
    const a = graph.getNodeAttributes(key) as Record<string, unknown>;
    const community = level === undefined ? (typeof a.community === "number" ? a.community : -1) : groupAtLevel(a, "community", level);
    return {
      key,
      name: typeof a.name === "string" ? a.name : typeof a.label === "string" ? a.label : key,
      score: e.score,
      papers: e.papers,
      firstYear: e.first,
      lastYear: e.last,
      community,
      communityLabel: table[String(community)]?.label ?? null,
    };
  });
  ranked.sort((x, y) => y.score - x.score || y.papers - x.papers || compareStrings(x.name, y.name) || compareStrings(x.key, y.key));
  return { topics, papers: weights.size, people: ranked };
}
