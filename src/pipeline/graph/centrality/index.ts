/**
 * Node centralities, all computed on the whole knowledge graph (authors, papers and topics) read as undirected:
 *
 * - degree: number of incident edges of every kind (an author's papers plus co-authors; a paper's authors plus topics).
 * - weightedDegree: sum of those edges' weights (joint papers for co-author links, term weight for topic links).
 * - pagerank: weighted PageRank on the undirected view (pagerank-csr.ts, graphology-metrics' algorithm without the cost
 *   of a graphology copy); divided by the graph's maximum so the most central node has 1 (raw PageRank sums to 1 and shrinks with graph size, useless for sizing or comparing builds).
 * - betweenness: unweighted shortest paths on the undirected view, exact (graphology-metrics) up to
 *   betweennessExactMaxNodes nodes, else the seeded sampled estimate; divided by the maximum as well, so exact and
 *   sampled builds share one [0, 1] scale. On the full graph rather than the co-author graph so papers and topics get a
 *   meaningful value too: an author who links otherwise separate groups, a paper that joins two topics, a topic
 *   shared by two fields.
 * Values are rounded to 6 significant digits so output bytes are stable across platforms.
 */
import betweennessCentrality from "graphology-metrics/centrality/betweenness";
import { silentSteps, stepCounter, type StepReporter } from "../../progress";
import { round6 } from "../numbers";
import type { PaperGraph, Rng } from "../types";
import { sampledBetweenness } from "./betweenness-sampled";
import { pagerankOf } from "./pagerank-csr";
import { adjacencyOf, undirectedCopy, type Adjacency } from "./undirected-view";

export interface CentralityOptions {
  betweennessExactMaxNodes: number;
  betweennessSamples: number;
  /** Draws the sample of source nodes when betweenness is estimated. */
  rng: Rng;
  progress?: StepReporter;
}

export interface NodeCentrality {
  degree: number;
  weightedDegree: number;
  pagerank: number;
  betweenness: number;
}

export interface CentralityResult {
  nodes: Map<string, NodeCentrality>;
  /** "exact" or "sampled:K", for the graph attribute `betweenness`. */
  betweenness: string;
}

function maxOf(values: Iterable<number>): number {
  let max = 0;
  for (const v of values) if (v > max) max = v;
  return max;
}

function rawBetweenness(
  graph: PaperGraph,
  adjacency: Adjacency,
  options: CentralityOptions,
): { values: Map<string, number>; method: string } {
  const order = graph.order;
  const progress = options.progress ?? silentSteps;
  if (order <= options.betweennessExactMaxNodes || options.betweennessSamples >= order) {
    progress("betweenness (exact)", 0, order, "nodes");
    const mapping = betweennessCentrality(undirectedCopy(graph), { getEdgeWeight: null, normalized: false });
    return { values: new Map(Object.entries(mapping)), method: "exact" };
  }
  const samples = Math.min(Math.max(1, options.betweennessSamples), order);
  const onSource = stepCounter(progress, "betweenness (sampled)", samples, "source nodes");
  const estimate = sampledBetweenness(adjacency, { samples: options.betweennessSamples, rng: options.rng, onSource });
  const values = new Map<string, number>();
  adjacency.nodes.forEach((key, i) => values.set(key, estimate[i]!));
  return { values, method: `sampled:${options.betweennessSamples}` };
}

export function computeCentrality(graph: PaperGraph, options: CentralityOptions): CentralityResult {
  const nodes = new Map<string, NodeCentrality>();
  if (graph.order === 0) return { nodes, betweenness: "exact" };

  const progress = options.progress ?? silentSteps;
  progress("pagerank", 0, graph.order, "nodes");
  const adjacency = adjacencyOf(graph);
  const rankArray = pagerankOf(adjacency);
  const ranks = new Map<string, number>();
  adjacency.nodes.forEach((key, i) => ranks.set(key, rankArray[i]!));
  const { values: between, method } = rawBetweenness(graph, adjacency, options);
  const maxRank = maxOf(ranks.values());
  const maxBetween = maxOf(between.values());

  graph.forEachNode((key) => {
    let weightedDegree = 0;
    graph.forEachEdge(key, (_edge, attributes) => {
      weightedDegree += attributes.weight;
    });
    nodes.set(key, {
      degree: graph.degree(key),
      weightedDegree: round6(weightedDegree),
      pagerank: maxRank > 0 ? round6((ranks.get(key) ?? 0) / maxRank) : 0,
      betweenness: maxBetween > 0 ? round6((between.get(key) ?? 0) / maxBetween) : 0,
    });
  });
  return { nodes, betweenness: method };
}

/** Writes degree, weightedDegree, pagerank and betweenness on every node; returns the betweenness method. */
export function assignCentrality(graph: PaperGraph, options: CentralityOptions): string {
  const result = computeCentrality(graph, options);
  for (const [key, values] of result.nodes) {
    const attributes = graph.getNodeAttributes(key);
    attributes.degree = values.degree;
    attributes.weightedDegree = values.weightedDegree;
    attributes.pagerank = values.pagerank;
    attributes.betweenness = values.betweenness;
  }
  return result.betweenness;
}
