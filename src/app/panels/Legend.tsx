/**
 * What colours and sizes mean in the current view: the legend of what is drawn (src/model/appearance.ts legendFor:
 * every group drawn, the groups past the palette as one row, "no links" apart; or the year gradient). The first rows
 * are shown, the rest counted ("+N more", all of them in Clusters). Starts collapsed on narrow screens, where it
 * would cover the graph.
 */
import { useState } from "react";
import type { Legend as LegendData, SizeMetric } from "../../model/appearance";
import { rowsThatFit } from "../../model/legend-layout";

export const METRIC_LABEL: Record<SizeMetric, string> = {
  pagerank: "PageRank",
  degree: "degree",
  betweenness: "betweenness",
  paperCount: "paper count",
};

/** Below this width the legend starts closed. */
export const NARROW_PX = 600;
const SHOWN = 8;

/** The rows the panel shows (the same rule as pictures' legends: src/model/legend-layout.ts rowsThatFit). */
export function visibleRows(legend: Extract<LegendData, { kind: "groups" }>, max = SHOWN) {
  return rowsThatFit(legend, max);
}

function startsOpen(): boolean {
  return typeof window === "undefined" || typeof window.matchMedia !== "function" || !window.matchMedia(`(max-width: ${NARROW_PX - 0.02}px)`).matches;
}

export function Legend(props: { legend: LegendData; sizeMetric: SizeMetric }) {
  const { legend } = props;
  const [open, setOpen] = useState(startsOpen);
  return (
    <details className="legend" open={open} onToggle={(e) => setOpen(e.currentTarget.open)} data-testid="legend" data-blocks-labels>
      <summary className="legend-title">Legend · {legend.title.replace(/^Colour: /, "colour: ")}</summary>
      {legend.kind === "years" ? (
        <div className="legend-years">
          <span className="gradient" style={{ background: `linear-gradient(to right, ${legend.stops.join(", ")})` }} aria-hidden="true" />
          <span className="range">
            <span>{legend.min}</span>
            <span>{legend.max}</span>
          </span>
          {legend.undated > 0 && (
            <p className="muted small">
              <span className="swatch none" aria-hidden="true" /> undated: {legend.undated}
            </p>
          )}
        </div>
      ) : (
        <>
          <ul>
            {visibleRows(legend).shown.map((r) => (
              <li key={`${r.kind}-${r.label}`} title={`${r.label}: ${r.count} drawn`} data-kind={r.kind}>
                <span className="swatch" style={{ background: r.color }} aria-hidden="true" />
                <span className="legend-label">{r.label}</span>
              </li>
            ))}
          </ul>
          {visibleRows(legend).more > 0 && <p className="muted small">+ {visibleRows(legend).more} more in Clusters</p>}
        </>
      )}
      <p className="legend-title">Size: {METRIC_LABEL[props.sizeMetric]}</p>
    </details>
  );
}
