/**
 * Shows what the session holds (useSession: files kept in this browser, else the default graph), a loading state
 * with the restore's progress, or an error screen naming the command that builds the file; the Open dialog (open,
 * add, Forget, progress, per-file summary) travels with whichever is shown.
 */
import { useEffect, useMemo } from "react";
import { describeShown } from "./data/input-set";
import { browserLoader } from "./data/graph-worker-client";
import { GRAPH_URL } from "./data/load-graph";
import { workerBuild } from "./data/open-files";
import { browserInputStore } from "./data/stored-inputs";
import { useSession, type SessionDeps } from "./data/use-session";
import { Explorer } from "./Explorer";
import { OpenMenu, OpenPanel, type OpenPanelProps } from "./panels/OpenDialog";
import { ErrorScreen, LoadingScreen } from "./panels/ErrorScreen";
import { publishTestHooks } from "./test-hooks";
import { DEFAULT_VIEW_FILTER } from "../model/view-filter";
import { browserCorrections, browserGraphSource } from "./data/correction-runner";
import { browserPendingStore } from "./data/pending-store";
import { useCorrections, type CorrectionsDeps } from "./state/use-corrections";

const defaultDeps = (): SessionDeps => ({
  store: browserInputStore(),
  build: workerBuild,
  fetchDefault: browserLoader.fetchDefault,
  defaultUrl: GRAPH_URL,
  loader: browserLoader,
});

export function App({ deps, correctionDeps }: { deps?: SessionDeps; correctionDeps?: CorrectionsDeps } = {}) {
  const resolved = useMemo(() => deps ?? defaultDeps(), [deps]);
  const session = useSession(resolved);
  const { loaded } = session;
  // Identity corrections applied at once to the graph shown, above the explorer: it is remounted per graph opened
  // (generation), while a corrected graph (and Undo's) is swapped into it, renderer and view kept.
  const fixes = useMemo<CorrectionsDeps>(
    () => correctionDeps ?? { store: browserPendingStore(), runner: browserCorrections, fromFiles: (resolved.loader ?? browserLoader).fromFiles, sourceOf: browserGraphSource },
    [correctionDeps, resolved],
  );
  const corrections = useCorrections(session, fixes);

  const failed = loaded !== null && !loaded.result.ok ? loaded.result : null;
  useEffect(() => {
    if (!failed) return;
    publishTestHooks({
      ready: true, rendererOk: false, selected: null, hovered: null, lens: DEFAULT_VIEW_FILTER.lens, filter: DEFAULT_VIEW_FILTER,
      visibleNodeCount: 0, visibleEdgeCount: 0, renderedNodeCount: null, drawnNodeCount: 0, drawnEdgeCount: 0, overview: false, searchReady: false,
      camera: null, path: null, graphOrder: 0, graphSize: 0,
      error: failed.title,
      nodePagePosition: () => null,
      renderCount: () => 0,
    });
  }, [failed]);

  if (loaded === null) return <LoadingScreen building={session.building} onCancel={session.cancel} />;
  const { result, shown } = loaded;
  const panel: OpenPanelProps = {
    shown: describeShown(shown, result.ok ? result.graph.getAttributes() : null),
    canAdd: shown.kind === "inputs" && result.ok,
    kept: session.kept,
    shownKept: session.kept && shown.kind !== "default",
    building: session.building,
    summaries: session.summaries,
    notes: session.notes,
    error: session.error,
    storageNote: session.storageNote,
    onOpen: session.open,
    onForget: session.forget,
    onCancel: session.cancel,
  };
  if (!result.ok) {
    return (
      <ErrorScreen title={result.title} errors={result.errors}>
        <OpenPanel {...panel} />
      </ErrorScreen>
    );
  }
  return (
    <Explorer
      key={loaded.generation}
      graph={result.graph}
      search={result.search}
      loadWarnings={result.warnings}
      shown={panel.shown}
      kept={panel.shownKept}
      openControl={<OpenMenu {...panel} open={session.dialogOpen} onOpenChange={session.setDialogOpen} />}
      onOpenFiles={session.open}
      canAdd={panel.canAdd}
      onOpenJson={session.openJson}
      onForget={session.forget}
      corrections={corrections}
    />
  );
}
