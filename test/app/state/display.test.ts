// deriveDisplay (state/display.ts): the DisplayState the explorer hands the canvas, on the app fixture graph
// (test/fixtures/app, hand-made from the seed listings). Selection, hover, ego, a path, a selection the lens does
// not draw, a search choice, Play's steps, people on a topic, unstable nodes, and which of them wins; the display
// exports use instead.
import { describe, expect, it } from "vitest";
import { planRefresh } from "../../../src/app/canvas/refresh-plan";
import { chooseDrawn } from "../../../src/app/canvas/render-graph";
import type { PaperGraph } from "../../../src/app/data/types";
import { deriveDisplay, exportDisplay, PEOPLE_LIT, type DisplayInputs } from "../../../src/app/state/display";
import { rankPeople } from "../../../src/app/state/people";
import { buildSearchIndex, searchNodes } from "../../../src/app/state/search";
import { collaborationPath } from "../../../src/app/state/selectors";
import { hiddenAtStep, newAuthorsByYear, playYears, yearStep } from "../../../src/app/state/timeline";
import { computeSizesAt, LOOKS } from "../../../src/model/appearance";
import { DEFAULT_VIEW_FILTER, visibleMask, type ViewFilter } from "../../../src/model/view-filter";
import { explorerGraph, fixtureGraph, fixtureJson } from "../fixture";

const g = fixtureGraph();
const sizes = computeSizesAt(g, "pagerank");

function display(opts: Partial<Omit<DisplayInputs, "visible">> & { filter?: Partial<ViewFilter> } = {}) {
  const graph = opts.graph ?? g;
  const visible = visibleMask(graph, { ...DEFAULT_VIEW_FILTER, ...opts.filter });
  return deriveDisplay({ graph, visible, sizes, look: LOOKS.light, hovered: null, selected: null, ego: 0, path: null, ...opts });
}

const link = (graph: PaperGraph, a: string, b: string) => graph.edgeBetween(graph.nodeIndex(a), graph.nodeIndex(b), "coauthor");
const sorted = (s: Iterable<string>) => [...s].sort();

