/**
 * The groups that colour the view (research clusters or co-author communities, whichever the Colour choice shows):
 * label, size, the colour the canvas draws them in (src/model/appearance.ts), leading terms. Clicking a name frames
 * its visible nodes; the checkbox shows or hides it (ViewFilter.hiddenClusters, one partition at a time). While the
 * colours show years, either partition can be listed, without swatches (the canvas does not draw them). "why?"
 * explains a research cluster: its distinctive terms with their weights and its most typical papers.
 */
import { useState } from "react";
import { groupColor, groupColors, groupModeOf, isNoLinks, sortedGroups, type GroupMode, type ResolvedColorMode } from "../../model/appearance";
import type { ClusterInfo } from "../../model/graph-file";
import type { ViewFilter } from "../../model/view-filter";
import type { PaperGraph } from "../data/types";
import { levelsOf, sliderSteps, stepIndexOf } from "../state/levels-view";
import { NodeLink } from "./NodeLinks";

type Mode = ViewFilter["clusterMode"];

/** What a group's size counts: research clusters are sets of papers, communities sets of authors. */
export function sizeUnit(mode: GroupMode, n: number): string {
  return mode === "community" ? (n === 1 ? "author" : "authors") : n === 1 ? "paper" : "papers";
}

/** Ids hidden in `mode`: the filter hides clusters of one partition at a time, so the other shows all. */
export function hiddenClustersIn(filter: ViewFilter, mode: Mode): Set<number> {
  return filter.clusterMode === mode ? new Set(filter.hiddenClusters) : new Set<number>();
}

/** Rows shown before "Show all N" (the seeds have 26 communities). */
export const CLUSTERS_SHOWN = 15;

/** Why a research cluster exists: what its papers say more than the corpus does, and which papers say it most. */
export function ClusterExplanation(props: { graph: PaperGraph; info: ClusterInfo; onOpen?: (key: string) => void }) {
  const { graph, info, onOpen } = props;
  const weights = info.termWeights ?? info.terms.map((term) => ({ term, weight: Number.NaN }));
  const papers = (info.typicalPapers ?? []).filter((k) => graph.hasNode(k));
  return (
    <div className="cluster-why">
      <p className="small muted">Distinctive terms (weight: how much more its papers use a term than the corpus does)</p>
      <ul className="chips" aria-label={`Distinctive terms of ${info.label}`}>
        {weights.map((t) => (
          <li key={t.term} className="chip">
            {t.term}
            {Number.isFinite(t.weight) && <span className="muted"> {t.weight.toFixed(2)}</span>}
          </li>
        ))}
      </ul>
      {papers.length > 0 && (
        <>
          <p className="small muted">Most typical papers</p>
          <ol className="ref-list" aria-label={`Typical papers of ${info.label}`}>
            {papers.map((k) => (
              <li key={k}>
                {onOpen ? (
                  <NodeLink nodeKey={k} kind="paper" onOpen={onOpen}>
                    {String(graph.getNodeAttribute(k, "label"))}
                  </NodeLink>
                ) : (
                  String(graph.getNodeAttribute(k, "label"))
                )}
              </li>
            ))}
          </ol>
        </>
      )}
    </div>
  );
}

