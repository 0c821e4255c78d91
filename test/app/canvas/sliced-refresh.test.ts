// Refreshes spread over slices (sliced-refresh.ts): every item named is rewritten, none drawn half-done, a small
// refresh drawn at once as sigma's own partial refresh does, and a later refresh during a sliced one only adds its
// items. The clock is the test's: each look at it moves time on, and slices run when the test says.
import { describe, expect, it } from "vitest";
import { SlicedRefresh, sigmaRefresher, type ItemRefresher } from "../../../src/app/canvas/sliced-refresh";
import type { SliceClock } from "../../../src/app/canvas/slices";

function harness(sliceMs: number) {
  const log: string[] = [];
  const counts = new Map<string, number>();
  const items: ItemRefresher = {
    node: (k) => void counts.set(`n${k}`, (counts.get(`n${k}`) ?? 0) + 1),
    edge: (k) => void counts.set(`e${k}`, (counts.get(`e${k}`) ?? 0) + 1),
    render: () => void log.push(`render after ${counts.size}`),
    scheduleRender: () => void log.push(`scheduled after ${counts.size}`),
  };
  const tasks: (() => void)[] = [];
  let t = 0;
  const clock: SliceClock = {
    now: () => (t += 1),
    later: (fn) => {
      tasks.push(fn);
      return () => void tasks.splice(tasks.indexOf(fn), 1);
    },
  };
  const runTasks = () => {
    let n = 0;
    while (tasks.length) {
      tasks.shift()!();
      n++;
    }
    return n;
  };
  return { refresher: new SlicedRefresh(items, clock, sliceMs), log, counts, tasks, runTasks };
}

const keys = (n: number, from = 0) => Array.from({ length: n }, (_, i) => String(from + i));

describe("SlicedRefresh", () => {
  it("rewrites a refresh that fits in one slice at once and draws it at once", () => {
    const h = harness(1000);
    h.refresher.refresh(keys(10), keys(20));
    expect(h.counts.size).toBe(30);
    expect(h.log).toEqual(["render after 30"]);
    expect(h.tasks).toHaveLength(0);
    expect(h.refresher.pending).toBe(false);
  });

  it("spreads a large refresh over later tasks and draws once, after the last item", () => {
    const h = harness(0); // every look at the clock ends the slice: 256 items per slice
    h.refresher.refresh(keys(1000), keys(3000));
    expect(h.counts.size).toBe(256);
    expect(h.log).toEqual([]);
    expect(h.refresher.pending).toBe(true);
    const slices = h.runTasks();
    expect(slices).toBe(Math.ceil(4000 / 256) - 1);
    expect(h.counts.size).toBe(4000);
    expect([...h.counts.values()].every((c) => c === 1)).toBe(true);
    expect(h.log).toEqual(["scheduled after 4000"]);
    expect(h.refresher.pending).toBe(false);
  });

  it("adds a refresh asked during a sliced one to what is waiting; `all` replaces it", () => {
    const h = harness(0);
    h.refresher.refresh(keys(600), []);
    h.refresher.refresh([], keys(5)); // waits for the slices under way
    expect(h.counts.has("e0")).toBe(false);
    h.runTasks();
    expect(h.counts.size).toBe(605);
    expect(h.log).toEqual(["scheduled after 605"]);

    const g = harness(0);
    g.refresher.refresh(keys(600), []);
    g.refresher.refresh(keys(300, 1000), [], true); // every drawn item anew: what waited is dropped
    g.runTasks();
    expect(g.counts.get("n300")).toBeUndefined();
    expect(g.counts.get("n1299")).toBe(1);
    expect(g.counts.size).toBe(256 + 300);
  });

  it("clear() drops what is waiting and cancels the next slice", () => {
    const h = harness(0);
    h.refresher.refresh(keys(1000), []);
    h.refresher.clear();
    expect(h.tasks).toHaveLength(0);
    expect(h.refresher.pending).toBe(false);
    expect(h.counts.size).toBe(256);
    expect(h.log).toEqual([]);
  });
});

describe("sigmaRefresher", () => {
  it("rewrites an item as sigma's partial refresh does: reducer, then in place in its program", () => {
    const calls: string[] = [];
    const sigma = {
      updateNode: (k: string) => calls.push(`updateNode ${k}`),
      updateEdge: (k: string) => calls.push(`updateEdge ${k}`),
      addNodeToProgram: (k: string, i: number, p: number) => calls.push(`addNodeToProgram ${k} ${i} ${p}`),
      addEdgeToProgram: (k: string, i: number, p: number) => calls.push(`addEdgeToProgram ${k} ${i} ${p}`),
      nodeIndices: { a: 1 },
      edgeIndices: { "0": 2 },
      nodeProgramIndex: { a: 0 },
      edgeProgramIndex: { "0": 5 },
      refresh: () => calls.push("refresh"),
      scheduleRender: () => calls.push("scheduleRender"),
    };
    const items = sigmaRefresher(sigma)!;
    items.node("a");
    items.edge("0");
    items.render();
    expect(calls).toEqual(["updateNode a", "addNodeToProgram a 1 0", "updateEdge 0", "addEdgeToProgram 0 2 5", "refresh"]);
    expect(sigmaRefresher({ refresh: () => undefined, scheduleRender: () => undefined })).toBeNull();
  });
});
