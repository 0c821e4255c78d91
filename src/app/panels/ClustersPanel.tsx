/**
 * Research clusters and co-author communities: label, size, colour, leading terms. Clicking a name frames its nodes;
 * the checkbox shows or hides it (ViewFilter.hiddenClusters, one partition at a time).
 */
import { useState } from "react";
import type { ClusterInfo } from "../../model/graph-file";
import type { ViewFilter } from "../../model/view-filter";
import type { PaperGraph } from "../data/types";

type Mode = ViewFilter["clusterMode"];

export function sortedClusters(table: Record<string, ClusterInfo> | undefined): { id: number; info: ClusterInfo }[] {
  return Object.entries(table ?? {})
    .map(([id, info]) => ({ id: Number(id), info }))
    .filter((c) => Number.isInteger(c.id))
    .sort((a, b) => b.info.size - a.info.size || a.id - b.id);
}

/** Ids hidden in `mode`: the filter hides clusters of one partition at a time, so the other shows all. */
export function hiddenClustersIn(filter: ViewFilter, mode: Mode): Set<number> {
  return filter.clusterMode === mode ? new Set(filter.hiddenClusters) : new Set<number>();
}

/** Rows shown before "Show all N" (the seeds have 26 communities). */
export const CLUSTERS_SHOWN = 15;

export function ClustersPanel(props: {
  graph: PaperGraph;
  filter: ViewFilter;
  onToggle: (mode: Mode, id: number) => void;
  onShowAll: () => void;
  onFocus: (mode: Mode, id: number) => void;
}) {
  const { graph, filter } = props;
  const [mode, setMode] = useState<Mode>(filter.clusterMode);
  const table = graph.getAttribute(mode === "community" ? "communities" : "topicClusters") as Record<string, ClusterInfo> | undefined;
  const clusters = sortedClusters(table);
  const hidden = hiddenClustersIn(filter, mode);
  const [showAll, setShowAll] = useState(false);
  const shown = showAll ? clusters : clusters.slice(0, CLUSTERS_SHOWN);
  return (
    <section className="panel" aria-labelledby="clusters-title" data-testid="clusters-panel">
      <h2 id="clusters-title">Clusters</h2>
      <div className="segmented" role="group" aria-label="Partition">
        <button type="button" aria-pressed={mode === "topicCluster"} onClick={() => setMode("topicCluster")}>
          Research clusters
        </button>
        <button type="button" aria-pressed={mode === "community"} onClick={() => setMode("community")}>
          Co-author communities
        </button>
      </div>
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
            <span className="swatch" style={{ background: info.color }} aria-hidden="true" />
            <button type="button" className="link cluster-name" onClick={() => props.onFocus(mode, id)} title={info.terms.join(", ")}>
              {info.label}
            </button>
            <span className="count" aria-label={`${info.size} nodes`}>
              {info.size}
            </span>
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
