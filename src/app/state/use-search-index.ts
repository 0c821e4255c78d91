/**
 * The search index of the explorer: the worker's when one is given, else one built here in idle slices. It is started
 * only once the first frame is drawn (or drawing failed), never while the user waits for the graph.
 */
import { useEffect, useMemo, useState } from "react";
import { inlineSearch, type SearchService } from "../data/search-service";
import type { PaperGraph } from "../data/types";

export function useSearchIndex(search: SearchService | undefined, graph: PaperGraph, firstFrameDone: boolean): { index: SearchService; searchReady: boolean } {
  const index = useMemo(() => search ?? inlineSearch(graph), [search, graph]);
  // Ready for this index: a corrected graph swapped in brings a new one, not ready until it has indexed.
  const [readyFor, setReadyFor] = useState<SearchService | null>(null);
  useEffect(() => {
    if (!firstFrameDone) return;
    index.start();
    let live = true;
    index.whenReady().then(
      () => live && setReadyFor(index),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [firstFrameDone, index]);
  return { index, searchReady: readyFor === index };
}
