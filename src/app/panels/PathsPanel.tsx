/**
 * Paths: the selection's ego network (1 or 2 hops, over what the lens draws) and the shortest collaboration path
 * between the selected author and a second author picked by search (fewest co-authorship steps, unweighted BFS).
 */
import { useState } from "react";
import type { SearchService } from "../data/search-service";
import type { PaperGraph } from "../data/types";
import { COAUTHOR_LARGE_KIND, coauthorLink, displayName, sharedPapers } from "../state/selectors";
import { NodeLink } from "./NodeLinks";
import { SearchBox } from "./SearchBox";

const AUTHORS: ["author"] = ["author"];

/** Joint papers of two authors: the weight of their co-author link, 0 when they have none. */
export function sharedPapersBetween(graph: PaperGraph, a: string, b: string): number {
  return sharedPapers(graph, a, b);
}

/** "2 steps from A to B:" for a path of node keys (a path of one node is 0 steps). */
export function pathStepsText(path: string[], from: string, to: string): string {
  const steps = Math.max(0, path.length - 1);
  return `${steps} ${steps === 1 ? "step" : "steps"} from ${from} to ${to}:`;
}

/** Why no path is shown, naming the shared-papers minimum and the large-paper cut when they are what cut the links. */
export function noPathText(from: string, to: string, minShared: number, largeCut = 0): string {
  const min = minShared > 1 ? ` with at least ${minShared} shared papers per link` : "";
  return `No collaboration path between ${from} and ${to}${min}${largeCut > 0 ? ` through papers with at most ${largeCut} authors` : ""}.`;
}

export function PathsPanel(props: {
  graph: PaperGraph;
  index: SearchService;
  selected: string | null;
  ego: 0 | 1 | 2;
  egoSize: number;
  pathTarget: string | null;
  path: string[] | null;
  minShared: number;
  /** Whether links of papers above the author cut count (ViewFilter.includeLargePapers). */
  includeLarge?: boolean;
  /** With them left out and no path found: the path that exists only through them, else null. */
  largeOnlyPath?: string[] | null;
  /** The author cut (graph attribute largePapers.maxAuthors). */
  largeCut?: number;
  onIncludeLarge?: () => void;
  onEgo: (ego: 0 | 1 | 2) => void;
  onPathTarget: (key: string | null) => void;
  onOpen: (key: string) => void;
  onFocusPath: () => void;
}) {
  const { graph, selected, ego, pathTarget, path } = props;
  const [query, setQuery] = useState("");
  const selKind = selected !== null ? graph.getNodeAttribute(selected, "kind") : null;
  const name = (k: string) => displayName(graph.getNodeAttributes(k));
  const shared = (a: string, b: string) => sharedPapers(graph, a, b, props.includeLarge === true);
  const viaLarge = (a: string, b: string) => {
    const e = coauthorLink(graph, a, b);
    return e >= 0 && graph.edgeKind[e] === COAUTHOR_LARGE_KIND;
  };
  const cut = props.largeCut ?? 0;
  return (
    <section className="panel" aria-labelledby="paths-title" data-testid="paths-panel">
      <h2 id="paths-title">Paths</h2>
      {selected === null ? (
        <p className="muted">Select a node to see its neighbourhood, or an author to find a collaboration path.</p>
      ) : (
        <>
          <fieldset>
            <legend>Ego network of {name(selected)}</legend>
            <div className="segmented" role="radiogroup" aria-label="Ego network">
              {([0, 1, 2] as const).map((h) => (
                <label key={h} className="radio">
                  <input type="radio" name="ego" checked={ego === h} onChange={() => props.onEgo(h)} />
                  {h === 0 ? "Off" : h === 1 ? "1 hop" : "2 hops"}
                </label>
              ))}
            </div>
            {ego > 0 && (
              <p className="small" role="status">
                {props.egoSize} nodes within {ego} {ego === 1 ? "hop" : "hops"} in this lens.
              </p>
            )}
          </fieldset>
          {selKind === "author" ? (
            <fieldset>
              <legend>Collaboration path</legend>
              <p className="small muted">From {name(selected)} to:</p>
              <SearchBox
                index={props.index}
                label="Second author for the collaboration path"
                placeholder="Find an author…"
                value={query}
                onChange={setQuery}
                kinds={AUTHORS}
                exclude={selected}
                testId="path-target-input"
                onChoose={(h) => {
                  setQuery("");
                  props.onPathTarget(h.key);
                }}
              />
              {pathTarget !== null && (
                <div className="path-result" data-testid="path-result">
                  {path === null ? (
                    <>
                      <p role="status">{noPathText(name(selected), name(pathTarget), props.minShared, props.largeOnlyPath ? cut : 0)}</p>
                      {props.largeOnlyPath && (
                        <p className="notice small" data-testid="path-only-large">
                          A path of {props.largeOnlyPath.length - 1} {props.largeOnlyPath.length === 2 ? "step" : "steps"} exists only through papers with more
                          than {cut} authors, whose co-author links are left out.{" "}
                          {props.onIncludeLarge && (
                            <button type="button" className="link" onClick={props.onIncludeLarge}>
                              Include those links
                            </button>
                          )}
                        </p>
                      )}
                    </>
                  ) : (
                    <>
                      <p role="status">{pathStepsText(path, name(selected), name(pathTarget))}</p>
                      <ol className="path-list">
                        {path.map((k, i) => (
                          <li key={k}>
                            <NodeLink nodeKey={k} kind="author" onOpen={props.onOpen}>
                              {name(k)}
                            </NodeLink>
                            {i + 1 < path.length && (
                              <span className="muted small">
                                {" "}
                                — {shared(k, path[i + 1]!)} shared{viaLarge(k, path[i + 1]!) ? `, only on papers with more than ${cut} authors` : ""}
                              </span>
                            )}
                          </li>
                        ))}
                      </ol>
                      <button type="button" className="link" onClick={props.onFocusPath}>
                        Frame the path
                      </button>
                    </>
                  )}
                  <button type="button" className="link" onClick={() => props.onPathTarget(null)}>
                    Clear path
                  </button>
                </div>
              )}
            </fieldset>
          ) : (
            <p className="muted small">Collaboration paths start from a selected author.</p>
          )}
        </>
      )}
    </section>
  );
}
