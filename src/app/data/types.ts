/** The graph as the explorer holds it: graphology over the graph-file attributes, read-only by convention. */
import type Graph from "graphology";
import type {
  AuthorNodeAttributes,
  EdgeAttributes,
  GraphAttributes,
  NodeAttributes,
  PaperNodeAttributes,
  TopicNodeAttributes,
} from "../../model/graph-file";

export type PaperGraph = Graph<NodeAttributes, EdgeAttributes, GraphAttributes>;
export type { AuthorNodeAttributes, EdgeAttributes, GraphAttributes, NodeAttributes, PaperNodeAttributes, TopicNodeAttributes };
