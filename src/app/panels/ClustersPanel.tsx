/**
 * Research clusters and co-author communities: label, size, colour, leading terms. Clicking a name frames its nodes;
 * the checkbox shows or hides it (ViewFilter.hiddenClusters, one partition at a time). "Why?" explains a research
 * cluster: its distinctive terms with their weights and its most typical papers.
 */
import { useState } from "react";
import type { ClusterInfo } from "../../model/graph-file";
import type { ViewFilter } from "../../model/view-filter";
import type { PaperGraph } from "../data/types";
import { NodeLink } from "./NodeLinks";

type Mode = ViewFilter["clusterMode"];

export function sortedClusters(table: Record<string, ClusterInfo> | undefined): { id: number; info: ClusterInfo }[] {
  return Object.entries(table ?? {})
    .map(([id, info]) => ({ id: Number(id), info }))
    .filter((c) => Number.isInteger(c.id))
    .sort((a, b) => b.info.size - a.info.size || a.id - b.id);
}

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
  onToggle: (mode: Mode, id: number) => void;
  onShowAll: () => void;
  onFocus: (mode: Mode, id: number) => void;
  /** Opens a node's details (the typical papers of a research cluster link to theirs). */
  onOpen?: (key: string) => void;
}) {
  const { graph, filter } = props;
  const [mode, setMode] = useState<Mode>(filter.clusterMode);
  const table = graph.getAttribute(mode === "community" ? "communities" : "topicClusters") as Record<string, ClusterInfo> | undefined;
  const clusters = sortedClusters(table);
  const hidden = filter.clusterMode === mode ? new Set(filter.hiddenClusters) : new Set<number>();
  const [showAll, setShowAll] = useState(false);
  const [explained, setExplained] = useState<number | null>(null);
  const shown = showAll ? clusters : clusters.slice(0, 15);
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
            {mode === "topicCluster" && explained === id && <ClusterExplanation graph={graph} info={info} onOpen={props.onOpen} />}
          </li>
        ))}
      </ul>
      {clusters.length > 15 && (
        <button type="button" className="more" aria-expanded={showAll} onClick={() => setShowAll((v) => !v)}>
          {showAll ? "Show fewer" : `Show all ${clusters.length}`}
        </button>
      )}
    </section>
  );
}
