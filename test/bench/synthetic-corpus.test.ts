/**
 * The synthetic benchmark corpus: reproducible, heavy-tailed productivity, multi-word Zipf terms, and pages the real
 * profile reader accepts record for record (so the benchmark exercises the real readers, identity and topics).
 */
import { describe, expect, it } from "vitest";
import { readDocument } from "../../src/pipeline/formats";
import { generateCorpus, generateSyntheticCorpus } from "../../bench/synthetic";
import { FIELDS } from "../../bench/synthetic/vocabulary";

describe("synthetic corpus", () => {
  const corpus = generateSyntheticCorpus({ papers: 400, seed: 3 });

  it("is the same for the same seed and differs for another", () => {
    expect(generateCorpus({ papers: 400, seed: 3 })).toEqual(corpus.documents);
    expect(generateCorpus({ papers: 400, seed: 4 })).not.toEqual(corpus.documents);
  });

  it("has the requested number of papers with unique titles, each on at least one page", () => {
    expect(corpus.papers).toHaveLength(400);
    expect(new Set(corpus.papers.map((p) => p.title.toLowerCase())).size).toBe(400);
    const listed = new Set(corpus.documents.flatMap((d) => corpus.papers.filter((p) => d.text.includes(`\n${p.title}\n`)).map((p) => p.title)));
    expect(listed.size).toBe(400);
  });

  it("has heavy-tailed author productivity and realistic bylines", () => {
    const counts = new Map<number, number>();
    for (const p of corpus.papers) for (const a of p.authors) counts.set(a, (counts.get(a) ?? 0) + 1);
    const sorted = [...counts.values()].sort((a, b) => b - a);
    const ones = sorted.filter((c) => c === 1).length;
    expect(ones / sorted.length).toBeGreaterThan(0.3);
    expect(sorted[0]!).toBeGreaterThan(15);
    const mean = corpus.papers.reduce((s, p) => s + p.authors.length, 0) / corpus.papers.length;
    expect(mean).toBeGreaterThan(3);
    expect(mean).toBeLessThan(6);
    expect(corpus.papers.every((p) => new Set(p.authors).size === p.authors.length)).toBe(true);
  });

  it("draws subject terms with a Zipf law: a field's first term is far more common than its last", () => {
    const text = corpus.papers.map((p) => `${p.title} ${p.abstract}`.toLowerCase()).join("\n");
    const freq = (t: string) => text.split(t.toLowerCase()).length - 1;
    const field = FIELDS[0]!;
    expect(freq(field.terms[0]!)).toBeGreaterThan(4 * Math.max(1, freq(field.terms[field.terms.length - 1]!)));
  });

  it("is read by the real profile reader: every entry a record, no errors", () => {
    let records = 0;
    for (const d of corpus.documents) {
      const parsed = readDocument(d);
      expect(parsed.format, d.file).toBe("profile");
      expect(parsed.diagnostics.filter((x) => x.severity === "error"), d.file).toEqual([]);
      expect(parsed.profile?.name, d.file).toBe(d.text.split("\n")[0]);
      records += parsed.records.length;
    }
    const entries = corpus.documents.reduce((s, d) => s + Number(/\n(\d+) Papers\n/.exec(d.text)![1]), 0);
    expect(records).toBe(entries);
    const first = readDocument(corpus.documents[0]!).records[0]!;
    const paper = corpus.papers.find((p) => p.title === first.title)!;
    expect(first.authors.length).toBe(paper.authors.length > 10 ? 3 : paper.authors.length);
    expect(first.categories).toEqual([paper.category]);
    const pad = (n: number) => String(n).padStart(2, "0");
    expect(first.date).toBe(`${paper.year}-${pad(paper.month + 1)}-${pad(paper.day)}`);
  });
});
