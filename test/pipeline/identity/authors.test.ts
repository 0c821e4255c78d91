import { describe, expect, it } from "vitest";
import { resolveIdentity } from "../../../src/pipeline/identity";
import type { IdentityResult } from "../../../src/pipeline/identity/types";
import { doc, filler, rec } from "./helpers";

const nodeOf = (r: IdentityResult, spelling: string) => {
  const a = r.authors.find((x) => x.aliases.includes(spelling));
  if (!a) throw new Error(`no author reads "${spelling}"`);
  return a;
};
const same = (r: IdentityResult, a: string, b: string) => nodeOf(r, a).key === nodeOf(r, b).key;

describe("context decides what names alone cannot", () => {
  // Nick/Nicholas Byrne: seeds/001 has "Nick Byrne, James R. Clough, ..." and "James R. Clough, Nicholas Byrne, ...".
  it("merges a nickname when a co-author is shared", () => {
    const d = doc("listing.txt", [
      rec("listing.txt", { title: "Topological loss A", authors: ["Nick Byrne", "James R. Clough", ...filler("a", 2)] }),
      rec("listing.txt", { title: "Topological loss B", authors: ["James R. Clough", "Nicholas Byrne", ...filler("b", 2)] }),
    ]);
    const r = resolveIdentity([d], {});
    expect(same(r, "Nick Byrne", "Nicholas Byrne")).toBe(true);
    expect(nodeOf(r, "Nick Byrne").name).toBe("Nicholas Byrne");
    const ev = r.merges.find((m) => m.merged.includes("Nick Byrne"))!;
    expect(ev.evidence.join(" ")).toMatch(/shared co-author: James R\. Clough/);
  });
  it("keeps the nickname apart without shared co-authors, in two unrelated listings, and says why", () => {
    const r = resolveIdentity(
      [
        doc("a.txt", [rec("a.txt", { title: "Cardiac segmentation", authors: ["Nick Byrne", ...filler("a", 3)] })]),
        doc("b.txt", [rec("b.txt", { title: "Graph theory", authors: ["Nicholas Byrne", ...filler("b", 3)] })]),
      ],
      {},
    );
    expect(same(r, "Nick Byrne", "Nicholas Byrne")).toBe(false);
    const apart = r.keptApart.find((m) => m.merged.includes("Nick Byrne"))!;
    expect(apart.evidence.join(" ")).toMatch(/context 0 < needed 2/);
  });
  it("J. Smith vs John Smith stays apart without context and merges with a shared co-author (constructed)", () => {
    const alone = resolveIdentity(
      [doc("a.txt", [rec("a.txt", { authors: ["J. Smith", "Femi Adeyemi"] })]), doc("b.txt", [rec("b.txt", { authors: ["John Smith", "Ivo Andric"] })])],
      {},
    );
    expect(same(alone, "J. Smith", "John Smith")).toBe(false);
    // Smith is a common surname: one shared co-author (2) is below the need (initial 2 + common 1).
    const sharedSmith = resolveIdentity(
      [doc("a.txt", [rec("a.txt", { authors: ["J. Smith", "Femi Adeyemi"] })]), doc("b.txt", [rec("b.txt", { authors: ["John Smith", "Femi Adeyemi"] })])],
      {},
    );
    expect(same(sharedSmith, "J. Smith", "John Smith")).toBe(false);
    const shared = resolveIdentity(
      [doc("a.txt", [rec("a.txt", { authors: ["J. Lindqvist", "Femi Adeyemi"] })]), doc("b.txt", [rec("b.txt", { authors: ["John Lindqvist", "Femi Adeyemi"] })])],
      {},
    );
    expect(same(shared, "J. Lindqvist", "John Lindqvist")).toBe(true);
  });
  it("an initial shared with two full names joins at most one of them (no chain John - J. - Jane)", () => {
    const r = resolveIdentity(
      [
        doc("a.txt", [
          rec("a.txt", { authors: ["J. Lindqvist", "Femi Adeyemi", "Goran Bregovic"] }),
          rec("a.txt", { authors: ["John Lindqvist", "Femi Adeyemi"] }),
          rec("a.txt", { authors: ["Jane Lindqvist", "Goran Bregovic"] }),
        ]),
      ],
      {},
    );
    expect(same(r, "John Lindqvist", "Jane Lindqvist")).toBe(false);
    expect(same(r, "J. Lindqvist", "John Lindqvist") !== same(r, "J. Lindqvist", "Jane Lindqvist")).toBe(true);
    expect(r.keptApart.some((m) => m.evidence.some((e) => /different given names "john" \/ "jane"|"jane" \/ "john"/.test(e)))).toBe(true);
  });
  it("never merges two names printed on one byline, even when they look alike", () => {
    const r = resolveIdentity([doc("a.txt", [rec("a.txt", { authors: ["Wei Wang", "Wei J. Wang", "Ivo Andric"] }), rec("a.txt", { authors: ["Wei Wang", "Ivo Andric"] })])], {});
    expect(same(r, "Wei Wang", "Wei J. Wang")).toBe(false);
  });
  it("consortium bylines are weak evidence: Hongwei Li / Hongwei Bran Li stay apart on two 60-name lists (003 pattern)", () => {
    const crowd = filler("c", 30);
    const r = resolveIdentity(
      [doc("listing.txt", [
        rec("listing.txt", { title: "Shapes", authors: [...crowd, "Hongwei Bran Li", ...filler("d", 30)] }),
        rec("listing.txt", { title: "Winners", authors: [...crowd, "Hongwei Li", ...filler("e", 30)] }),
      ])],
      {},
    );
    expect(same(r, "Hongwei Li", "Hongwei Bran Li")).toBe(false);
    const apart = r.keptApart.find((m) => m.merged.includes("Hongwei Li"))!;
    expect(apart.evidence.join(" ")).toMatch(/consortium bylines/);
  });
  it("the same paper from two listings aligns bylines: same position vouches for a variant", () => {
    const title = "A Topological Loss Function for Deep-Learning based Image Segmentation";
    const r = resolveIdentity(
      [
        doc("a.txt", [rec("a.txt", { title, authors: ["James R. Clough", "Nicholas Byrne", "Ilkay Oksuz"], authorsComplete: false })]),
        doc("b.txt", [rec("b.txt", { title, authors: ["James R. Clough", "Nick Byrne", "Ilkay Oksuz", "Andrew P. King"] })]),
      ],
      {},
    );
    expect(same(r, "Nick Byrne", "Nicholas Byrne")).toBe(true);
    expect(r.papers).toHaveLength(1);
    expect(r.papers[0]!.authors).toHaveLength(4);
  });
});