describe("deriveDisplay: the selection, hover and path", () => {
  it("with nothing chosen, nothing is lit, labelled, on a path or hidden", () => {
    const ds = display();
    expect(ds).toEqual({ selected: null, highlight: null, forcedLabels: new Set(), path: { nodes: new Set(), edges: new Set() }, look: LOOKS.light, timeline: null });
  });

  it("a selected author lights itself, its drawn co-authors and the links to them, and forces their labels", () => {
    const ds = display({ selected: "a:sanyukta-adap" });
    expect(ds.selected).toBe("a:sanyukta-adap");
    expect(sorted(ds.highlight!.nodes)).toEqual(["a:sanyukta-adap", "a:spyridon-bakas", "a:ujjwal-baid"]);
    expect(ds.highlight!.edges).toEqual(new Set([link(g, "a:sanyukta-adap", "a:spyridon-bakas"), link(g, "a:sanyukta-adap", "a:ujjwal-baid")]));
    expect(ds.forcedLabels).toEqual(ds.highlight!.nodes);
    expect(ds.timeline).toBeNull();
  });

  it("ego 2 reaches co-authors of co-authors and lights only the links among what it reaches", () => {
    const one = display({ selected: "a:sanyukta-adap", ego: 1 });
    const two = display({ selected: "a:sanyukta-adap", ego: 2 });
    expect(one.highlight!.nodes.has("a:matthias-eisenmann")).toBe(false);
    expect(two.highlight!.nodes.has("a:matthias-eisenmann")).toBe(true);
    expect(two.highlight!.nodes.has("a:karim-lekadir")).toBe(false); // another co-author component
    for (const e of two.highlight!.edges) {
      expect(two.highlight!.nodes.has(g.keys[g.edgeSource[e]!]!)).toBe(true);
      expect(two.highlight!.nodes.has(g.keys[g.edgeTarget[e]!]!)).toBe(true);
    }
  });

  it("hover wins over the selection; a hovered node the lens does not draw falls back to the selection", () => {
    const hovered = display({ selected: "a:sanyukta-adap", hovered: "a:karim-lekadir" });
    expect(sorted(hovered.highlight!.nodes)).toEqual(["a:aasa-feragen", "a:adria-casamitjana", "a:karim-lekadir", "a:richard-osuala"]);
    expect(hovered.selected).toBe("a:sanyukta-adap");
    const hiddenHover = display({ selected: "a:sanyukta-adap", hovered: "t:bias" });
    expect(hiddenHover.highlight).toEqual(display({ selected: "a:sanyukta-adap" }).highlight);
  });

  it("a collaboration path lights its authors and links and is drawn as the path; a hover still wins the highlight", () => {
    const path = collaborationPath(g, "a:lena-maier-hein", "a:spyridon-bakas")!;
    expect(path).toEqual(["a:lena-maier-hein", "a:annika-reinke", "a:spyridon-bakas"]);
    const edges = new Set([link(g, "a:lena-maier-hein", "a:annika-reinke"), link(g, "a:annika-reinke", "a:spyridon-bakas")]);
    const ds = display({ selected: "a:lena-maier-hein", path });
    expect(ds.path).toEqual({ nodes: new Set(path), edges });
    expect(ds.highlight).toEqual({ nodes: new Set(path), edges });
    const hovered = display({ selected: "a:lena-maier-hein", path, hovered: "a:karim-lekadir" });
    expect(hovered.highlight!.nodes.has("a:annika-reinke")).toBe(false);
    expect(hovered.path).toEqual({ nodes: new Set(path), edges });
  });

  it("a selection the lens does not draw lights where it shows in the lens (its topics), with no edges", () => {
    const ds = display({ selected: "a:esther-puyol-anton", filter: { lens: "topics" } });
    expect(ds.highlight!.nodes.has("t:bias")).toBe(true);
    expect(ds.highlight!.nodes.has("t:trustworthy-ai")).toBe(false);
    expect([...ds.highlight!.nodes].every((k) => k.startsWith("t:"))).toBe(true);
    expect(ds.highlight!.edges.size).toBe(0);
    expect(ds.forcedLabels.has("t:bias")).toBe(true);
  });

  it("choosing a search hit selects it: its neighbourhood is lit and labelled", () => {
    const index = buildSearchIndex(g, null);
    const hit = searchNodes(index, "Lekadir", { kinds: ["author"] })[0]!;
    expect(hit.key).toBe("a:karim-lekadir");
    const ds = display({ selected: hit.key });
    expect(sorted(ds.forcedLabels)).toEqual(["a:aasa-feragen", "a:adria-casamitjana", "a:karim-lekadir", "a:richard-osuala"]);
  });

  it("the same inputs give an equal display, which needs no refresh", () => {
    const a = display({ selected: "a:sanyukta-adap", ego: 2 });
    const b = display({ selected: "a:sanyukta-adap", ego: 2 });
    expect(a).not.toBe(b);
    expect(b).toEqual(a);
    expect(planRefresh(a, b)).toEqual({ kind: "none" });
  });
});

/**
 * The fixture with each co-author link's first joint paper year filled in (the build stores it as edge `firstYear`;
 * the hand-made fixture predates it): the earliest dated paper both authors are on.
 */
function fixtureWithFirstYears(): PaperGraph {
  const json = fixtureJson();
  const papers: { authors: string[]; year: number }[] = [];
  for (const { attributes: a } of json.nodes) if (a.kind === "paper" && typeof a.year === "number") papers.push({ authors: a.authors, year: a.year });
  for (const e of json.edges) {
    if (e.attributes.kind !== "coauthor") continue;
    const years = papers.filter((p) => p.authors.includes(e.source) && p.authors.includes(e.target)).map((p) => p.year);
    e.attributes.firstYear = years.length ? Math.min(...years) : null;
  }
  return explorerGraph(json);
}

