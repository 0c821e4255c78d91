/**
 * The search index of the explorer: the worker's when one is given, else one built here in idle slices. It is started
 * only once the first frame is drawn (or drawing failed), never while the user waits for the graph.
 */
import { useEffect, useMemo, useState } from "react";
import { inlineSearch, type SearchService } from "../data/search-service";
import type { PaperGraph } from "../data/types";

export function useSearchIndex(search: SearchService | undefined, graph: PaperGraph, firstFrameDone: boolean): { index: SearchService; searchReady: boolean } {
  const index = useMemo(() => search ?? inlineSearch(graph), [search, graph]);
  const [searchReady, setSearchReady] = useState(false);
  useEffect(() => {
    if (!firstFrameDone) return;
    index.start();
    let live = true;
    index.whenReady().then(
      () => live && setSearchReady(true),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [firstFrameDone, index]);
  return { index, searchReady };
}
