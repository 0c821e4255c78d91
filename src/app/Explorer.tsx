/**
 * The explorer for one loaded graph: owns the single UI store (state/use-explorer-store.ts), derives the view from it
 * (state/use-view.ts: the visible set by visibleMask, the exporters' definition; what is drawn; the display,
 * state/display.ts) and lays out the toolbar, the graph and the panels. Remounted (key) when another graph is opened;
 * a corrected graph (identity review) is swapped in instead: every derivation keyed on `graph` follows it once, the
 * renderer takes the new render graph (RenderController), the store the view from the URL hash (use-explorer-store.ts).
 * Heavy work stays off the first frame: the search index is started once the first frame is drawn (in a worker in the
 * browser), panels fetch heavy text when they open.
 */
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import type { SearchService } from "./data/search-service";
import type { PaperGraph } from "./data/types";
import { GraphErrorBoundary } from "./canvas/GraphErrorBoundary";
import { GraphView } from "./canvas/GraphView";
import type { GraphApi } from "./canvas/ReadyController";
import type { DrawnInfo } from "./canvas/RenderController";
import { ClustersPanel } from "./panels/ClustersPanel";
import { DetailsPanel } from "./panels/DetailsPanel";
import { DropOverlay } from "./panels/DropOverlay";
import { FiltersPanel } from "./panels/FiltersPanel";
import { ExportMenu } from "./panels/ExportMenu";
import { Legend } from "./panels/Legend";
import { LabelOverflow } from "./panels/LabelOverflow";
import type { OpenMode } from "./data/input-set";
import { Overview } from "./panels/Overview";
import { PathsPanel } from "./panels/PathsPanel";
import { PeoplePanel } from "./panels/PeoplePanel";
import { ReviewMenu } from "./panels/ReviewPanel";
import type { ReviewCorrections } from "./state/use-corrections";
import { StatusBar } from "./panels/StatusBar";
import { Toolbar } from "./panels/Toolbar";
import { levelsOf } from "./state/levels-view";
import { displayName, maxSharedPapers, yearHistogram } from "./state/selectors";
import { stepNote } from "./state/timeline";
import { serializeUrlState } from "./state/url-state";
import { useExplorerStore } from "./state/use-explorer-store";
import { useExportView } from "./state/use-export-view";
import { useFileDrop } from "./state/use-file-drop";
import { useFocus } from "./state/use-focus";
import { useKeyboard } from "./state/use-keyboard";
import { usePlay } from "./state/use-play";
import { useSearchIndex } from "./state/use-search-index";
import { useTheme } from "./state/use-theme";
import { useDisplay, useExplorerView } from "./state/use-view";
import { countMount, explorerHooks, publishTestHooks } from "./test-hooks";
import { markPhase } from "./phase-marks";

export interface ExplorerProps {
  graph: PaperGraph;
  /** Where searches go (a worker in the browser); without it the explorer indexes in idle slices itself. */
  search?: SearchService;
  /** Problems met while loading that did not stop it (compact files damaged, graph.json read instead). */
  loadWarnings?: string[];
  /** What is shown, as the status bar names it ("seeds graph", "3 files: a.bib, b.txt, c.nbib"). */
  shown: string;
  /** Whether the files shown are kept in this browser (the status bar then offers Forget). */
  kept: boolean;
  /** The toolbar's Open control (its state lives above the explorer, which is remounted per graph). */
  openControl: ReactNode;
  /** Files dropped on the page: opened instead of the graph, or added to it (when it was built from opened files). */
  onOpenFiles: (files: File[], mode: OpenMode) => void;
  canAdd: boolean;
  onOpenJson: (json: unknown, fileName: string) => void;
  onForget: () => void;
  /** The identity review's pending corrections, applied at once and kept across reloads (state/use-corrections.ts). */
  corrections?: ReviewCorrections;
}

