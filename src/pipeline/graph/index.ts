/**
 * The graph stage: identity + topic results in, the analysed graph out (the graph-file contract in
 * src/model/graph-file.ts). Everything is computed on flat arrays over node indices (node-table.ts); the result is a
 * GraphView over those arrays (graph-view.ts), read like graphology, from which graph.json and the explorer's files
 * are written; buildGraph makes a graphology graph of it for callers that need one. Steps, each in its own file:
 * validate -> node table -> edge table -> research clusters -> communities -> centralities -> community labels ->
 * sizes and colours -> layout -> edge sizes and link years -> graph attributes. The co-author links of papers above the author
 * cut (`coauthor-large`) are in the edge table but after `analysed`: no algorithm reads them.
 *
 * Every random choice draws from its own seedrandom stream derived from options.seed, so changing, say, the number of
 * betweenness samples does not move the layout.
 */
import type Graph from "graphology";
import seedrandom from "seedrandom";
import type { PipelineOptions } from "../options";
import { silentSteps, type StepReporter } from "../progress";
import { edgeColor, edgeSizes, nodeColorOf, nodeSizes } from "./appearance";
import { bylineSpellings, edgeTable } from "./build-edges";
import { paperCounts, type NodeValues } from "./build-nodes";
import { computeCentrality } from "./centrality";
import { adjacencyOfTable } from "./centrality/undirected-view";
import { collaborationYears } from "./collaboration-years";
import { communityInfo, detectCommunities } from "./communities";
import { communityLadder } from "./community-levels";
import { identityReview } from "./identity-review";
import { topicClusterLadder } from "./topic-cluster-levels";
import { graphAttributes } from "./graph-attributes";
import { layout } from "./layout";
import { nodeTable } from "./node-table";
import { GraphView } from "./graph-view";
import { topicClusterInfo, topicClustersOf } from "./topic-clusters";
import type { GraphBuildInput } from "./types";
import { validateGraphInput } from "./validate-input";

export { GraphInputError } from "./validate-input";
export type { PaperGraph } from "./types";
export { GraphView } from "./graph-view";

/**
 * The analysed graph as a GraphView over the stage's arrays: what the CLI and the browser worker write from (no
 * graphology graph is built for them).
 */
export function buildGraphView(input: GraphBuildInput, options: PipelineOptions, progress: StepReporter = silentSteps): GraphView {
  validateGraphInput(input);
  const stream = (name: string) => seedrandom(`${options.seed}:${name}`);

  const nodeCount = input.identity.authors.length + input.identity.papers.length + input.topics.topics.length;
  progress("nodes", 0, nodeCount, "nodes");
  const nodes = nodeTable(input);
  const edges = edgeTable(nodes, input, options, progress);
  progress("research clusters", nodeCount, nodeCount, "nodes");
  const topicCluster = topicClustersOf(nodes, input.clusters);
  progress("communities (Louvain)", 0, nodeCount, "nodes");
  // Louvain's stream is seeded with the bare seed, as the topic stage's Louvain is: `--seed 7` means seedrandom("7").
  const communities = detectCommunities(nodes, edges, { resolution: options.resolution, rng: seedrandom(String(options.seed)) });
  const analysed = { ...edges, count: edges.analysed };
  const centrality = computeCentrality(adjacencyOfTable(nodes.keys, analysed), analysed, {
    betweennessExactMaxNodes: options.betweennessExactMaxNodes,
    betweennessSamples: options.betweennessSamples,
    rng: stream("betweenness"),
    kinds: nodes.kind,
    progress,
  });
  progress("community labels and appearance", 0, nodeCount, "nodes");
  const communityClusters = communityInfo(nodes, communities, centrality);
  progress("resolution ladders", 0, nodeCount, "nodes");
  const communityLevels = communityLadder(nodes, edges, communities, centrality, { seed: options.seed, resolution: options.resolution });
  const clusterLevels = input.clusters.ladder ? topicClusterLadder(nodes, topicCluster, input.clusters.ladder) : null;
  const topicClusters = topicClusterInfo(input.clusters);
  const paperCount = paperCounts(nodes);
  const size = nodeSizes(nodes.keys, nodes.kind, centrality.pagerank);
  const position = layout(
    { topicCluster, community: communities.community, degree: centrality.degree, size, edges: analysed },
    { iterations: options.layoutIterations, rng: stream("layout"), overlapRng: stream("noverlap"), progress },
  );

  progress("edge sizes and link years", 0, edges.count, "edges");
  const values: NodeValues = {
    ...position,
    size,
    color: nodeColorOf(topicCluster, topicClusters),
    community: communities.community,
    topicCluster,
    degree: centrality.degree,
    weightedDegree: centrality.weightedDegree,
    pagerank: centrality.pagerank,
    betweenness: centrality.betweenness,
    paperCount,
    ladders: {
      communityLevels: communityLevels.levels,
      topicClusterLevels: clusterLevels?.levels ?? null,
      communityStability: communityLevels.stability,
      topicClusterStability: clusterLevels?.stability ?? null,
    },
  };
  const look = { size: edgeSizes(edges), color: edgeColor, years: collaborationYears(nodes, edges, options), spellingOf: bylineSpellings(nodes) };
  progress("graph attributes", nodeCount, nodeCount, "nodes");
  const attributes = graphAttributes(nodes, edges.count, {
    options,
    sources: input.sources,
    communities: communityClusters,
    topicClusters,
    modularity: communities.modularity,
    betweenness: centrality.method,
    largePapers: edges.large,
    communityLadder: communityLevels.ladder,
    topicClusterLadder: clusterLevels?.ladder,
    identityReview: identityReview(input.identity),
  });
  return new GraphView(nodes, values, edges, look, attributes);
}

/** The analysed graph as graphology (the graph-file contract's attributes): buildGraphView, then its graphology copy. */
export function buildGraph(input: GraphBuildInput, options: PipelineOptions, progress: StepReporter = silentSteps): Graph {
  return buildGraphView(input, options, progress).toGraphology() as unknown as Graph;
}
