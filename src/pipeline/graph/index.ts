/**
 * The graph stage: identity + topic results in, the analysed graphology graph out (the graph-file contract in
 * src/model/graph-file.ts). Steps, each in its own file: validate -> nodes -> edges -> research clusters -> communities
 * -> centralities -> community labels -> sizes and colours -> layout -> co-author links of papers above the author cut
 * (kept apart) -> graph attributes.
 *
 * Every random choice draws from its own seedrandom stream derived from options.seed, so changing, say, the number of
 * betweenness samples does not move the layout.
 */
import Graph from "graphology";
import seedrandom from "seedrandom";
import type { EdgeAttributes, GraphAttributes, NodeAttributes, SourceSummary } from "../../model/graph-file";
import type { IdentityResult } from "../identity/types";
import type { PipelineOptions } from "../options";
import { silentSteps, type StepReporter } from "../progress";
import type { TopicClusterResult, TopicResult } from "../topics/types";
import { assignAppearance, assignEdgeAppearance } from "./appearance";
import { addEdges, addLargeCoauthorEdges } from "./build-edges";
import { addNodes } from "./build-nodes";
import { assignCentrality } from "./centrality";
import { assignCommunities, communityInfo } from "./communities";
import { graphAttributes } from "./graph-attributes";
import { assignLayout } from "./layout";
import { assignTopicClusters, topicClusterInfo } from "./topic-clusters";
import type { PaperGraph } from "./types";
import { validateGraphInput } from "./validate-input";

export { GraphInputError } from "./validate-input";
export type { PaperGraph } from "./types";

export function buildGraph(
  input: { identity: IdentityResult; topics: TopicResult; clusters: TopicClusterResult; sources: SourceSummary[] },
  options: PipelineOptions,
  progress: StepReporter = silentSteps,
): Graph {
  validateGraphInput(input);
  const graph: PaperGraph = new Graph<NodeAttributes, EdgeAttributes, GraphAttributes>({
    type: "mixed",
    multi: false,
    allowSelfLoops: false,
  });
  const stream = (name: string) => seedrandom(`${options.seed}:${name}`);

  const nodeCount = input.identity.authors.length + input.identity.papers.length + input.topics.topics.length;
  progress("nodes", 0, nodeCount, "nodes");
  addNodes(graph, input);
  addEdges(graph, input, options, progress);
  progress("research clusters", graph.order, graph.order, "nodes");
  assignTopicClusters(graph, input.clusters);
  progress("communities (Louvain)", 0, graph.order, "nodes");
  // Louvain's stream is seeded with the bare seed, as the topic stage's Louvain is: `--seed 7` means seedrandom("7").
  const communities = assignCommunities(graph, { resolution: options.resolution, rng: seedrandom(String(options.seed)) });
  const betweenness = assignCentrality(graph, {
    betweennessExactMaxNodes: options.betweennessExactMaxNodes,
    betweennessSamples: options.betweennessSamples,
    rng: stream("betweenness"),
    progress,
  });
  progress("community labels and appearance", 0, graph.order, "nodes");
  const communityClusters = communityInfo(graph, communities);
  const topicClusters = topicClusterInfo(input.clusters);
  assignAppearance(graph, { communities: communityClusters, topicClusters });
  assignLayout(graph, { iterations: options.layoutIterations, rng: stream("layout"), overlapRng: stream("noverlap"), progress });
  // Last: no algorithm above may read the weak ties of papers above the author cut.
  const largePapers = addLargeCoauthorEdges(graph, input, options.coauthorMaxAuthors);
  assignEdgeAppearance(graph);
  progress("graph attributes", graph.order, graph.order, "nodes");

  graph.replaceAttributes(
    graphAttributes(graph, {
      options,
      sources: input.sources,
      communities: communityClusters,
      topicClusters,
      modularity: communities.modularity,
      betweenness,
      largePapers,
    }),
  );
  return graph as unknown as Graph;
}