export function ClustersPanel(props: {
  graph: PaperGraph;
  filter: ViewFilter;
  colorMode: ResolvedColorMode;
  onToggle: (mode: Mode, id: number) => void;
  onShowAll: () => void;
  onFocus: (mode: Mode, id: number) => void;
  /** Opens a node's details (the typical papers of a research cluster link to theirs). */
  onOpen?: (key: string) => void;
  /** The Resolution slider moved: the partition's level (a ladder index). */
  onLevel?: (mode: Mode, level: number) => void;
  showUnstable?: boolean;
  onShowUnstable?: (on: boolean) => void;
  /** How many nodes "Show unstable nodes" lights, and the stability at or below which they are. */
  unstable?: { count: number; threshold: number | null };
  /** Asks "People on this topic" about a research cluster. */
  onPeople?: (id: number) => void;
}) {
  const { graph, filter, colorMode } = props;
  const coloured = groupModeOf(colorMode);
  const [tab, setTab] = useState<Mode>(filter.clusterMode);
  const mode: Mode = coloured ?? tab;
  const table = graph.getAttribute(mode === "community" ? "communities" : "topicClusters") as Record<string, ClusterInfo> | undefined;
  const clusters = sortedGroups(table);
  const colors = groupColors(table);
  const hidden = hiddenClustersIn(filter, mode);
  const [showAll, setShowAll] = useState(false);
  const [explained, setExplained] = useState<number | null>(null);
  const shown = showAll ? clusters : clusters.slice(0, CLUSTERS_SHOWN);
  const name = mode === "community" ? "Co-author communities" : "Research clusters";
  const attrs = graph.getAttributes();
  const steps = sliderSteps(attrs, mode);
  const level = levelsOf(graph)[mode];
  const at = steps.length ? stepIndexOf(steps, level, attrs, mode) : 0;
  const step = steps[at];
  return (
    <section className="panel" aria-labelledby="clusters-title" data-testid="clusters-panel" data-mode={mode} data-groups={clusters.length}>
      <h2 id="clusters-title">Clusters</h2>
      {coloured ? (
        <p className="small muted" data-testid="clusters-mode">
          {name}, as coloured on the graph (change with Colour).
        </p>
      ) : (
        <>
          <p className="small muted">Colours show years; the clusters are listed without colours.</p>
          <div className="segmented" role="group" aria-label="Partition">
            <button type="button" aria-pressed={mode === "topicCluster"} onClick={() => setTab("topicCluster")}>
              Research clusters
            </button>
            <button type="button" aria-pressed={mode === "community"} onClick={() => setTab("community")}>
              Co-author communities
            </button>
          </div>
        </>
      )}
      {steps.length > 1 && step && (
        <div className="resolution" data-testid="resolution">
          <label className="small" htmlFor={`resolution-${mode}`}>
            Resolution <span className="muted">({step.count} groups, resolution {step.resolution})</span>
          </label>
          <input
            id={`resolution-${mode}`}
            type="range"
            aria-label="Resolution"
            min={0}
            max={steps.length - 1}
            step={1}
            value={at}
            aria-valuetext={`${step.count} groups (resolution ${step.resolution})`}
            onChange={(e) => props.onLevel?.(mode, steps[Number(e.target.value)]!.level)}
          />
          <div className="resolution-ends small muted" aria-hidden="true">
            <span>fewer, larger</span>
            <span>more, smaller</span>
          </div>
        </div>
      )}
      {props.onShowUnstable && (
        <label className="check small">
          <input type="checkbox" checked={props.showUnstable === true} onChange={(e) => props.onShowUnstable!(e.target.checked)} /> Show unstable nodes
          {props.showUnstable && props.unstable && (
            <span className="muted" data-testid="unstable-count">
              {" "}
              ({props.unstable.count} at stability {props.unstable.threshold === null ? "–" : `≤ ${props.unstable.threshold.toFixed(2)}`})
            </span>
          )}
        </label>
      )}
      {filter.hiddenClusters.length > 0 && (
        <p className="small">
          {filter.hiddenClusters.length} hidden ({filter.clusterMode === "community" ? "communities" : "research clusters"}).{" "}
          <button type="button" className="link" onClick={props.onShowAll}>
            Show all
          </button>
        </p>
      )}
      {clusters.length === 0 && <p className="muted">This graph has no {mode === "community" ? "communities" : "clusters"}.</p>}
      <ul className="cluster-list">
        {shown.map(({ id, info }) => (
          <li key={id} className={hidden.has(id) ? "is-hidden" : undefined}>
            <input
              type="checkbox"
              id={`cl-${mode}-${id}`}
              checked={!hidden.has(id)}
              onChange={() => props.onToggle(mode, id)}
              aria-label={`Show ${info.label}`}
            />
            {coloured && <span className="swatch" style={{ background: groupColor(colors, id) }} aria-hidden="true" />}
            <button
              type="button"
              className="link cluster-name"
              onClick={() => props.onFocus(mode, id)}
              title={[info.label, isNoLinks(info) ? "authors whose papers make no co-author links" : info.terms.join(", ")].filter(Boolean).join(" — ")}
            >
              {info.label}
            </button>
            <span className="count">
              {info.size}
              <span className="visually-hidden"> {sizeUnit(mode, info.size)}</span>
            </span>
            {mode === "topicCluster" && (
              <button
                type="button"
                className="link why"
                aria-expanded={explained === id}
                aria-label={`Why ${info.label}?`}
                onClick={() => setExplained((e) => (e === id ? null : id))}
              >
                why?
              </button>
            )}
            {mode === "topicCluster" && props.onPeople && (
              <button type="button" className="link why" aria-label={`People on ${info.label}`} onClick={() => props.onPeople!(id)}>
                people
              </button>
            )}
            {mode === "topicCluster" && explained === id && <ClusterExplanation graph={graph} info={info} onOpen={props.onOpen} />}
          </li>
        ))}
      </ul>
      {clusters.length > CLUSTERS_SHOWN && (
        <button type="button" className="more" aria-expanded={showAll} onClick={() => setShowAll((v) => !v)}>
          {showAll ? "Show fewer" : `Show all ${clusters.length}`}
        </button>
      )}
    </section>
  );
}
