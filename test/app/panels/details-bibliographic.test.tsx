// @vitest-environment jsdom
// The bibliographic fields of the details panel (issue 9): DOI, venue line, keywords, MeSH terms, group authors and
// citations for a paper; ORCID, affiliations and author ids for an author. Identifiers are text that opens its
// resolver in a new tab only when clicked; text from the inputs is rendered as text; graph files of older builds
// (no such fields) show none of these rows.
import { afterEach, describe, expect, it, vi } from "vitest";
import { DetailsPanel } from "../../../src/app/panels/DetailsPanel";
import type { PaperGraph } from "../../../src/app/data/types";
import { doiUrl, orcidUrl, venueLine } from "../../../src/app/state/bibliographic";
import { explorerGraph, fixtureGraph, fixtureGraphology } from "../fixture";
import { mount, type Mounted } from "./render";

let m: Mounted | null = null;
afterEach(() => {
  m?.unmount();
  m = null;
});

function show(selected: string, graph: PaperGraph) {
  m?.unmount();
  m = mount(<DetailsPanel graph={graph} selected={selected} lens="full" drawn onOpen={vi.fn()} onLens={vi.fn()} onFocusCluster={vi.fn()} />);
  const c = m.container;
  const row = (k: string) => [...c.querySelectorAll(".kv")].find((el) => el.querySelector(".k")?.textContent === k) ?? null;
  const section = (title: string) => c.querySelector(`section[aria-label="${title}"]`);
  return { c, row, section };
}
const texts = (els: NodeListOf<Element> | undefined) => [...(els ?? [])].map((e) => e.textContent);

// Bibliographic values of a real, related article (Maier-Hein et al., "Why rankings of biomedical image analysis
// competitions should be interpreted with care", Nat Commun 2018;9(1):5217, PMID 30523263, as PubMed lists it, with two
// of its MeSH terms), attached to a fixture paper. The WoS, OpenAlex and Scopus ids are illustrative (shape only); the
// ORCID iD is ORCID's documented example identity (Josiah Carberry).
function withBibliographic(): PaperGraph {
  const g = fixtureGraphology();
  g.mergeNodeAttributes("p:why-winner-best", {
    doi: "10.1038/s41467-018-07619-7",
    pmid: "30523263",
    externalIds: ["wos:WOS:000452324900001", "openalex:W2903146437"],
    venue: "Nature Communications",
    volume: "9",
    issue: "1",
    pages: "5217",
    publicationType: "Journal Article",
    keywords: ["benchmarking", "challenges"],
    indexKeywords: ["SEGMENTATION", "VALIDATION"],
    meshTerms: ["Image Processing, Computer-Assisted", "Reproducibility of Results"],
    groupAuthors: ["BraTS Consortium"],
    citationCount: 1234,
    referenceCount: 45,
  });
  g.mergeNodeAttributes("a:annika-reinke", {
    orcid: "0000-0002-1825-0097",
    externalIds: ["openalex:A5023888391", "scopus:57203512345"],
    affiliations: ["German Cancer Research Center (DKFZ), Heidelberg", "Heidelberg University"],
  });
  return explorerGraph(g);
}

