// The UI reducer: pure transitions on hand-built states (no graph needed).
import { describe, expect, it } from "vitest";
import { INITIAL_UI_STATE, uiReducer, type UiState } from "../../../src/app/state/ui-state";

const s0: UiState = INITIAL_UI_STATE;

describe("uiReducer", () => {
  it("selects, and asks the camera to frame the given keys only when told to", () => {
    const a = uiReducer(s0, { type: "select", key: "a:x" });
    expect(a.selected).toBe("a:x");
    expect(a.focus).toBeNull();
    const b = uiReducer(a, { type: "select", key: "a:y", focus: true, focusKeys: ["a:y", "a:z"] });
    expect(b.focus).toEqual({ keys: ["a:y", "a:z"], seq: 1 });
    // Re-opening the same node moves the camera again (new seq).
    const c = uiReducer(b, { type: "select", key: "a:y", focus: true });
    expect(c.focus).toEqual({ keys: ["a:y"], seq: 2 });
    // Re-selecting without focus is a no-op (same object: no re-render, no history entry).
    expect(uiReducer(c, { type: "select", key: "a:y" })).toBe(c);
  });

  it("clears the path target with the selection, or when the target becomes the selection", () => {
    const withPath = uiReducer(uiReducer(s0, { type: "select", key: "a:x" }), { type: "setPathTarget", key: "a:t" });
    expect(withPath.pathTarget).toBe("a:t");
    expect(uiReducer(withPath, { type: "select", key: null }).pathTarget).toBeNull();
    expect(uiReducer(withPath, { type: "select", key: "a:t" }).pathTarget).toBeNull();
    expect(uiReducer(withPath, { type: "select", key: "a:other" }).pathTarget).toBe("a:t");
    expect(uiReducer(withPath, { type: "setPathTarget", key: "a:x" }).pathTarget).toBeNull();
  });

  it("keeps the selection across lens switches", () => {
    const s = uiReducer(uiReducer(s0, { type: "select", key: "p:1" }), { type: "setLens", lens: "topics" });
    expect(s.selected).toBe("p:1");
    expect(s.filter.lens).toBe("topics");
  });

  it("toggles clusters within one partition and starts over when the partition changes", () => {
    let s = uiReducer(s0, { type: "toggleCluster", mode: "topicCluster", id: 3 });
    s = uiReducer(s, { type: "toggleCluster", mode: "topicCluster", id: 1 });
    expect(s.filter.hiddenClusters).toEqual([1, 3]);
    s = uiReducer(s, { type: "toggleCluster", mode: "topicCluster", id: 3 });
    expect(s.filter.hiddenClusters).toEqual([1]);
    s = uiReducer(s, { type: "toggleCluster", mode: "community", id: 5 });
    expect(s.filter).toMatchObject({ clusterMode: "community", hiddenClusters: [5] });
    expect(uiReducer(s, { type: "showAllClusters" }).filter.hiddenClusters).toEqual([]);
  });

  it("ignores an empty focus request and a repeated hover", () => {
    expect(uiReducer(s0, { type: "focusNodes", keys: [] })).toBe(s0);
    const h = uiReducer(s0, { type: "hover", key: "a:x" });
    expect(uiReducer(h, { type: "hover", key: "a:x" })).toBe(h);
  });

  it("restores a shared view and drops the hover", () => {
    const hovered = uiReducer(s0, { type: "hover", key: "a:x" });
    const r = uiReducer(hovered, {
      type: "restore",
      shared: { selected: "t:1", filter: { ...s0.filter, lens: "full" }, colorMode: "community", sizeMetric: "degree", camera: null, ego: 1, pathTarget: null, levels: { community: 1, topicCluster: null }, showUnstable: false, people: null },
    });
    expect(r).toMatchObject({ selected: "t:1", hovered: null, colorMode: "community", sizeMetric: "degree", ego: 1 });
    expect(r.filter.lens).toBe("full");
  });
});
