/**
 * The explorer's pure logic for issue 15 over the compact files of the real seeds build (test/fixtures/seeds-build):
 * the Resolution slider's stops and the graph at a level (levels-view.ts), Play's steps (timeline.ts), the people
 * ranking over the compact arrays (people.ts) against the model's ranking over graphology, and the refresh plan of a
 * Play step (only what the year shows anew).
 */
import { describe, expect, it } from "vitest";
import { planRefresh } from "../../../src/app/canvas/refresh-plan";
import { PLAIN_DISPLAY, reduceEdge, reduceNode } from "../../../src/app/canvas/reducers";
import { graphAtLevels, levelsOf, sliderSteps, unstableNodes } from "../../../src/app/state/levels-view";
import { rankPeople } from "../../../src/app/state/people";
import { hiddenAtStep, newAuthorsByYear, playYears, yearStep } from "../../../src/app/state/timeline";
import { collaborationTimeline } from "../../../src/model/collaboration";
import { groupAtLevel } from "../../../src/model/levels";
import { peopleOnTopic } from "../../../src/model/topic-people";
import { DEFAULT_VIEW_FILTER, EDGE_KIND_INDEX, visibleMask } from "../../../src/model/view-filter";
import { compactOf } from "../../helpers/compact";
import { seedsBuild } from "../../fixtures/seeds-build";

const seeds = () => seedsBuild().graph;
let cached: ReturnType<typeof compactOf>["compact"] | null = null;
const compact = () => (cached ??= compactOf(seeds()).compact);

describe("Resolution levels in the explorer", () => {
  it("slider stops skip levels that repeat the previous group count, keep the default, and run from few groups to many", () => {
    const attrs = compact().getAttributes();
    const steps = sliderSteps(attrs, "community");
    const ladder = attrs.communityLadder!;
    expect(steps.some((s) => s.level === ladder.default)).toBe(true);
    for (let k = 1; k < steps.length; k++) expect(steps[k]!.count).not.toBe(steps[k - 1]!.count);
    expect(steps[0]!.count).toBeLessThan(steps[steps.length - 1]!.count);
    expect(sliderSteps({}, "community")).toEqual([]);
  });

  it("the graph at a level carries the level's ids, table and node attributes; the default level is the graph itself", () => {
    const g = compact();
    expect(graphAtLevels(g, { community: null, topicCluster: null })).toBe(g);
    const view = graphAtLevels(g, { community: 0, topicCluster: null });
    expect(levelsOf(view).community).toBe(0);
    const table = g.getAttributes().communityLadder!.levels[0]!.groups!;
    expect(view.getAttribute("communities")).toEqual(table);
    seeds().forEachNode((key, a) => {
      const i = g.nodeIndex(key);
      expect(view.community[i], key).toBe(groupAtLevel(a, "community", 0));
      expect(view.getNodeAttributes(key).community, key).toBe(groupAtLevel(a, "community", 0));
    });
    // Structure is shared: the same keys, positions and edges.
    expect(view.keys).toBe(g.keys);
    expect(view.edgeSource).toBe(g.edgeSource);
  });

  it("unstable nodes are the visible ones at or below the lowest tenth of stability", () => {
    const g = compact();
    const visible = visibleMask(g, DEFAULT_VIEW_FILTER);
    const { nodes, threshold } = unstableNodes(g, "community", visible.nodes);
    const st = g.stability("community");
    expect(threshold).not.toBeNull();
    for (const i of nodes) expect(st[i]!).toBeLessThanOrEqual(threshold!);
    for (let i = 0; i < g.order; i++) if (visible.nodes[i] && st[i]! < threshold!) expect(nodes).toContain(i);
  });
});

