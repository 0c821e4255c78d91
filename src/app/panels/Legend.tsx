/** What colours and sizes mean in the current view; also the legend items handed to the PNG capture. */
import type { ClusterInfo } from "../../model/graph-file";
import type { PaperGraph } from "../data/types";
import type { ColorMode, SizeMetric } from "../state/ui-state";
import { sortedClusters } from "./ClustersPanel";

export const METRIC_LABEL: Record<SizeMetric, string> = {
  pagerank: "PageRank",
  degree: "degree",
  betweenness: "betweenness",
  paperCount: "paper count",
};

/** Largest clusters of the partition the colours come from, at most `max`. */
export function legendItems(graph: PaperGraph, colorMode: ColorMode, max = 8): { label: string; color: string }[] {
  const table = graph.getAttribute(colorMode === "community" ? "communities" : "topicClusters") as Record<string, ClusterInfo> | undefined;
  return sortedClusters(table)
    .slice(0, max)
    .map((c) => ({ label: c.info.label, color: c.info.color }));
}

export function Legend(props: { graph: PaperGraph; colorMode: ColorMode; sizeMetric: SizeMetric }) {
  const items = legendItems(props.graph, props.colorMode);
  const total = Object.keys(props.graph.getAttribute(props.colorMode === "community" ? "communities" : "topicClusters") ?? {}).length;
  return (
    <details className="legend" open data-testid="legend">
      <summary className="legend-title">Legend · colour: {props.colorMode === "community" ? "co-author community" : "research cluster"}</summary>
      <ul>
        {items.map((it) => (
          <li key={`${it.label}-${it.color}`}>
            <span className="swatch" style={{ background: it.color }} aria-hidden="true" />
            {it.label}
          </li>
        ))}
      </ul>
      {total > items.length && <p className="muted small">+ {total - items.length} more in Clusters</p>}
      <p className="legend-title">Size: {METRIC_LABEL[props.sizeMetric]}</p>
    </details>
  );
}
