/** Renders nothing. Pointer events on the graph -> UI actions (hover lights up, click selects, click on empty stage clears). */
import { useRegisterEvents, useSigma } from "@react-sigma/core";
import { useEffect, type Dispatch } from "react";
import type { UiAction } from "../state/ui-state";

export function EventsController({ dispatch }: { dispatch: Dispatch<UiAction> }) {
  const sigma = useSigma();
  const registerEvents = useRegisterEvents();

  useEffect(() => {
    const container = sigma.getContainer();
    registerEvents({
      enterNode: (e) => {
        container.style.cursor = "pointer";
        dispatch({ type: "hover", key: e.node });
      },
      leaveNode: () => {
        container.style.cursor = "";
        dispatch({ type: "hover", key: null });
      },
      clickNode: (e) => dispatch({ type: "select", key: e.node }),
      clickStage: () => dispatch({ type: "select", key: null }),
    });
  }, [sigma, registerEvents, dispatch]);

  return null;
}
