/**
 * Keeps the URL hash and the shared view in step: a new selection pushes a history entry (so back/forward walk the
 * navigation), every other change (camera, filters) replaces the current one; back/forward restore the view.
 */
import { useEffect, useRef, type Dispatch } from "react";
import { parseUrlState, serializeUrlState } from "./url-state";
import { sharedOf, type SharedState, type UiAction, type UiState } from "./ui-state";

export function useUrlSync(state: UiState, dispatch: Dispatch<UiAction>, sanitize: (s: SharedState) => SharedState) {
  const hash = serializeUrlState(sharedOf(state));
  const written = useRef<{ hash: string; selected: string | null } | null>(null);

  useEffect(() => {
    const prev = written.current;
    written.current = { hash, selected: state.selected };
    if (window.location.hash === hash || (hash === "" && window.location.hash === "")) return;
    const url = window.location.pathname + window.location.search + hash;
    if (prev !== null && prev.selected !== state.selected) window.history.pushState(null, "", url);
    else window.history.replaceState(null, "", url);
  }, [hash, state.selected]);

  useEffect(() => {
    const onPop = () => {
      const shared = sanitize(parseUrlState(window.location.hash));
      written.current = { hash: serializeUrlState(shared), selected: shared.selected };
      dispatch({ type: "restore", shared });
    };
    window.addEventListener("popstate", onPop);
    return () => window.removeEventListener("popstate", onPop);
  }, [dispatch, sanitize]);
}
