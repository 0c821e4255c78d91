/** The graph type the graph stage builds: graphology with the graph-file contract's attributes. */
import type Graph from "graphology";
import type { EdgeAttributes, GraphAttributes, NodeAttributes } from "../../model/graph-file";

export type PaperGraph = Graph<NodeAttributes, EdgeAttributes, GraphAttributes>;

/** A random number generator in [0, 1), always seeded (seedrandom) so builds repeat. */
export type Rng = () => number;

import type { SourceSummary } from "../../model/graph-file";
import type { IdentityResult } from "../identity/types";
import type { TopicClusterResult, TopicResult } from "../topics/types";

/** What buildGraph reads: the outputs of the identity and topic stages plus the per-file summaries. */
export interface GraphBuildInput {
  identity: IdentityResult;
  topics: TopicResult;
  clusters: TopicClusterResult;
  sources: SourceSummary[];
}