describe("DetailsPanel, bibliographic fields", () => {
  it("shows a paper's venue line, type, DOI, PMID, other ids, citations and references", () => {
    const { row } = show("p:why-winner-best", withBibliographic());
    expect(row("Published in")!.textContent).toBe("Published inNature Communications, 9(1), 5217");
    expect(row("Type")!.textContent).toBe("TypeJournal Article");
    expect(row("PMID")!.textContent).toBe("PMID30523263");
    expect(texts(row("Other ids")!.querySelectorAll(".ids span"))).toEqual(["wos:WOS:000452324900001", "openalex:W2903146437"]);
    expect(row("Citations")!.textContent).toBe("Citations1,234");
    expect(row("References")!.textContent).toBe("References45 listed by the source");
  });

  it("shows the DOI as its text, linking to doi.org in a new tab without opener or referrer", () => {
    const { row } = show("p:why-winner-best", withBibliographic());
    const a = row("DOI")!.querySelector("a")!;
    expect(a.textContent).toBe("10.1038/s41467-018-07619-7");
    expect(a.getAttribute("href")).toBe("https://doi.org/10.1038/s41467-018-07619-7");
    expect(a.getAttribute("target")).toBe("_blank");
    expect(a.getAttribute("rel")).toBe("noopener noreferrer");
    expect(a.getAttribute("referrerpolicy")).toBe("no-referrer");
  });

  it("shows keywords, index keywords and MeSH terms as separate lists, and group authors apart from the byline", () => {
    const { section, row, c } = show("p:why-winner-best", withBibliographic());
    expect(texts(section("Keywords")?.querySelectorAll("li"))).toEqual(["benchmarking", "challenges"]);
    expect(texts(section("Index keywords")?.querySelectorAll("li"))).toEqual(["SEGMENTATION", "VALIDATION"]);
    expect(texts(section("MeSH terms")?.querySelectorAll("li"))).toEqual(["Image Processing, Computer-Assisted", "Reproducibility of Results"]);
    expect(row("Group authors")!.textContent).toBe("Group authorsBraTS Consortium");
    // A group author is no author node: no button for it in the byline.
    expect(texts(c.querySelectorAll(".byline button"))).not.toContain("BraTS Consortium");
  });

  it("says a paper with only group authors has no individual authors", () => {
    const edited = fixtureGraphology();
    edited.mergeNodeAttributes("p:breast-density", { groupAuthors: ["FUTURE-AI Consortium"] });
    const { c, row } = show("p:breast-density", explorerGraph(edited));
    expect(c.querySelector(".byline")!.textContent).toBe("No individual authors listed in the source");
    expect(row("Group authors")!.textContent).toBe("Group authorsFUTURE-AI Consortium");
  });

  it("shows an author's ORCID (linking to orcid.org in a new tab), author ids and affiliations", () => {
    const { row, section } = show("a:annika-reinke", withBibliographic());
    const a = row("ORCID")!.querySelector("a")!;
    expect(a.textContent).toBe("0000-0002-1825-0097");
    expect(a.getAttribute("href")).toBe("https://orcid.org/0000-0002-1825-0097");
    expect(a.getAttribute("target")).toBe("_blank");
    expect(a.getAttribute("rel")).toBe("noopener noreferrer");
    expect(texts(row("Author ids")!.querySelectorAll(".ids span"))).toEqual(["openalex:A5023888391", "scopus:57203512345"]);
    expect(texts(section("Affiliations")?.querySelectorAll("li"))).toEqual(["German Cancer Research Center (DKFZ), Heidelberg", "Heidelberg University"]);
  });

  it("shows none of these rows for a graph file of an older build (no such attributes)", () => {
    const { c, row } = show("p:why-winner-best", fixtureGraph());
    for (const k of ["DOI", "PMID", "Published in", "Type", "Citations", "References", "Group authors", "Other ids"]) expect(row(k), k).toBeNull();
    for (const title of ["Keywords", "Index keywords", "MeSH terms"]) expect(c.querySelector(`section[aria-label="${title}"]`), title).toBeNull();
    const au = show("a:annika-reinke", fixtureGraph());
    expect(au.row("ORCID")).toBeNull();
    expect(au.section("Affiliations")).toBeNull();
  });

  it("renders hostile input as text and links only well-formed identifiers to their own resolver", () => {
    // Adversarial: markup in keywords, venue and affiliations, and a DOI that passes the graph file's check (lower
    // case, "10." prefix, no space) but is no DOI a resolver knows and carries markup. (An ORCID that is not one is
    // refused when the graph is loaded: validate.ts.)
    const edited = fixtureGraphology();
    edited.mergeNodeAttributes("p:why-winner-best", {
      doi: "10.evil/<script>alert(1)</script>",
      keywords: ['<img src=x onerror="window.__pwned=1">'],
      venue: "<b>Journal</b>",
      groupAuthors: ["<script>alert(1)</script> Group"],
    });
    edited.mergeNodeAttributes("a:annika-reinke", { affiliations: ["<a href='https://evil.example'>x</a>"] });
    const g = explorerGraph(edited);
    const { c, row } = show("p:why-winner-best", g);
    expect(c.querySelector("img, b, script")).toBeNull();
    expect(row("DOI")!.querySelector("a")).toBeNull();
    expect(row("DOI")!.textContent).toBe("DOI10.evil/<script>alert(1)</script>");
    expect(row("Published in")!.textContent).toBe("Published in<b>Journal</b>");
    const au = show("a:annika-reinke", g);
    expect(au.c.querySelectorAll("a")).toHaveLength(0);
    expect(au.c.textContent).toContain("<a href='https://evil.example'>x</a>");
  });
});

describe("doiUrl, orcidUrl, venueLine", () => {
  it("escapes DOI characters that mean something in a URL, keeping the slashes", () => {
    // Real SICI-style DOI (Wiley, 1997) with <, >, ; and #-free parentheses.
    expect(doiUrl("10.1002/(sici)1097-4636(199706)35:4<497::aid-jbm9>3.0.co;2-n")).toBe(
      "https://doi.org/10.1002/(sici)1097-4636(199706)35%3A4%3C497%3A%3Aaid-jbm9%3E3.0.co%3B2-n",
    );
    expect(doiUrl("10.1000/a?b#c")).toBe("https://doi.org/10.1000/a%3Fb%23c");
    expect(doiUrl("10.1000/with space")).toBeNull();
    expect(doiUrl("doi:10.1000/x")).toBeNull();
    expect(doiUrl(null)).toBeNull();
  });

  it("links only checksum-shaped ORCID iDs", () => {
    expect(orcidUrl("0000-0002-1825-009X")).toBe("https://orcid.org/0000-0002-1825-009X");
    expect(orcidUrl("0000-0002-1825-0097 ")).toBeNull();
    expect(orcidUrl(undefined)).toBeNull();
  });

  it("joins venue, volume(issue) and pages, whatever is present", () => {
    expect(venueLine({ venue: "Medical Image Analysis", volume: "84", issue: null, pages: "102680" })).toBe("Medical Image Analysis, 84, 102680");
    expect(venueLine({ venue: null, volume: "12", issue: "3", pages: "1-9" })).toBe("vol. 12(3), 1-9");
    expect(venueLine({ venue: undefined, volume: undefined, issue: undefined, pages: "e1" })).toBe("pp. e1");
    expect(venueLine({ venue: "  ", volume: null, issue: null, pages: null })).toBeNull();
  });
});
