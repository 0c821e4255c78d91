/**
 * The lit nodes whose labels found no room on the canvas (LabelLayer: labels never overlap), listed by name so a
 * hub's neighbourhood is never silently cut: every lit neighbour is either labelled on the graph or named here.
 */
import type { PaperGraph } from "../data/types";
import { displayName } from "../state/selectors";
import { NodeLink } from "./NodeLinks";

const SHOWN = 24;

export function LabelOverflow({ graph, keys, onOpen }: { graph: PaperGraph; keys: string[]; onOpen: (key: string) => void }) {
  const known = keys.filter((k) => graph.hasNode(k));
  if (!known.length) return null;
  return (
    <aside className="label-overflow" aria-label="Neighbours without a label on the graph" data-testid="label-overflow" data-blocks-labels>
      <p className="small muted">Also lit, no room for their labels ({known.length}):</p>
      <ul>
        {known.slice(0, SHOWN).map((k) => {
          const a = graph.getNodeAttributes(k);
          const name = displayName(a);
          return (
            <li key={k} title={name}>
              <NodeLink nodeKey={k} kind={a.kind} onOpen={onOpen}>
                {name}
              </NodeLink>
            </li>
          );
        })}
      </ul>
      {known.length > SHOWN && <p className="small muted">+{known.length - SHOWN} more</p>}
    </aside>
  );
}