describe("profile pages", () => {
  // Modelled on seeds/001 (Andrew P. King's page) and seeds/000 (Karim Lekadir's page).
  it("binds the byline spelling of the page's person to the header, appends them to cut bylines, and keeps figures", () => {
    const d = doc(
      "king.txt",
      [
        rec("king.txt", { title: "Paper one", authors: ["George Webber", "Alexander Hammers", "Andrew King"], authorsComplete: false }),
        rec("king.txt", { title: "Paper two", authors: ["Tiarna Lee", "Esther Puyol-Anton", "Bram Ruijsink"], authorsComplete: false }),
        rec("king.txt", { title: "Paper three", authors: ["A. P. King", "Tiarna Lee"], authorsComplete: true }),
      ],
      { profile: "Andrew P. King" },
    );
    const r = resolveIdentity([d], {});
    const king = nodeOf(r, "Andrew P. King");
    expect(king.aliases).toEqual(["A. P. King", "Andrew King", "Andrew P. King"]);
    expect(king.papers).toHaveLength(3);
    expect(king.profile?.hIndex).toBe(10);
    const two = r.papers.find((p) => p.title === "Paper two")!;
    expect(two.authors[two.authors.length - 1]).toBe(king.key);
    expect(two.authors).toHaveLength(4);
    // Exactly once on each paper.
    for (const p of r.papers) expect(p.authors.filter((a) => a === king.key)).toHaveLength(1);
    expect(r.diagnostics).toEqual([]);
  });
  it("does not bind a different person sharing the page (Esther Puyol Anton on someone else's page)", () => {
    const d = doc("lekadir.txt", [rec("lekadir.txt", { title: "Paper", authors: ["Esther Puyol Anton", "Karim Lekadir"] })], { profile: "Karim Lekadir" });
    const r = resolveIdentity([d], {});
    expect(r.authors.map((a) => a.name).sort()).toEqual(["Esther Puyol Anton", "Karim Lekadir"]);
  });
  it("warns when a complete byline lacks the page's person and appends them", () => {
    const d = doc("x.txt", [rec("x.txt", { title: "Paper", authors: ["Tiarna Lee", "Bram Ruijsink"] })], { profile: "Andrew P. King" });
    const r = resolveIdentity([d], {});
    expect(r.papers[0]!.authors).toHaveLength(3);
    expect(r.diagnostics).toHaveLength(1);
    expect(r.diagnostics[0]).toMatchObject({ file: "x.txt", severity: "warning" });
  });
});

describe("display name, aliases and keys", () => {
  it("shows the fullest spelling with diacritics and keeps every spelling read (001 Puyol-Antón, 000 Campello)", () => {
    const d = doc("a.txt", [
      rec("a.txt", { authors: ["Esther Puyol Anton", "Víctor M. Campello"] }),
      rec("a.txt", { authors: ["Esther Puyol-Anton", "Víctor Manuel Campello"] }),
      rec("a.txt", { authors: ["Esther Puyol-Antón"] }),
      rec("a.txt", { authors: ["Tran Huy Nhat Phung1"] }),
    ]);
    const r = resolveIdentity([d], {});
    const e = nodeOf(r, "Esther Puyol Anton");
    expect(e.name).toBe("Esther Puyol-Antón");
    expect(e.key).toBe("a:puyol-anton|esther");
    expect(e.aliases).toEqual(["Esther Puyol Anton", "Esther Puyol-Anton", "Esther Puyol-Antón"]);
    expect(nodeOf(r, "Víctor M. Campello").name).toBe("Víctor Manuel Campello");
    expect(nodeOf(r, "Tran Huy Nhat Phung1").name).toBe("Tran Huy Nhat Phung");
    expect(new Set(r.authors.map((a) => a.key)).size).toBe(r.authors.length);
  });
  it("reports a name with no letters instead of dropping it silently", () => {
    const r = resolveIdentity([doc("a.txt", [rec("a.txt", { authors: ["Ivo Andric", "1"] })])], {});
    expect(r.authors).toHaveLength(1);
    expect(r.diagnostics[0]).toMatchObject({ file: "a.txt", severity: "warning" });
    expect(r.diagnostics[0]!.message).toMatch(/no letters/);
  });
  it("gives the same output for the same input, whatever the order of documents", () => {
    const a = doc("a.txt", [rec("a.txt", { title: "T1", authors: ["Nick Byrne", "James R. Clough"] })]);
    const b = doc("b.txt", [rec("b.txt", { title: "T2", authors: ["James Clough", "Nicholas Byrne"] })]);
    expect(JSON.stringify(resolveIdentity([b, a], {}))).toBe(JSON.stringify(resolveIdentity([a, b], {})));
  });
});
