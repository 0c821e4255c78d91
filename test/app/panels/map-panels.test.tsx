// @vitest-environment jsdom
// Panels of the map work (issue 14), in jsdom on the app fixture graph: the profile owner after a cut byline, long
// names, the Clusters panel following the colour mode (counts with their unit, no aria-label on plain text), the
// legend's rows, the large-paper control and the path that exists only through large papers.
import { afterEach, describe, expect, it, vi } from "vitest";
import { legendFor, type AppearanceGraph } from "../../../src/model/appearance";
import type { NodeAttributes } from "../../../src/model/graph-file";
import { DEFAULT_VIEW_FILTER } from "../../../src/model/view-filter";
import { ClustersPanel } from "../../../src/app/panels/ClustersPanel";
import { DetailsPanel } from "../../../src/app/panels/DetailsPanel";
import { FiltersPanel } from "../../../src/app/panels/FiltersPanel";
import { Legend, visibleRows } from "../../../src/app/panels/Legend";
import { PathsPanel } from "../../../src/app/panels/PathsPanel";
import { inlineSearch } from "../../../src/app/data/search-service";
import { yearHistogram } from "../../../src/app/state/selectors";
import { explorerGraph, fixtureGraph, fixtureGraphology } from "../fixture";
import { click, mount, type Mounted } from "./render";

let m: Mounted | null = null;
afterEach(() => {
  m?.unmount();
  m = null;
});

describe("details", () => {
  it("shows the profile owner the build appended after the cut byline, not inside it", () => {
    const source = fixtureGraphology();
    const key = "p:why-winner-best";
    const a = source.getNodeAttributes(key) as NodeAttributes & { authors: string[]; profileOwners?: string[] };
    // As the pipeline writes it: the owner is the last author and named in profileOwners.
    source.mergeNodeAttributes(key, { profileOwners: [a.authors[a.authors.length - 1]!] } as never);
    const g = explorerGraph(source);
    m = mount(<DetailsPanel graph={g} selected={key} lens="full" drawn onOpen={vi.fn()} onLens={vi.fn()} onFocusCluster={vi.fn()} />);
    const byline = m.container.querySelector(".byline")!.textContent!;
    expect(byline).toMatch(/Ujjwal Baid et al\. \+ profile owner Spyridon Bakas$/);
  });

  it("keeps a 10 KB name from overflowing: it wraps, is cut to four lines and keeps the full text on hover", () => {
    const source = fixtureGraphology();
    const long = "Very Long Name ".repeat(700);
    source.mergeNodeAttributes("a:karim-lekadir", { name: long, label: long } as never);
    const g = explorerGraph(source);
    m = mount(<DetailsPanel graph={g} selected="a:karim-lekadir" lens="coauthor" drawn onOpen={vi.fn()} onLens={vi.fn()} onFocusCluster={vi.fn()} />);
    const h2 = m.container.querySelector("h2")!;
    expect(h2.classList.contains("clamp")).toBe(true);
    expect(h2.getAttribute("title")).toBe(long);
  });
});

