/**
 * Files dropped anywhere on the explorer: while files are dragged over it the drop overlay shows (panels/DropOverlay),
 * and a drop opens them instead of the graph, or adds them to it when it landed on the "add" zone and the graph can
 * take more (it was built here from opened files).
 */
import { useMemo, useState, type DragEvent } from "react";
import type { OpenMode } from "../data/input-set";

/** Which drop zone a drop landed on (the overlay has one per mode, marked data-drop). */
export function dropMode(target: EventTarget | null, canAdd: boolean): OpenMode {
  const zone = (target as HTMLElement | null)?.closest?.("[data-drop]") as HTMLElement | null;
  return canAdd && zone?.dataset.drop === "add" ? "add" : "replace";
}

export interface FileDrop {
  dragging: boolean;
  /** For the element that takes drops (the whole explorer). */
  handlers: {
    onDragOver: (e: DragEvent) => void;
    onDragLeave: (e: DragEvent) => void;
    onDrop: (e: DragEvent) => void;
  };
}

export function useFileDrop(onOpenFiles: (files: File[], mode: OpenMode) => void, canAdd: boolean): FileDrop {
  const [dragging, setDragging] = useState(false);
  const handlers = useMemo(
    () => ({
      onDragOver: (e: DragEvent) => {
        if (e.dataTransfer.types.includes("Files")) {
          e.preventDefault();
          setDragging(true);
        }
      },
      onDragLeave: (e: DragEvent) => {
        // Leaving the window (no element entered next) ends the drag; moving between the overlay's zones does not.
        if (e.relatedTarget === null) setDragging(false);
      },
      onDrop: (e: DragEvent) => {
        e.preventDefault();
        setDragging(false);
        const files = [...e.dataTransfer.files];
        if (files.length) onOpenFiles(files, dropMode(e.target, canAdd));
      },
    }),
    [onOpenFiles, canAdd],
  );
  return { dragging, handlers };
}
