/**
 * The explorer for one loaded graph: owns the single UI store, derives what is drawn (visibleMask, the same
 * definition the exporters use; chooseDrawn, the overview of a lens too big to draw whole), and lays out the graph and
 * the panels. Remounted (key) when another graph is opened. Heavy work stays off the first frame: the search index is
 * started once the first frame is drawn (in a worker in the browser), panels fetch heavy text when they open.
 */
import { useCallback, useEffect, useMemo, useReducer, useRef, useState, type ReactNode } from "react";
import type { ClusterInfo } from "../model/graph-file";
import { visibleMask, type Lens } from "../model/view-filter";
import { inlineSearch, type SearchService } from "./data/search-service";
import type { PaperGraph } from "./data/types";
import { GraphErrorBoundary } from "./canvas/GraphErrorBoundary";
import { GraphView } from "./canvas/GraphView";
import type { GraphApi } from "./canvas/ReadyController";
import { computeHighlight, nodeOnScreen, pickForcedLabels, type DisplayState } from "./canvas/reducers";
import type { DrawnInfo } from "./canvas/RenderController";
import { chooseDrawn, edgeColor, edgeOfRenderKey, type Appearance } from "./canvas/render-graph";
import { COLOR_MODE_LABEL, computeSizesAt, LOOKS, resolveColorMode } from "../model/appearance";
import { ClustersPanel } from "./panels/ClustersPanel";
import { DetailsPanel } from "./panels/DetailsPanel";
import { FiltersPanel } from "./panels/FiltersPanel";
import { ExportMenu, type PngRequest } from "./panels/ExportMenu";
import { Legend, METRIC_LABEL } from "./panels/Legend";
import { LabelOverflow } from "./panels/LabelOverflow";
import type { OpenMode } from "./data/input-set";
import { Overview } from "./panels/Overview";
import { PathsPanel } from "./panels/PathsPanel";
import { SearchBox } from "./panels/SearchBox";
import { StatusBar } from "./panels/StatusBar";
import { clusterMembers, collaborationPath, displayName, framingSet, isolatedAuthors, maxSharedPapers, pathEdges, yearHistogram } from "./state/selectors";
import { INITIAL_UI_STATE, SIZE_METRICS, uiReducer, type ColorMode, type SharedState, type SizeMetric, type UiState } from "./state/ui-state";
import { useUrlSync } from "./state/use-url-sync";
import { parseUrlState, sanitizeForGraph, serializeUrlState } from "./state/url-state";
import { useTheme } from "./state/use-theme";
import { useViewLook } from "./state/view-look";
import { publishTestHooks } from "./test-hooks";
import { graphAtLevels, levelsOf, unstableNodes } from "./state/levels-view";
import { graphTimeline, hiddenAtStep, playYears, stepNote, yearStep } from "./state/timeline";
import { rankPeople } from "./state/people";
import { PeoplePanel } from "./panels/PeoplePanel";
import { ReviewMenu } from "./panels/ReviewPanel";
import type { ReviewCorrections } from "./state/use-corrections";
import { groupModeOf } from "../model/appearance";
import { ladderOf } from "../model/levels";
import type { Highlight } from "./canvas/reducers";

const LENSES: { lens: Lens; label: string }[] = [
  { lens: "coauthor", label: "Co-authors" },
  { lens: "topics", label: "Topics" },
  { lens: "full", label: "Full graph" },
];

function clusterIdSet(...tables: (Record<string, ClusterInfo> | undefined)[]): Set<number> {
  return new Set(tables.flatMap((t) => Object.keys(t ?? {})).map(Number).filter(Number.isInteger));
}

/** Ids of a partition's groups at every level of its ladder (a link may hide groups of any level). */
function ladderIds(attrs: ReturnType<PaperGraph["getAttributes"]>, mode: "community" | "topicCluster"): Set<number> {
  const main = mode === "community" ? attrs.communities : attrs.topicClusters;
  return clusterIdSet(main, ...(ladderOf(attrs, mode)?.levels.map((l) => l.groups) ?? []));
}

/** Lights a set of nodes and the visible edges among them (unstable nodes, people on a topic). */
function lightNodes(graph: PaperGraph, nodes: readonly number[], visible: { nodes: Uint8Array; edges: Uint8Array }): Highlight {
  const keys = new Set<string>();
  const on = new Uint8Array(graph.order);
  for (const i of nodes) if (visible.nodes[i]) {
    keys.add(graph.keys[i]!);
    on[i] = 1;
  }
  const edges = new Set<number>();
  for (const i of nodes) {
    if (!on[i]) continue;
    for (let p = graph.adjOffsets[i]!; p < graph.adjOffsets[i + 1]!; p++) {
      const e = graph.adjEdges[p]!;
      if (visible.edges[e] && on[graph.otherEnd(e, i)]) edges.add(e);
    }
  }
  return { nodes: keys, edges };
}