describe("Play", () => {
  it("the new authors per year and the links' first years over the arrays equal the model's timeline over graphology", () => {
    const g = compact();
    const fromGraph = collaborationTimeline(seeds());
    const byYear = <T,>(m: ReadonlyMap<number, T>) => [...m].sort((a, b) => a[0] - b[0]);
    expect(byYear(newAuthorsByYear(g))).toEqual(byYear(fromGraph.newAuthors));
    expect(fromGraph.newAuthors.size).toBeGreaterThan(3);
    // The first-year column each step reads, grouped by year, names the model's new links of each year.
    const newLinks = new Map<number, string[]>();
    for (let e = 0; e < g.size; e++) {
      const y = g.edgeFirstYear[e]!;
      if ((g.edgeKind[e] === EDGE_KIND_INDEX.coauthor || g.edgeKind[e] === EDGE_KIND_INDEX["coauthor-large"]) && !Number.isNaN(y)) (newLinks.get(y) ?? newLinks.set(y, []).get(y)!).push(g.edgeKey(e));
    }
    expect(byYear(newLinks).map(([y, ks]) => [y, ks.sort()])).toEqual(byYear(fromGraph.newLinks).map(([y, ks]) => [y, [...ks].sort()]));
  });

  it("each year's step holds what exists by then: links rise, the year's new links are first made that year", () => {
    const g = compact();
    const filter = DEFAULT_VIEW_FILTER;
    const base = visibleMask(g, filter);
    const t = newAuthorsByYear(g);
    const years = playYears(g, filter);
    expect(years.length).toBeGreaterThan(3);
    let prev = -1;
    for (const y of years) {
      const s = yearStep(g, filter, base, t, y);
      expect(s.mask.edgeCount).toBeGreaterThanOrEqual(prev);
      prev = s.mask.edgeCount;
      for (const e of s.newLinks) expect(g.edgeFirstYear[e]).toBe(y);
      for (let e = 0; e < g.size; e++) if (s.mask.edges[e] && g.edgeKind[e] === 1) expect(g.edgeFirstYear[e]!).toBeLessThanOrEqual(y);
    }
    expect(prev).toBe(base.edgeCount);
  });

  it("a step hides what does not exist yet through the reducers, and the refresh plan names only what changed", () => {
    const g = compact();
    const base = visibleMask(g, DEFAULT_VIEW_FILTER);
    const t = newAuthorsByYear(g);
    const [y1, y2] = playYears(g, DEFAULT_VIEW_FILTER);
    const drawn = { nodes: [...base.nodes.keys()].filter((i) => base.nodes[i]), edges: [...base.edges.keys()].filter((e) => base.edges[e]) };
    const h1 = hiddenAtStep(g, drawn, yearStep(g, DEFAULT_VIEW_FILTER, base, t, y1!));
    const h2 = hiddenAtStep(g, drawn, yearStep(g, DEFAULT_VIEW_FILTER, base, t, y2!));
    const hiddenKey = [...h1.nodes][0]!;
    expect(reduceNode(hiddenKey, { x: 0, y: 0, size: 1, color: "#000", label: "x" }, { ...PLAIN_DISPLAY, timeline: h1 })).toMatchObject({ hidden: true });
    expect(reduceEdge(String(h1.edges.indexOf(1)), { size: 1, color: "#000" }, { ...PLAIN_DISPLAY, timeline: h1 })).toMatchObject({ hidden: true });
    const plan = planRefresh({ ...PLAIN_DISPLAY, timeline: h1 }, { ...PLAIN_DISPLAY, timeline: h2 });
    expect(plan.kind).toBe("partial");
    if (plan.kind !== "partial") return;
    const shownAnew = [...h1.edges.keys()].filter((e) => h1.edges[e] && !h2.edges[e]);
    expect(shownAnew.length).toBeGreaterThan(0);
    expect(plan.edges).toEqual(shownAnew.sort((a, b) => a - b));
    expect(plan.edges.length).toBeLessThan(drawn.edges.length);
  });
});

describe("People on this topic over the compact graph", () => {
  it("ranks as the model does over graphology, for a topic, a research cluster and a text", async () => {
    const g = compact();
    await g.loadGroup("search");
    const topic = g.keys.find((k, i) => g.kind[i] === 2 && g.degree[i]! > 5)!;
    const cluster = Number(Object.keys(g.getAttribute("topicClusters"))[0]);
    for (const q of [{ topic }, { cluster }, { text: "segment" }]) {
      const mine = rankPeople(g, q);
      const model = peopleOnTopic(seeds(), q);
      expect(mine.people.map((p) => [p.key, p.score.toFixed(9), p.papers, p.firstYear, p.lastYear, p.community])).toEqual(
        model.people.map((p) => [p.key, p.score.toFixed(9), p.papers, p.firstYear, p.lastYear, p.community]),
      );
      expect(mine.people.length).toBeGreaterThan(0);
    }
  });

  it("names communities at the Resolution slider's level", () => {
    const g = graphAtLevels(compact(), { community: 0, topicCluster: null });
    const topic = g.keys.find((k, i) => g.kind[i] === 2 && g.degree[i]! > 5)!;
    const mine = rankPeople(g, { topic });
    const model = peopleOnTopic(seeds(), { topic }, { communityLevel: 0 });
    expect(mine.people.map((p) => [p.key, p.community, p.communityLabel])).toEqual(model.people.map((p) => [p.key, p.community, p.communityLabel]));
  });
});
