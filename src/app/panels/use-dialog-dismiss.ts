/**
 * How the toolbar's dialogs (Open, Export, Review identities) close: Escape closes and returns focus (the caller's
 * close), a pointer press outside both the dialog and its button dismisses it (when the dialog wants that). One
 * listener pair per open dialog, removed when it closes.
 */
import { useEffect, type RefObject } from "react";

export function useDialogDismiss(opts: {
  open: boolean;
  close: () => void;
  /** Given for dialogs that a click elsewhere dismisses (the Review dialog stays open while people are picked). */
  outside?: { dialog: RefObject<HTMLElement | null>; button: RefObject<HTMLElement | null>; dismiss: () => void };
}): void {
  const { open, close, outside } = opts;
  const dialog = outside?.dialog;
  const button = outside?.button;
  const dismiss = outside?.dismiss;
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape") {
        // Marked handled in the capture phase, before the explorer's Escape-clears-selection listener sees it.
        e.preventDefault();
        close();
      }
    };
    const onPointer = (e: PointerEvent) => {
      const t = e.target as Node;
      if (!dialog?.current?.contains(t) && !button?.current?.contains(t)) dismiss?.();
    };
    document.addEventListener("keydown", onKey, true);
    if (dismiss) document.addEventListener("pointerdown", onPointer);
    return () => {
      document.removeEventListener("keydown", onKey, true);
      if (dismiss) document.removeEventListener("pointerdown", onPointer);
    };
  }, [open, close, dialog, button, dismiss]);
}
