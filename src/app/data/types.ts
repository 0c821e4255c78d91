/**
 * The graph as the explorer holds it: a CompactGraph over the explorer's compact files (model/compact-graph.ts):
 * typed arrays for what is drawn and filtered, heavy text fetched per chunk when a panel asks. Read-only.
 */
import type { CompactGraph } from "../../model/compact-graph";
import type {
  AuthorNodeAttributes,
  EdgeAttributes,
  GraphAttributes,
  NodeAttributes,
  PaperNodeAttributes,
  TopicNodeAttributes,
} from "../../model/graph-file";

export type PaperGraph = CompactGraph;
export type { AuthorNodeAttributes, EdgeAttributes, GraphAttributes, NodeAttributes, PaperNodeAttributes, TopicNodeAttributes };
