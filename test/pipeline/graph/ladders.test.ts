/** The resolution ladders, co-author link years and identity review data of the seeds build (real listings in seeds/). */
import { describe, expect, it } from "vitest";
import type { GraphAttributes, NodeAttributes } from "../../../src/model/graph-file";
import { groupAtLevel, levelTable } from "../../../src/model/levels";
import { validateGraphFile } from "../../../src/model/validate";
import { yearWeightsOf } from "../../../src/model/collaboration";
import { seedsBuild } from "../../fixtures/seeds-build";

const graph = () => seedsBuild().graph;
const attrs = () => graph().getAttributes() as GraphAttributes;

describe("resolution ladders on the seeds", () => {
  it("the default level is the build's partition, node by node", () => {
    const a = attrs();
    for (const mode of ["community", "topicCluster"] as const) {
      const ladder = mode === "community" ? a.communityLadder! : a.topicClusterLadder!;
      graph().forEachNode((_k, n) => {
        expect(groupAtLevel(n, mode, ladder.default)).toBe(n[mode]);
      });
      expect(levelTable(a, mode, ladder.default)).toBe(mode === "community" ? a.communities : a.topicClusters);
      expect(ladder.levels[ladder.default]!.count).toBe(Object.keys(mode === "community" ? a.communities : a.topicClusters).length);
    }
    expect(a.communityLadder!.levels[a.communityLadder!.default]!.modularity).toBe(a.modularity);
  });

  it("spans few groups to many, 8 to 12 levels, with group tables whose sizes add up to the members", () => {
    const a = attrs();
    for (const [mode, ladder] of [["community", a.communityLadder!], ["topicCluster", a.topicClusterLadder!]] as const) {
      expect(ladder.levels.length).toBeGreaterThanOrEqual(8);
      expect(ladder.levels.length).toBeLessThanOrEqual(12);
      const counts = ladder.levels.map((l) => l.count);
      expect(counts[0]!).toBeLessThan(counts[ladder.default]!);
      expect(counts[counts.length - 1]!).toBeGreaterThan(counts[ladder.default]!);
      ladder.levels.forEach((level, l) => {
        const table = levelTable(a, mode, l);
        expect(Object.keys(table).length).toBe(level.count);
        // Sizes count authors (communities) or papers (research clusters), as in the default tables.
        const kind = mode === "community" ? "author" : "paper";
        const sizes = new Map<number, number>();
        graph().forEachNode((_k, n) => {
          if (n.kind !== kind) return;
          const g = groupAtLevel(n, mode, l);
          if (g >= 0) sizes.set(g, (sizes.get(g) ?? 0) + 1);
        });
        for (const [id, info] of Object.entries(table)) expect(sizes.get(Number(id))).toBe(info.size);
      });
    }
  });

  it("a group keeps its id and colour from one level to the next where it keeps most of its members", () => {
    const a = attrs();
    const ladder = a.communityLadder!;
    const up = levelTable(a, "community", ladder.default + 1);
    const here = a.communities;
    // The largest community of the default level is still there one level finer, under its id and in its colour.
    const largest = Object.entries(here).sort((x, y) => y[1].size - x[1].size)[0]!;
    expect(up[largest[0]]).toBeDefined();
    expect(up[largest[0]]!.color).toBe(largest[1].color);
  });

  it("stability lies in [0, 1] on every author and paper, and some authors are less than fully stable", () => {
    const values: number[] = [];
    graph().forEachNode((_k, attributes) => {
      const n = attributes as NodeAttributes;
      if (n.kind === "author") values.push(n.communityStability!);
      if (n.kind !== "topic") expect(n.topicClusterStability).toBeGreaterThanOrEqual(0);
    });
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...values)).toBeLessThanOrEqual(1);
    expect(values.some((v) => v < 1)).toBe(true);
  });

  it("validates", () => {
    const r = validateGraphFile(graph().export());
    expect(r.ok ? [] : r.errors).toEqual([]);
  });

  it("the validator names a level list of the wrong length and a bad year string", () => {
    const file = graph().export() as unknown as { nodes: { attributes: Record<string, unknown> }[]; edges: { attributes: Record<string, unknown> }[] };
    const copy = structuredClone(file);
    copy.nodes[0]!.attributes.communityLevels = [1, 2];
    copy.edges.find((e) => e.attributes.kind === "coauthor")!.attributes.yearWeights = "2019-1";
    const r = validateGraphFile(copy);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errors.join("\n")).toMatch(/communityLevels must hold one group id per level/);
      expect(r.errors.join("\n")).toMatch(/yearWeights must be joint papers per year/);
    }
  });
});

