/**
 * Adds the four edge kinds with deterministic keys, each kind in key order:
 * - authored "authored:<author>-><paper>": directed, weight 1, one per byline entry;
 * - coauthor "coauthor:<a>--<b>" (a < b): undirected, weight = number of papers with at most coauthorMaxAuthors
 *   authors whose byline names both; `largePapers` = their joint papers above that cut, when there are any;
 * - coauthor-large "coauthor-large:<a>--<b>": undirected, the pairs linked only by papers above the cut (weight = those
 *   papers). Added last (addLargeCoauthorEdges, after the layout) so communities, centrality and layout never see them;
 * - about "about:<paper>-><topic>": directed, weight = the topic stage's term weight in that paper;
 * - related "related:<s>--<t>" (s < t): undirected, weight = the topic stage's co-occurrence strength.
 * Size and colour are set later (appearance.ts).
 */
import type { EdgeAttributes, EdgeKind, LargePapers } from "../../model/graph-file";
import { silentSteps, stepCounter, type StepReporter } from "../progress";
import { orderedPaperTopics } from "./build-nodes";
import { compareStrings, round6 } from "./numbers";
import type { GraphBuildInput, PaperGraph } from "./types";

interface PendingEdge {
  key: string;
  source: string;
  target: string;
  weight: number;
  largePapers?: number;
}

function insert(graph: PaperGraph, kind: EdgeKind, directed: boolean, edges: PendingEdge[], progress: StepReporter): void {
  edges.sort((a, b) => compareStrings(a.key, b.key));
  const tick = stepCounter(progress, `edges: ${kind}`, edges.length, "edges", 20);
  let added = 0;
  for (const e of edges) {
    tick(++added);
    const attributes: EdgeAttributes = { kind, weight: e.weight, size: 0, color: "" };
    if (e.largePapers) attributes.largePapers = e.largePapers;
    if (directed) graph.addDirectedEdgeWithKey(e.key, e.source, e.target, attributes);
    else graph.addUndirectedEdgeWithKey(e.key, e.source, e.target, attributes);
  }
}

/** Whether a paper is above the co-author cut (more than `maxAuthors` distinct authors; 0 means no cut). */
export function isLargePaper(p: { authors: readonly string[] }, maxAuthors: number): boolean {
  return maxAuthors > 0 && new Set(p.authors).size > maxAuthors;
}

function countPairs(pairs: Map<string, PendingEdge>, authors: readonly string[], prefix: string): void {
  const sorted = [...new Set(authors)].sort(compareStrings);
  for (let i = 0; i < sorted.length; i++) {
    for (let j = i + 1; j < sorted.length; j++) {
      const source = sorted[i]!;
      const target = sorted[j]!;
      const key = `${prefix}:${source}--${target}`;
      const pair = pairs.get(key);
      if (pair) pair.weight += 1;
      else pairs.set(key, { key, source, target, weight: 1 });
    }
  }
}

/**
 * Co-author pairs: `small` from the bylines of papers with at most `maxAuthors` authors (0: all), each with the pair's
 * joint papers above the cut as `largePapers`; `large` the pairs that only papers above the cut link.
 */
export function coauthorPairs(papers: readonly { authors: readonly string[] }[], maxAuthors = 0): { small: Map<string, PendingEdge>; large: Map<string, PendingEdge> } {
  const small = new Map<string, PendingEdge>();
  const above = new Map<string, PendingEdge>();
  for (const p of papers) countPairs(isLargePaper(p, maxAuthors) ? above : small, p.authors, "coauthor");
  const large = new Map<string, PendingEdge>();
  for (const [key, pair] of above) {
    const linked = small.get(key);
    if (linked) linked.largePapers = pair.weight;
    else {
      const k = `coauthor-large:${pair.source}--${pair.target}`;
      large.set(k, { ...pair, key: k });
    }
  }
  return { small, large };
}

export function addEdges(
  graph: PaperGraph,
  input: GraphBuildInput,
  options: { coauthorMaxAuthors: number },
  progress: StepReporter = silentSteps,
): void {
  const { papers } = input.identity;

  const authored: PendingEdge[] = [];
  for (const p of papers) {
    for (const a of p.authors) authored.push({ key: `authored:${a}->${p.key}`, source: a, target: p.key, weight: 1 });
  }
  insert(graph, "authored", true, authored, progress);

  insert(graph, "coauthor", false, [...coauthorPairs(papers, options.coauthorMaxAuthors).small.values()], progress);

  const about: PendingEdge[] = [];
  for (const p of papers) {
    for (const link of orderedPaperTopics(input.topics.paperTopics.get(p.key))) {
      about.push({ key: `about:${p.key}->${link.topic}`, source: p.key, target: link.topic, weight: round6(link.weight) });
    }
  }
  insert(graph, "about", true, about, progress);

  const related = input.topics.related.map((r) => {
    const [source, target] = compareStrings(r.source, r.target) < 0 ? [r.source, r.target] : [r.target, r.source];
    return { key: `related:${source}--${target}`, source, target, weight: round6(r.weight) };
  });
  insert(graph, "related", false, related, progress);
}

/**
 * The co-author links of papers above the cut, kept apart as `coauthor-large` edges (see the header), and what the
 * graph attribute `largePapers` says about them. Call after every algorithm that reads the co-author network.
 */
export function addLargeCoauthorEdges(graph: PaperGraph, input: GraphBuildInput, maxAuthors: number): LargePapers {
  const { papers } = input.identity;
  const large = [...coauthorPairs(papers, maxAuthors).large.values()];
  insert(graph, "coauthor-large", false, large, silentSteps);
  return {
    maxAuthors,
    papers: papers.filter((p) => isLargePaper(p, maxAuthors)).map((p) => p.key).sort(compareStrings),
    pairs: large.length,
  };
}
