/** Shown while files are dragged over the explorer (state/use-file-drop.ts): one zone per way of opening them. */
export function DropOverlay({ canAdd }: { canAdd: boolean }) {
  return (
    <div className="drop-overlay" data-testid="drop-overlay">
      <div className="drop-zone" data-drop="replace">
        Drop to open: exports, listings (with a thesaurus) or a graph.json
      </div>
      {canAdd && (
        <div className="drop-zone" data-drop="add">
          Drop here to add them to this graph
        </div>
      )}
    </div>
  );
}
