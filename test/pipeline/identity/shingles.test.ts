/**
 * The typed shingle index against what it replaced: the word scan equals normalizeText + split on any text (a property
 * test over arbitrary Unicode, plus constructed LaTeX, ampersand, diacritic and astral-letter cases), shingle values are
 * sorted and distinct, and the index lists exactly the records sharing a shingle, without boilerplate.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ShingleIndex, shingleValues, wordHashes, wordHashesByRegex } from "../../../src/pipeline/identity/shingles";

describe("abstract shingles", () => {
  it("scans words exactly as normalizeText(...).split(' ') does", () => {
    const cases = [
      // constructed: LaTeX commands, escapes, ampersands, digits glued to commands, doubled backslashes
      "Dice \\alpha2 and \\textbf{bold} R\\&D \\\\ab x\\y & z&w",
      // constructed: diacritics, special letters, curly quotes and dashes, Greek, CJK and an astral letter
      "Puyol-Antón’s “Ørsted” model – Straße µm ΔT 深度学习 𝐀𝐁 test",
      "",
      "   ...   ",
      "UPPER lower MiXeD 123abc abc123",
    ];
    for (const c of cases) expect([...wordHashes(c)], c).toEqual([...wordHashesByRegex(c)]);
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 80 }), (s) => {
        expect([...wordHashes(s)]).toEqual([...wordHashesByRegex(s)]);
      }),
      { numRuns: 400 },
    );
    fc.assert(
      fc.property(fc.array(fc.constantFrom("a", "B", "é", "\\", "&", " ", "-", "1", "ß", "\u0301", "Ø", "x", "\\ab"), { maxLength: 40 }), (parts) => {
        const s = parts.join("");
        expect([...wordHashes(s)]).toEqual([...wordHashesByRegex(s)]);
      }),
      { numRuns: 400 },
    );
  });

  it("gives sorted distinct values, one per distinct 5-word window", () => {
    const v = shingleValues("one two three four five six one two three four five six");
    // 12 words: 8 windows, of which "one two three four five" and "two three four five six" repeat.
    expect(v.length).toBe(6);
    for (let i = 1; i < v.length; i++) expect(v[i]!).toBeGreaterThan(v[i - 1]!);
    expect(shingleValues("too short").length).toBe(0);
    expect(shingleValues(null).length).toBe(0);
  });

  it("indexes the records sharing a shingle, skipping unindexed records, singletons and boilerplate", () => {
    const text = (k: number) => `shared words make this shingle here ${"w" + k} ${"v" + k} ${"u" + k} ${"t" + k} ${"s" + k}`;
    const sets = Array.from({ length: 60 }, (_, k) => shingleValues(text(k)));
    const common = shingleValues("shared words make this shingle")[0]!;
    const postings = (index: ShingleIndex, v: number) => {
      const slot = index.slot(v);
      return [...index.list.subarray(index.start[slot]!, index.start[slot + 1]!)];
    };
    const few = new ShingleIndex(sets, (r) => r < 5 && r !== 2, 50);
    expect(postings(few, common)).toEqual([0, 1, 3, 4]);
    // Held by record 7 only (record 7 is not indexed anyway): no postings.
    expect(postings(few, [...sets[7]!].find((v) => v !== common)!)).toEqual([]);
    // Held by all 60 indexed records: boilerplate beyond 50, no postings.
    const all = new ShingleIndex(sets, () => true, 50);
    expect(postings(all, common)).toEqual([]);
    const wide = new ShingleIndex(sets, () => true, 100);
    expect(postings(wide, common)).toEqual(Array.from({ length: 60 }, (_, k) => k));
  });

  it("grows its table past the first estimate without losing counts", () => {
    // constructed: 3,000 records of distinct random-looking words, each shingle held twice (records 2k and 2k+1)
    const sets: Float64Array[] = [];
    for (let k = 0; k < 1500; k++) {
      const words = Array.from({ length: 30 }, (_, i) => `w${k}x${i}`).join(" ");
      sets.push(shingleValues(words), shingleValues(words));
    }
    const index = new ShingleIndex(sets, () => true, 50);
    for (const k of [0, 777, 1499]) {
      for (const v of sets[2 * k]!) {
        const slot = index.slot(v);
        expect([...index.list.subarray(index.start[slot]!, index.start[slot + 1]!)]).toEqual([2 * k, 2 * k + 1]);
      }
    }
  });
});
