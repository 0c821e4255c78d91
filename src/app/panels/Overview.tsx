/** Shown while nothing is selected: where to start (the most central authors, the largest topics) and how to use the view. */
import { useMemo } from "react";
import type { PaperGraph } from "../data/types";
import { topNodes } from "../state/selectors";
import { NodeLink } from "./NodeLinks";

export function Overview({ graph, onOpen }: { graph: PaperGraph; onOpen: (key: string) => void }) {
  // Once per graph: the explorer re-renders this panel on every UI change (a Play step, a hover), and ranking every
  // node each time cost 40-150 ms at 10,000 papers.
  const authors = useMemo(() => topNodes(graph, "author", "pagerank", 10), [graph]);
  const topics = useMemo(() => topNodes(graph, "topic", "paperCount", 10), [graph]);
  return (
    <section className="panel overview" aria-labelledby="overview-title" data-testid="overview">
      <h2 id="overview-title">Start here</h2>
      <p className="muted small">
        Hover a node to light up its neighbours, click it for details. Press <kbd>/</kbd> to search, <kbd>Esc</kbd> to clear the selection.
      </p>
      {authors.length > 0 && (
        <>
          <h3>Most central authors</h3>
          <ol className="ref-list">
            {authors.map((a) => (
              <li key={a.key}>
                <NodeLink nodeKey={a.key} kind="author" onOpen={onOpen}>
                  {a.label}
                </NodeLink>
              </li>
            ))}
          </ol>
        </>
      )}
      {topics.length > 0 && (
        <>
          <h3>Largest topics</h3>
          <ul className="ref-list">
            {topics.map((t) => (
              <li key={t.key}>
                <NodeLink nodeKey={t.key} kind="topic" onOpen={onOpen}>
                  {t.label}
                </NodeLink>
                <span className="count">{t.count}</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
