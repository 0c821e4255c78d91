/**
 * Loads the graph (fetch + validate), shows a loading state or an error screen naming the command that builds the
 * file, and lets the user open another graph file (file picker or drag and drop) without leaving the page.
 */
import { useCallback, useEffect, useState } from "react";
import { fetchGraph, graphFromJson, graphFromText, type LoadResult } from "./data/load-graph";
import { Explorer } from "./Explorer";
import { ErrorScreen, LoadingScreen } from "./panels/ErrorScreen";
import { publishTestHooks } from "./test-hooks";
import { DEFAULT_VIEW_FILTER } from "../model/view-filter";

interface Loaded {
  result: LoadResult;
  /** Increments per opened graph, so the explorer (and its renderer) start fresh. */
  generation: number;
}

export function App() {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [openError, setOpenError] = useState<{ title: string; errors: string[] } | null>(null);

  useEffect(() => {
    let live = true;
    fetchGraph().then((result) => {
      if (live) setLoaded((prev) => prev ?? { result, generation: 0 });
    });
    return () => {
      live = false;
    };
  }, []);

  const accept = useCallback((result: LoadResult) => {
    if (result.ok) {
      setOpenError(null);
      // A link into the previous graph means nothing in this one.
      window.history.replaceState(null, "", window.location.pathname + window.location.search);
      setLoaded((prev) => ({ result, generation: (prev?.generation ?? 0) + 1 }));
    } else {
      setOpenError({ title: result.title, errors: result.errors });
    }
  }, []);

  const openFile = useCallback(
    (file: File) => {
      file.text().then(
        (text) => accept(graphFromText(text, file.name)),
        (e: unknown) => setOpenError({ title: `Could not read ${file.name}`, errors: [String(e)] }),
      );
    },
    [accept],
  );
  const openJson = useCallback((json: unknown, fileName: string) => accept(graphFromJson(json, fileName)), [accept]);

  const failed = loaded !== null && !loaded.result.ok ? loaded.result : null;
  useEffect(() => {
    if (!failed) return;
    publishTestHooks({
      ready: true, rendererOk: false, selected: null, hovered: null, lens: DEFAULT_VIEW_FILTER.lens, filter: DEFAULT_VIEW_FILTER,
      visibleNodeCount: 0, visibleEdgeCount: 0, renderedNodeCount: null, camera: null, path: null, graphOrder: 0, graphSize: 0,
      error: failed.title,
      nodePagePosition: () => null,
    });
  }, [failed]);

  if (loaded === null) return <LoadingScreen />;
  const { result } = loaded;
  const banner = openError && (
    <div className="banner" role="alert">
      <strong>{openError.title}</strong>
      <ul>
        {openError.errors.map((e, i) => (
          <li key={i}>{e}</li>
        ))}
      </ul>
      <button type="button" onClick={() => setOpenError(null)} aria-label="Dismiss">
        ×
      </button>
    </div>
  );
  if (!result.ok) {
    return (
      <>
        {banner}
        <ErrorScreen title={result.title} errors={result.errors} onOpenFile={openFile} />
      </>
    );
  }
  return (
    <>
      {banner}
      <Explorer
        key={loaded.generation}
        graph={result.graph}
        source={result.source}
        onOpenFile={openFile}
        onOpenJson={openJson}
      />
    </>
  );
}
