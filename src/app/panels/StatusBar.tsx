/**
 * One line about what is on screen: counts, lens, active filters, what an overview leaves out, and what the graph was
 * built from (with Forget when kept).
 */
import type { Lens, ViewFilter } from "../../model/view-filter";
import type { GraphAttributes } from "../data/types";

/** What the renderer draws (RenderController's report); the same shape as graph/RenderController's DrawnInfo. */
export interface DrawnSummary {
  nodes: number;
  edges: number;
  visibleEdges: number;
  overview: boolean;
}

const n = (x: number) => x.toLocaleString("en");

/** "overview: 150,000 of 1,020,000 edges drawn (...); zoom in to see more", or null when everything is drawn. */
export function overviewNote(drawn: DrawnSummary | null): string | null {
  if (!drawn || !drawn.overview || drawn.edges >= drawn.visibleEdges) return null;
  return `overview: ${n(drawn.edges)} of ${n(drawn.visibleEdges)} edges drawn (each node's strongest, then the strongest others); zoom in to see more`;
}

const LENS_NAME: Record<Lens, string> = { coauthor: "Co-author network", topics: "Topic map", full: "Full knowledge graph" };

export function StatusBar(props: {
  /** Play in the Years filter: what the year shown brought. */
  playNote?: string | null;
  attrs: GraphAttributes;
  order: number;
  visibleNodes: number;
  visibleEdges: number;
  filter: ViewFilter;
  /** "seeds graph", "3 files: library.bib, savedrecs.txt, pubmed.nbib", "graph file renamed.json". */
  shown: string;
  kept: boolean;
  onForget: () => void;
  rendererError: string | null;
  drawn?: DrawnSummary | null;
  /** Problems met while loading that did not stop it. */
  warnings?: string[];
}) {
  const { attrs, filter } = props;
  const active: string[] = [];
  if (filter.yearRange) active.push(`years ${filter.yearRange[0]}–${filter.yearRange[1]}${filter.includeUndated ? " + undated" : ""}`);
  if (filter.minSharedPapers > 1) active.push(`≥ ${filter.minSharedPapers} shared papers`);
  if (filter.hiddenClusters.length) active.push(`${filter.hiddenClusters.length} clusters hidden`);
  if (filter.lens === "full" && filter.kinds.length < 3) active.push(`kinds: ${filter.kinds.join(", ") || "none"}`);
  const c = attrs.counts;
  const overview = overviewNote(props.drawn ?? null);
  const countsText = c ? ` · ${c.authors} authors, ${c.papers} papers, ${c.topics} topics` : ` · ${props.order} nodes`;
  const shownText =
    `${LENS_NAME[filter.lens]}: ${props.visibleNodes.toLocaleString("en")} nodes, ${props.visibleEdges.toLocaleString("en")} edges shown` +
    (active.length ? ` · filters: ${active.join(", ")}` : "");
  // The bar is one line (styles.css): the whole text is also its title.
  const title = [shownText, overview, props.playNote].filter(Boolean).join(" · ");
  return (
    <footer className="statusbar" data-testid="status-bar">
      <span role="status" aria-live="polite" title={title}>
        {shownText}
        {overview && <span data-testid="overview-note"> · {overview}</span>}
        {props.playNote && <span data-testid="play-note"> · {props.playNote}</span>}
      </span>
      {props.warnings && props.warnings.length > 0 && (
        <span className="warn" title={props.warnings.join("\n")}>
          {props.warnings[0]}
        </span>
      )}
      {props.rendererError && <span className="warn">Graph drawing unavailable: {props.rendererError}</span>}
      <span className="muted shown" title={`${props.shown}${countsText}`}>
        <span data-testid="status-shown">{props.shown}</span>
        {countsText}
        {props.kept && (
          <>
            {" · kept in this browser "}
            <button type="button" className="link" onClick={props.onForget} title="Remove the opened files from this browser and show the default graph">
              Forget
            </button>
          </>
        )}
      </span>
    </footer>
  );
}
