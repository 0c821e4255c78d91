/**
 * Bounded work per token (issue 12, item 5): natural's Porter stemmer is quadratic in a word's length and the e-mail
 * pattern backtracked over long runs of non-spaces. A 40 KB file with one 40,000-character word spent 18-20 s in
 * topics; now such words are skipped and counted, and everything else in the text is still read.
 */
import { describe, expect, it } from "vitest";
import { extractTopics } from "../../../src/pipeline/topics";
import { lexField, MAX_TOKEN_LENGTH } from "../../../src/pipeline/topics/tokens";

const options = { maxTopics: 20, topicsPerPaper: 5 };
const timed = <T>(fn: () => T): { value: T; ms: number } => {
  const t0 = performance.now();
  const value = fn();
  return { value, ms: performance.now() - t0 };
};

describe("long words", () => {
  it("skips a 40,000-letter word before the stemmer, counts it, and keeps the words around it", () => {
    // constructed: the stemmer's worst case found by probing ("b" * 40000 + "ed" took 18 s, "a" * 40000 took 5 ms).
    const glued = "b".repeat(40_000) + "ed";
    const papers = [
      { key: "p:1", title: "Federated learning for brain tumour segmentation", abstract: `We study federated learning ${glued} for brain tumour segmentation.` },
      { key: "p:2", title: "Federated learning in radiology", abstract: "Federated learning trains models across hospitals." },
    ];
    const { value, ms } = timed(() => extractTopics(papers, options));
    expect(ms).toBeLessThan(5_000);
    expect(value.skippedLongTokens).toBe(1);
    expect(value.topics.map((t) => t.term.toLowerCase())).toEqual(expect.arrayContaining(["brain tumour segmentation"]));
    expect(value.paperTopics.get("p:1")?.length).toBeGreaterThan(0);
  }, 60_000);

  it("is linear on a long run of non-spaces holding an @ (the e-mail pattern)", () => {
    const abstract = "We study " + "a".repeat(20_000) + "@" + "b".repeat(20_000) + " things. Contact: jane.doe@example.org for data.";
    const { value, ms } = timed(() => lexField(abstract, false, () => false));
    expect(ms).toBeLessThan(3_000);
    const words = value.chunks.flat().map((t) => t.lower);
    expect(words).not.toContain("example");
    expect(words).toContain("things");
    expect(value.skippedLongTokens).toBe(2);
  }, 60_000);

  it("keeps a word of exactly MAX_TOKEN_LENGTH characters and skips one of MAX_TOKEN_LENGTH + 1", () => {
    const keep = "k".repeat(MAX_TOKEN_LENGTH);
    const skip = "s".repeat(MAX_TOKEN_LENGTH + 1);
    const lexed = lexField(`alpha ${keep} beta ${skip} gamma`, false, () => false);
    expect(lexed.chunks.map((c) => c.map((t) => t.lower.slice(0, 5)))).toEqual([["alpha", "kkkkk", "beta"], ["gamma"]]);
    expect(lexed.skippedLongTokens).toBe(1);
  });
});
