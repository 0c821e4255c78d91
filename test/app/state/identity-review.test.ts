/**
 * The identity review panel's pure logic: the search and order of the decisions, the pending-corrections reducer, and
 * the thesaurus the pending corrections make, on the real seeds review (test/fixtures/seeds-build.ts) and on
 * constructed decisions (an ORCID merge, which the seeds do not hold).
 */
import { describe, expect, it } from "vitest";
import type { GraphAttributes, IdentityDecision, IdentityReview } from "../../../src/model/graph-file";
import { splitDecision } from "../../../src/model/identity-corrections";
import { parseThesaurus } from "../../../src/pipeline/identity/thesaurus";
import {
  correctedThesaurus,
  describeCorrection,
  idKind,
  NO_PENDING,
  pendingReducer,
  reviewRows,
  vosviewerFile,
  type PendingState,
} from "../../../src/app/state/identity-review";
import { seedsBuild } from "../../fixtures/seeds-build";

const seedsReview = () => (seedsBuild().graph.getAttributes() as GraphAttributes).identityReview!;

const decision = (over: Partial<IdentityDecision>): IdentityDecision => ({
  keys: ["a:x"],
  sides: [["A"], ["B"]],
  basis: "context",
  evidence: [],
  penalty: 1,
  context: 1,
  doubt: 0.5,
  correctable: true,
  ...over,
});

describe("reviewRows", () => {
  it("lists every merge and near miss of the seeds, most doubtful first", () => {
    const review = seedsReview();
    const rows = reviewRows(review, "");
    expect(rows).toHaveLength(review.merges.length + review.keptApart.length);
    const doubts = rows.map((r) => r.decision.doubt);
    expect(doubts).toEqual([...doubts].sort((a, b) => b - a));
  });

  it("finds a decision by a spelling, up to case, accents and dots, and by evidence", () => {
    const review = seedsReview();
    const byrne = reviewRows(review, "nick BYRNE");
    expect(byrne.map((r) => r.decision.sides)).toContainEqual([["Nick Byrne"], ["Nicholas Byrne"]]);
    expect(byrne.every((r) => r.decision.sides.flat().some((s) => /Nick/.test(s)))).toBe(true);
    expect(reviewRows(review, "James R. Clough").some((r) => r.decision.keys[0] === "a:byrne|nicholas")).toBe(true);
    expect(reviewRows(review, "no such person zzz")).toEqual([]);
    // Accents fold both ways (the haystack of a non-ASCII decision is normalised).
    expect(reviewRows(review, "Ines Machado").map((r) => r.decision.keys[0])).toContain("a:machado|ines-p");
    expect(reviewRows(review, "INÊS").map((r) => r.decision.keys[0])).toContain("a:machado|ines-p");
  });

  it("breaks doubt ties with merges before near misses, then the review's order", () => {
    const review: IdentityReview = {
      merges: [decision({ doubt: 0 }), decision({ doubt: 0.2 })],
      keptApart: [decision({ doubt: 0.2, basis: "context" })],
      thesaurus: [],
      topicThesaurus: [],
    };
    expect(reviewRows(review, "").map((r) => `${r.list}:${r.index}`)).toEqual(["merge:1", "keptApart:0", "merge:0"]);
  });
});

describe("idKind", () => {
  it("marks ORCID and author-id merges, and nothing else", () => {
    expect(idKind(decision({ basis: "author-id", evidence: [{ text: "same ORCID 0000-0002-1825-0097", weight: 0 }] }))).toBe("ORCID");
    expect(idKind(decision({ basis: "author-id", evidence: [{ text: "same OpenAlex author id A5023888391", weight: 0 }] }))).toBe("author id");
    expect(idKind(decision({ basis: "context" }))).toBeNull();
  });
});

describe("pendingReducer", () => {
  const split = splitDecision(decision({ sides: [["Nick Byrne"], ["Nicholas Byrne"]] }));
  it("adds with increasing ids, undoes one, clears all", () => {
    let s: PendingState = NO_PENDING;
    s = pendingReducer(s, { type: "add", correction: split, label: "a" });
    s = pendingReducer(s, { type: "add", correction: { kind: "rename", spelling: "X", name: "Y" }, label: "b" });
    expect(s.items.map((i) => [i.id, i.label])).toEqual([[1, "a"], [2, "b"]]);
    s = pendingReducer(s, { type: "undo", id: 1 });
    expect(s.items.map((i) => i.id)).toEqual([2]);
    expect(pendingReducer(s, { type: "undo", id: 99 })).toBe(s);
    s = pendingReducer(s, { type: "clear" });
    expect(s.items).toEqual([]);
    expect(s.nextId).toBe(3);
  });

  it("keeps one correction per review row: a second action on the row replaces the first", () => {
    const row = { list: "merge" as const, index: 4 };
    let s = pendingReducer(NO_PENDING, { type: "add", correction: split, label: "a", row });
    s = pendingReducer(s, { type: "add", correction: split, label: "b", row });
    expect(s.items.map((i) => i.label)).toEqual(["b"]);
  });
});

describe("correctedThesaurus", () => {
  it("keeps the build's lines and topic lines, adds the corrections, and the CLI's parser reads it back", () => {
    const review = seedsReview();
    const byrne = review.merges.find((m) => m.keys[0] === "a:byrne|nicholas" && m.basis === "context")!;
    const c = splitDecision(byrne);
    expect(describeCorrection(c)).toBe("Split Nick Byrne from Nicholas Byrne");
    const pending = [
      { id: 1, correction: c, label: describeCorrection(c) },
      { id: 2, correction: { kind: "rename" as const, spelling: "Andrew P. King", name: "Andy King" }, label: "r" },
    ];
    const t = correctedThesaurus(review, pending);
    expect(t.notes).toEqual([]);
    const lines = t.csv.split("\n");
    for (const l of review.thesaurus) expect(lines).toContain([l.action, ...l.names].join(","));
    expect(lines).toContain("split,Nick Byrne,Nicholas Byrne");
    expect(lines).toContain("rename,Andrew P. King,Andy King");
    const parsed = parseThesaurus(t.csv, "thesaurus.csv");
    expect(parsed.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(parsed.thesaurus.entries).toHaveLength(review.thesaurus.length + 2);
    expect(parsed.thesaurus.topics).toHaveLength(review.topicThesaurus.length);
  });

  it("in VOSviewer's format maps every spelling of a renamed person and counts the split left out", () => {
    const review: IdentityReview = { merges: [], keptApart: [], thesaurus: [], topicThesaurus: [] };
    const pending = [
      { id: 1, correction: splitDecision(decision({ sides: [["Nick Byrne"], ["Nicholas Byrne"]] })), label: "s" },
      { id: 2, correction: { kind: "rename" as const, spelling: "Andrew P. King", name: "Andy King" }, label: "r" },
    ];
    const v = vosviewerFile(review, pending, [{ name: "Andrew P. King", aliases: ["A. P. King", "Andrew King", "Andrew P. King"] }]);
    expect(v.leftOut).toBe(1);
    expect(v.text).toBe("label\treplace by\nA. P. King\tAndy King\nAndrew King\tAndy King\nAndrew P. King\tAndy King\n");
  });
});
