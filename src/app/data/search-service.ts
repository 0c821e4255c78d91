/**
 * Where the search index lives. In the browser: in a worker (graph-worker-client.ts), built after the first frame from
 * the graph's "search" chunks, so neither building it nor answering a query ever blocks the page. In tests and where
 * there is no worker: here, filled in idle slices (state/search.ts). Either way search is asynchronous and answers
 * with the same ranked hits (searchNodes).
 */
import type { NodeKind } from "../../model/graph-file";
import { buildSearchIndex, searchNodes, type SearchHit, type SearchIndex } from "../state/search";
import type { PaperGraph } from "./types";

export interface SearchOptions {
  limit?: number;
  kinds?: NodeKind[];
}

export interface SearchService {
  search(query: string, opts?: SearchOptions): Promise<SearchHit[]>;
  /** Starts building the index (the explorer calls it once its first frame is drawn); search() starts it too. */
  start(): void;
  /** Whether every node is indexed. */
  ready(): boolean;
  /** Resolves once every node is indexed (after start()). */
  whenReady(): Promise<void>;
  /** Stops the worker, if any (the graph is no longer shown). */
  dispose(): void;
}

/** The index in this thread: the search chunks loaded, then documents added in idle slices. */
export function inlineSearch(graph: PaperGraph): SearchService {
  let index: SearchIndex | null = null;
  let started: Promise<SearchIndex> | null = null;
  const start = () =>
    (started ??= graph.loadGroup("search").then(() => {
      index = buildSearchIndex(graph);
      return index;
    }));
  return {
    search: async (query, opts = {}) => searchNodes(await start(), query, opts),
    start: () => void start().catch(() => undefined),
    ready: () => index?.ready() ?? false,
    whenReady: () => start().then((built) => void built.get()),
    dispose: () => undefined,
  };
}
