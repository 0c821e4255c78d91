/**
 * The explorer's page-wide keys: "/" focuses the search field (unless one is typing somewhere), Escape clears the
 * selection unless something on top (a dialog, the search list) handled it first (defaultPrevented).
 */
import { useEffect, type Dispatch, type RefObject } from "react";
import type { UiAction } from "./ui-state";

/** Whether a key goes to a text field or a select, where "/" is text, not a shortcut. */
export function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el || !el.tagName) return false;
  return el.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(el.tagName);
}

export function useKeyboard(searchRef: RefObject<HTMLInputElement | null>, dispatch: Dispatch<UiAction>): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "/" && !isTyping(e.target) && !e.ctrlKey && !e.metaKey && !e.altKey) {
        e.preventDefault();
        searchRef.current?.focus();
      } else if (e.key === "Escape" && !e.defaultPrevented) {
        dispatch({ type: "select", key: null });
      }
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [searchRef, dispatch]);
}
