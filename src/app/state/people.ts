/**
 * "People on this topic" over the compact graph (issue 15): model/topic-people.ts's fractional ranking, fed through a
 * reader that walks only the arrays the ranking needs ('about' edges with their weights, topics' labels, papers'
 * research clusters at the chosen level), so a query over a 10,000-paper graph makes no attribute object per edge;
 * the people ranked and their papers are read in full (authors, year, community).
 */
import { EDGE_KIND_CODES } from "../../model/compact-graph";
import { EDGE_KIND_INDEX } from "../../model/view-filter";
import { peopleOnTopic, type PeopleGraph, type PeopleQuery, type PeopleRanking } from "../../model/topic-people";
import type { PaperGraph } from "../data/types";

const ABOUT = EDGE_KIND_INDEX.about;

/** The ranking reader over a (levelled) explorer graph: its topic-cluster ids and communities are the view's levels. */
export function peopleGraph(graph: PaperGraph): PeopleGraph {
  return {
    getAttributes: () => graph.getAttributes(),
    hasNode: (key) => graph.hasNode(key),
    getNodeAttributes: (key) => graph.getNodeAttributes(key),
    forEachNode(cb) {
      for (let i = 0; i < graph.order; i++) {
        const kind = graph.kindOf(i);
        if (kind === "author") continue;
        // Topics' variants are search-chunk text: matched once loaded (the search index loads them after the first frame).
        const variants = kind === "topic" ? (graph.attributesAt(i) as { variants?: unknown }).variants : undefined;
        cb(graph.keys[i]!, { kind, label: graph.labels[i], term: graph.labels[i], topicCluster: graph.topicCluster[i], ...(variants ? { variants } : {}) });
      }
    },
    forEachEdge(cb) {
      const { edgeKind, edgeWeight, edgeSource, edgeTarget, keys } = graph;
      for (let e = 0; e < graph.size; e++) {
        if (edgeKind[e] !== ABOUT) continue;
        cb(String(e), { kind: EDGE_KIND_CODES[ABOUT], weight: edgeWeight[e] }, keys[edgeSource[e]!]!, keys[edgeTarget[e]!]!);
      }
    },
  };
}

/** The ranking for a query at the view's levels (communities named at the Resolution slider's level). */
export function rankPeople(graph: PaperGraph, query: PeopleQuery): PeopleRanking {
  // The levelled graph's node attributes already carry the chosen levels, so the model reads them as the build's own.
  return peopleOnTopic(peopleGraph(graph), query);
}

/** What a query is called in the panel's heading. */
export function queryLabel(graph: PaperGraph, query: PeopleQuery): string {
  if ("topic" in query) return graph.hasNode(query.topic) ? graph.labels[graph.nodeIndex(query.topic)]! : query.topic;
  if ("cluster" in query) return graph.getAttribute("topicClusters")?.[String(query.cluster)]?.label ?? `research cluster ${query.cluster}`;
  return `“${query.text}”`;
}

/** Every topic, by label, for the panel's choice. */
export function topicChoices(graph: PaperGraph): { key: string; label: string }[] {
  const out: { key: string; label: string }[] = [];
  for (let i = 0; i < graph.order; i++) if (graph.kind[i] === 2) out.push({ key: graph.keys[i]!, label: graph.labels[i]! });
  return out.sort((a, b) => (a.label < b.label ? -1 : a.label > b.label ? 1 : a.key < b.key ? -1 : 1));
}
