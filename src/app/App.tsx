/**
 * Loads the graph (fetch + validate), shows a loading state or an error screen naming the command that builds the
 * file, and lets the user open another graph file (file picker or drag and drop) without leaving the page.
 */
import { useCallback, useEffect, useState } from "react";
import { fetchGraph, graphFromJson, type LoadResult } from "./data/load-graph";
import { openFiles } from "./data/open-files";
import type { SourceSummary } from "../model/graph-file";
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
  const [building, setBuilding] = useState<string | null>(null);
  const [built, setBuilt] = useState<SourceSummary[] | null>(null);

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
    (files: File[]) => {
      if (files.length === 0) return;
      setBuilding(files.length === 1 ? files[0]!.name : `${files.length} files`);
      openFiles(files).then(
        (outcome) => {
          setBuilding(null);
          setBuilt(outcome.result.ok ? outcome.summaries : null);
          accept(outcome.result);
        },
        (e: unknown) => {
          setBuilding(null);
          setOpenError({ title: "Could not read the files", errors: [String(e)] });
        },
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
  const progress = building && (
    <div className="banner" role="status">
      <strong>Reading {building}…</strong>
    </div>
  );
  const summary = built && !openError && !building && (
    <div className="banner" role="status" data-testid="build-summary">
      <strong>
        Built from {built.length} file{built.length === 1 ? "" : "s"}: {built.reduce((n, s) => n + s.records, 0)} records,{" "}
        {built.reduce((n, s) => n + s.diagnostics.length, 0)} diagnostics
      </strong>
      <ul>
        {built.map((s) => (
          <li key={s.file}>
            {s.file}: {s.format ?? "not a listing"}, {s.records} records
            {s.diagnostics.slice(0, 5).map((d, i) => (
              <div key={i} className="diagnostic">
                line {d.line}: {d.severity}: {d.message}
              </div>
            ))}
            {s.diagnostics.length > 5 && <div className="diagnostic">… and {s.diagnostics.length - 5} more</div>}
          </li>
        ))}
      </ul>
      <button type="button" onClick={() => setBuilt(null)} aria-label="Dismiss">
        ×
      </button>
    </div>
  );
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
        {progress}
        {banner}
        <ErrorScreen title={result.title} errors={result.errors} onOpenFile={openFile} />
      </>
    );
  }
  return (
    <>
      {progress}
      {banner}
      {summary}
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
