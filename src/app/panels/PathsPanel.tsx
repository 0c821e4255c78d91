/**
 * Paths: the selection's ego network (1 or 2 hops, over what the lens draws) and the shortest collaboration path
 * between the selected author and a second author picked by search (fewest co-authorship steps, unweighted BFS).
 */
import { useState } from "react";
import type { SearchService } from "../data/search-service";
import type { PaperGraph } from "../data/types";
import { displayName, sharedPapers } from "../state/selectors";
import { NodeLink } from "./NodeLinks";
import { SearchBox } from "./SearchBox";

const AUTHORS: ["author"] = ["author"];

export function PathsPanel(props: {
  graph: PaperGraph;
  index: SearchService;
  selected: string | null;
  ego: 0 | 1 | 2;
  egoSize: number;
  pathTarget: string | null;
  path: string[] | null;
  minShared: number;
  onEgo: (ego: 0 | 1 | 2) => void;
  onPathTarget: (key: string | null) => void;
  onOpen: (key: string) => void;
  onFocusPath: () => void;
}) {
  const { graph, selected, ego, pathTarget, path } = props;
  const [query, setQuery] = useState("");
  const selKind = selected !== null ? graph.getNodeAttribute(selected, "kind") : null;
  const name = (k: string) => displayName(graph.getNodeAttributes(k));
  const shared = (a: string, b: string) => sharedPapers(graph, a, b);
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
                    <p role="status">
                      No collaboration path between {name(selected)} and {name(pathTarget)}
                      {props.minShared > 1 ? ` with at least ${props.minShared} shared papers per link` : ""}.
                    </p>
                  ) : (
                    <>
                      <p role="status">
                        {path.length - 1} {path.length === 2 ? "step" : "steps"} from {name(selected)} to {name(pathTarget)}:
                      </p>
                      <ol className="path-list">
                        {path.map((k, i) => (
                          <li key={k}>
                            <NodeLink nodeKey={k} kind="author" onOpen={props.onOpen}>
                              {name(k)}
                            </NodeLink>
                            {i + 1 < path.length && (
                              <span className="muted small"> — {shared(k, path[i + 1]!)} shared</span>
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