export function Explorer({ graph, search, loadWarnings = [], shown, kept, openControl, onOpenFiles, canAdd, onOpenJson, onForget, corrections }: ExplorerProps) {
  markPhase("explorer-render");
  useEffect(() => countMount("explorer"), []);
  const attrs = graph.getAttributes();
  const [state, dispatch] = useExplorerStore(graph);
  const histogram = useMemo(() => yearHistogram(graph), [graph]);
  const maxShared = useMemo(() => maxSharedPapers(graph), [graph]);
  const { theme, toggle: toggleTheme } = useTheme();
  const { selected, hovered, ego, pathTarget, filter, colorMode, sizeMetric } = state;
  const view = useExplorerView(graph, state, theme);
  markPhase("explorer-view");
  const { leveled, visible, viewLook, appearance, drawn, isolated, path, largeOnlyPath, unstable, ranking } = view;
  const { play, step, hidden: stepHidden, setPlaying, setSpeed, reset: resetPlay } = usePlay(graph, filter, visible, drawn);
  const display = useDisplay(graph, state, view, step, stepHidden);
  markPhase("explorer-display");
  const [drawnInfo, setDrawnInfo] = useState<DrawnInfo | null>(null);
  const [overflow, setOverflow] = useState<string[]>([]);

  // Renderer-backed operations arrive after the first frame.
  const [api, setApi] = useState<GraphApi | null>(null);
  const [rendererError, setRendererError] = useState<string | null>(null);
  const { index, searchReady } = useSearchIndex(search, graph, api !== null || rendererError !== null);

  const { open, focusCluster, onCanvasCluster } = useFocus(graph, leveled, visible, viewLook.mode, dispatch);
  // A new selection opens its panel at the top, not where the previous one was scrolled to.
  const rightRef = useRef<HTMLElement>(null);
  useEffect(() => {
    rightRef.current?.scrollTo?.({ top: 0 });
    if (rightRef.current && !rightRef.current.scrollTo) rightRef.current.scrollTop = 0;
  }, [selected]);

  const searchRef = useRef<HTMLInputElement>(null);
  useKeyboard(searchRef, dispatch);

  const selectedName = selected !== null ? displayName(graph.getNodeAttributes(selected)) : null;
  useEffect(() => {
    document.title = selectedName ? `${selectedName} · papergraph` : "papergraph explorer";
  }, [selectedName]);

  const { nodeDisplay, capturePng, lastPngLabels } = useExportView(api, graph, visible, appearance, display, viewLook);
  const playing = play.playing;
  useEffect(() => {
    publishTestHooks(explorerHooks({ graph, state, view, display, api, rendererError, drawnInfo, searchReady, theme, overflow, step, playing, lastPngLabels }));
  }, [graph, state, view, display, api, rendererError, drawnInfo, searchReady, theme, overflow, step, playing, lastPngLabels]);

  const viewUrl = window.location.origin + window.location.pathname + serializeUrlState(state);
  // Identity review "Apply": the corrected thesaurus replaces the open one and the opened files are rebuilt (worker).
  const applyThesaurus = useCallback(
    (csv: string) => onOpenFiles([new File([csv], "thesaurus.csv", { type: "text/csv" })], "add"),
    [onOpenFiles],
  );

  const drop = useFileDrop(onOpenFiles, canAdd);
  const selectedDrawn = selected !== null && visible.nodes[graph.nodeIndex(selected)] === 1;
  const egoSize = ego > 0 && selectedDrawn && display.highlight && !hovered ? display.highlight.nodes.size : 0;

  return (
    <div className="app" {...drop.handlers}>
      <Toolbar
        index={index}
        searchRef={searchRef}
        query={state.query}
        onQuery={(query) => dispatch({ type: "setQuery", query })}
        onChoose={open}
        lens={filter.lens}
        onLens={(lens) => dispatch({ type: "setLens", lens })}
        colorMode={colorMode}
        onColorMode={(mode) => dispatch({ type: "setColorMode", mode })}
        sizeMetric={sizeMetric}
        onSizeMetric={(metric) => dispatch({ type: "setSizeMetric", metric })}
        theme={theme}
        onToggleTheme={toggleTheme}
      >
        {openControl}
        <ReviewMenu graph={graph} selected={selected} onApply={canAdd ? applyThesaurus : undefined} corrections={corrections} />
        <ExportMenu
          graph={graph}
          levels={levelsOf(leveled)}
          filter={filter}
          viewUrl={viewUrl}
          colorMode={viewLook.mode}
          nodeDisplay={nodeDisplay}
          capturePng={capturePng}
          onOpenGraph={onOpenJson}
        />
      </Toolbar>
      <aside className="sidebar left" aria-label="Clusters and filters">
        <ClustersPanel
          graph={leveled}
          filter={filter}
          colorMode={viewLook.mode}
          onLevel={(mode, level) => dispatch({ type: "setLevel", mode, level })}
          showUnstable={state.showUnstable}
          onShowUnstable={(on) => dispatch({ type: "setShowUnstable", on })}
          unstable={unstable ? { count: unstable.nodes.length, threshold: unstable.threshold } : undefined}
          onPeople={(id) => dispatch({ type: "setPeople", query: { cluster: id } })}
          onToggle={(mode, id) => dispatch({ type: "toggleCluster", mode, id })}
          onShowAll={() => dispatch({ type: "showAllClusters" })}
          onFocus={focusCluster}
          onOpen={open}
        />
        <FiltersPanel
          filter={filter}
          histogram={histogram}
          maxShared={maxShared}
          largePapers={attrs.largePapers ?? null}
          isolatedAuthors={isolated}
          onChange={(patch) => {
            if (patch.yearRange !== undefined) resetPlay();
            dispatch({ type: "setFilter", patch });
          }}
          play={play}
          onPlay={setPlaying}
          onSpeed={setSpeed}
        />
      </aside>

      <main className="stage" aria-label="Graph" data-testid="graph-stage">
        <GraphErrorBoundary onError={setRendererError}>
          <GraphView
            graph={graph}
            visible={visible}
            drawn={drawn}
            appearance={appearance}
            display={display}
            camera={state.camera}
            focus={state.focus}
            dispatch={dispatch}
            onReady={setApi}
            onDrawn={setDrawnInfo}
            hovered={hovered}
            clusters={viewLook.clusterLabels}
            look={viewLook.look}
            onLabelOverflow={setOverflow}
            onCluster={onCanvasCluster}
            overlays={overflow.length > 0 ? "overflow" : ""}
          />
        </GraphErrorBoundary>
        <Legend legend={viewLook.legend} sizeMetric={sizeMetric} />
        {overflow.length > 0 && <LabelOverflow graph={graph} keys={overflow} onOpen={open} />}
        {visible.nodeCount === 0 && (
          <p className="empty-view" role="status">
            Nothing to draw with these filters.
          </p>
        )}
        {drop.dragging && <DropOverlay canAdd={canAdd} />}
      </main>

      <aside className="sidebar right" aria-label="Details" ref={rightRef}>
        {selected !== null ? (
          <DetailsPanel
            key={selected}
            graph={leveled}
            selected={selected}
            lens={filter.lens}
            drawn={selectedDrawn}
            onOpen={open}
            onLens={(lens) => dispatch({ type: "setLens", lens })}
            onFocusCluster={focusCluster}
          />
        ) : (
          <Overview graph={graph} onOpen={open} />
        )}
        <PeoplePanel
          graph={leveled}
          query={state.people}
          ranking={ranking}
          onQuery={(query) => {
            dispatch({ type: "setPeople", query });
            if (query && filter.lens !== "coauthor") dispatch({ type: "setLens", lens: "coauthor" });
          }}
          onOpen={open}
        />
        <PathsPanel
          graph={graph}
          index={index}
          selected={selected}
          ego={ego}
          egoSize={egoSize}
          pathTarget={pathTarget}
          path={path}
          minShared={filter.minSharedPapers}
          includeLarge={filter.includeLargePapers}
          largeOnlyPath={largeOnlyPath}
          largeCut={attrs.largePapers?.maxAuthors ?? 0}
          onIncludeLarge={() => dispatch({ type: "setFilter", patch: { includeLargePapers: true } })}
          onEgo={(e) => dispatch({ type: "setEgo", ego: e })}
          onPathTarget={(k) => dispatch({ type: "setPathTarget", key: k })}
          onOpen={open}
          onFocusPath={() => path && dispatch({ type: "focusNodes", keys: path })}
        />
      </aside>

      <StatusBar
        attrs={attrs}
        order={graph.order}
        visibleNodes={visible.nodeCount}
        visibleEdges={visible.edgeCount}
        drawn={drawnInfo}
        warnings={loadWarnings}
        filter={filter}
        shown={shown}
        kept={kept}
        onForget={onForget}
        rendererError={rendererError}
        playNote={step ? stepNote(step) : null}
      />
    </div>
  );
}
