/** Small building blocks of the panels: a name that navigates to its node, and a list that can be expanded. */
import { useState, type ReactNode } from "react";
import type { NodeKind } from "../../model/graph-file";

export function NodeLink(props: { nodeKey: string; kind?: NodeKind; children: ReactNode; onOpen: (key: string) => void }) {
  return (
    <button type="button" className={`link${props.kind ? ` link-${props.kind}` : ""}`} onClick={() => props.onOpen(props.nodeKey)}>
      {props.children}
    </button>
  );
}

/** A list showing its first `initial` items, with a button to show the rest. */
export function ExpandableList<T>(props: {
  items: T[];
  initial?: number;
  label: string;
  render: (item: T) => ReactNode;
  itemKey: (item: T) => string;
  empty?: string;
}) {
  const { items, initial = 12, label, render, itemKey, empty } = props;
  const [all, setAll] = useState(false);
  if (items.length === 0) return empty ? <p className="muted">{empty}</p> : null;
  const shown = all ? items : items.slice(0, initial);
  return (
    <>
      <ul className="ref-list" aria-label={label}>
        {shown.map((it) => (
          <li key={itemKey(it)}>{render(it)}</li>
        ))}
      </ul>
      {items.length > initial && (
        <button type="button" className="more" onClick={() => setAll((v) => !v)} aria-expanded={all}>
          {all ? "Show fewer" : `Show all ${items.length}`}
        </button>
      )}
    </>
  );
}