describe("co-author link years on the seeds", () => {
  it("firstYear and yearWeights match the joint papers computed independently from the papers' bylines", () => {
    const g = graph();
    const max = (attrs().options.coauthorMaxAuthors as number) ?? 25;
    const expected = new Map<string, Map<number, number>>();
    g.forEachNode((_k, p) => {
      if (p.kind !== "paper" || typeof p.year !== "number") return;
      const authors = [...new Set(p.authors)].sort();
      const large = max > 0 && authors.length > max;
      for (let i = 0; i < authors.length; i++) {
        for (let j = i + 1; j < authors.length; j++) {
          const small = `coauthor:${authors[i]}--${authors[j]}`;
          // A large paper counts in the weight only of a pair that no smaller paper links (coauthor-large).
          const key = large ? `coauthor-large:${authors[i]}--${authors[j]}` : small;
          if (!g.hasEdge(key)) continue;
          const m = expected.get(key) ?? new Map<number, number>();
          m.set(p.year, (m.get(p.year) ?? 0) + 1);
          expected.set(key, m);
        }
      }
    });
    let checked = 0;
    g.forEachEdge((key, e) => {
      if (e.kind !== "coauthor" && e.kind !== "coauthor-large") return;
      const m = expected.get(key);
      const want = m ? [...m].sort((x, y) => x[0] - y[0]) : [];
      expect(yearWeightsOf(e)).toEqual(want);
      if (want.length === 1 && want[0]![1] === e.weight) expect(e.yearWeights).toBeUndefined();
      expect(e.firstYear).toBe(want.length ? want[0]![0] : null);
      expect(want.reduce((n, [, c]) => n + c, 0)).toBeLessThanOrEqual(e.weight);
      checked++;
    });
    expect(checked).toBeGreaterThan(1000);
  });
});

describe("identity review data on the seeds", () => {
  it("lists the context merges with their evidence weights, sorted by doubt", () => {
    const review = attrs().identityReview!;
    const byrne = review.merges.find((m) => m.keys[0] === "a:byrne|nicholas" && m.basis === "context")!;
    expect(byrne.sides).toEqual([["Nick Byrne"], ["Nicholas Byrne"]]);
    expect(byrne.evidence.find((e) => /shared co-author: James R. Clough/.test(e.text))!.weight).toBe(2);
    // Context 3.5 against a penalty of 2: doubt 1 - 1.5 / 5.5.
    expect(byrne.doubt).toBeCloseTo(1 - 1.5 / 5.5, 3);
    const doubts = review.merges.map((m) => m.doubt);
    expect(doubts).toEqual([...doubts].sort((x, y) => y - x));
  });

  it("lists the near misses kept apart and why, and the thesaurus the build used", () => {
    const review = attrs().identityReview!;
    const hongwei = review.keptApart.find((m) => m.sides.flat().includes("Hongwei Bran Li"))!;
    expect(hongwei.keys).toEqual(["a:li|hongwei-bran", "a:li|hongwei"]);
    expect(hongwei.penalty).toBe(3);
    expect(hongwei.context).toBe(1.5);
    expect(review.thesaurus).toEqual([
      { action: "merge", names: ["Patrick Christ", "Patrich Ferndinand Christ"] },
      { action: "split", names: ["Hongwei Li", "Hongwei Bran Li"] },
      { action: "rename", names: ["Patrick Christ", "Patrick Christ"] },
    ]);
  });
});
