// @vitest-environment jsdom
// ClustersPanel in jsdom on the app fixture graph: a research cluster explains itself (distinctive terms with their
// weights, typical papers that open their details); a graph file without the explanation fields still shows the terms.
import { afterEach, describe, expect, it, vi } from "vitest";
import type { ClusterInfo } from "../../../src/model/graph-file";
import { DEFAULT_VIEW_FILTER } from "../../../src/model/view-filter";
import { ClustersPanel } from "../../../src/app/panels/ClustersPanel";
import { fixtureGraph } from "../fixture";
import { click, mount, type Mounted } from "./render";

let m: Mounted | null = null;
afterEach(() => {
  m?.unmount();
  m = null;
});

function show(explain: boolean) {
  const graph = fixtureGraph();
  const paper = graph.filterNodes((_k, a) => a.kind === "paper")[0]!;
  const table = structuredClone(graph.getAttribute("topicClusters")) as Record<string, ClusterInfo>;
  if (explain) {
    // Constructed: the fields cluster.ts writes, on the fixture's first research cluster.
    table["0"]!.termWeights = [{ term: "trustworthy AI", weight: 0.4213 }, { term: "generative models", weight: 0.2 }];
    table["0"]!.typicalPapers = [paper, "p:not-in-this-graph"];
  }
  // The explorer's graph is read-only; its graph attributes are the header's object, replaced here as a loaded file's.
  (graph.getAttributes() as unknown as Record<string, unknown>).topicClusters = table;
  const onOpen = vi.fn();
  const filter = { ...DEFAULT_VIEW_FILTER, clusterMode: "topicCluster" as const };
  m = mount(<ClustersPanel graph={graph} filter={filter} onToggle={vi.fn()} onShowAll={vi.fn()} onFocus={vi.fn()} onOpen={onOpen} />);
  return { c: m.container, onOpen, paper, label: String(graph.getNodeAttribute(paper, "label")), info: table["0"]! };
}

describe("ClustersPanel", () => {
  it("explains a research cluster on demand: weighted terms and typical papers that open", () => {
    const { c, onOpen, paper, label, info } = show(true);
    const why = c.querySelector(`button[aria-label="Why ${info.label}?"]`)!;
    expect(why.getAttribute("aria-expanded")).toBe("false");
    expect(c.querySelector(".cluster-why")).toBeNull();
    click(why);
    expect(why.getAttribute("aria-expanded")).toBe("true");
    const terms = [...c.querySelectorAll(`ul[aria-label="Distinctive terms of ${info.label}"] li`)].map((li) => li.textContent);
    expect(terms).toEqual(["trustworthy AI 0.42", "generative models 0.20"]);
    // A typical paper the graph does not hold (a hand-edited file) is left out, not shown as a broken link.
    const papers = c.querySelectorAll(`ol[aria-label="Typical papers of ${info.label}"] button`);
    expect([...papers].map((b) => b.textContent)).toEqual([label]);
    click(papers[0]!);
    expect(onOpen).toHaveBeenCalledWith(paper);
    click(why);
    expect(c.querySelector(".cluster-why")).toBeNull();
  });

  it("falls back to the plain term list for files written before term weights existed", () => {
    const { c, info } = show(false);
    click(c.querySelector(`button[aria-label="Why ${info.label}?"]`)!);
    const terms = [...c.querySelectorAll(`ul[aria-label="Distinctive terms of ${info.label}"] li`)].map((li) => li.textContent);
    expect(terms).toEqual(info.terms);
    expect(c.querySelector(`ol[aria-label="Typical papers of ${info.label}"]`)).toBeNull();
  });
});
