/**
 * The label rule shared by the canvas, the PNG and the SVG (src/model/label-placement.ts): no two placed boxes ever
 * overlap, whatever the input (a fast-check property over random crowds), more important labels win, flexible labels
 * move around their node before giving up, and what finds no room is returned. Plus the cluster-name rule.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  clusterLabelAlpha,
  clusterLabelSpecs,
  estimateTextWidth,
  overlappingPairs,
  placeLabels,
  shorten,
  type LabelCandidate,
} from "../../src/model/label-placement";

const node = (key: string, x: number, y: number, extra: Partial<LabelCandidate> = {}): LabelCandidate => ({
  key, text: key, kind: "node", x, y, r: 5, width: 60, height: 16, priority: 4, flexible: false, ...extra,
});

describe("placeLabels", () => {
  it("never places two overlapping boxes, for any crowd of labels (property)", () => {
    const cand = fc.record({
      x: fc.double({ min: 0, max: 400, noNaN: true }),
      y: fc.double({ min: 0, max: 300, noNaN: true }),
      r: fc.double({ min: 0, max: 20, noNaN: true }),
      width: fc.double({ min: 1, max: 200, noNaN: true }),
      height: fc.double({ min: 8, max: 30, noNaN: true }),
      priority: fc.integer({ min: 0, max: 4 }),
      flexible: fc.boolean(),
      cluster: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(cand, { maxLength: 120 }), fc.boolean(), (cands, bounded) => {
        const list = cands.map((c, i) => ({ key: `k${i}`, text: `k${i}`, kind: c.cluster ? ("cluster" as const) : ("node" as const), ...c }));
        const { placed, unplaced } = placeLabels(list, { bounds: bounded ? { x0: 0, y0: 0, x1: 400, y1: 300 } : null });
        expect(overlappingPairs(placed.map((p) => p.box))).toEqual([]);
        expect(placed.length + unplaced.length).toBe(list.length);
        if (bounded) for (const p of placed) expect(p.box.x0 >= 0 && p.box.y1 <= 300).toBe(true);
      }),
      { numRuns: 200, seed: 14 },
    );
  });

  it("gives the room to the more important label, then to the earlier one", () => {
    const { placed, unplaced } = placeLabels([node("small", 100, 100, { priority: 4 }), node("selected", 100, 102, { priority: 0 }), node("later", 101, 100, { priority: 4 })]);
    expect(placed.map((p) => p.key)).toEqual(["selected"]);
    expect(unplaced.map((c) => c.key)).toEqual(["small", "later"]);
  });

  it("moves a flexible label around its node (right, left, above, below, diagonals) before giving up", () => {
    // A row of close neighbours (a hub's, lit): right of each is taken by the next one's label; above and below free.
    const row = Array.from({ length: 6 }, (_, i) => node(`n${i}`, 100 + 20 * i, 200, { r: 4, width: 40, height: 14, flexible: true, priority: 2 }));
    const flexible = placeLabels(row).placed;
    const fixed = placeLabels(row.map((c) => ({ ...c, flexible: false }))).placed;
    expect(fixed.length).toBe(2);
    expect(flexible.length).toBeGreaterThanOrEqual(5);
    expect(overlappingPairs(flexible.map((p) => p.box))).toEqual([]);
  });

  it("places a right-hand label just off the disc, vertically centred, and keeps labels `padding` apart", () => {
    const [p] = placeLabels([node("a", 10, 50, { r: 4, width: 30, height: 10 })], { gap: 3 }).placed;
    expect(p!.box).toEqual({ x0: 17, y0: 45, x1: 47, y1: 55 });
    expect(p!.textY).toBe(50);
    // Two labels 1 px apart do not both fit with 2 px of padding.
    const { placed } = placeLabels([node("a", 0, 0, { r: 0, width: 10, height: 10 }), node("b", 0, 11, { r: 0, width: 10, height: 10 })], { padding: 2, gap: 0 });
    expect(placed.length).toBe(1);
  });

  it("keeps labels out of blocked regions (a legend drawn over the picture)", () => {
    const blocked = [{ x0: 0, y0: 0, x1: 200, y1: 100 }];
    const { placed, unplaced } = placeLabels([node("under", 20, 50), node("beside", 300, 50)], { blocked });
    expect(placed.map((p) => p.key)).toEqual(["beside"]);
    expect(unplaced.map((c) => c.key)).toEqual(["under"]);
  });

  it("drops labels with no size or no position instead of placing them anywhere", () => {
    const { placed, unplaced } = placeLabels([node("nan", NaN, 0), node("empty", 0, 0, { width: 0 })]);
    expect(placed).toEqual([]);
    expect(unplaced.length).toBe(2);
  });

  it("handles thousands of labels in linear time (a grid, not all pairs)", () => {
    const many = Array.from({ length: 20_000 }, (_, i) => node(`n${i}`, (i * 37) % 2000, (i * 91) % 1500));
    const t0 = performance.now();
    const { placed } = placeLabels(many);
    expect(performance.now() - t0).toBeLessThan(2000);
    expect(overlappingPairs(placed.slice(0, 400).map((p) => p.box))).toEqual([]);
  });
});

describe("cluster names", () => {
  const info = (id: number) => (id < 0 ? null : { label: `G${id}`, color: "#0072B2" });

  it("go to groups with enough drawn members, at their centroid, the largest font for the largest group", () => {
    const members = [
      ...Array.from({ length: 40 }, (_, i) => ({ group: 0, x: i % 2 ? 10 : 30, y: 5 })),
      ...Array.from({ length: 10 }, () => ({ group: 1, x: 100, y: 100 })),
      { group: 2, x: 0, y: 0 }, // too small
      ...Array.from({ length: 9 }, () => ({ group: -1, x: 50, y: 50 })), // no group: no name
    ];
    const specs = clusterLabelSpecs(members, info);
    expect(specs.map((s) => s.id)).toEqual([0, 1]);
    expect(specs[0]).toMatchObject({ x: 20, y: 5, count: 40, fontSize: 22 });
    expect(specs[1]!.fontSize).toBeLessThan(specs[0]!.fontSize);
    expect(specs[1]!.fontSize).toBeGreaterThanOrEqual(13);
  });

  it("fade as the camera zooms in", () => {
    expect(clusterLabelAlpha(1)).toBe(1);
    expect(clusterLabelAlpha(0.3)).toBeGreaterThan(0);
    expect(clusterLabelAlpha(0.3)).toBeLessThan(1);
    expect(clusterLabelAlpha(0.1)).toBe(0);
  });
});

describe("text helpers", () => {
  it("shorten long labels by code points and estimate widths generously", () => {
    expect(shorten("short")).toBe("short");
    const long = "x".repeat(10_000);
    expect([...shorten(long, 48)].length).toBe(48);
    expect(shorten("😀".repeat(60), 10)).toBe("😀".repeat(9) + "…");
    expect(estimateTextWidth("MMMM", 10)).toBeGreaterThan(estimateTextWidth("iiii", 10));
    expect(estimateTextWidth("医疗", 12)).toBe(24);
  });
});
