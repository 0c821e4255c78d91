/**
 * Adds the four edge kinds with deterministic keys, each kind in key order:
 * - authored "authored:<author>-><paper>": directed, weight 1, one per byline entry;
 * - coauthor "coauthor:<a>--<b>" (a < b): undirected, weight = number of papers whose byline names both;
 * - about "about:<paper>-><topic>": directed, weight = the topic stage's term weight in that paper;
 * - related "related:<s>--<t>" (s < t): undirected, weight = the topic stage's co-occurrence strength.
 * Size and colour are set later (appearance.ts).
 */
import type { EdgeAttributes, EdgeKind } from "../../model/graph-file";
import { silentSteps, stepCounter, type StepReporter } from "../progress";
import { orderedPaperTopics } from "./build-nodes";
import { compareStrings, round6 } from "./numbers";
import type { GraphBuildInput, PaperGraph } from "./types";

interface PendingEdge {
  key: string;
  source: string;
  target: string;
  weight: number;
}

function insert(graph: PaperGraph, kind: EdgeKind, directed: boolean, edges: PendingEdge[], progress: StepReporter): void {
  edges.sort((a, b) => compareStrings(a.key, b.key));
  const tick = stepCounter(progress, `edges: ${kind}`, edges.length, "edges", 20);
  let added = 0;
  for (const e of edges) {
    tick(++added);
    const attributes: EdgeAttributes = { kind, weight: e.weight, size: 0, color: "" };
    if (directed) graph.addDirectedEdgeWithKey(e.key, e.source, e.target, attributes);
    else graph.addUndirectedEdgeWithKey(e.key, e.source, e.target, attributes);
  }
}

/** Co-author pairs with their joint-paper counts, from the bylines of papers with at most `maxAuthors` authors (0: all). */
export function coauthorPairs(papers: readonly { authors: readonly string[] }[], maxAuthors = 0): Map<string, PendingEdge> {
  const pairs = new Map<string, PendingEdge>();
  for (const p of papers) {
    const authors = [...new Set(p.authors)].sort(compareStrings);
    if (maxAuthors > 0 && authors.length > maxAuthors) continue;
    for (let i = 0; i < authors.length; i++) {
      for (let j = i + 1; j < authors.length; j++) {
        const source = authors[i]!;
        const target = authors[j]!;
        const key = `coauthor:${source}--${target}`;
        const pair = pairs.get(key);
        if (pair) pair.weight += 1;
        else pairs.set(key, { key, source, target, weight: 1 });
      }
    }
  }
  return pairs;
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

  insert(graph, "coauthor", false, [...coauthorPairs(papers, options.coauthorMaxAuthors).values()], progress);

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