/** People on a topic lit on the canvas at most (the list shows 25; the CSV holds all). */
const PEOPLE_LIT = 100;

function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el || !el.tagName) return false;
  return el.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(el.tagName);
}

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

/** Which drop zone a drop landed on (the overlay has one per mode). */
function dropMode(target: EventTarget | null, canAdd: boolean): OpenMode {
  const zone = (target as HTMLElement | null)?.closest?.("[data-drop]") as HTMLElement | null;
  return canAdd && zone?.dataset.drop === "add" ? "add" : "replace";
}

export function Explorer({ graph, search, loadWarnings = [], shown, kept, openControl, onOpenFiles, canAdd, onOpenJson, onForget, corrections }: ExplorerProps) {
  const attrs = graph.getAttributes();
  const clusterIds = useMemo(
    () => ({ community: ladderIds(graph.getAttributes(), "community"), topicCluster: ladderIds(graph.getAttributes(), "topicCluster") }),
    [graph],
  );
  const sanitize = useCallback((s: SharedState) => sanitizeForGraph(s, (k) => graph.hasNode(k), clusterIds, graph.getAttributes()), [graph, clusterIds]);
  const [state, dispatch] = useReducer(uiReducer, null, (): UiState => {
    const shared = sanitize(parseUrlState(window.location.hash));
    // A link with a selection but no camera opens centred on the selection.
    let focus: UiState["focus"] = null;
    if (shared.selected !== null && !shared.camera) focus = { keys: framingSet(graph, shared.selected, visibleMask(graph, shared.filter)), seq: 1 };
    return { ...INITIAL_UI_STATE, ...shared, focus };
  });
  useUrlSync(state, dispatch, sanitize);

  const index = useMemo(() => search ?? inlineSearch(graph), [search, graph]);
  const histogram = useMemo(() => yearHistogram(graph), [graph]);
  const maxShared = useMemo(() => maxSharedPapers(graph), [graph]);
  const { theme, toggle: toggleTheme } = useTheme();
  const { selected, hovered, ego, pathTarget, filter, colorMode, sizeMetric } = state;
  const sizes = useMemo(() => computeSizesAt(graph, sizeMetric), [graph, sizeMetric]);
  // The graph at the Resolution slider's levels: colours, legend, cluster labels, panels. Structure stays the graph's,
  // so a slider move recolours the render graph in place; the level matters to visibility only when groups are hidden.
  const leveled = useMemo(() => graphAtLevels(graph, state.levels), [graph, state.levels]);
  const filterGraph = filter.hiddenClusters.length ? leveled : graph;
  const visible = useMemo(() => visibleMask(filterGraph, filter), [filterGraph, filter]);
  const viewLook = useViewLook(leveled, colorMode, filter.lens, visible, theme);
  // What is drawn and how (model/appearance.ts: sizes, colours in the view's mode, the theme's edge colours).
  const appearance = useMemo<Appearance>(() => ({ sizes, colors: viewLook.colors, look: viewLook.look }), [sizes, viewLook.colors, viewLook.look]);
  const drawn = useMemo(() => chooseDrawn(graph, visible), [graph, visible]);
  const [drawnInfo, setDrawnInfo] = useState<DrawnInfo | null>(null);
  const isolated = useMemo(() => isolatedAuthors(graph, visible), [graph, visible]);
  const includeLarge = filter.includeLargePapers;
  const path = useMemo(
    () => (selected !== null && pathTarget !== null ? collaborationPath(graph, selected, pathTarget, filter.minSharedPapers, includeLarge) : null),
    [graph, selected, pathTarget, filter.minSharedPapers, includeLarge],
  );
  // Without the links of papers above the author cut and no path: is there one through them? (Said, not drawn.)
  const largeOnlyPath = useMemo(
    () => (path === null && !includeLarge && selected !== null && pathTarget !== null ? collaborationPath(graph, selected, pathTarget, filter.minSharedPapers, true) : null),
    [graph, path, includeLarge, selected, pathTarget, filter.minSharedPapers],
  );
  const pathEdgeIds = useMemo(() => (path ? pathEdges(graph, path) : []), [graph, path]);
  // Play (Years filter): the year shown, stepping about once a second; the timeline is made once, on first Play.
  const [play, setPlay] = useState<{ year: number | null; playing: boolean; speed: number }>({ year: null, playing: false, speed: 1 });
  const started = play.year !== null;
  const timeline = useMemo(() => (started ? graphTimeline(graph) : null), [graph, started]);
  const step = useMemo(() => (timeline && play.year !== null ? yearStep(graph, filter, visible, timeline, play.year) : null), [graph, filter, visible, timeline, play.year]);
  useEffect(() => {
    if (!play.playing) return;
    const all = playYears(graph, filter);
    if (!all.length) {
      setPlay((p) => ({ ...p, playing: false, year: null }));
      return;
    }
    const next = play.year === null ? all[0]! : all.find((y) => y > play.year!);
    const timer = setTimeout(
      () => setPlay((p) => (next === undefined ? { ...p, playing: false, year: null } : { ...p, year: next })),
      play.year === null ? 0 : 1000 / play.speed,
    );
    return () => clearTimeout(timer);
  }, [play, graph, filter]);
  // A new view (lens, filters) while paused at a year: the step follows it; a finished Play shows everything again.
  const stepHidden = useMemo(() => (step ? hiddenAtStep(graph, drawn, step) : null), [graph, drawn, step]);

  // What a panel lights when nothing is hovered or selected: the year's new links, the people on a topic, unstable nodes.
  const unstableMode = groupModeOf(viewLook.mode) ?? filter.clusterMode;
  const unstable = useMemo(() => (state.showUnstable ? unstableNodes(leveled, unstableMode, visible.nodes) : null), [state.showUnstable, leveled, unstableMode, visible]);
  const people = state.people;
  const ranking = useMemo(() => (people ? rankPeople(leveled, people) : null), [leveled, people]);
  const overlay = useMemo<Highlight | null>(() => {
    if (step) {
      const nodes = new Set<string>();
      for (const e of step.newLinks) if (!stepHidden?.edges.has(e)) {
        nodes.add(graph.keys[graph.edgeSource[e]!]!);
        nodes.add(graph.keys[graph.edgeTarget[e]!]!);
      }
      return step.newLinks.length ? { nodes, edges: new Set(step.newLinks) } : null;
    }
    if (ranking) return lightNodes(graph, ranking.people.slice(0, PEOPLE_LIT).map((p) => graph.nodeIndex(p.key)), visible);
    if (unstable) return lightNodes(graph, unstable.nodes, visible);
    return null;
  }, [graph, step, stepHidden, ranking, unstable, visible]);
  const highlight = useMemo(
    () => computeHighlight(graph, visible, { hovered, selected, ego }, path, pathEdgeIds) ?? overlay,
    [graph, visible, hovered, selected, ego, path, pathEdgeIds, overlay],
  );
  const display = useMemo<DisplayState>(
    () => ({
      selected,
      highlight,
      forcedLabels: pickForcedLabels(graph, highlight, sizes),
      path: { nodes: new Set(path ?? []), edges: new Set(pathEdgeIds) },
      look: viewLook.look,
      timeline: stepHidden,
    }),
    [graph, selected, highlight, path, pathEdgeIds, sizes, viewLook.look, stepHidden],
  );
  // What exports draw unless "as shown" is ticked: the view's real colours, no dimming, no forced labels, light.
  const exportDisplay = useMemo<DisplayState>(
    () => ({ ...display, highlight: null, forcedLabels: new Set(), path: { nodes: new Set(), edges: new Set() }, look: LOOKS.light, timeline: null }),
    [display],
  );
  const [overflow, setOverflow] = useState<string[]>([]);

  // Renderer-backed operations arrive after the first frame.
  const [api, setApi] = useState<GraphApi | null>(null);
  const [rendererError, setRendererError] = useState<string | null>(null);
  // The search index is built once the first frame is drawn (or drawing failed): never while the user waits for it.
  const [searchReady, setSearchReady] = useState(false);
  useEffect(() => {
    if (api === null && rendererError === null) return;
    index.start();
    let live = true;
    index.whenReady().then(
      () => live && setSearchReady(true),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [api, rendererError, index]);

  const open = useCallback(
    (key: string) => dispatch({ type: "select", key, focus: true, focusKeys: framingSet(graph, key, visible) }),
    [graph, visible],
  );
  const focusCluster = useCallback(
    (mode: "community" | "topicCluster", id: number) => {
      const members = clusterMembers(leveled, mode, id).filter((k) => visible.nodes[graph.nodeIndex(k)] === 1);
      dispatch({ type: "focusNodes", keys: members });
    },
    [graph, leveled, visible],
  );
  const viewMode = viewLook.mode;
  const onCanvasCluster = useCallback(
    (id: number) => {
      if (viewMode === "community" || viewMode === "topicCluster") focusCluster(viewMode, id);
    },
    [viewMode, focusCluster],
  );
  // A new selection opens its panel at the top, not where the previous one was scrolled to.
  const rightRef = useRef<HTMLElement>(null);
  useEffect(() => {
    rightRef.current?.scrollTo?.({ top: 0 });
    if (rightRef.current && !rightRef.current.scrollTo) rightRef.current.scrollTop = 0;
  }, [selected]);

  const searchRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "/" && !isTyping(e.target) && !e.ctrlKey && !e.metaKey && !e.altKey) {
        e.preventDefault();
        searchRef.current?.focus();
      } else if (e.key === "Escape" && !e.defaultPrevented) {
        dispatch({ type: "select", key: null });
      }
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, []);

  const selectedName = selected !== null ? displayName(graph.getNodeAttributes(selected)) : null;
  useEffect(() => {
    document.title = selectedName ? `${selectedName} · papergraph` : "papergraph explorer";
  }, [selectedName]);

  useEffect(() => {
    publishTestHooks({
      ready: api !== null || rendererError !== null,
      rendererOk: api !== null,
      selected,
      hovered,
      lens: filter.lens,
      filter,
      visibleNodeCount: visible.nodeCount,
      visibleEdgeCount: visible.edgeCount,
      renderedNodeCount: api ? api.renderedNodeCount() : null,
      drawnNodeCount: drawnInfo?.nodes ?? drawn.nodes.length,
      drawnEdgeCount: drawnInfo?.edges ?? drawn.edges.length,
      overview: drawn.overview,
      searchReady,
      camera: state.camera,
      path,
      graphOrder: graph.order,
      graphSize: graph.size,
      error: rendererError,
      nodePagePosition: (key) => (api ? api.pagePosition(key) : null),
      renderCount: () => (api ? api.renderCount() : 0),
      colorMode: viewLook.mode,
      theme,
      isolatedAuthors: isolated,
      clusterLabels: viewLook.clusterLabels.map((c) => ({ id: c.id, label: c.label, count: c.count })),
      labelOverflow: overflow,
      drawnLabels: () => (api ? api.labels() : []),
      nodeColor: (key) => (api ? api.nodeColor(key) : null),
      lastPngLabels: () => lastPngLabels.current,
      levels: levelsOf(leveled),
      groupCount: Object.keys(leveled.getAttribute(unstableMode === "community" ? "communities" : "topicClusters") ?? {}).length,
      legendRows: viewLook.legend.kind === "groups" ? viewLook.legend.rows.length : null,
      unstableCount: unstable ? unstable.nodes.length : null,
      highlightedNodes: highlight ? highlight.nodes.size : 0,
      highlightedEdges: highlight ? [...highlight.edges] : [],
      play: step ? { year: step.year, visibleEdges: step.mask.edgeCount, visibleNodes: step.mask.nodeCount, newLinks: step.newLinks.length, playing: play.playing } : null,
      people: ranking ? ranking.people.slice(0, 10).map((p) => ({ key: p.key, score: p.score })) : null,
    });
  }, [api, rendererError, selected, hovered, filter, visible, drawn, drawnInfo, searchReady, state.camera, path, graph, display, viewLook, theme, isolated, overflow, leveled, unstableMode, unstable, highlight, step, play.playing, ranking]);

  const viewUrl = window.location.origin + window.location.pathname + serializeUrlState(state);
  const nodeDisplayFn = useCallback(
    (key: string, asShown: boolean) => nodeOnScreen(graph, key, visible, appearance, asShown ? display : exportDisplay),
    [graph, visible, appearance, display, exportDisplay],
  );

  const lastPngLabels = useRef<{ text: string; x0: number; y0: number; x1: number; y1: number }[]>([]);
  const capture = useCallback(
    async (opts: PngRequest) => {
      if (!api) throw new Error("The graph is not drawn in this browser, so there is no picture to export.");
      const look = LOOKS[opts.dark ? "dark" : "light"];
      const shot = await api.capturePng({
        scale: opts.scale,
        framing: opts.framing,
        display: opts.asShown ? display : exportDisplay,
        look,
        edgeColor: (k) => edgeColor(graph, edgeOfRenderKey(k), look),
        clusters: viewLook.clusterLabels,
        legend: opts.legend ? viewLook.legend : null,
      });
      lastPngLabels.current = shot.labels.map((l) => ({ text: l.text, ...l.box }));
      return shot.blob;
    },
    [api, graph, display, exportDisplay, viewLook],
  );

  // Identity review "Apply": the corrected thesaurus replaces the open one and the opened files are rebuilt (worker).
  const applyThesaurus = useCallback(
    (csv: string) => onOpenFiles([new File([csv], "thesaurus.csv", { type: "text/csv" })], "add"),
    [onOpenFiles],
  );

  const [dragging, setDragging] = useState(false);
  const selectedDrawn = selected !== null && visible.nodes[graph.nodeIndex(selected)] === 1;
  const egoSize = ego > 0 && selectedDrawn && highlight && !hovered ? highlight.nodes.size : 0;

  return (
    <div
      className="app"
      onDragOver={(e) => {
        if (e.dataTransfer.types.includes("Files")) {
          e.preventDefault();
          setDragging(true);
        }
      }}
      onDragLeave={(e) => {
        // Leaving the window (no element entered next) ends the drag; moving between the overlay's zones does not.
        if (e.relatedTarget === null) setDragging(false);
      }}
      onDrop={(e) => {
        e.preventDefault();
        setDragging(false);
        const files = [...e.dataTransfer.files];
        if (files.length) onOpenFiles(files, dropMode(e.target, canAdd));
      }}
    >
      <header className="toolbar">
        <h1 className="brand">
          <img src="./favicon.svg" alt="" width={22} height={22} /> papergraph
        </h1>
        <SearchBox
          ref={searchRef}
          index={index}
          label="Search authors, papers and topics"
          placeholder="Search authors, papers, topics…  ( / )"
          value={state.query}
          onChange={(q) => dispatch({ type: "setQuery", query: q })}
          onChoose={(h) => {
            dispatch({ type: "setQuery", query: "" });
            open(h.key);
          }}
          testId="search-input"
        />
        <div className="segmented" role="group" aria-label="Lens">
          {LENSES.map((l) => (
            <button key={l.lens} type="button" aria-pressed={filter.lens === l.lens} onClick={() => dispatch({ type: "setLens", lens: l.lens })}>
              {l.label}
            </button>
          ))}
        </div>
        <label className="select">
          <span>Colour</span>
          <select value={colorMode} onChange={(e) => dispatch({ type: "setColorMode", mode: e.target.value as ColorMode })}>
            <option value="auto">Automatic ({COLOR_MODE_LABEL[resolveColorMode("auto", filter.lens)]})</option>
            <option value="topicCluster">Research cluster</option>
            <option value="community">Co-author community</option>
            <option value="yearFirst">First publication year</option>
            <option value="yearMean">Mean publication year</option>
          </select>
        </label>
        <label className="select">
          <span>Size</span>
          <select value={sizeMetric} onChange={(e) => dispatch({ type: "setSizeMetric", metric: e.target.value as SizeMetric })}>
            {SIZE_METRICS.map((m) => (
              <option key={m} value={m}>
                {METRIC_LABEL[m]}
              </option>
            ))}
          </select>
        </label>
        {openControl}
        <ReviewMenu graph={graph} selected={selected} onApply={canAdd ? applyThesaurus : undefined} corrections={corrections} />
        <ExportMenu
          graph={graph}
          levels={levelsOf(leveled)}
          filter={filter}
          viewUrl={viewUrl}
          colorMode={viewLook.mode}
          nodeDisplay={nodeDisplayFn}
          capturePng={capture}
          onOpenGraph={onOpenJson}
        />
        <button
          type="button"
          className="button theme-toggle"
          aria-pressed={theme === "dark"}
          onClick={toggleTheme}
          title={theme === "dark" ? "Switch to the light theme" : "Switch to the dark theme"}
        >
          <span aria-hidden="true">{theme === "dark" ? "☀" : "☾"}</span> Dark mode
        </button>
      </header>

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
            if (patch.yearRange !== undefined) setPlay((p) => ({ ...p, playing: false, year: null }));
            dispatch({ type: "setFilter", patch });
          }}
          play={play}
          onPlay={(on) => setPlay((p) => (on ? { ...p, playing: true, year: p.year } : { ...p, playing: false }))}
          onSpeed={(speed) => setPlay((p) => ({ ...p, speed }))}
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
        {dragging && (
          <div className="drop-overlay" data-testid="drop-overlay">
            <div className="drop-zone" data-drop="replace">
              Drop to open: exports, listings (with a thesaurus) or a graph.json
            </div>
            {canAdd && (
              <div className="drop-zone" data-drop="add">
                Drop here to add them to this graph
              </div>
            )}
          </div>
        )}
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
          query={people}
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
          includeLarge={includeLarge}
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
