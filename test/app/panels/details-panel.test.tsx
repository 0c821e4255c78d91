// @vitest-environment jsdom
// DetailsPanel rendered in jsdom on the app fixture graph: what a researcher reads for an author, a paper and a topic,
// that every name navigates, and that text from the inputs is rendered as text (an adversarial title with markup).
import { afterEach, describe, expect, it, vi } from "vitest";
import { DetailsPanel, type DetailsProps } from "../../../src/app/panels/DetailsPanel";
import { explorerGraph, fixtureGraph, fixtureGraphology } from "../fixture";
import { click, mount, type Mounted } from "./render";

let m: Mounted | null = null;
afterEach(() => {
  m?.unmount();
  m = null;
});

function show(selected: string, over: Partial<DetailsProps> = {}, graph = fixtureGraph()) {
  m?.unmount();
  const onOpen = vi.fn();
  const onLens = vi.fn();
  const onFocusCluster = vi.fn();
  m = mount(<DetailsPanel graph={graph} selected={selected} lens="full" drawn onOpen={onOpen} onLens={onLens} onFocusCluster={onFocusCluster} {...over} />);
  const section = (title: string) => m!.container.querySelector(`section[aria-label="${title}"]`);
  return { c: m.container, onOpen, onLens, onFocusCluster, section };
}
const texts = (els: NodeListOf<Element> | undefined) => [...(els ?? [])].map((e) => e.textContent);

describe("DetailsPanel", () => {
  it("shows an author's spellings, profile figures, ranked co-authors, papers newest first and topics", () => {
    const { c, section } = show("a:esther-puyol-anton");
    expect(c.querySelector("h2")!.textContent).toBe("Esther Puyol-Antón");
    expect(c.textContent).toContain("Also writtenEsther Puyol-Anton");
    expect(texts(section("Co-authors")?.querySelectorAll("button.link"))).toEqual(["Andrew P. King", "Bram Ruijsink", "Tiarna Lee"]);
    expect(texts(section("Papers")?.querySelectorAll(".year"))).toEqual(["2023", "2022"]);
    const lek = show("a:karim-lekadir");
    expect(lek.section("Profile")?.textContent).toContain("h-index72");
    expect(lek.section("Profile")?.textContent).toContain("Citations1,931");
    expect(lek.section("Profile")?.textContent).toContain("seeds/000_0cb82e000d5bd246.txt:1");
  });

  it("shows a paper's byline with et al., categories by name, code flag, abstract and sources", () => {
    const { c, onOpen, section } = show("p:why-winner-best");
    const byline = c.querySelector(".byline")!;
    expect(texts(byline.querySelectorAll("button"))).toEqual(["Matthias Eisenmann", "Annika Reinke", "Ujjwal Baid", "Spyridon Bakas"]);
    expect(byline.textContent).toMatch(/Spyridon Bakas et al\.$/);
    expect(c.textContent).toContain("CV · Computer Vision and Pattern Recognition");
    expect(c.textContent).toContain("accepted to CVPR 2023");
    expect(c.textContent).toContain("2303.17719");
    expect(texts(section("Sources")?.querySelectorAll("li"))).toEqual(["seeds/003_b7b40e951325af8c.txt:53", "seeds/004_ffc89207e1d731a7.txt:16"]);
    click(byline.querySelectorAll("button")[1]!);
    expect(onOpen).toHaveBeenCalledWith("a:annika-reinke");
  });

  it("does not print et al. after a complete byline, and says when there are no authors", () => {
    expect(show("p:glioblastoma-efficientnet").c.querySelector(".byline")!.textContent).not.toContain("et al.");
    const none = show("p:breast-density");
    expect(none.c.querySelector(".byline")!.textContent).toBe("No authors listed in the source");
    expect(none.c.textContent).toContain("Dateundated");
    expect(show("p:arxiv-2507.12092").c.querySelector("h2")!.textContent).toBe("arXiv:2507.12092");
  });

  it("shows a topic's leading authors, related topics and papers", () => {
    const { section, onFocusCluster, c } = show("t:bias");
    expect(texts(section("Related topics")?.querySelectorAll("button.link"))).toEqual(["cardiac MR segmentation"]);
    expect(section("Leading authors")?.querySelectorAll("li")).toHaveLength(4);
    click(c.querySelector("button.cluster-link")!);
    expect(onFocusCluster).toHaveBeenCalledWith("topicCluster", 1);
  });

  it("keeps a node the lens does not draw, says so, and offers the lens that draws it", () => {
    const { c, onLens } = show("t:bias", { lens: "coauthor", drawn: false });
    const notice = c.querySelector(".notice")!;
    expect(notice.textContent).toContain("Not drawn in the co-author network");
    click(notice.querySelector("button")!);
    expect(onLens).toHaveBeenCalledWith("topics");
  });

  it("renders markup in input text as text", () => {
    // Adversarial: a title and an alias carrying HTML, as a hostile listing could.
    const edited = fixtureGraphology();
    edited.mergeNodeAttributes("p:medigan", { title: '<img src=x onerror="window.__pwned=1">medigan' });
    edited.mergeNodeAttributes("a:richard-osuala", { aliases: ["Richard Osuala", "<b>R. Osuala</b>"] });
    const g = explorerGraph(edited);
    const { c } = show("p:medigan", {}, g);
    expect(c.querySelector("img")).toBeNull();
    expect(c.querySelector("h2")!.textContent).toBe('<img src=x onerror="window.__pwned=1">medigan');
    const au = show("a:richard-osuala", {}, g);
    expect(au.c.querySelector("b")).toBeNull();
    expect(au.c.textContent).toContain("<b>R. Osuala</b>");
  });
});