describe("clusters panel and legend follow the colour mode", () => {
  it("lists the partition the colours show, with the canvas's colours and counts in words", () => {
    const g = fixtureGraph();
    m = mount(<ClustersPanel graph={g} filter={DEFAULT_VIEW_FILTER} colorMode="community" onToggle={vi.fn()} onShowAll={vi.fn()} onFocus={vi.fn()} />);
    const panel = m.container.querySelector("[data-testid=clusters-panel]")!;
    expect(panel.getAttribute("data-mode")).toBe("community");
    expect(panel.querySelectorAll(".count[aria-label]").length).toBe(0);
    expect(panel.querySelector(".count")!.textContent).toMatch(/^\d+ authors?$/);
    m.rerender(<ClustersPanel graph={g} filter={DEFAULT_VIEW_FILTER} colorMode="topicCluster" onToggle={vi.fn()} onShowAll={vi.fn()} onFocus={vi.fn()} />);
    expect(panel.getAttribute("data-mode")).toBe("topicCluster");
    expect(panel.querySelector(".count")!.textContent).toMatch(/^\d+ papers?$/);
    // Colours by year: no swatches (the canvas does not draw group colours), a partition to choose.
    m.rerender(<ClustersPanel graph={g} filter={DEFAULT_VIEW_FILTER} colorMode="yearFirst" onToggle={vi.fn()} onShowAll={vi.fn()} onFocus={vi.fn()} />);
    expect(panel.querySelectorAll(".swatch").length).toBe(0);
    expect(panel.querySelector('[aria-label="Partition"]')).not.toBeNull();
  });

  it("the legend keeps the shared-colour and no-group rows in view and counts the rest", () => {
    const g = fixtureGraph();
    const legend = legendFor(g as unknown as AppearanceGraph & { getNodeAttributes(k: string): NodeAttributes }, "community", { communities: g.getAttribute("communities") }, g.filterNodes((_k, a) => a.kind === "author"));
    if (legend.kind !== "groups") throw new Error("groups expected");
    const { shown, more } = visibleRows({ ...legend, rows: [...legend.rows, ...Array.from({ length: 10 }, (_, i) => ({ label: `x${i}`, color: "#000000", count: 1, kind: "group" as const }))] }, 8);
    expect(shown.length).toBe(7); // one of the 8 lines goes to "+N more"
    expect(more).toBeGreaterThan(0);
    m = mount(<Legend legend={legend} sizeMetric="pagerank" />);
    expect(m.container.querySelector("summary")!.textContent).toContain("co-author community");
  });
});

describe("papers with many authors", () => {
  const largePapers = { maxAuthors: 25, papers: ["p:a", "p:b"], pairs: 14248 };

  it("the filters say how many papers and links are left out and why, with a control", () => {
    const g = fixtureGraph();
    const onChange = vi.fn();
    m = mount(<FiltersPanel filter={DEFAULT_VIEW_FILTER} histogram={yearHistogram(g)} maxShared={3} largePapers={largePapers} isolatedAuthors={12} onChange={onChange} />);
    const box = m.container.querySelector("[data-testid=large-papers]")!;
    expect(box.textContent).toContain("2 papers have more than 25 authors");
    expect(box.textContent).toContain("14,248 links are left out");
    click(box.querySelector("input")!);
    expect(onChange).toHaveBeenCalledWith({ includeLargePapers: true });
    expect(m.container.querySelector("[data-testid=isolated-authors]")!.textContent).toContain("12 authors drawn without co-author links");
    expect(m.container.querySelectorAll(".year-ticks span").length).toBeGreaterThanOrEqual(2);
  });

  it("the paths panel says when a path exists only through them, and offers to include them", () => {
    const g = fixtureGraph();
    const onIncludeLarge = vi.fn();
    const authors = g.filterNodes((_k, a) => a.kind === "author").slice(0, 3);
    m = mount(
      <PathsPanel graph={g} index={inlineSearch(g)} selected={authors[0]!} ego={0} egoSize={0} pathTarget={authors[2]!} path={null} minShared={1}
        includeLarge={false} largeOnlyPath={authors} largeCut={25} onIncludeLarge={onIncludeLarge}
        onEgo={vi.fn()} onPathTarget={vi.fn()} onOpen={vi.fn()} onFocusPath={vi.fn()} />,
    );
    const note = m.container.querySelector("[data-testid=path-only-large]")!;
    expect(note.textContent).toContain("A path of 2 steps exists only through papers with more than 25 authors");
    expect(m.container.querySelector("[data-testid=path-result] [role=status]")!.textContent).toContain("through papers with at most 25 authors");
    click([...note.querySelectorAll("button")].find((b) => b.textContent === "Include those links")!);
    expect(onIncludeLarge).toHaveBeenCalled();
  });
});
