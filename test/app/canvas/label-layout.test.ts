/**
 * Which labels a canvas frame shows (src/app/canvas/label-layout.ts) and which node a tap means (touch-pick.ts): pure,
 * on constructed frames. A hub with a crowd of neighbours: each lit neighbour is labelled without overlap or listed.
 */
import { describe, expect, it } from "vitest";
import { layoutFrame, nodeCandidates, type NodeLabelEntry } from "../../../src/app/canvas/label-layout";
import { pickNode } from "../../../src/app/canvas/touch-pick";
import { overlappingPairs } from "../../../src/model/label-placement";
import { yearTicks } from "../../../src/app/panels/FiltersPanel";

const measure = (text: string, size: number) => text.length * size * 0.6;
const entry = (key: string, x: number, y: number, size = 8, forceLabel = false): NodeLabelEntry => ({ key, label: `Label of ${key}`, x, y, size, forceLabel });
const none = { selected: null, hovered: null, path: new Set<string>(), lit: null };

describe("label frame", () => {
  it("labels every lit neighbour of a hub without overlap, or lists it, the hovered hub first", () => {
    // Constructed: a hub at the centre and 80 neighbours on two rings, all lit (forced), in a 900 x 700 view.
    const neighbours = Array.from({ length: 80 }, (_, i) => {
      const r = i % 2 ? 60 : 110, a = (i / 80) * Math.PI * 2;
      return entry(`n${i}`, 450 + r * Math.cos(a), 350 + r * Math.sin(a), 4 + (i % 5), true);
    });
    const hub = entry("hub", 450, 350, 16, true);
    const lit = new Set(["hub", ...neighbours.map((n) => n.key)]);
    const roles = { selected: null, hovered: "hub", path: new Set<string>(), lit };
    const frame = layoutFrame(nodeCandidates([...neighbours, hub], roles, measure), [], { bounds: { x0: 0, y0: 0, x1: 900, y1: 700 }, cameraRatio: 1, measure });
    expect(overlappingPairs(frame.labels.map((l) => l.box))).toEqual([]);
    const labelled = new Set(frame.labels.map((l) => l.key));
    expect(labelled.has("hub")).toBe(true);
    expect(frame.labels.find((l) => l.key === "hub")!.focus).toBe(true);
    for (const k of lit) expect(labelled.has(k) !== frame.unplacedLit.includes(k), k).toBe(true);
    expect(labelled.size).toBeGreaterThan(20); // 28 of 81 fit here; the other 53 are listed
  });

  it("at rest: larger nodes first, small ones left out, hubs before cluster names, which step aside", () => {
    const entries = [entry("small", 100, 100, 3), entry("big", 300, 300, 12), entry("mid", 500, 100, 7)];
    const cands = nodeCandidates(entries, none, measure);
    expect(cands.map((c) => c.key)).toEqual(["big", "mid"]);
    expect(cands[0]!.priority).toBeLessThan(cands[1]!.priority);
    const spec = { id: 0, label: "Big cluster", color: "#0072B2", x: 0, y: 0, count: 10, fontSize: 20 };
    const frame = layoutFrame(cands, [{ spec, x: 340, y: 300 }], { bounds: null, cameraRatio: 1, measure });
    const name = frame.labels.find((l) => l.kind === "cluster")!;
    const big = frame.labels.find((l) => l.key === "big")!;
    expect(name).toBeDefined();
    expect(overlappingPairs([name.box, big.box])).toEqual([]);
    // Zoomed in, cluster names are gone.
    expect(layoutFrame(cands, [{ spec, x: 340, y: 300 }], { bounds: null, cameraRatio: 0.05, measure }).labels.some((l) => l.kind === "cluster")).toBe(false);
  });

  it("keeps the dimmed rest quiet while something is lit", () => {
    const roles = { selected: "a", hovered: null, path: new Set<string>(), lit: new Set(["a"]) };
    expect(nodeCandidates([entry("a", 10, 10), entry("b", 200, 200, 14)], roles, measure).map((c) => c.key)).toEqual(["a"]);
  });
});

describe("tap picking", () => {
  const nodes = [
    { key: "hub", x: 100, y: 100, r: 14, z: 1 },
    { key: "neighbour", x: 118, y: 100, r: 5, z: 1 },
    { key: "far", x: 300, y: 300, r: 4, z: 1 },
  ];
  it("picks the disc under the finger, the topmost, else the nearest within a fingertip", () => {
    expect(pickNode(nodes, { x: 96, y: 103 })).toBe("hub");
    // On both discs: the one whose centre is closer (same layer), or the one on top.
    expect(pickNode(nodes, { x: 113.5, y: 100 })).toBe("neighbour");
    expect(pickNode([...nodes, { key: "top", x: 100, y: 100, r: 3, z: 5 }], { x: 100, y: 101 })).toBe("top");
    expect(pickNode(nodes, { x: 300, y: 320 })).toBe("far");
    expect(pickNode(nodes, { x: 500, y: 500 })).toBeNull();
  });
});

describe("year ticks", () => {
  it("mark both ends and round years in between, never crowding an end", () => {
    expect(yearTicks(2019, 2026)).toEqual([2019, 2022, 2024, 2026]);
    expect(yearTicks(2020, 2021)).toEqual([2020, 2021]);
    expect(yearTicks(2023, 2023)).toEqual([2023]);
    const wide = yearTicks(1950, 2024);
    expect(wide[0]).toBe(1950);
    expect(wide[wide.length - 1]).toBe(2024);
    expect(wide.length).toBeLessThanOrEqual(5);
    for (const y of wide.slice(1, -1)) expect(y % 10).toBe(0);
  });
});
