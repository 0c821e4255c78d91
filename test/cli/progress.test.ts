/**
 * The stderr progress display, driven with a fake clock: plain lines (CI logs, pipes) at phase starts and ends and at
 * most every few seconds between; a live terminal line redrawn in place; nothing when quiet.
 */
import { describe, expect, it } from "vitest";
import type { ProgressEvent } from "../../src/pipeline/progress";
import { createProgressDisplay, formatDuration, formatProgress, progressMode, type ProgressMode } from "../../src/cli/progress";

function harness(mode: ProgressMode, columns?: number) {
  let t = 0;
  let out = "";
  const display = createProgressDisplay({ mode, write: (s) => (out += s), now: () => t, columns });
  return {
    at(ms: number, e: ProgressEvent) {
      t = ms;
      display.listener(e);
    },
    clear: () => display.clear(),
    get out() {
      return out;
    },
  };
}

describe("plain lines (stderr is not a terminal)", () => {
  it("prints each phase's start and end, and between them at most one line every 3 s with rate and time left", () => {
    const h = harness("lines");
    h.at(0, { phase: "identity", done: 0, total: 1000, unit: "records" });
    h.at(10, { phase: "identity", step: "comparing names", done: 0, total: 10_000, unit: "pairs" });
    h.at(1000, { phase: "identity", step: "comparing names", done: 2000, total: 10_000, unit: "pairs" }); // too soon
    h.at(3000, { phase: "identity", step: "comparing names", done: 5990, total: 10_000, unit: "pairs" });
    h.at(4000, { phase: "identity", step: "comparing names", done: 8000, total: 10_000, unit: "pairs" }); // too soon
    h.at(5000, { phase: "identity", done: 1000, total: 1000, unit: "records", finished: true });
    expect(h.out.split("\n")).toEqual([
      "[identity] started: 1,000 records",
      // 5,990 pairs in 2.99 s: 2,003 pairs/s, 4,010 left: about 2.0 s.
      "[identity] comparing names 5,990 of 10,000 pairs (59%), 2,003 pairs/s, about 2.0 s left",
      "[identity] done: 1,000 records in 5.0 s",
      "",
    ]);
  });

  it("keeps reporting a long phase, and measures each step's rate from the step's own start", () => {
    const h = harness("lines");
    h.at(0, { phase: "graph", done: 0, total: 100, unit: "nodes" });
    for (let s = 1; s <= 12; s++) h.at(s * 1000, { phase: "graph", step: "layout: ForceAtlas2", done: s, total: 12, unit: "iterations" });
    h.at(12_500, { phase: "graph", step: "betweenness (sampled)", done: 0, total: 300, unit: "source nodes" });
    h.at(15_500, { phase: "graph", step: "betweenness (sampled)", done: 150, total: 300, unit: "source nodes" });
    const lines = h.out.trim().split("\n");
    expect(lines[0]).toBe("[graph] started: 100 nodes");
    expect(lines.filter((l) => l.includes("ForceAtlas2"))).toEqual([
      "[graph] layout: ForceAtlas2 3 of 12 iterations (25%), 1.0 iterations/s, about 9.0 s left",
      "[graph] layout: ForceAtlas2 6 of 12 iterations (50%), 1.0 iterations/s, about 6.0 s left",
      "[graph] layout: ForceAtlas2 9 of 12 iterations (75%), 1.0 iterations/s, about 3.0 s left",
      "[graph] layout: ForceAtlas2 12 of 12 iterations (100%), 1.0 iterations/s",
    ]);
    expect(lines.at(-1)).toBe("[graph] betweenness (sampled) 150 of 300 source nodes (50%), 50 source nodes/s, about 3.0 s left");
  });

  it("says nothing of rate before a step has run a second, and copes with unknown totals", () => {
    expect(formatProgress({ phase: "graph", step: "edges", done: 1234, total: null, unit: "edges" }, null, null)).toBe("[graph] edges 1,234 edges");
    expect(formatDuration(500)).toBe("0.5 s");
    expect(formatDuration(42_000)).toBe("42 s");
    expect(formatDuration(125_000)).toBe("2 min 5 s");
    expect(formatDuration(3_780_000)).toBe("1 h 3 min");
  });
});

describe("live line (stderr is a terminal)", () => {
  it("redraws one line in place at most every 100 ms, keeps a line per finished phase, and fits the width", () => {
    const h = harness("tty", 50);
    h.at(0, { phase: "topics", done: 0, total: 10_000, unit: "papers" });
    h.at(50, { phase: "topics", step: "reading titles and abstracts", done: 100, total: 10_000, unit: "papers" }); // too soon
    h.at(200, { phase: "topics", step: "reading titles and abstracts", done: 500, total: 10_000, unit: "papers" });
    h.at(2000, { phase: "topics", done: 10_000, total: 10_000, unit: "papers", finished: true });
    const writes = h.out.split("\r").filter(Boolean);
    expect(writes[0]).toBe("[topics] started: 10,000 papers\x1b[K");
    // 49 columns at most, so the line never wraps (a wrapped line cannot be redrawn).
    expect(writes[1]).toBe("[topics] reading titles and abstracts 500 of 10,…\x1b[K");
    // The finished phase overwrites the live line and stays, so the next phase's line starts below it.
    expect(writes[2]).toBe("[topics] done: 10,000 papers in 2.0 s\x1b[K\n");
    expect(writes).toHaveLength(3);
    expect(h.out).not.toContain("100 of");
  });

  it("clears a live line before other output", () => {
    const h = harness("tty");
    h.at(0, { phase: "read", done: 0, total: 3, unit: "files" });
    h.clear();
    expect(h.out).toBe("\r[read] started: 3 files\x1b[K\r\x1b[K");
    h.clear();
    expect(h.out).toBe("\r[read] started: 3 files\x1b[K\r\x1b[K");
  });
});

describe("progressMode", () => {
  it("is off with --quiet, a live line on a terminal, plain lines elsewhere or on a dumb terminal; PAPERGRAPH_PROGRESS overrides", () => {
    expect(progressMode({ stderrIsTTY: true, env: {} }, true)).toBe("off");
    expect(progressMode({ stderrIsTTY: true, env: {} }, false)).toBe("tty");
    expect(progressMode({ stderrIsTTY: false, env: {} }, false)).toBe("lines");
    expect(progressMode({ env: {} }, false)).toBe("lines");
    expect(progressMode({ stderrIsTTY: true, env: { TERM: "dumb" } }, false)).toBe("lines");
    expect(progressMode({ stderrIsTTY: false, env: { PAPERGRAPH_PROGRESS: "tty" } }, false)).toBe("tty");
    expect(progressMode({ stderrIsTTY: true, env: { PAPERGRAPH_PROGRESS: "off" } }, false)).toBe("off");
  });

  it("writes nothing at all when off", () => {
    const h = harness("off");
    h.at(0, { phase: "read", done: 0, total: 3, unit: "files" });
    h.at(5000, { phase: "read", done: 3, total: 3, unit: "files", finished: true });
    expect(h.out).toBe("");
  });
});