describe("deriveDisplay: Play and the panels' lists", () => {
  const dated = fixtureWithFirstYears();
  const visible = visibleMask(dated, DEFAULT_VIEW_FILTER);
  const drawn = chooseDrawn(dated, visible);
  const timeline = newAuthorsByYear(dated);
  const stepAt = (year: number) => {
    const step = yearStep(dated, DEFAULT_VIEW_FILTER, visible, timeline, year);
    return { newLinks: step.newLinks, hidden: hiddenAtStep(dated, drawn, step) };
  };

  it("a Play step hides what does not exist yet (the same sets, so the refresh plan sees an unchanged step) and lights the year's new links", () => {
    expect(playYears(dated, DEFAULT_VIEW_FILTER)[0]).toBe(2021);
    const play = stepAt(2021);
    const ds = display({ graph: dated, play });
    expect(ds.timeline).toBe(play.hidden);
    expect(play.hidden.nodes.has("a:spyridon-bakas")).toBe(true); // first co-authors in 2023
    expect(ds.highlight).toEqual({ nodes: new Set(["a:karim-lekadir", "a:richard-osuala"]), edges: new Set([link(dated, "a:karim-lekadir", "a:richard-osuala")]) });
    expect(sorted(ds.forcedLabels)).toEqual(["a:karim-lekadir", "a:richard-osuala"]);
    const later = display({ graph: dated, play: stepAt(2025) });
    expect(later.timeline!.nodes.size).toBe(0);
    expect(sorted(later.highlight!.nodes)).toEqual(["a:sanyukta-adap", "a:spyridon-bakas", "a:ujjwal-baid"]);
  });

  it("during Play a selection lights its neighbourhood instead, and the step still hides what does not exist yet", () => {
    const play = stepAt(2022);
    const ds = display({ graph: dated, play, selected: "a:lena-maier-hein" });
    expect(ds.timeline).toBe(play.hidden);
    expect(sorted(ds.highlight!.nodes)).toEqual(["a:annika-reinke", "a:lena-maier-hein"]);
  });

  it("a year without new links lights nothing (constructed: an empty list of the year's links)", () => {
    const play = { newLinks: [], hidden: stepAt(2021).hidden };
    const ds = display({ graph: dated, play });
    expect(ds.highlight).toBeNull();
    expect(ds.timeline).toBe(play.hidden);
  });

  it("people on a topic light the ranked authors and the links among them", () => {
    const people = rankPeople(g, { topic: "t:bias" }).people;
    expect(sorted(people.map((p) => p.key))).toEqual(["a:andrew-p-king", "a:bram-ruijsink", "a:esther-puyol-anton", "a:tiarna-lee"]);
    const ds = display({ people });
    expect(ds.highlight!.nodes).toEqual(new Set(people.map((p) => p.key)));
    // The four wrote together: every pair is linked.
    expect(ds.highlight!.edges.size).toBe(6);
  });

  it(`people beyond the first ${PEOPLE_LIT} are not lit (constructed: one author ranked ${PEOPLE_LIT} times, then another)`, () => {
    const people = [...Array.from({ length: PEOPLE_LIT }, () => ({ key: "a:tiarna-lee" })), { key: "a:andrew-p-king" }];
    expect(display({ people }).highlight).toEqual({ nodes: new Set(["a:tiarna-lee"]), edges: new Set() });
  });

  it("unstable nodes light the drawn ones and the links among them only (constructed: three nodes, a paper the lens hides)", () => {
    const unstable = ["a:karim-lekadir", "a:richard-osuala", "p:medigan"].map((k) => g.nodeIndex(k));
    const ds = display({ unstable });
    expect(ds.highlight).toEqual({ nodes: new Set(["a:karim-lekadir", "a:richard-osuala"]), edges: new Set([link(g, "a:karim-lekadir", "a:richard-osuala")]) });
  });

  it("Play's links win over people, people over unstable nodes, and a hover over all of them", () => {
    const people = [{ key: "a:tiarna-lee" }];
    const unstable = [g.nodeIndex("a:karim-lekadir")];
    const play = stepAt(2021);
    expect(display({ graph: dated, play, people, unstable }).highlight!.nodes).toEqual(new Set(["a:karim-lekadir", "a:richard-osuala"]));
    expect(display({ people, unstable }).highlight!.nodes).toEqual(new Set(["a:tiarna-lee"]));
    expect(display({ unstable }).highlight!.nodes).toEqual(new Set(["a:karim-lekadir"]));
    expect(display({ people, unstable, hovered: "a:lena-maier-hein" }).highlight!.nodes).toEqual(new Set(["a:lena-maier-hein", "a:annika-reinke"]));
  });
});

describe("exportDisplay", () => {
  it("keeps the selection but drops the dimming, forced labels, path and Play, in the light theme; the view's display is untouched", () => {
    const path = collaborationPath(g, "a:lena-maier-hein", "a:spyridon-bakas")!;
    const shown = deriveDisplay({ graph: g, visible: visibleMask(g, DEFAULT_VIEW_FILTER), sizes, look: LOOKS.dark, hovered: null, selected: "a:lena-maier-hein", ego: 0, path });
    const before = { highlight: shown.highlight, forced: [...shown.forcedLabels] };
    const ds = exportDisplay(shown);
    expect(ds).toEqual({ selected: "a:lena-maier-hein", highlight: null, forcedLabels: new Set(), path: { nodes: new Set(), edges: new Set() }, look: LOOKS.light, timeline: null });
    expect(shown.highlight).toBe(before.highlight);
    expect([...shown.forcedLabels]).toEqual(before.forced);
    expect(shown.look).toBe(LOOKS.dark);
  });
});
