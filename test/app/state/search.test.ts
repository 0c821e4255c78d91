// Search ranking on the app fixture graph (names and titles from the seed listings). Covers accent and case folding
// (Puyol-Antón / PUYOL-ANTON), typos (Lekadri), prefixes, aliases, arXiv ids, and exact-before-prefix-before-fuzzy.
import { describe, expect, it } from "vitest";
import { buildSearchIndex, searchNodes } from "../../../src/app/state/search";
import { normalizeText, words } from "../../../src/app/state/normalize";
import { explorerGraph, fixtureGraph, fixtureGraphology } from "../fixture";

const g = fixtureGraph();
const index = buildSearchIndex(g);
const top = (q: string, opts = {}) => searchNodes(index, q, opts)[0]?.key;
const keys = (q: string, opts = {}) => searchNodes(index, q, opts).map((h) => h.key);

describe("normalizeText", () => {
  it("folds accents, case and letters NFD leaves alone", () => {
    expect(normalizeText("Puyol-Antón")).toBe("puyol-anton");
    expect(normalizeText("ADRIÀ")).toBe("adria");
    expect(normalizeText("Łukasz Søren Straße")).toBe("lukasz soren strasse");
    expect(words("Maier-Hein, L.")).toEqual(["maier", "hein", "l"]);
  });
});

describe("searchNodes", () => {
  it("is accent- and case-insensitive in both directions", () => {
    expect(top("puyol anton")).toBe("a:esther-puyol-anton");
    expect(top("PUYOL-ANTÓN")).toBe("a:esther-puyol-anton");
    expect(top("adria casamitjana")).toBe("a:adria-casamitjana");
    expect(top("Adrià")).toBe("a:adria-casamitjana");
  });

  it("matches prefixes", () => {
    expect(top("lek")).toBe("a:karim-lekadir");
    expect(top("glioblast")).toBe("p:glioblastoma-efficientnet");
  });

  it("tolerates typos", () => {
    expect(top("lekadri")).toBe("a:karim-lekadir");
    expect(top("eisenman")).toBe("a:matthias-eisenmann");
    expect(top("ruijsnik")).toBe("a:bram-ruijsink");
  });

  it("finds papers by arXiv id, with or without the prefix", () => {
    expect(top("2303.17719")).toBe("p:why-winner-best");
    expect(top("arXiv:2507.12092")).toBe("p:arxiv-2507.12092");
  });

  it("ranks an exact match before prefix matches and prefix matches before fuzzy ones", () => {
    // "bias" is a topic term exactly, and a word in two paper titles.
    const hits = searchNodes(index, "bias");
    expect(hits[0]).toMatchObject({ key: "t:bias", tier: 0 });
    expect(hits.slice(1).every((h) => h.tier >= 2)).toBe(true);
    // "brain" is only a prefix of "brain MR" (tier 1), while papers have it as a whole word (tier 2).
    const brain = searchNodes(index, "brain");
    expect(brain[0]).toMatchObject({ key: "t:brain-mr", tier: 1 });
    // Tiers never go down the list.
    for (const q of ["bias", "brain", "lekadri", "seg", "medical image"]) {
      const tiers = searchNodes(index, q).map((h) => h.tier);
      expect([...tiers].sort((a, b) => a - b)).toEqual(tiers);
    }
    expect(searchNodes(index, "lekadri")[0]!.tier).toBe(4);
  });

  it("needs every word of a multi-word query when some document has them all", () => {
    expect(keys("cardiac bias")).toEqual(expect.arrayContaining(["p:race-sex-bias-cnn", "p:model-choice-bias"]));
    expect(keys("cardiac bias")).not.toContain("t:trustworthy-ai");
  });

  it("limits kinds and count, and returns nothing for blank queries", () => {
    expect(searchNodes(index, "a", { kinds: ["author"] }).every((h) => h.kind === "author")).toBe(true);
    expect(searchNodes(index, "e", { limit: 3 })).toHaveLength(3);
    expect(searchNodes(index, "   ")).toEqual([]);
    expect(searchNodes(index, "—")).toEqual([]);
  });

  it("gives the same order on every build of the index", () => {
    const again = buildSearchIndex(fixtureGraph());
    for (const q of ["e", "bias", "mr", "annika"]) {
      expect(searchNodes(again, q).map((h) => h.key)).toEqual(keys(q));
    }
  });

  it("describes hits for the suggestion list", () => {
    expect(searchNodes(index, "medigan")[0]).toMatchObject({ kind: "paper", detail: "2022 · Richard Osuala et al." });
    expect(searchNodes(index, "Breast density estimation")[0]).toMatchObject({ key: "p:breast-density", detail: "undated" });
    expect(searchNodes(index, "Tiarna")[0]).toMatchObject({ kind: "author", detail: "2 papers" });
  });
});

describe("lazy, sliced index build", () => {
  // The explorer builds the index in idle slices so it stays off the first render. A fake scheduler that hands out
  // tiny deadlines forces many slices (and one timed-out slice with no time left) on the app fixture graph.
  it("gives the same hits whether built in idle slices, on first search, or mid-way", () => {
    const queued: ((d: { timeRemaining(): number }) => void)[] = [];
    const sliced = buildSearchIndex(fixtureGraph(), (work) => queued.push(work), 5);
    expect(sliced.ready()).toBe(false);
    let slices = 0;
    let budget = 0; // the first slice has no time remaining (a callback run for its timeout), later ones a little
    while (queued.length) {
      const work = queued.shift()!;
      work({ timeRemaining: () => budget-- });
      budget = 2;
      slices++;
    }
    expect(sliced.ready()).toBe(true);
    expect(slices).toBeGreaterThan(2); // 33 nodes, 5 per batch, a few batches per slice

    const lazy = buildSearchIndex(fixtureGraph(), null);
    expect(lazy.ready()).toBe(false);
    // Half-built: one slice ran, then a search needs the rest at once.
    const half: ((d: { timeRemaining(): number }) => void)[] = [];
    const partial = buildSearchIndex(fixtureGraph(), (work) => half.push(work), 5);
    half.shift()!({ timeRemaining: () => 0 });
    expect(partial.ready()).toBe(false);
    for (const q of ["e", "bias", "mr", "annika", "lekadri", "puyol anton"]) {
      const expected = keys(q);
      expect(expected.length).toBeGreaterThan(0);
      expect(searchNodes(sliced, q).map((h) => h.key)).toEqual(expected);
      expect(searchNodes(lazy, q).map((h) => h.key)).toEqual(expected);
      expect(searchNodes(partial, q).map((h) => h.key)).toEqual(expected);
    }
    expect(lazy.ready()).toBe(true);
  });
});

describe("searchNodes on bibliographic identifiers", () => {
  it("finds a paper by its DOI or PMID, as pasted from a reference list", () => {
    // The DOI and PMID of a real, related article (Maier-Hein et al., Nat Commun 2018), attached to a fixture paper.
    const edited = fixtureGraphology();
    edited.mergeNodeAttributes("p:why-winner-best", { doi: "10.1038/s41467-018-07619-7", pmid: "30523263" });
    const idx = buildSearchIndex(explorerGraph(edited));
    expect(searchNodes(idx, "10.1038/s41467-018-07619-7")[0]).toMatchObject({ key: "p:why-winner-best", tier: 0 });
    expect(searchNodes(idx, "30523263")[0]).toMatchObject({ key: "p:why-winner-best", tier: 0 });
  });
});
